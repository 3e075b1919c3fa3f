/**
 * Scanned PDFs read by OCR. A budget (the first three tables of the Shandong set, 5 pages) is drawn
 * as a text PDF, then "scanned": its pages rendered to 200 dpi greyscale JPEGs and wrapped into a PDF
 * with no text layer (make-scan.ts). Both go through the ingest; the scan must be recognized like the
 * text (department, year, kind, the reconciliation totals), be marked as OCR-read in the record and
 * the CSVs, accuse nobody (a failed check is a parse note), be cached like any parse, and without
 * Tesseract be refused with a reason naming the missing tools while the other documents still build.
 * Skipped, with a message, when Tesseract (with chi_sim), poppler or the CJK font is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_DATASETS as DATASETS } from '../../scripts/emit/datasets.js';
import type { DocumentRecord } from '../../scripts/model/schema.js';
import { runPipeline } from '../../scripts/pipeline/run.js';
import { missingOcrTools, OCR_TOOLS_MISSING } from '../../scripts/read/pdf/ocr.js';
import { hasCjkFont } from '../fixtures/pdf/cjk-font.js';
import { textToPdf } from '../fixtures/pdf/text-to-pdf.js';
import { scanPdf } from './make-scan.js';

const missing = await missingOcrTools();
if (missing.length > 0) console.warn(`跳过 OCR 测试：缺少 ${missing.join('、')}（apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils）`);
if (!hasCjkFont) console.warn('跳过 OCR 测试：缺少中文字体（fonts-noto-cjk）');

const tmp = mkdtempSync(join(tmpdir(), 'ocr-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every amount (a number with decimals) of a document's tables, as printed. */
function amounts(d: DocumentRecord): string[] {
  return d.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => /^-?[\d,]+\.\d+$/.test(c.trim())).map((c) => c.trim().replace(/,/g, ''))));
}

/** Share of the text's amounts the scan has too (as a multiset: each amount counted as often as printed). */
function shareIdentical(text: string[], ocr: string[]): number {
  const left = new Map<string, number>();
  for (const a of ocr) left.set(a, (left.get(a) ?? 0) + 1);
  let same = 0;
  for (const a of text) {
    const n = left.get(a) ?? 0;
    if (n > 0) {
      same++;
      left.set(a, n - 1);
    }
  }
  return text.length ? same / text.length : 0;
}

describe.skipIf(missing.length > 0 || !hasCjkFont)('a scanned budget read by OCR', () => {
  const sources = join(tmp, 'sources');
  const cache = join(tmp, 'cache');
  let text: DocumentRecord;
  let scan: DocumentRecord;
  let first: Awaited<ReturnType<typeof runPipeline>>;

  beforeAll(async () => {
    const full = readFileSync(join(import.meta.dirname, '../fixtures/tables/shandong-set.txt'), 'utf8');
    const pdf = await textToPdf(full.slice(0, full.indexOf('表四')));
    mkdirSync(sources, { recursive: true });
    writeFileSync(join(sources, 'text.pdf'), pdf);
    writeFileSync(join(sources, 'scan.pdf'), await scanPdf(pdf, 200));
    first = await runPipeline(sources, { log: () => {}, cacheDir: cache, workers: 0 });
    text = first.documents.find((d) => d.source_file === 'text.pdf')!;
    scan = first.documents.find((d) => d.source_file === 'scan.pdf')!;
  }, 120_000);

  it('is recognized like the text: department, year, kind and the reconciliation totals', () => {
    expect(scan, first.errors.map((e) => e.message).join('; ')).toBeDefined();
    expect([scan.department, scan.fiscal_year, scan.kind]).toEqual(['山东省示例厅', 2026, 'budget']);
    expect([scan.department, scan.fiscal_year, scan.kind]).toEqual([text.department, text.fiscal_year, text.kind]);
    const keys = ['income_total', 'current_year_income', 'expenditure_total', 'current_year_expenditure', 'basic_expenditure', 'project_expenditure'] as const;
    expect(keys.map((k) => scan.totals[k])).toEqual(keys.map((k) => text.totals[k]));
    expect(scan.totals.expenditure_total).toBe(4114.1);
    expect(scan.tables.map((t) => t.kind)).toEqual(text.tables.map((t) => t.kind));
  });

  it('reads most amounts exactly as the text layer has them, most in the same cell', () => {
    const share = shareIdentical(amounts(text), amounts(scan));
    // the same amount in the same table, row and column
    const cell = (d: DocumentRecord) => d.tables.flatMap((t, ti) => t.rows.flatMap((r, ri) => r.cells.flatMap((c, ci) => (/^-?[\d,]+\.\d+$/.test(c.trim()) ? [`${ti}/${ri}/${t.columns[ci] ?? ci}:${c.trim()}`] : []))));
    const inPlace = shareIdentical(cell(text), cell(scan));
    console.log(`OCR：与文字层相同的金额 ${(share * 100).toFixed(1)}%，且在同一表格、行、列的 ${(inPlace * 100).toFixed(1)}%（共 ${amounts(text).length} 个）`);
    expect(amounts(text).length).toBeGreaterThan(50);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(inPlace).toBeGreaterThanOrEqual(0.75);
  });

  it('is marked as OCR-read in the record and the CSVs, and accuses nobody', () => {
    expect(scan.source_format).toBe('pdf_ocr');
    expect(text.source_format).toBe('pdf');
    expect(scan.tables.length).toBeGreaterThan(0);
    expect(scan.tables.every((t) => t.ocr === true)).toBe(true);
    expect(text.tables.some((t) => t.ocr)).toBe(false);
    const docs = DATASETS.find((d) => d.path === 'documents.csv')!;
    const format = docs.fields.findIndex((f) => f.name === 'source_format');
    expect(docs.rowsOf(scan)[0][format]).toBe('pdf_ocr');
    const tables = DATASETS.find((d) => d.path === 'tables.csv')!;
    const ocr = tables.fields.findIndex((f) => f.name === 'ocr');
    expect(ocr).toBeGreaterThan(0);
    expect(tables.rowsOf(scan).every((r) => r[ocr] === true)).toBe(true);
    expect(tables.rowsOf(text).every((r) => r[ocr] === false)).toBe(true);
    expect(scan.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(first.errors.some((e) => e.file === 'scan.pdf' && /文字识别（OCR）读取/.test(e.message))).toBe(true);
  });

  it('a scanned page among text pages: only that page is OCR-read, its tables marked', async () => {
    // pages 1–2 and 4–5 of the text PDF, page 3 (the 收支总表) scanned (poppler's pdfseparate/pdfunite)
    const dir = join(tmp, 'mixed');
    mkdirSync(dir, { recursive: true });
    execFileSync('pdfseparate', [join(sources, 'text.pdf'), join(dir, 'p%d.pdf')]);
    writeFileSync(join(dir, 'p3.pdf'), await scanPdf(readFileSync(join(dir, 'p3.pdf')), 200));
    execFileSync('pdfunite', [...[1, 2, 3, 4, 5].map((n) => join(dir, `p${n}.pdf`)), join(dir, 'mixed.pdf')]);
    const r = await runPipeline(dir, { log: () => {}, cache: false, workers: 0 });
    const d = r.documents.find((x) => x.source_file === 'mixed.pdf')!;
    expect(d.source_format).toBe('pdf');
    expect(r.errors.some((e) => e.file === 'mixed.pdf' && /第 3 页没有文字层（扫描图片），经文字识别（OCR）读取/.test(e.message))).toBe(true);
    expect(d.tables.filter((t) => t.ocr).map((t) => t.source.page)).toEqual(text.tables.filter((t) => t.source.page === 3).map(() => 3));
    expect(d.tables.some((t) => t.ocr)).toBe(true);
    expect(d.tables.filter((t) => !t.ocr).every((t) => t.source.page !== 3)).toBe(true);
    expect([d.totals.income_total, d.totals.expenditure_total, d.totals.basic_expenditure]).toEqual([text.totals.income_total, text.totals.expenditure_total, text.totals.basic_expenditure]);
  }, 60_000);

  it('is cached like any parse: a second ingest does not OCR again', async () => {
    const t0 = Date.now();
    const again = await runPipeline(sources, { log: () => {}, cacheDir: cache, workers: 0 });
    expect(again.stats?.cache_hits).toBe(2);
    expect(again.documents.find((d) => d.source_file === 'scan.pdf')?.totals).toEqual(scan.totals);
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 60_000);

  it('without Tesseract: refused with a reason naming the missing tools (not cached), the other documents still built', async () => {
    const saved = process.env.TESSERACT;
    process.env.TESSERACT = join(tmp, 'no-such-tesseract');
    try {
      const noCache = join(tmp, 'cache-no-ocr');
      const r = await runPipeline(sources, { log: () => {}, cacheDir: noCache, workers: 0 });
      expect(r.documents.map((d) => d.source_file)).toEqual(['text.pdf']);
      const e = r.errors.find((x) => x.file === 'scan.pdf' && x.severity === 'error');
      expect(e?.message).toContain(OCR_TOOLS_MISSING);
      expect(e?.message).toContain('没有文字层');
      expect(e?.message).toContain('tesseract-ocr');
      const again = await runPipeline(sources, { log: () => {}, cacheDir: noCache, workers: 0 });
      expect(again.stats?.cache_misses).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.TESSERACT;
      else process.env.TESSERACT = saved;
    }
  }, 60_000);
});

/**
 * A real disclosure scanned: 长春市信访局's 21-page budget (../shared/pdf-samples/260.pdf, ruled tables
 * in a real layout) rendered to 200 dpi images as a scanner would. Skipped when ../shared is absent.
 */
const real = join(import.meta.dirname, '../../../shared/pdf-samples/260.pdf');
describe.skipIf(missing.length > 0 || !existsSync(real))('a real budget, scanned, read by OCR', () => {
  it('same department, year, kind and headline figures as its text layer; most amounts identical', async () => {
    const dir = join(tmp, 'real');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'text.pdf'), readFileSync(real));
    writeFileSync(join(dir, 'scan.pdf'), await scanPdf(new Uint8Array(readFileSync(real)), 200));
    const r = await runPipeline(dir, { log: () => {}, cache: false, workers: 0 });
    const text = r.documents.find((d) => d.source_file === 'text.pdf')!;
    const scan = r.documents.find((d) => d.source_file === 'scan.pdf')!;
    expect([scan.department, scan.fiscal_year, scan.kind]).toEqual(['长春市信访局', 2026, 'budget']);
    const keys = ['income_total', 'expenditure_total', 'basic_expenditure', 'project_expenditure', 'fiscal_appropriation'] as const;
    expect(keys.map((k) => scan.totals[k])).toEqual(keys.map((k) => text.totals[k]));
    const share = shareIdentical(amounts(text), amounts(scan));
    console.log(`OCR（真实文件扫描）：与文字层相同的金额 ${(share * 100).toFixed(1)}%（共 ${amounts(text).length} 个）`);
    expect(share).toBeGreaterThanOrEqual(0.8);
    // its published inconsistencies (findings-review.md) are parse notes once the figures come from OCR
    expect(text.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(scan.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  }, 300_000);
});
