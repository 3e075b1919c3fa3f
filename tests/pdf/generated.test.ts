/**
 * PDFs made here with pdfkit and the Noto CJK font (Debian package fonts-noto-cjk), read back with
 * readPdf: lines, reading order and cells must come out exactly as drawn.
 */
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { readPdf } from '../../scripts/read/pdf/index.js';
import type { SourceLine } from '../../scripts/segment/ir.js';
import { CJK_FONT, CJK_FONT_FACE, hasCjkFont, warnIfNoCjkFont } from '../fixtures/pdf/cjk-font.js';

warnIfNoCjkFont('PDF 生成测试');

type Cell = [x: number, text: string, align?: 'right'];
/** Ruling lines: [x0, y0, x1, y1] strokes (table grids). */
type Stroke = [x0: number, y0: number, x1: number, y1: number];
type Draw = { page: Array<{ y: number; cells: Cell[]; size?: number }>; rules?: Stroke[] };

/** Draw pages of positioned text (x, top y; right-aligned cells end at x) and return the bytes. */
function makePdf(pages: Draw[], header?: string): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.registerFont('cjk', CJK_FONT, CJK_FONT_FACE);
    pages.forEach((p, i) => {
      doc.addPage();
      doc.font('cjk');
      if (header) doc.fontSize(9).text(header, 40, 20, { lineBreak: false });
      for (const [x0, y0, x1, y1] of p.rules ?? []) doc.moveTo(x0, y0).lineTo(x1, y1).lineWidth(0.5).stroke();
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

/**
 * A budget table drawn the way many departments' exports are: every row a band of its own height, the
 * name cell wrapping over several lines and the code and amount cells vertically centred in the band
 * (so a two-line name has no text on the amounts' baseline), optionally with the grid's ruling lines.
 * `label` spans the code and name cells (a 合计 row); an amount given as several strings wraps inside
 * its cell. Returns the text lines and, with `ruled`, one stroke per cell side.
 */
interface GridRow {
  code?: string;
  name?: string[];
  label?: string;
  amounts: Array<string | string[]>;
  h: number;
}
const GRID_X = [40, 110, 205, 285, 365, 445];
function drawGrid(top: number, head: string[], rows: GridRow[], ruled: boolean): Pick<Draw, 'page' | 'rules'> {
  const page: Draw['page'] = [];
  const rules: Stroke[] = [];
  const LINE = 12;
  const block = (y0: number, h: number, n: number) => Array.from({ length: n }, (_, k) => y0 + (h - LINE * n) / 2 + 1 + LINE * k);
  const bands: Array<{ y0: number; h: number; row: GridRow | null }> = [{ y0: top, h: 26, row: null }];
  for (const r of rows) bands.push({ y0: bands[bands.length - 1].y0 + bands[bands.length - 1].h, h: r.h, row: r });
  for (const { y0, h, row } of bands) {
    const put = (x: number, text: string, y: number, align?: 'right') => page.push({ y, cells: [[x, text, align]] });
    if (!row) head.forEach((t, c) => put(c < 2 ? GRID_X[c] + 4 : (GRID_X[c] + GRID_X[c + 1]) / 2 - 5 * t.length, t, block(y0, h, 1)[0]));
    else {
      if (row.label) put((GRID_X[0] + GRID_X[2]) / 2 - 5 * row.label.length, row.label, block(y0, h, 1)[0]);
      if (row.code) put(GRID_X[0] + 4, row.code, block(y0, h, 1)[0]);
      const name = row.name ?? [];
      block(y0, h, name.length).forEach((y, k) => put(GRID_X[1] + 4, name[k], y));
      row.amounts.forEach((a, c) => {
        const parts = typeof a === 'string' ? (a ? [a] : []) : a;
        block(y0, h, parts.length).forEach((y, k) => put(GRID_X[c + 3] - 4, parts[k], y, 'right'));
      });
    }
    if (ruled) {
      rules.push([GRID_X[0], y0, GRID_X[GRID_X.length - 1], y0]);
      GRID_X.forEach((x, c) => {
        if (!(c === 1 && row?.label)) rules.push([x, y0, x, y0 + h]);
      });
    }
  }
  const last = bands[bands.length - 1];
  if (ruled) rules.push([GRID_X[0], last.y0 + last.h, GRID_X[GRID_X.length - 1], last.y0 + last.h]);
  return { page, rules };
}

const cells = (lines: SourceLine[], first: string) => lines.find((l) => l.text.split('\t')[0] === first || l.text.startsWith(first))?.text.split('\t');

describe.skipIf(!hasCjkFont)('readPdf on generated PDFs', () => {
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

  const HEAD = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
  const bodyRows = (r: { lines: SourceLine[] }) => r.lines.filter((l) => l.text.includes('\t')).map((l) => l.text.split('\t'));

  it('reads a ruled table by its grid: tall wrapped name cells, centred amounts, a wrapped amount, an empty column', async () => {
    // the layout of 政府性基金预算支出表 in several cities: 基本支出 empty in every row, its header
    // next to 合计's on one line; names wrapping over two and three lines beside centred amounts
    const rows: GridRow[] = [
      { label: '合计', amounts: ['2,650.00', '', '2,650.00'], h: 20 },
      { code: '212', name: ['城乡社区支出'], amounts: ['2,650.00', '', '2,650.00'], h: 20 },
      { code: '21208', name: ['国有土地使用权出让', '收入安排的支出'], amounts: ['1,650.00', '', '1,650.00'], h: 30 },
      { code: '2120803', name: ['城市建设支出'], amounts: ['1,000.00', '', '1,000.00'], h: 20 },
      { code: '2120899', name: ['其他国有土地使用', '权出让收入安排的', '支出'], amounts: ['650.00', '', '650.00'], h: 42 },
      { code: '21211', name: ['农业土地开发资金', '安排的支出'], amounts: [['143,999.0', '0'], '', '143,999.00'], h: 30 },
    ];
    const grid = drawGrid(110, HEAD, rows, true);
    const bytes = await makePdf([{ page: [{ y: 70, size: 14, cells: [[200, '政府性基金预算支出表']] }, { y: 95, cells: [[400, '单位：万元']] }, ...grid.page], rules: grid.rules }]);
    const r = await readPdf(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    if (process.env.PDF_DEBUG) console.log(r.lines.map((l) => l.text).join('\n'));
    expect(bodyRows(r)).toEqual([
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', '2,650.00', '', '2,650.00'],
      ['212', '城乡社区支出', '2,650.00', '', '2,650.00'],
      ['21208', '国有土地使用权出让收入安排的支出', '1,650.00', '', '1,650.00'],
      ['2120803', '城市建设支出', '1,000.00', '', '1,000.00'],
      ['2120899', '其他国有土地使用权出让收入安排的支出', '650.00', '', '650.00'],
      ['21211', '农业土地开发资金安排的支出', '143,999.00', '', '143,999.00'],
    ]);
  });

  it('groups tall wrapped name cells with their centred amounts without ruling lines, across a page break', async () => {
    const page1: GridRow[] = [
      { label: '合计', amounts: ['2,676.15', '1,000.00', '1,676.15'], h: 20 },
      { code: '208', name: ['社会保障和就业支出'], amounts: ['1,000.00', '1,000.00', ''], h: 20 },
      { code: '20805', name: ['行政事业单位养老支出'], amounts: ['1,000.00', '1,000.00', ''], h: 20 },
      { code: '2080505', name: ['机关事业单位基本', '养老保险缴费支出'], amounts: ['600.00', '600.00', ''], h: 30 },
      { code: '2080599', name: ['其他行政事业单位', '养老支出（含职业', '年金缴费）'], amounts: ['400.00', '400.00', ''], h: 42 },
      { code: '214', name: ['交通运输支出'], amounts: ['16.15', '', '16.15'], h: 20 },
    ];
    const page2: GridRow[] = [
      { code: '2140199', name: ['其他公路水路运输', '支出'], amounts: ['16.15', '', '16.15'], h: 30 },
      { code: '221', name: ['住房保障支出'], amounts: ['1,660.00', '', '1,660.00'], h: 20 },
      { code: '2210201', name: ['住房公积金（含提', '租补贴）'], amounts: ['1,660.00', '', '1,660.00'], h: 30 },
    ];
    const g1 = drawGrid(110, HEAD, page1, false);
    // the continuation page starts straight with a row whose name wraps around the page's first amounts
    const g2 = drawGrid(34, HEAD, page2, false);
    const bytes = await makePdf([
      { page: [{ y: 70, size: 14, cells: [[200, '部门支出总表']] }, { y: 95, cells: [[400, '单位：万元']] }, ...g1.page] },
      { page: [...g2.page.filter((l) => l.y > 50), { y: 170, cells: [[40, '注：本表反映部门支出情况。']] }] },
    ]);
    const r = await readPdf(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    if (process.env.PDF_DEBUG) console.log(r.lines.map((l) => `${l.page} ${l.text}`).join('\n'));
    expect(bodyRows(r)).toEqual([
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', '2,676.15', '1,000.00', '1,676.15'],
      ['208', '社会保障和就业支出', '1,000.00', '1,000.00', ''],
      ['20805', '行政事业单位养老支出', '1,000.00', '1,000.00', ''],
      ['2080505', '机关事业单位基本养老保险缴费支出', '600.00', '600.00', ''],
      ['2080599', '其他行政事业单位养老支出（含职业年金缴费）', '400.00', '400.00', ''],
      ['214', '交通运输支出', '16.15', '', '16.15'],
      ['2140199', '其他公路水路运输支出', '16.15', '', '16.15'],
      ['221', '住房保障支出', '1,660.00', '', '1,660.00'],
      ['2210201', '住房公积金（含提租补贴）', '1,660.00', '', '1,660.00'],
    ]);
    expect(r.lines.find((l) => l.text.startsWith('2140199'))!.page).toBe(2);
    expect(r.lines.map((l) => l.text)).toContain('注：本表反映部门支出情况。');
  });

  it('keeps a ruled tall text cell (绩效目标 paragraph) in its row, however many lines it wraps over', async () => {
    // 项目绩效目标表: the goal text wraps over many short lines, top-aligned like the other cells
    const X = [40, 150, 250, 330, 540];
    const goals = [
      ['完成全局各项统计工作，依法', '依规开展民事合同审核、行政', '复议、诉讼案件代理等法律工', '作，举办人力资源服务相关活', '动，开展行业培训、事业单位', '人事管理业务培训、政策培训', '及专项检查，保障窗口政务服', '务工作的有序开展，开展审计', '监督工作。本年度计划调查居', '民户数≥4,360 户。'],
      ['依法预拨欠薪保障基金，保障', '劳动者合法权益。'],
    ];
    const page: Draw['page'] = [
      { y: 60, cells: [[40, '2026 年，本部门重点项目绩效目标情况如下：']] },
      { y: 88, cells: [[44, '二级预算单位名称'], [154, '一级项目名称'], [254, '预算数（万元）'], [400, '绩效目标']] },
    ];
    const rules: Stroke[] = [];
    let y0 = 80;
    rules.push([X[0], y0, X[4], y0]);
    y0 += 26;
    rules.push([X[0], y0, X[4], y0]);
    const rows = [
      { unit: ['某某市人力资源和社', '会保障局（本级）'], name: ['人力资源综合管', '理'], amount: '2,858.27' },
      { unit: ['某某市人力资源和社', '会保障局（本级）'], name: ['劳动关系管理'], amount: '6,363.32' },
    ];
    rows.forEach((r, k) => {
      const n = Math.max(goals[k].length, r.unit.length);
      r.unit.forEach((t, i) => page.push({ y: y0 + 4 + 12 * i, cells: [[X[0] + 4, t]] }));
      r.name.forEach((t, i) => page.push({ y: y0 + 4 + 12 * i, cells: [[X[1] + 4, t]] }));
      page.push({ y: y0 + 4, cells: [[X[2] + 4, r.amount]] });
      goals[k].forEach((t, i) => page.push({ y: y0 + 4 + 12 * i, cells: [[X[3] + 4, t]] }));
      const y1 = y0 + 12 * n + 8;
      for (const x of X) rules.push([x, y0, x, y1]);
      rules.push([X[0], y1, X[4], y1]);
      y0 = y1;
    });
    page.push({ y: y0 + 20, cells: [[40, '以上项目均已完成事前绩效评估。']] });
    const r = await readPdf(await makePdf([{ page, rules }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    if (process.env.PDF_DEBUG) console.log(r.lines.map((l) => l.text).join('\n'));
    expect(bodyRows(r)).toEqual([
      ['二级预算单位名称', '一级项目名称', '预算数（万元）', '绩效目标'],
      ['某某市人力资源和社会保障局（本级）', '人力资源综合管理', '2,858.27', goals[0].join('')],
      ['某某市人力资源和社会保障局（本级）', '劳动关系管理', '6,363.32', goals[1].join('')],
    ]);
    expect(r.lines.map((l) => l.text)).toContain('以上项目均已完成事前绩效评估。');
  });

  it('reads a ruled project table whose centred goal paragraphs leave the amounts\' line empty, page after page', async () => {
    // 项目支出及其他支出预算表 as several cities draw it: every cell vertically centred in its band, names
    // wrapping over two to four lines, the 绩效目标 paragraph longer than the name and offset from the
    // amounts' baseline, so the amounts' line has no text in the goal column and the first row's goal
    // starts well above its amounts; the table continues on a second page under a repeated header.
    const X = [40, 150, 215, 295, 355, 565];
    const HEADER = ['项目名称', '合计', '一般公共预算', '其他资金', '绩效目标'];
    const para = (text: string) => Array.from({ length: Math.ceil(text.length / 20) }, (_, k) => text.slice(20 * k, 20 * k + 20));
    const projects = [
      { name: ['某某市卫健委2026年某某', '市基于区块链的检验检查', '结果互认应用推广项目'], amounts: ['93.80', '93.80', '0.00'], goal: '以进一步提高医疗资源利用率，减轻人民群众就医负担，保障医疗质量和安全为目标，聚焦便民惠民公共服务，深化检验检查结果互认工作开展，实现医疗资源共享、再利用，利用区块链技术解决检验检查互认信息的互信问题，同时保障互认信息的数据安全。' },
      { name: ['某某市全民健康信息平', '台相关应用对接省平台项目'], amounts: ['163.10', '163.10', '0.00'], goal: '以加强电子健康卡基础设施平台规范化建设和安全运行管理为指导，落实跨地域“一码通行”、多码融合、移动应用安全接入以及信息安全与隐私保护等相关工作。' },
      { name: ['某某市区域影像和检验', '中心系统改造和服务下沉', '项目'], amounts: ['134.00', '134.00', '0.00'], goal: '建设以三级平台体系为支撑的区域医技平台服务下沉基层项目，帮助各级各类医疗机构更高效、更有针对性地提高医技业务诊疗水平，推动优质医疗资源下沉基层。' },
      { name: ['某某市卫健委精细化管', '理平台升级建设项目'], amounts: ['91.08', '91.08', '0.00'], goal: '升级改造基于大数据的医院精细化管理和医疗服务监管平台。通过开展信创迁移升级改造，打造安全可靠的网络系统环境，在数字政府的统一规划下进一步完善和提升网络和系统运维的手段和内容，确保在有效工作时间内正常运行，保证各业务系统数据的完整安全性。' },
    ];
    expect(projects.every((p) => para(p.goal).length % 2 === 0)).toBe(true);
    const drawPage = (rows: typeof projects, title: boolean): Draw => {
      const page: Draw['page'] = [];
      const rules: Stroke[] = [];
      if (title) page.push({ y: 40, size: 14, cells: [[160, '部门预算项目支出及其他支出预算表']] }, { y: 62, cells: [[460, '单位：万元']] });
      let y0 = 80;
      const band = (h: number) => {
        rules.push([X[0], y0, X[5], y0]);
        for (const x of X) rules.push([x, y0, x, y0 + h]);
        y0 += h;
      };
      page.push({ y: y0 + 8, cells: HEADER.map((t, c) => [X[c] + 4, t] as Cell) });
      band(26);
      for (const r of rows) {
        const goal = para(r.goal);
        const h = 12 * Math.max(goal.length, r.name.length) + 10;
        const c = y0 + h / 2;
        r.name.forEach((t, k) => page.push({ y: c - 6 * r.name.length + 12 * k, cells: [[X[0] + 4, t]] }));
        // an even number of centred goal lines: they sit half a line off the amounts' baseline
        goal.forEach((t, k) => page.push({ y: c - 6 * goal.length + 12 * k, cells: [[X[4] + 4, t]] }));
        page.push({ y: c - 6, cells: r.amounts.map((a, k) => [X[k + 2] - 4, a, 'right'] as Cell) });
        band(h);
      }
      rules.push([X[0], y0, X[5], y0]);
      if (!title) page.push({ y: y0 + 24, cells: [[40, '注：本表反映部门预算项目支出情况。']] });
      return { page, rules };
    };
    const r = await readPdf(await makePdf([drawPage(projects.slice(0, 2), true), drawPage(projects.slice(2), false)]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    if (process.env.PDF_DEBUG) console.log(r.lines.map((l) => `${l.page} ${l.text}`).join('\n'));
    // the second page's header repeats the first's and is dropped: one table
    expect(bodyRows(r)).toEqual([HEADER, ...projects.map((p) => [p.name.join(''), ...p.amounts, p.goal])]);
    expect(r.lines.find((l) => l.text.startsWith('某某市区域影像'))!.page).toBe(2);
    expect(r.lines.map((l) => l.text)).toContain('注：本表反映部门预算项目支出情况。');
  });

  it('puts a ruled header cell spanning several columns in the first of them', async () => {
    // 当年预算 spans 小计/人员经费/公用经费 (the rules between those start below it); 上年结转 is one column
    const X = [40, 100, 190, 250, 310, 370, 430, 490];
    const rules: Stroke[] = [
      [X[0], 80, X[7], 80],
      [X[3], 100, X[6], 100],
      [X[0], 120, X[7], 120],
      [X[0], 140, X[7], 140],
      [X[0], 160, X[7], 160],
      ...[0, 1, 2, 3, 6, 7].map((c): Stroke => [X[c], 80, X[c], 160]),
      ...[4, 5].map((c): Stroke => [X[c], 100, X[c], 160]),
    ];
    const amounts = (y: number, values: string[]): Draw['page'] => values.map((t, k) => ({ y, cells: [[X[k + 3] - 4, t, 'right']] as Cell[] }));
    const page: Draw['page'] = [
      { y: 85, cells: [[320, '当年预算'], [440, '上年结转']] },
      { y: 95, cells: [[44, '科目编码'], [104, '科目名称'], [210, '合计']] },
      { y: 106, cells: [[260, '小计'], [320, '人员经费'], [380, '公用经费']] },
      { y: 125, cells: [[104, '合计']] },
      ...amounts(125, ['1,208.20', '1,208.20', '997.20', '211.00', '0.00']),
      { y: 145, cells: [[44, '301'], [104, '工资福利支出']] },
      ...amounts(145, ['997.20', '997.20', '997.20', '', '0.00']),
    ];
    const r = await readPdf(await makePdf([{ page, rules }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(bodyRows(r)).toEqual([
      ['', '', '', '当年预算', '', '', '上年结转'],
      ['科目编码', '科目名称', '合计', '', '', '', ''],
      ['', '', '', '小计', '人员经费', '公用经费', ''],
      ['', '合计', '1,208.20', '1,208.20', '997.20', '211.00', '0.00'],
      ['301', '工资福利支出', '997.20', '997.20', '997.20', '', '0.00'],
    ]);
  });

  it('takes header cells whose upper lines stand above the first multi-cell line into the ruled table', async () => {
    // 2026年政府采购 spans 小计/其中…; the tall wrapped "其中：2026年/面向中小/企业预留" starts above the
    // line that holds every other header: single-cell lines inside the frame, not text above the table
    const X = [40, 100, 190, 250, 310, 370, 430, 510];
    const rules: Stroke[] = [
      [X[0], 80, X[7], 80],
      [X[5], 100, X[7], 100],
      [X[0], 135, X[7], 135],
      [X[0], 155, X[7], 155],
      [X[0], 175, X[7], 175],
      ...[0, 1, 2, 3, 4, 5, 7].map((c): Stroke => [X[c], 80, X[c], 175]),
      [X[6], 100, X[6], 175],
    ];
    const amounts = (y: number, values: string[]): Draw['page'] => values.map((t, k) => ({ y, cells: [[X[k + 3] - 4, t, 'right']] as Cell[] }));
    const page: Draw['page'] = [
      { y: 50, cells: [[200, '支出总表']], size: 14 },
      { y: 84, cells: [[395, '2026年政府采购']] },
      { y: 104, cells: [[434, '其中：2026年']] },
      { y: 116, cells: [[44, '科目编码'], [104, '科目名称'], [194, '支出总计'], [254, '基本支出'], [314, '项目支出'], [374, '小计'], [434, '面向中小']] },
      { y: 124, cells: [[434, '企业预留']] },
      { y: 140, cells: [[44, '201'], [104, '一般公共服务']] },
      ...amounts(140, ['1,200.00', '1,000.00', '200.00', '50.00', '10.00']),
      { y: 160, cells: [[44, '20101'], [104, '人大事务']] },
      ...amounts(160, ['1,200.00', '1,000.00', '200.00', '50.00', '10.00']),
    ];
    const r = await readPdf(await makePdf([{ page, rules }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const texts = r.lines.map((l) => l.text);
    if (process.env.PDF_DEBUG) console.log(texts.join('\n'));
    expect(texts.filter((t) => !t.includes('\t') && t.trim() !== '')).toEqual(['支出总表']);
    const rows = bodyRows(r);
    expect(rows[0]).toEqual(['', '', '', '', '', '2026年政府采购', '']);
    expect(rows.slice(-2)).toEqual([
      ['201', '一般公共服务', '1,200.00', '1,000.00', '200.00', '50.00', '10.00'],
      ['20101', '人大事务', '1,200.00', '1,000.00', '200.00', '50.00', '10.00'],
    ]);
    expect(rows.flat().join('')).toContain('其中：2026年');
  });

  it('keeps ruled rows without amounts apart (a 收支总表 whose rows mostly have no figure), also at the foot of a page', async () => {
    const X = [40, 200, 260, 420, 480];
    const ys = [80, 98, 116, 134, 152, 170, 188, 206];
    const rules: Stroke[] = [...ys.map((y): Stroke => [X[0], y, X[4], y]), ...X.map((x): Stroke => [x, ys[0], x, ys[ys.length - 1]])];
    const row = (k: number, a: string, va: string, b: string, vb: string): Draw['page'][number] => ({
      y: ys[k] + 4,
      cells: [[X[0] + 4, a], [X[1] + 56, va, 'right'], [X[2] + 4, b], [X[3] + 56, vb, 'right']].filter((c) => c[1] !== '') as Cell[],
    });
    const page: Draw['page'] = [
      { y: 50, cells: [[200, '收支总表']], size: 14 },
      { y: 84, cells: [[X[0] + 4, '项目'], [X[1] + 4, '预算数'], [X[2] + 4, '项目'], [X[3] + 4, '预算数']] },
      row(1, '一、一般公共预算拨款收入', '196.67', '一、一般公共服务支出', ''),
      row(2, '二、政府性基金预算拨款收入', '', '二、外交支出', ''),
      row(3, '三、事业收入', '', '三、国防支出', '50.00'),
      row(4, '四、其他收入', '3.33', '四、教育支出', ''),
      row(5, '', '', '五、科学技术支出', '150.00'),
      row(6, '', '', '六、文化旅游体育与传媒支出', ''),
    ];
    const r = await readPdf(await makePdf([{ page, rules }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(bodyRows(r)).toEqual([
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', '196.67', '一、一般公共服务支出', ''],
      ['二、政府性基金预算拨款收入', '', '二、外交支出', ''],
      ['三、事业收入', '', '三、国防支出', '50.00'],
      ['四、其他收入', '3.33', '四、教育支出', ''],
      ['', '', '五、科学技术支出', '150.00'],
      ['', '', '六、文化旅游体育与传媒支出', ''],
    ]);
  });

  it('does not read a three-line table (rules only above, below the header and at the foot) as one row', async () => {
    const rows: Array<{ y: number; cells: Cell[] }> = [
      { y: 110, cells: [[44, '201'], [114, '一般公共服务支出'], [281, '1,200.00', 'right'], [361, '1,000.00', 'right'], [441, '200.00', 'right']] },
      { y: 128, cells: [[44, '20101'], [114, '人大事务'], [281, '1,200.00', 'right'], [361, '1,000.00', 'right'], [441, '200.00', 'right']] },
      { y: 146, cells: [[44, '2010101'], [114, '行政运行'], [281, '1,000.00', 'right'], [361, '1,000.00', 'right']] },
      { y: 164, cells: [[44, '2010108'], [114, '代表工作（含代表'], [281, '200.00', 'right'], [441, '200.00', 'right']] },
      { y: 176, cells: [[114, '履职服务）']] },
      { y: 194, cells: [[114, '合计'], [281, '1,200.00', 'right'], [361, '1,000.00', 'right'], [441, '200.00', 'right']] },
    ];
    const bytes = await makePdf([
      {
        page: [{ y: 86, cells: [[44, '科目编码'], [114, '科目名称'], [261, '合计'], [321, '基本支出'], [401, '项目支出']] }, ...rows],
        rules: [
          [40, 80, 445, 80],
          [40, 102, 445, 102],
          [40, 210, 445, 210],
        ],
      },
    ]);
    const r = await readPdf(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(bodyRows(r)).toEqual([
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['201', '一般公共服务支出', '1,200.00', '1,000.00', '200.00'],
      ['20101', '人大事务', '1,200.00', '1,000.00', '200.00'],
      ['2010101', '行政运行', '1,000.00', '1,000.00', ''],
      ['2010108', '代表工作（含代表履职服务）', '200.00', '', '200.00'],
      ['', '合计', '1,200.00', '1,000.00', '200.00'],
    ]);
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
