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
import PDFDocument from 'pdfkit';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { CJK_FONT, CJK_FONT_FACE, hasCjkFont, warnIfNoCjkFont } from '../fixtures/pdf/cjk-font.js';

warnIfNoCjkFont('省级表格 PDF 测试');

const FIXTURES = join(import.meta.dirname, '../fixtures/tables');
const tmp = mkdtempSync(join(tmpdir(), 'province-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SIZE = 7.5;
const ROW_H = 13;
const [PAGE_W, PAGE_H, LEFT, TOP, BOTTOM] = [842, 595, 30, 40, 555];
const NUMERIC = /^-?[\d,]+(?:\.\d+)?$/;
/** lines like 部门：某厅⇥单位：万元 sit beside the table's title, outside its grid */
const BESIDE_TITLE = /^(?:编制)?(?:部门|单位)(?:名称)?[：:]/;

/** Draw a tab-separated text document as a PDF: runs of tab lines become ruled tables. */
function textToPdf(text: string): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: [PAGE_W, PAGE_H], margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.registerFont('cjk', CJK_FONT, CJK_FONT_FACE);
    let page = 0;
    let y = TOP;
    const newPage = () => {
      if (page > 0) doc.fontSize(8).text(`- ${page} -`, PAGE_W / 2 - 10, PAGE_H - 25, { lineBreak: false });
      doc.addPage();
      doc.font('cjk');
      page++;
      y = TOP;
    };
    newPage();
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; ) {
      if (!lines[i].includes('\t')) {
        // most disclosures start each table (表一 / 表2 / a title ending in 表) on a page of its own
        const t = lines[i].trim();
        const titled = /^表[一二三四五六七八九十\d]+$/.test(t) || (/^[^，。：]{4,40}表$/.test(t) && !/^表[一二三四五六七八九十\d]+$/.test(lines[i - 1]?.trim() ?? ''));
        if (titled && y > TOP) newPage();
        if (lines[i].trim()) {
          if (y + ROW_H > BOTTOM) newPage();
          doc.fontSize(9).text(lines[i].trim(), LEFT, y, { lineBreak: false });
        }
        y += lines[i].trim() ? ROW_H + 2 : 6;
        i++;
        continue;
      }
      const run: string[][] = [];
      while (i < lines.length && lines[i].includes('\t')) run.push(lines[i++].split('\t'));
      // the 部门/单位 line: left and right of the page, no rules
      while (run.length && run[0].some((c) => BESIDE_TITLE.test(c.trim()))) {
        const cells = run.shift()!.map((c) => c.trim()).filter(Boolean);
        doc.fontSize(SIZE);
        doc.text(cells[0], LEFT, y, { lineBreak: false });
        if (cells[1]) doc.text(cells[1], PAGE_W - LEFT - doc.widthOfString(cells[1]), y, { lineBreak: false });
        y += ROW_H + 2;
      }
      const n = Math.max(...run.map((r) => r.length));
      // columns as wide as their longest cell plus padding; a wide table gets a smaller font, as
      // publishers do, rather than cells crammed against the rules
      let size = SIZE;
      let want: number[] = [];
      for (; size >= 5; size -= 0.5) {
        doc.fontSize(size);
        want = Array.from({ length: n }, (_, c) => Math.max(30, ...run.map((r) => doc.widthOfString((r[c] ?? '').trim()) + 16)));
        if (want.reduce((a, b) => a + b, 0) <= PAGE_W - 2 * LEFT) break;
      }
      const xs = [LEFT];
      for (const w of want) xs.push(xs[xs.length - 1] + w);
      for (const row of run) {
        if (y + ROW_H > BOTTOM) newPage();
        doc.lineWidth(0.5).moveTo(xs[0], y).lineTo(xs[n], y).stroke();
        for (const x of xs) doc.moveTo(x, y).lineTo(x, y + ROW_H).stroke();
        row.forEach((raw, c) => {
          const t = raw.trim();
          if (!t) return;
          const w = doc.widthOfString(t);
          const x = NUMERIC.test(t) ? xs[c + 1] - 6 - w : xs[c] + 6;
          doc.text(t, x, y + (ROW_H - size) / 2 - 1, { lineBreak: false });
        });
        y += ROW_H;
        doc.moveTo(xs[0], y).lineTo(xs[n], y).stroke();
      }
      y += 8;
    }
    doc.fontSize(8).text(`- ${page} -`, PAGE_W / 2 - 10, PAGE_H - 25, { lineBreak: false });
    doc.end();
  });
}

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
