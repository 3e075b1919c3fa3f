/**
 * PDFs made here with pdfkit and the Noto CJK font (Debian package fonts-noto-cjk), read back with
 * readPdf: lines, reading order and cells must come out exactly as drawn.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { readPdf } from '../../scripts/read/pdf/index.js';
import type { SourceLine } from '../../scripts/segment/ir.js';

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const hasFont = existsSync(FONT);
if (!hasFont) console.warn(`跳过 PDF 生成测试：缺少中文字体 ${FONT}（请安装 Debian 软件包 fonts-noto-cjk）`);

type Cell = [x: number, text: string, align?: 'right'];
type Draw = { page: Array<{ y: number; cells: Cell[]; size?: number }> };

/** Draw pages of positioned text (x, top y; right-aligned cells end at x) and return the bytes. */
function makePdf(pages: Draw[], header?: string): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.registerFont('cjk', FONT, 'NotoSansCJKsc-Regular');
    pages.forEach((p, i) => {
      doc.addPage();
      doc.font('cjk');
      if (header) doc.fontSize(9).text(header, 40, 20, { lineBreak: false });
      for (const line of p.page) {
        doc.fontSize(line.size ?? 10);
        for (const [x, text, align] of line.cells) {
          const w = doc.widthOfString(text);
          doc.text(text, align === 'right' ? x - w : x, line.y, { lineBreak: false });
        }
      }
      doc.fontSize(9).text(`- ${i + 1} -`, 290, 810, { lineBreak: false });
    });
    doc.end();
  });
}

const cells = (lines: SourceLine[], first: string) => lines.find((l) => l.text.split('\t')[0] === first || l.text.startsWith(first))?.text.split('\t');

describe.skipIf(!hasFont)('readPdf on generated PDFs', () => {
  it('rebuilds a 类/款/项 table in 万元 with a two-row header, wrapped name, TOC leaders and page furniture', async () => {
    const bytes = await makePdf(
      [
        {
          page: [
            { y: 80, size: 16, cells: [[250, '目 录']] },
            { y: 120, cells: [[60, '一、部门预算情况说明 ........................ 2']] },
            { y: 140, cells: [[60, '二、一般公共预算支出表 ...................... 2']] },
          ],
        },
        {
          page: [
            { y: 70, size: 14, cells: [[180, '2026年一般公共预算支出表']] },
            { y: 100, cells: [[40, '编制单位：某某局'], [470, '单位：万元']] },
            { y: 130, cells: [[60, '科目编码'], [200, '科目名称'], [380, '合计', 'right'], [460, '基本支出', 'right'], [540, '项目支出', 'right']] },
            { y: 150, cells: [[40, '类'], [80, '款'], [120, '项']] },
            { y: 175, cells: [[40, '201'], [80, '40'], [120, '01'], [160, '行政运行'], [380, '1,234.56', 'right'], [460, '1,234.56', 'right']] },
            { y: 195, cells: [[40, '201'], [80, '40'], [120, '02'], [160, '一般行政管理事务'], [380, '50.00', 'right'], [540, '50.00', 'right']] },
            { y: 215, cells: [[40, '208'], [80, '05'], [120, '05'], [160, '机关事业单位基本养老保险'], [380, '72.07', 'right'], [460, '72.07', 'right']] },
            { y: 227, cells: [[160, '缴费支出']] },
            { y: 247, cells: [[160, '合计'], [380, '1,356.63', 'right'], [460, '1,306.63', 'right'], [540, '50.00', 'right']] },
            { y: 290, cells: [[40, '2026年支出预算 1356.63 万元，比上年增长 3.2%。']] },
          ],
        },
        { page: [{ y: 80, cells: [[40, '三、名词解释']] }] },
      ],
      '某某局2026年部门预算',
    );
    const r = await readPdf(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const texts = r.lines.map((l) => l.text);
    if (process.env.PDF_DEBUG) console.log(texts.join('\n'));
    // Running header and page numbers are gone; TOC entries lose their leaders and page numbers.
    expect(texts.some((t) => t.includes('某某局2026年部门预算'))).toBe(false);
    expect(texts.some((t) => /^- \d -$/.test(t))).toBe(false);
    expect(texts).toContain('一、部门预算情况说明');
    expect(texts).toContain('二、一般公共预算支出表');
    expect(texts).toContain('2026年一般公共预算支出表');
    expect(texts).toContain('2026年支出预算 1356.63 万元，比上年增长 3.2%。');
    // Table rows: codes split into 类/款/项 columns, empty cells kept, wrapped name merged.
    expect(cells(r.lines, '201\t40\t01')).toEqual(['201', '40', '01', '行政运行', '1,234.56', '1,234.56', '']);
    expect(cells(r.lines, '201\t40\t02')).toEqual(['201', '40', '02', '一般行政管理事务', '50.00', '', '50.00']);
    expect(cells(r.lines, '208')).toEqual(['208', '05', '05', '机关事业单位基本养老保险缴费支出', '72.07', '72.07', '']);
    expect(cells(r.lines, '\t\t\t合计')).toEqual(['', '', '', '合计', '1,356.63', '1,306.63', '50.00']);
    expect(texts).not.toContain('缴费支出');
    // Header rows stay rows, aligned to the same columns.
    const head = r.lines.find((l) => l.text.includes('科目名称'))!;
    expect(head.text.split('\t')).toHaveLength(7);
    expect(head.text.split('\t')[3]).toBe('科目名称');
    expect(r.lines.find((l) => l.text.startsWith('类'))!.text.split('\t')).toEqual(['类', '款', '项', '', '', '', '']);
    expect(texts).toContain('目录');
    // Provenance: page numbers and running line numbers.
    expect(r.lines.find((l) => l.text.startsWith('201\t40\t01'))!.page).toBe(2);
    expect(r.lines.map((l) => l.no)).toEqual(r.lines.map((_, i) => i + 1));
  });

  it('joins a table in 元 continuing on the next page and drops the repeated title and header', async () => {
    const title = { y: 70, size: 14, cells: [[200, '2026年政府采购预算表']] as Cell[] };
    const unit = { y: 100, cells: [[470, '单位：元']] as Cell[] };
    const head = { y: 125, cells: [[40, '项目名称'], [300, '采购品目'], [520, '金额', 'right']] as Cell[] };
    const row = (y: number, n: number): { y: number; cells: Cell[] } => ({
      y,
      cells: [[40, `办公设备采购${n}`], [300, '台式计算机'], [520, `${(n * 1000).toLocaleString('en-US')}.00`, 'right']],
    });
    const bytes = await makePdf([
      { page: [title, unit, head, row(150, 1), row(170, 2), row(190, 3)] },
      { page: [title, unit, head, row(150, 4), row(170, 5), { y: 190, cells: [[40, '合计'], [520, '15,000.00', 'right']] }] },
    ]);
    const r = await readPdf(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const texts = r.lines.map((l) => l.text);
    expect(texts.filter((t) => t === '2026年政府采购预算表')).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith('项目名称'))).toHaveLength(1);
    const rows = r.lines.filter((l) => l.text.includes('\t') && l.text.trim() !== '');
    expect(rows.map((l) => l.text.split('\t'))).toEqual([
      ['项目名称', '采购品目', '金额'],
      ['办公设备采购1', '台式计算机', '1,000.00'],
      ['办公设备采购2', '台式计算机', '2,000.00'],
      ['办公设备采购3', '台式计算机', '3,000.00'],
      ['办公设备采购4', '台式计算机', '4,000.00'],
      ['办公设备采购5', '台式计算机', '5,000.00'],
      ['合计', '', '15,000.00'],
    ]);
    // No text lines between the two halves: the segmenter sees one table run.
    const first = texts.indexOf(rows[0].text);
    const last = texts.indexOf(rows[rows.length - 1].text);
    expect(texts.slice(first, last + 1).every((t) => t.includes('\t') || t === '')).toBe(true);
    expect(rows[rows.length - 1].page).toBe(2);
  });

  it('keeps a summary header whose year stands apart from 年预算数 a header row (收支总表, letter-spaced)', async () => {
    // values of a real 2026 收支总表; header words letter-spaced, "2026" set apart from "年预算数"
    const bytes = await makePdf([
      {
        page: [
          { y: 70, size: 14, cells: [[260, '收支总表']] },
          { y: 100, cells: [[40, '部门名称：某某市交通运输局（本级）'], [470, '单位：万元']] },
          { y: 125, cells: [[110, '收'], [150, '入'], [380, '支'], [420, '出']] },
          { y: 145, cells: [[60, '项'], [100, '目'], [190, '2026'], [218, '年预算数'], [330, '项'], [370, '目'], [470, '2026'], [498, '年预算数']] },
          { y: 170, cells: [[40, '一、财政拨款'], [280, '388,561.78', 'right'], [300, '一、教育支出'], [560, '41.99', 'right']] },
          { y: 190, cells: [[40, '1.一般公共预算拨款'], [280, '384,396.78', 'right'], [300, '二、交通运输支出'], [560, '388,519.79', 'right']] },
          { y: 210, cells: [[40, '本年收入合计'], [280, '388,561.78', 'right'], [300, '本年支出合计'], [560, '388,561.78', 'right']] },
          { y: 230, cells: [[40, '收入总计'], [280, '388,763.56', 'right'], [300, '支出总计'], [560, '388,763.56', 'right']] },
        ],
      },
    ]);
    const r = await readPdf(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    if (process.env.PDF_DEBUG) console.log(r.lines.map((l) => l.text).join('\n'));
    // four columns, the header's words are not columns of their own
    expect(cells(r.lines, '一、财政拨款')).toEqual(['一、财政拨款', '388,561.78', '一、教育支出', '41.99']);
    expect(cells(r.lines, '收入总计')).toEqual(['收入总计', '388,763.56', '支出总计', '388,763.56']);
    expect(r.lines.find((l) => l.text.includes('年预算数'))!.text.split('\t')).toHaveLength(4);
  });

  it('fails with a Chinese reason for damaged, empty-text and non-PDF input, never throwing', async () => {
    const damaged = await readPdf(new TextEncoder().encode('%PDF-1.4\n这不是一个完整的 PDF 文件'));
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.reason).toMatch(/PDF/);
    const blank = await makePdf([{ page: [] }]);
    // Only the page number is drawn: the page number is text, so strip everything by drawing nothing.
    const r = await readPdf(blank);
    expect(r.ok).toBe(true);
  });
});
