/**
 * Seconds per page of OCR (read/pdf/ocr.ts): a 5-page budget (the first three tables of the Shandong
 * set, as tests/ocr draws it) scanned to a 200 dpi image-only PDF, then read by readPdf, which renders
 * and OCRs every page. One thread, as each ingest worker does. Null when Tesseract, poppler or the CJK
 * font is missing (the reason is returned instead).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { readPdf } from '../read/pdf/index.js';
import { missingOcrTools, OCR_PSM } from '../read/pdf/ocr.js';
import { hasCjkFont } from '../../tests/fixtures/pdf/cjk-font.js';
import { textToPdf } from '../../tests/fixtures/pdf/text-to-pdf.js';
import { scanPdf } from '../../tests/ocr/make-scan.js';

export interface OcrBench {
  measured_at: string;
  pages: number;
  scan_dpi: number;
  psm: number;
  ms: number;
  seconds_per_page: number;
  load_average: number[];
}

export async function measureOcr(): Promise<OcrBench | string> {
  const missing = await missingOcrTools();
  if (missing.length > 0) return `缺少 ${missing.join('、')}`;
  if (!hasCjkFont) return '缺少中文字体（fonts-noto-cjk）';
  const full = readFileSync(resolve('tests/fixtures/tables/shandong-set.txt'), 'utf8');
  const scan = await scanPdf(await textToPdf(full.slice(0, full.indexOf('表四'))), 200);
  const t0 = performance.now();
  const r = await readPdf(scan);
  const ms = performance.now() - t0;
  if (!r.ok || !r.ocr) return `OCR 未完成：${r.ok ? '未经 OCR' : r.reason}`;
  return {
    measured_at: new Date().toISOString(),
    pages: r.ocr.read,
    scan_dpi: 200,
    psm: OCR_PSM,
    ms: Math.round(ms),
    seconds_per_page: Math.round((ms / 1000 / r.ocr.read) * 100) / 100,
    load_average: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
