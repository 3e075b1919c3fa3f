/**
 * Read one source file into SourceLines, whatever its format. Text and Markdown are decoded
 * (read/decode.ts); PDFs go through read/pdf (glyph positions → lines with tab-separated cells).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeText, sniffBinary } from './decode.js';
import { toLines } from '../segment/segment.js';
import type { SourceLine } from '../segment/ir.js';
import { readPdf, type ReadPdfOptions } from './pdf/index.js';
import { notPdfReason } from './not-pdf.js';
import { layoutTextToLines, looksLikeLayoutText } from './layout-text.js';

export const SOURCE_EXTENSIONS = ['.txt', '.md', '.markdown', '.text', '.pdf'];

/** pdf_ocr: a PDF without a text layer, read by OCR (read/pdf/ocr.ts). */
export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'pdf_ocr' | 'pdftotext';

export type ReadResult =
  /** `ocr`: read by OCR — the PDF's page count and how many pages were read (fewer on a first look). */
  | { ok: true; lines: SourceLine[]; format: SourceFormat; encoding: string; note: string | null; bytes: Uint8Array; ocr?: { pages: number; read: number }; ocrPages?: number[] }
  | { ok: false; reason: string; line: number | null };

export async function readSource(path: string, opts: ReadPdfOptions = {}): Promise<ReadResult> {
  const bytes = new Uint8Array(readFileSync(path));
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf' || (bytes.length > 4 && sniffBinary(bytes) === 'PDF 文件' && ext !== '.txt' && ext !== '.md')) {
    const notPdf = notPdfReason(bytes);
    if (notPdf) return { ok: false, reason: notPdf, line: null };
    const pdf = await readPdf(bytes, opts);
    if (!pdf.ok) return { ok: false, reason: pdf.reason, line: null };
    if (pdf.ocr) return { ok: true, lines: pdf.lines, format: 'pdf_ocr', encoding: 'pdf', note: pdf.note, bytes, ocr: pdf.ocr };
    return { ok: true, lines: pdf.lines, format: 'pdf', encoding: 'pdf', note: pdf.note, bytes, ...(pdf.ocrPages ? { ocrPages: pdf.ocrPages } : {}) };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, line: null };
  const text = decoded.text;
  if (text.trim() === '') return { ok: false, reason: '文件只有空白字符，没有内容', line: null };
  if (looksLikeLayoutText(text)) {
    return { ok: true, lines: layoutTextToLines(text), format: 'pdftotext', encoding: decoded.encoding, note: decoded.note, bytes };
  }
  const format: SourceFormat = ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
  return { ok: true, lines: toLines(text), format, encoding: decoded.encoding, note: decoded.note, bytes };
}
