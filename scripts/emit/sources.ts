/**
 * How each original source file is published under dist/sources/ without leaking personal mobile
 * numbers. Used both by the pages (to link correctly) and by astro.config (to copy), so the link and
 * the copied file always agree.
 *
 * - text / Markdown: published as UTF-8 with mobile numbers masked (GBK / UTF-16 sources are decoded
 *   first, so the mask can apply); binary or undecodable files are not published.
 * - PDF: a PDF cannot be masked in place, so it is published only when its text layer has no mobile
 *   number; otherwise (or when the text layer cannot be read, e.g. a scan) the extracted text, masked,
 *   is published as `<file>.txt` with the same line numbers the data cites, and the page says why.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { SOURCE_EXTENSIONS } from '../read/source.js';
import { decodeText } from '../read/decode.js';
import { readPdf } from '../read/pdf/index.js';
import { maskMobiles } from '../normalize/privacy.js';

const MOBILE = /(?<![\d])1[3-9]\d{9}(?![\d])/;

export interface PublishedSource {
  /** source file, relative to the sources folder */
  file: string;
  /** published path relative to the site root (e.g. `sources/a.pdf`), null when withheld */
  path: string | null;
  kind: 'text' | 'pdf' | 'pdf_text' | 'withheld';
  /** true when `#page=N` links work (an original PDF) */
  pages: boolean;
  /** what a reader should know about the published copy (Chinese), null when it is the original */
  note: string | null;
  /** the bytes to write at `path` (not serialized) */
  bytes?: Uint8Array;
}

const cache = new Map<string, Promise<PublishedSource>>();

/** Decide (once per file and build) what is published for a source file. */
export function planSource(sourcesDir: string, file: string): Promise<PublishedSource> {
  const key = join(sourcesDir, file);
  let p = cache.get(key);
  if (!p) {
    p = plan(sourcesDir, file);
    cache.set(key, p);
  }
  return p;
}

async function plan(sourcesDir: string, file: string): Promise<PublishedSource> {
  const full = join(sourcesDir, file);
  const withheld = (note: string): PublishedSource => ({ file, path: null, kind: 'withheld', pages: false, note });
  if (!existsSync(full)) return withheld('原始文件不在本站的来源目录中，未发布。');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(full);
  } catch {
    return withheld('原始文件无法读取，未发布。');
  }
  const utf8 = new TextEncoder();
  if (/\.pdf$/i.test(file)) {
    // a scan is not OCR'd again here (no text layer: withheld, its mobile numbers cannot be ruled out)
    const r = await readPdf(bytes, { ocr: false });
    if (!r.ok) return withheld('原始 PDF 没有可读取的文字层（或无法解析），无法确认其中不含个人手机号码，因此未发布；请向发布机关索取原件。');
    const text = r.lines.map((l) => l.text).join('\n');
    if (!MOBILE.test(text)) return { file, path: `sources/${file}`, kind: 'pdf', pages: true, note: null, bytes };
    // same line numbering as the data cites (line n of the file = SourceLine n)
    const byNo: string[] = [];
    for (const l of r.lines) byNo[l.no - 1] = l.text;
    const out = Array.from(byNo, (t) => t ?? '').join('\n');
    return {
      file,
      path: `sources/${file}.txt`,
      kind: 'pdf_text',
      pages: false,
      note: '原始 PDF 中含有个人手机号码，PDF 无法遮盖，因此未发布；此处提供从 PDF 提取的文字（手机号码已遮盖），行号与本站引用的行号一致。',
      bytes: utf8.encode(maskMobiles(out)),
    };
  }
  const d = decodeText(bytes);
  if (!d.ok) return withheld(`原始文件不是可读的文本（${d.reason}），未发布。`);
  const masked = maskMobiles(d.text.replace(/^\uFEFF/, ''));
  const converted = !/^utf-?8/i.test(d.encoding);
  return {
    file,
    path: `sources/${file}`,
    kind: 'text',
    pages: false,
    note: converted ? `原文件编码为 ${d.encoding}，此处已转为 UTF-8（个人手机号码已遮盖）。` : null,
    bytes: utf8.encode(masked),
  };
}

/** Source files below `dir` as the pipeline reads them (relative, `/`-separated, sorted). */
export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (SOURCE_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.endsWith('.meta.yaml')) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Write the planned copy into the built site (`outDir` = dist). */
export function writeSource(outDir: string, s: PublishedSource): void {
  if (!s.path || !s.bytes) return;
  const to = join(outDir, s.path);
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, s.bytes);
}

/** Link to a place in the published source: `#page=N` for original PDFs, else the file itself. */
export function sourceHref(s: PublishedSource, page?: number | null): string | null {
  if (!s.path) return null;
  const url = s.path.split('/').map(encodeURIComponent).join('/');
  return s.pages && page ? `${url}#page=${page}` : url;
}

/**
 * Write every source's published copy into the built site, with the same plan the pages linked to.
 * Runs in plain Node after `astro build` (scripts/cli/site-build.ts), never inside Astro's hooks.
 */
export async function publishSources(sourcesDir: string, outDir: string): Promise<{ published: number; withheld: string[] }> {
  let published = 0;
  const withheld: string[] = [];
  for (const file of listSourceFiles(sourcesDir)) {
    const s = await planSource(sourcesDir, file);
    if (s.path && s.bytes) {
      writeSource(outDir, s);
      published++;
    } else withheld.push(file);
  }
  return { published, withheld };
}
