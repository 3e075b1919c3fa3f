/**
 * Scanned PDFs (no text layer): pages rendered with poppler's `pdftoppm` and read by Tesseract
 * (`tesseract-ocr` + `tesseract-ocr-chi-sim`), whose word boxes (TSV) become the same `Frag`s the
 * pdfjs glyph reader gives (geometry.ts), so the geometry table reader (tables/) reads a scanned table
 * as it reads a text PDF's. Used by index.ts only when a PDF has no text layer.
 *
 * Settings measured on scans made from a drawn budget PDF (tests/ocr, 5 pages, 114 amounts, 550
 * Chinese characters). Resolution: the scan's own (the page image's pixels per inch, from `pdfimages`):
 * a 200 dpi scan rendered at 200 dpi read 109 amounts and 538 characters, at 300 dpi only 85 and 522
 * (upsampling blurs the strokes); a 300 dpi scan read 112 at 300 dpi, 111 at 200. Page segmentation
 * mode 4 (a column of lines of variable size) read the most; 11 (sparse text) 104/114, 3 (automatic)
 * lost table text, 6 (one uniform block) took the table rules for characters and lost decimal points
 * (23/114). But mode 4 cuts a page of left-aligned lines (a contents page, numbered headings) into
 * columns, and the first character of each line (一、二、第) is lost in slivers of one or two characters:
 * such a page is read again in mode 6 and the surer reading kept (a real 长春 contents page: 一、主要职能
 * instead of 、主要职能; its tables stay with mode 4, whose reading of them scores far higher).
 * One Tesseract thread per page (OMP_THREAD_LIMIT=1) is about twice as fast as its default
 * threading on a busy 2-core machine, and the ingest already runs one worker per core.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildLines, isNumberText, median, type Frag, type VLine } from './geometry.js';
import type { PdfResult } from './index.js';
import { assemblePages } from './pages.js';
import { TOLERANCES } from './tolerances.js';

const run = promisify(execFile);

/** Resolution for a page without an image (dpi), and the range a scan's own resolution is kept in. */
export const OCR_DPI = 300;
const DPI_RANGE: [number, number] = [150, 400];
export const OCR_PSM = 4;
export const OCR_LANG = 'chi_sim';
/** The second reading of a page mode 4 cut into slivers: one uniform block of text. */
const OCR_PSM_BLOCK = 6;
/** This many blocks of at most two characters make a page cut into slivers (count). */
const SPLIT_BLOCKS = 2;
/** The block reading replaces mode 4's only when it scores this much more (ratio): mode 4 reads tables better. */
const BLOCK_MARGIN = 1.05;

/** Blocks of at most two characters in a TSV: a column cut off at a margin (the first characters of lines). */
export function splitBlocks(tsv: string): number {
  const text = new Map<string, string>();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    text.set(f[2], (text.get(f[2]) ?? '') + f[11].trim());
  }
  return [...text.values()].filter((t) => t.length > 0 && [...t].length <= 2).length;
}

/** How much a reading says, and how surely: the characters of its words weighted by their confidence. */
export function tsvScore(tsv: string): number {
  let score = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    score += (Math.max(0, Number(f[10])) / 100) * [...f[11].trim()].length;
  }
  return score;
}

/** Said in every "tools missing" reason: the cache does not keep such a result (cache.ts). */
export const OCR_TOOLS_MISSING = '缺少文字识别（OCR）工具';

/** The Tesseract program: `TESSERACT` in the environment (a path), else `tesseract` on the PATH. */
const tesseract = () => process.env.TESSERACT || 'tesseract';

const toolsChecked = new Map<string, Promise<string[]>>();

/** Which OCR tools are missing (Debian package names); empty when OCR can run. Checked once per program. */
export function missingOcrTools(): Promise<string[]> {
  const program = tesseract();
  const known = toolsChecked.get(program);
  if (known) return known;
  const check = (async () => {
    const missing: string[] = [];
    try {
      await run('pdftoppm', ['-v']);
    } catch {
      missing.push('poppler-utils');
    }
    try {
      const { stdout, stderr } = await run(program, ['--list-langs']);
      if (!`${stdout}\n${stderr}`.split(/\s+/).includes(OCR_LANG)) missing.push('tesseract-ocr-chi-sim');
    } catch {
      missing.push('tesseract-ocr', 'tesseract-ocr-chi-sim');
    }
    return missing;
  })();
  toolsChecked.set(program, check);
  return check;
}

/** One page as read by OCR: its visual lines and height in PDF points (72 per inch). */
export interface OcrPage {
  lines: VLine[];
  height: number;
}

/** The pages of the last document OCR'd, by page number, so a second read (ingest-file's early look) costs nothing. */
let memo: { key: string; pages: Map<number, OcrPage> } = { key: '', pages: new Map() };

/**
 * OCR pages `from`..`to` (1-based, inclusive) of a PDF. Throws when a tool fails (the caller words
 * the reason).
 */
export async function ocrPages(bytes: Uint8Array, from: number, to: number): Promise<OcrPage[]> {
  const list: number[] = [];
  for (let n = from; n <= to; n++) list.push(n);
  const got = await ocrPageList(bytes, list);
  return list.map((n) => got.get(n)!);
}

/**
 * OCR the listed pages (1-based) of a PDF; with `imagesOnly`, only those holding an image (a scanned
 * page, not a blank one). Throws when a tool fails.
 */
export async function ocrPageList(bytes: Uint8Array, list: number[], imagesOnly = false): Promise<Map<number, OcrPage>> {
  const key = createHash('sha256').update(bytes).digest('hex');
  if (memo.key !== key) memo = { key, pages: new Map() };
  let todo = list.filter((n) => !memo.pages.has(n));
  const got = new Map<number, OcrPage>();
  if (todo.length > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'budget-ocr-'));
    try {
      const pdf = join(dir, 'source.pdf');
      writeFileSync(pdf, bytes);
      const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
      const ppi = await imageResolutions(pdf);
      if (imagesOnly) todo = todo.filter((n) => ppi.has(n));
      for (const n of todo) {
        const image = join(dir, `p${n}`);
        const dpi = ppi.get(n) ?? OCR_DPI;
        // grey PGM: PNG compression of a 300 dpi page costs more than the OCR itself
        await run('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(n), '-l', String(n), '-singlefile', pdf, image]);
        const ocr = async (psm: number) =>
          (await run(tesseract(), [`${image}.pgm`, '-', '-l', OCR_LANG, '--psm', String(psm), 'tsv'], { env, maxBuffer: 64 * 1024 * 1024 })).stdout;
        let tsv = await ocr(OCR_PSM);
        // text cut into columns at a left margin (一、… lines losing their first character): read the page
        // as one block too, and keep whichever reading is surer
        if (splitBlocks(tsv) >= SPLIT_BLOCKS) {
          const block = await ocr(OCR_PSM_BLOCK);
          if (tsvScore(block) > tsvScore(tsv) * BLOCK_MARGIN) tsv = block;
        }
        rmSync(`${image}.pgm`, { force: true });
        memo.pages.set(n, tsvToPage(tsv, dpi));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const n of list) {
    const page = memo.pages.get(n);
    if (page) got.set(n, page);
  }
  return got;
}

/**
 * The pages without a text layer of a PDF that has one elsewhere, read by OCR where they hold an image
 * (a scanned page among text pages); blank pages and, without the OCR tools, every page are left out.
 */
export async function ocrEmptyPages(bytes: Uint8Array, empty: number[]): Promise<Map<number, OcrPage>> {
  if (empty.length === 0 || (await missingOcrTools()).length > 0) return new Map();
  try {
    const got = await ocrPageList(bytes, empty, true);
    for (const [n, p] of got) if (p.lines.length === 0) got.delete(n);
    return got;
  } catch {
    return new Map();
  }
}

/** Each page's scan resolution: the pixels per inch of its largest image, within DPI_RANGE. */
async function imageResolutions(pdf: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const area = new Map<number, number>();
  try {
    const { stdout } = await run('pdfimages', ['-list', pdf], { maxBuffer: 16 * 1024 * 1024 });
    for (const row of stdout.split('\n').slice(2)) {
      const f = row.trim().split(/\s+/);
      const [page, width, height, ppi] = [Number(f[0]), Number(f[3]), Number(f[4]), Number(f[12])];
      if (!(page > 0 && ppi > 0) || width * height <= (area.get(page) ?? 0)) continue;
      area.set(page, width * height);
      out.set(page, Math.round(Math.min(DPI_RANGE[1], Math.max(DPI_RANGE[0], ppi))));
    }
  } catch {
    // no image list: the default resolution
  }
  return out;
}

interface Word {
  left: number;
  top: number;
  right: number;
  bottom: number;
  text: string;
}

/** Vertical rules and box edges Tesseract reads as characters. */
const RULE_MARKS = /^[|｜丨[\]【】_]+|[|｜丨[\]【】_]+$/g;

const FULL_WIDTH: Record<string, string> = { ':': '：', ';': '；', ',': '，', '?': '？', '!': '！', '(': '（', ')': '）' };

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Tesseract TSV (one page) → visual lines in PDF points, as glyph positions would give them. */
export function tsvToPage(tsv: string, dpi: number): OcrPage {
  const scale = 72 / dpi;
  let height = 0;
  const lines = new Map<string, Word[]>();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const [level, , block, par, line, , left, top, width, h] = f.slice(0, 10).map(Number);
    if (level === 1) height = (top + h) * scale;
    if (level !== 5) continue;
    const text = cleanWord(f.slice(11).join('\t'));
    if (!text) continue;
    const k = `${block}.${par}.${line}`;
    const words = lines.get(k) ?? [];
    words.push({ left, top, right: left + width, bottom: top + h, text });
    lines.set(k, words);
  }
  const frags: Frag[] = [];
  for (const words of lines.values()) frags.push(...lineFrags(words, scale));
  return { lines: buildLines(joinPunctuation(frags), { hardGap: TOLERANCES.lines.pdfHardGap + OCR_INK_GAP }), height };
}

/**
 * A word's text: full-width digits and letters narrowed (１２ → 12; Chinese punctuation kept), rule
 * marks at its ends dropped, and quotation marks that cannot be text (a closing one opening a word, an
 * opening one ending it, one against a number: a table rule read as a quote) removed.
 */
export function cleanWord(raw: string): string {
  let t = raw
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => ch.normalize('NFKC'))
    .trim()
    .replace(RULE_MARKS, '')
    .replace(/^[”’]+|[“‘]+$/g, '')
    .replace(/^[“”"]+(?=\d)|(?<=\d)[“”"]+$/g, '');
  // 1,234，56 or 1.234.56 in a number: the OCR's separators, as printed
  t = t.replace(/(?<=\d)[，,](?=\d{3}(?!\d))/g, ',');
  return t.trim();
}

/**
 * One Tesseract line's words → fragments. Tesseract writes a space between Chinese characters (each
 * is a "word") and splits numbers at separators (`1,` `234.56`): words closer than half a character
 * are joined without a space; wider gaps stay apart for geometry.ts (a cell boundary or a space).
 */
function lineFrags(words: Word[], scale: number): Frag[] {
  words.sort((a, b) => a.left - b.left);
  const cjkHeights = words.filter((w) => CJK.test(w.text)).map((w) => w.bottom - w.top);
  const otherHeights = words.map((w) => w.bottom - w.top);
  // ink height → font size: a Chinese character fills ~0.9 of the size, a digit ~0.72
  const size = (cjkHeights.length ? median(cjkHeights) / 0.9 : median(otherHeights) / 0.72) * scale;
  // the median: Tesseract gives some Chinese words a box reaching into the next line
  const baseline = median(words.map((w) => w.bottom)) * scale;
  const out: Frag[] = [];
  let cur: Frag | null = null;
  for (const w of words) {
    const x0 = w.left * scale;
    const x1 = w.right * scale;
    // a number cut after its decimal point or separator (1682. 76) is joined across a wider gap
    const cut = cur !== null && /\d[.,]$/.test(cur.text) && /^\d/.test(w.text) && x0 - cur.x1 < size * OCR_NUMBER_GAP;
    // full-width punctuation has its ink at one side of its square: （ 、 ， leave a wide blank beside them
    const punct = cur !== null && (/[、，。：；）》」』]$/.test(cur.text) || /^[（《「『]/.test(w.text)) && x0 - cur.x1 < size * OCR_PUNCT_GAP;
    const gap = cur ? x0 - cur.x1 : 0;
    // a wider gap inside text (a title's characters spaced out) is still one piece, as a glyph run would be
    const text = cur !== null && gap < size * OCR_WIDE_JOIN_GAP && !isNumberText(cur.text) && !isNumberText(w.text);
    if (cur && (gap < size * OCR_JOIN_GAP || cut || punct || text)) {
      cur.text = joinWords(cur.text, w.text);
      cur.x1 = Math.max(cur.x1, x1);
    } else {
      if (cur) out.push(cur);
      cur = { x0, x1, y: baseline, size, text: w.text };
    }
  }
  if (cur) out.push(cur);
  for (const f of out) f.text = fullWidthPunctuation(f.text);
  return out;
}

/** Tesseract writes ASCII punctuation in Chinese text (部门:某局, 事务(室)): the full-width forms printed. */
export function fullWidthPunctuation(t: string): string {
  return t
    // a bracket closed by a parenthesis is a misread parenthesis: 信访局〈本级） → 信访局（本级）
    .replace(/〈(?=[^〈〉（）()]*[)）])/g, '（')
    .replace(/(?<=[(（][^〈〉（）()]*)〉/g, '）')
    .replace(/(?<=\p{Script=Han})[:;,?!]|[:;,?!](?=\p{Script=Han})/gu, (ch) => FULL_WIDTH[ch])
    .replace(/\((?=\p{Script=Han})|(?<=\p{Script=Han})\)/gu, (ch) => FULL_WIDTH[ch])
    // one half of a pair full-width, the other ASCII: （预算表1) → （预算表1）
    .replace(/（([^（）()]*)\)/g, '（$1）')
    .replace(/\(([^（）()]*)）/g, '（$1）');
}

const facing = (a: Frag, b: Frag) => (/[、，。：；）》」』]$/.test(a.text) || /^[（《「『]/.test(b.text)) && b.x0 - a.x1 < Math.max(a.size, b.size) * OCR_PUNCT_GAP && b.x0 >= a.x0;

/** Fragments Tesseract put in different lines (blocks) but on one baseline, facing across full-width punctuation: one fragment. */
function joinPunctuation(frags: Frag[]): Frag[] {
  const sorted = [...frags].sort((a, b) => a.x0 - b.x0);
  const out: Frag[] = [];
  for (const f of sorted) {
    const prev = out.find((p) => Math.abs(p.y - f.y) <= TOLERANCES.lines.sameBaseline * Math.max(p.size, f.size) && p.x1 <= f.x0 + 1 && facing(p, f));
    if (prev) {
      prev.text += f.text;
      prev.x1 = Math.max(prev.x1, f.x1);
    } else out.push({ ...f });
  }
  return out;
}

/** Words closer than this many sizes are one piece of text (no space between Chinese characters). */
const OCR_JOIN_GAP = 0.5;
/** Words of text (not numbers) closer than this many sizes are one piece too (below the cell boundary, OCR_INK_GAP). */
const OCR_WIDE_JOIN_GAP = 0.9;
/** A word ending in a decimal point or separator and a number closer than this many sizes are one number. */
const OCR_NUMBER_GAP = 0.9;
/** …and a word after full-width punctuation facing it (sizes). */
const OCR_PUNCT_GAP = 1.4;
/**
 * Word boxes are ink boxes, glyph positions advance boxes: a gap between two words looks wider by the
 * side bearings of the characters around it, so a cell boundary needs this much more (sizes).
 */
const OCR_INK_GAP = 0.2;

/** Join two adjacent words: Latin words keep a space; Chinese, numbers split at a separator, and punctuation do not. */
export function joinWords(a: string, b: string): string {
  if (/[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b)) return `${a} ${b}`;
  return a + b;
}

export interface ScanOptions {
  /** OCR only the first this many pages (a first look: enough to tell a disclosure from a notice). */
  firstPages?: number;
}

/**
 * A PDF without a text layer read by OCR, as readPdf's result: `noTextLayer` is the reason readPdf
 * would give without OCR (kept, with the missing tools named, when they are not installed).
 */
export async function readScanned(bytes: Uint8Array, numPages: number, noTextLayer: string, opts: ScanOptions = {}): Promise<PdfResult> {
  const missing = await missingOcrTools();
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `${noTextLayer.replace(/。.*$/, '')}。需要文字识别（OCR）才能读取，但${OCR_TOOLS_MISSING}：请安装 Debian 软件包 ${missing.join('、')}（apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils）后重试，或使用部门发布的可复制文字版 PDF`,
    };
  }
  const last = Math.min(numPages, opts.firstPages ?? numPages);
  let pages: OcrPage[];
  try {
    pages = await ocrPages(bytes, 1, last);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, reason: `PDF 没有文字层（共 ${numPages} 页，可能是扫描件或图片），文字识别（OCR）失败（${msg.slice(0, 120)}）：请确认文件完整，或使用部门发布的可复制文字版 PDF` };
  }
  const { lines } = assemblePages(pages.map((p) => ({ lines: p.lines, height: p.height })));
  if (lines.every((l) => l.text.trim() === '')) {
    return { ok: false, reason: `PDF 没有文字层（共 ${numPages} 页，可能是扫描件或图片），文字识别（OCR）也没有读出文字：请使用部门发布的可复制文字版 PDF` };
  }
  const empty = pages.flatMap((p, i) => (p.lines.length === 0 ? [i + 1] : []));
  const notes = [`PDF 没有文字层（扫描件），${last < numPages ? `前 ${last} 页（共 ${numPages} 页）` : `全部 ${numPages} 页`}经文字识别（OCR）读取：识别出的文字和数字可能有误，核对不一致之处只作为未能完整读取的部分，不作为原文的问题`];
  if (empty.length > 0) notes.push(`第 ${empty.join('、')} 页没有识别出文字`);
  return { ok: true, lines, note: notes.join('；'), ocr: { pages: numPages, read: last } };
}
