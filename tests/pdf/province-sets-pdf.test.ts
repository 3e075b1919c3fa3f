/**
 * The Shanghai 9-table and Shandong 收支总体情况表 sets as PDFs: the text fixtures of tests/tables are
 * drawn here as ruled tables (pdfkit + Noto CJK, landscape A4, each numbered table on a new page and
 * page breaks wherever a page fills up),
 * and the whole pipeline must read the PDF to the same tables and totals as the text. This covers, as
 * PDF layouts: codes in 类/款/项 columns, 7-digit economic codes, empty tables marked ** or with a 说明,
 * multi-row headers, the 部门/单位 line beside a title, and tables continuing over a page break.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { hasCjkFont, warnIfNoCjkFont } from '../fixtures/pdf/cjk-font.js';
import { textToPdf } from '../fixtures/pdf/text-to-pdf.js';

warnIfNoCjkFont('省级表格 PDF 测试');

const FIXTURES = join(import.meta.dirname, '../fixtures/tables');
const tmp = mkdtempSync(join(tmpdir(), 'province-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function both(name: string) {
  const textPath = join(FIXTURES, name);
  const pdfPath = join(tmp, name.replace(/\.txt$/, '.pdf'));
  writeFileSync(pdfPath, await textToPdf(readFileSync(textPath, 'utf8')));
  const fromText = (await ingestFile(textPath, name)).document!;
  const fromPdf = await ingestFile(pdfPath, name.replace(/\.txt$/, '.pdf'));
  return { fromText, fromPdf: fromPdf.document, errors: fromPdf.errors };
}

const nonNull = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

describe.skipIf(!hasCjkFont)('province table sets drawn as PDFs read like their text', () => {
  for (const name of ['shanghai-9-tables.txt', 'shandong-set.txt']) {
    it(`${name}: same department, table kinds, totals and function rows as the text; no error findings`, async () => {
      const { fromText, fromPdf, errors } = await both(name);
      expect(fromPdf, errors.map((e) => e.message).join('; ')).not.toBeNull();
      const d = fromPdf!;
      expect(d.source_format).toBe('pdf');
      expect([d.department, d.fiscal_year, d.kind]).toEqual([fromText.department, fromText.fiscal_year, fromText.kind]);
      expect(d.tables.map((t) => [t.kind, t.empty])).toEqual(fromText.tables.map((t) => [t.kind, t.empty]));
      expect(nonNull(d.totals)).toEqual(nonNull(fromText.totals));
      expect(d.expenditure_by_function.map((f) => [f.code, f.total])).toEqual(fromText.expenditure_by_function.map((f) => [f.code, f.total]));
      expect(d.findings.filter((f) => f.severity === 'error')).toEqual([]);
      // every table and total links back to a page of the PDF
      expect(d.tables.every((t) => (t.source.page ?? 0) >= 1)).toBe(true);
    }, 60_000);
  }
});
