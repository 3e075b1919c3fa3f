/**
 * A file holding only tables whose caption repeats atop every page ("××局2026年项目支出绩效目标表") keeps
 * that caption on its first page, where it is the document's title and gives the year; a small
 * running header stays page furniture everywhere (tests/pdf/generated.test.ts).
 */
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { readPdf } from '../../scripts/read/pdf/index.js';
import { recognizeMeta } from '../../scripts/recognize/document/meta.js';
import { segment } from '../../scripts/segment/segment.js';
import { CJK_FONT, CJK_FONT_FACE, hasCjkFont, warnIfNoCjkFont } from '../fixtures/pdf/cjk-font.js';

warnIfNoCjkFont('首页标题测试');

function goalTablePages(n: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.registerFont('cjk', CJK_FONT, CJK_FONT_FACE);
    for (let i = 0; i < n; i++) {
      doc.addPage();
      doc.font('cjk').fontSize(12).text('某某市生态环境局2026年项目支出绩效目标表', 250, 40, { lineBreak: false });
      doc.fontSize(8.5).text('部门名称：某某市生态环境局', 40, 70, { lineBreak: false });
      doc.text('单位：万元', 720, 70, { lineBreak: false });
      doc.text('项目名称', 40, 90, { lineBreak: false });
      doc.text('总计', 300, 90, { lineBreak: false });
      doc.text('绩效指标', 420, 90, { lineBreak: false });
      for (let r = 0; r < 8; r++) {
        const y = 110 + r * 20;
        doc.text(`项目${i * 8 + r + 1}`, 40, y, { lineBreak: false });
        doc.text(`${(100 + r).toFixed(2)}`, 300, y, { lineBreak: false });
        doc.text('产出指标：数量指标，完成率 100%', 420, y, { lineBreak: false });
      }
    }
    doc.end();
  });
}

describe.skipIf(!hasCjkFont)('a caption repeated atop every page', () => {
  it('is kept on the first page only, and names the year', async () => {
    const r = await readPdf(await goalTablePages(4));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const titles = r.lines.filter((l) => l.text.includes('2026年项目支出绩效目标表'));
    expect(titles.map((l) => l.page)).toEqual([1]);
    expect(recognizeMeta(segment('goals.pdf', r.lines))).toMatchObject({ department: '某某市生态环境局', fiscal_year: 2026, kind: 'budget' });
  });
});
