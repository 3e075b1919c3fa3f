/**
 * What the site publishes under sources/: never a personal mobile number. PDFs (which cannot be
 * masked) are published only when their text layer has none; otherwise the masked extracted text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import iconv from 'iconv-lite';
import { listSourceFiles, planSource, sourceHref, writeSource } from '../../scripts/emit/sources.js';
import { CJK_FONT, CJK_FONT_FACE, hasCjkFont } from '../fixtures/pdf/cjk-font.js';


function pdf(pages: string[][]): Promise<Uint8Array> {
  return new Promise((ok) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => ok(new Uint8Array(Buffer.concat(chunks))));
    doc.registerFont('cjk', CJK_FONT, CJK_FONT_FACE);
    for (const lines of pages) {
      doc.addPage();
      doc.font('cjk').fontSize(11);
      lines.forEach((t, i) => doc.text(t, 50, 60 + i * 24, { lineBreak: false }));
    }
    doc.end();
  });
}

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describe('published sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-sources-'));
  const out = mkdtempSync(join(tmpdir(), 'budget-sources-out-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), '联系人：张三\t13912345678\n办公电话：0797-8123456\n');
  writeFileSync(join(dir, 'sub', 'gbk.txt'), iconv.encode('部门预算\n联系电话：13800138000\n', 'gbk'));
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0xff, 0xfe, 0]));
  writeFileSync(join(dir, 'a.txt.meta.yaml'), 'department: x\n');
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('lists sources like the pipeline (recursive, sidecars excluded)', () => {
    expect(listSourceFiles(dir)).toEqual(['a.txt', 'bin.txt', 'sub/gbk.txt']);
  });

  it('masks mobile numbers in text, decodes GBK to UTF-8, withholds binary', async () => {
    const a = await planSource(dir, 'a.txt');
    writeSource(out, a);
    const text = readFileSync(join(out, 'sources/a.txt'), 'utf8');
    expect(text).toContain('139****5678');
    expect(text).toContain('0797-8123456');
    expect(text).not.toMatch(MOBILE);
    const g = await planSource(dir, 'sub/gbk.txt');
    writeSource(out, g);
    expect(readFileSync(join(out, 'sources/sub/gbk.txt'), 'utf8')).toBe('部门预算\n联系电话：138****8000\n');
    expect(g.note).toMatch(/UTF-8/);
    const b = await planSource(dir, 'bin.txt');
    expect(b.kind).toBe('withheld');
    expect(b.path).toBeNull();
    expect(sourceHref(b, 1)).toBeNull();
  });

  it.skipIf(!hasCjkFont)('publishes a PDF without mobile numbers, with #page links', async () => {
    writeFileSync(join(dir, 'clean.pdf'), await pdf([['部门预算'], ['联系电话：0797-8123456']]));
    const s = await planSource(dir, 'clean.pdf');
    expect(s.kind).toBe('pdf');
    expect(sourceHref(s, 2)).toBe('sources/clean.pdf#page=2');
    writeSource(out, s);
    expect(readFileSync(join(out, 'sources/clean.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.skipIf(!hasCjkFont)('replaces a PDF with a mobile number by its masked text, same line numbers', async () => {
    writeFileSync(join(dir, '联系 表.pdf'), await pdf([['部门预算', '第二行'], ['联系人手机：13912345678']]));
    const s = await planSource(dir, '联系 表.pdf');
    expect(s.kind).toBe('pdf_text');
    expect(s.note).toMatch(/手机号码/);
    expect(sourceHref(s, 2)).toBe(`sources/${encodeURIComponent('联系 表.pdf')}.txt`);
    writeSource(out, s);
    expect(existsSync(join(out, 'sources/联系 表.pdf'))).toBe(false);
    const lines = readFileSync(join(out, 'sources/联系 表.pdf.txt'), 'utf8').split('\n');
    expect(lines.join('\n')).not.toMatch(MOBILE);
    const at = lines.findIndex((l) => l.includes('139****5678'));
    expect(at).toBeGreaterThan(0);
    expect(lines[0]).toContain('部门预算');
  });
});
