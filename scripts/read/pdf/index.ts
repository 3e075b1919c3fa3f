/**
 * PDF sources: glyph positions (pdfjs-dist, with its CMaps for Chinese fonts) → visual lines → lines
 * with tab-separated cells (see geometry.ts, tables/, pages.ts; tolerances.ts). Pages are read one at a time and
 * released, so a 262-page document stays small in memory. Never throws: scanned (no text layer),
 * encrypted and damaged files come back as { ok: false, reason } in Chinese.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourceLine } from '../../segment/ir.js';
import { buildLines, type Frag } from './geometry.js';
import { assemblePages, type PageInput } from './pages.js';
import { extractRules, type Rules } from './rules.js';
import { TOLERANCES } from './tolerances.js';
import { ocrEmptyPages, readScanned } from './ocr.js';

export type PdfResult =
  /** `ocr`: the PDF has no text layer and was read by OCR (ocr.ts): its page count and how many were read. */
  /** `ocrPages`: pages without a text layer in a PDF that has one, read by OCR. */
  | { ok: true; lines: SourceLine[]; note: string | null; ocr?: { pages: number; read: number }; ocrPages?: number[] }
  | { ok: false; reason: string };

export interface ReadPdfOptions {
  /** A scan: OCR only its first this many pages (a first look, see pipeline/ingest-file.ts). */
  ocrFirstPages?: number;
  /** false: a PDF without a text layer is refused, not read by OCR (default true). */
  ocr?: boolean;
}

const T = TOLERANCES.glyphs;

function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

function describe(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'PasswordException') {
    return 'PDF 已加密（需要密码才能打开），无法读取文字：请用原密码解除保护后另存为不加密的 PDF，或改用 pdftotext -layout 导出的文本';
  }
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    return 'PDF 文件已损坏或不完整（无法解析文件结构）：请重新下载原文件，或用 PDF 阅读器打开后另存一份再试';
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `PDF 无法读取（${msg.slice(0, 120)}）：请确认文件完整，或用 pdftotext -layout 转成文本后放入来源目录`;
}

export async function readPdf(bytes: Uint8Array, opts: ReadPdfOptions = {}): Promise<PdfResult> {
  let pdfjs: PdfJs;
  try {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  } catch {
    return { ok: false, reason: '缺少 PDF 解析库 pdfjs-dist：请运行 npm install 后重试' };
  }
  const dir = pdfjsDir();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']> | null = null;
  try {
    const task = pdfjs.getDocument({
      // pdfjs takes ownership of (and may detach) the buffer it is given: pass a copy.
      data: new Uint8Array(bytes),
      cMapUrl: join(dir, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(dir, 'standard_fonts') + '/',
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    doc = await task.promise;
  } catch (e) {
    return { ok: false, reason: describe(e) };
  }
  try {
    const pages: PageInput[] = [];
    const empty: number[] = [];
    let glyphs = 0;
    let textPages = 0; // pages with at least a line's worth of text
    for (let n = 1; n <= doc.numPages; n++) {
      let frags: Frag[] = [];
      let height = 0;
      let rules: Rules | undefined;
      try {
        const page = await doc.getPage(n);
        const vp = page.getViewport({ scale: 1 });
        height = vp.height;
        const tc = await page.getTextContent();
        for (const it of tc.items) {
          if (!('str' in it) || !it.str || !it.str.trim()) continue;
          // Visual coordinates (page rotation applied, y downwards).
          const t = pdfjs.Util.transform(vp.transform, it.transform);
          const size = Math.hypot(t[2], t[3]) || Math.abs(it.height) || 1;
          const rotated = Math.abs(t[1]) > Math.abs(t[0]) * T.rotatedSlope;
          const x0 = t[4];
          const width = rotated ? size * [...it.str].length : Math.abs(it.width) * Math.hypot(vp.transform[0], vp.transform[1]);
          frags.push({ x0, x1: x0 + width, y: t[5], size, text: it.str.normalize('NFKC') === it.str ? it.str : normalizeGlyphs(it.str) });
        }
        glyphs += frags.length;
        // a page number or a dash is not text: a page counts when it has a few letters or characters
        if (frags.reduce((n, f) => n + f.text.replace(/[\s\d\p{P}\p{S}]+/gu, '').length, 0) >= T.minPageCharacters) textPages++;
        // Rules matter only around tables: skip the drawing operators of pages without a row of amounts.
        if (frags.length > 0 && mayHoldTable(frags)) {
          try {
            const ol = await page.getOperatorList({ intent: 'display' });
            rules = extractRules(ol.fnArray, ol.argsArray, vp.transform, pdfjs.OPS);
          } catch {
            rules = undefined;
          }
        }
        page.cleanup();
      } catch {
        frags = [];
      }
      if (frags.length === 0) empty.push(n);
      pages.push({ lines: buildLines(frags, { hardGap: TOLERANCES.lines.pdfHardGap }), height, rules });
    }
    // no text layer (a scan): read by OCR when Tesseract is installed (ocr.ts)
    const scanned = async (reason: string): Promise<PdfResult> =>
      opts.ocr === false ? { ok: false, reason } : readScanned(bytes, doc!.numPages, reason, { firstPages: opts.ocrFirstPages });
    if (glyphs === 0) {
      return scanned(`PDF 没有文字层（共 ${doc.numPages} 页，可能是扫描件或图片）：无法读取文字。请使用部门发布的可复制文字版 PDF，或先做文字识别（OCR）后再放入来源目录`);
    }
    const nearlyEmpty = () =>
      scanned(
        `PDF 几乎没有文字层（共 ${doc.numPages} 页，每页只有页码之类的零星文字，可能是扫描件或图片）：无法读取正文。请使用部门发布的可复制文字版 PDF，或先做文字识别（OCR）后再放入来源目录`,
      );
    if (textPages === 0 && doc.numPages >= 2) return nearlyEmpty();
    let { lines } = assemblePages(pages);
    // what text there was repeats on every page (a stamp, a running header): dropped as page furniture
    if (doc.numPages >= 2 && lines.reduce((n, l) => n + l.text.replace(/\s+/g, '').length, 0) < T.minDocumentCharacters) return nearlyEmpty();
    const notes: string[] = [];
    // scanned pages among text pages: read by OCR where they hold an image (ocr.ts)
    const scans = opts.ocr === false ? new Map<number, never>() : await ocrEmptyPages(bytes, empty);
    if (scans.size > 0) {
      for (const [n, p] of scans) pages[n - 1] = { lines: p.lines, height: pages[n - 1].height || p.height };
      lines = assemblePages(pages).lines;
      notes.push(`PDF 第 ${formatPages([...scans.keys()])} 页没有文字层（扫描图片），经文字识别（OCR）读取：识别出的文字和数字可能有误，这些页上的核对不一致之处只作为未能完整读取的部分`);
    }
    const unread = empty.filter((n) => !scans.has(n));
    if (unread.length > 0) {
      notes.push(`PDF 第 ${formatPages(unread)} 页没有文字层（可能是扫描图片或空白页），这些页的内容未能读取`);
    }
    return { ok: true, lines, note: notes.length ? notes.join('；') : null, ...(scans.size > 0 ? { ocrPages: [...scans.keys()] } : {}) };
  } catch (e) {
    return { ok: false, reason: describe(e) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Some baseline carries an amount beside other text: the page may hold a table. */
function mayHoldTable(frags: Frag[]): boolean {
  const lines = new Map<number, { n: number; amount: boolean }>();
  for (const f of frags) {
    const k = Math.round(f.y / T.tableProbeBucket);
    const e = lines.get(k) ?? { n: 0, amount: false };
    e.n++;
    e.amount ||= /\d/.test(f.text) && /^[\s\d,，.\-−()（）%]+$/.test(f.text);
    if (e.n >= 2 && e.amount) return true;
    lines.set(k, e);
  }
  return false;
}

/** Compatibility ideographs and radicals some Chinese fonts map glyphs to (⼀ → 一, ⾦ → 金). */
function normalizeGlyphs(s: string): string {
  return s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (ch) => ch.normalize('NFKC'));
}

function formatPages(ns: number[]): string {
  if (ns.length > 12) return `${ns.slice(0, 10).join('、')} 等 ${ns.length}`;
  return ns.join('、');
}
