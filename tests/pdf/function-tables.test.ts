/**
 * 支出功能分类 rows from real 2026 budget PDFs in ../shared (not part of the repository; skipped when
 * absent), as printed:
 * - pdf-samples/147, 149 (杭州): 支出预算表 printing names only, their 类/款/项 told apart by indentation
 *   alone — the 类 rows, coded by name, adding up to the table's 合计 (一般公共预算支出, 支出总计), and
 *   the 类 of its 基本支出 table by economic class;
 * - pdf-more/083 (广州): "[201]一般公共服务支出" — the code in square brackets before the name, in the
 *   function table and in the economic one (whose one amount column is headed 预算).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { sumExact } from '../../scripts/normalize/amount.js';

const shared = resolve(import.meta.dirname, '../../../shared');
const has = (f: string) => existsSync(join(shared, f));
const read = async (f: string) => {
  const { document } = await ingestFile(join(shared, f), f.split('/').pop()!);
  if (!document) throw new Error(`${f} not read`);
  return document;
};
type Doc = Awaited<ReturnType<typeof read>>;
const rows = (d: Doc, title: RegExp) => {
  const t = d.tables.find((x) => title.test(x.title ?? ''));
  return d.expenditure_by_function.filter((r) => r.table_id === t?.id);
};

describe.skipIf(!has('pdf-samples/147.pdf'))('pdf-samples/147.pdf 杭州市交通运输局: names-only function tables', () => {
  it('gives the 类 rows of 表3, 表5 and 表8, adding up to their 合计', { timeout: 120_000 }, async () => {
    const d = await read('pdf-samples/147.pdf');
    const gb = rows(d, /表5/);
    expect(gb.map((r) => [r.code, r.level, r.name, r.total, r.basic, r.project])).toEqual([
      ['201', 1, '一般公共服务支出', 6701.98, null, 6701.98],
      ['203', 1, '国防支出', 18, null, 18],
      ['205', 1, '教育支出', 22262.08, 19203.72, 3058.36],
      ['208', 1, '社会保障和就业支出', 9527.14, 9456.17, 70.97],
      ['210', 1, '卫生健康支出', 2401.9, 2401.9, null],
      ['212', 1, '城乡社区支出', 226000, null, 226000],
      ['214', 1, '交通运输支出', 165602.6, 51417.49, 114185.11],
    ]);
    expect(gb[0].table_kind).toBe('general_budget_expenditure');
    expect(sumExact(gb.map((r) => r.total))).toBe(432513.7);
    expect(d.totals.general_budget_expenditure).toBe(432513.7);
    // 支出总表: 其他支出 (229) once, though its 款 and 项 print the same name under it
    const all = rows(d, /表3/);
    expect(all.map((r) => r.code)).toEqual(['201', '203', '205', '208', '210', '212', '214', '229']);
    expect(all.find((r) => r.code === '214')).toMatchObject({ total: 174982.14, basic: 58201.52, project: 116780.62 });
    expect(sumExact(all.map((r) => r.total))).toBe(d.totals.expenditure_total);
    expect(rows(d, /表8/).map((r) => [r.code, r.total])).toEqual([['212', 211000], ['214', 177.92], ['229', 10493]]);
    // no 款 or 项 is taken: their codes cannot be told from the names
    expect(d.expenditure_by_function.every((r) => r.level === 1)).toBe(true);
    // 表6 (基本支出 by economic class, names only, 人员经费 | 日常公用支出): its 类 rows
    expect(d.basic_expenditure_by_economic.map((r) => [r.code, r.name, r.total, r.personnel, r.public])).toEqual([
      ['301', '工资福利支出', 63983.8, 63983.8, null],
      ['302', '商品和服务支出', 12533.77, null, 12533.77],
      ['303', '对个人和家庭的补助', 5651.71, 3643.71, 2008],
      ['310', '资本性支出', 360.6, null, 360.6],
    ]);
  });
});

describe.skipIf(!has('pdf-samples/149.pdf'))('pdf-samples/149.pdf 杭州市司法局: names-only, 类 missing the 合计 by rounding cents', () => {
  it('takes the 类 rows of 表5 whose sum is one cent off the printed 合计', { timeout: 120_000 }, async () => {
    const d = await read('pdf-samples/149.pdf');
    const gb = rows(d, /表5/);
    expect(gb.map((r) => [r.code, r.total, r.basic, r.project])).toEqual([
      ['201', 12868.19, null, 12868.19],
      ['204', 69081.15, 60830.83, 8250.32],
      ['208', 7458.52, 7458.52, null],
      ['210', 2434.95, 2434.95, null],
    ]);
    expect(sumExact(gb.map((r) => r.total))).toBe(91842.81);
    expect(d.totals.general_budget_expenditure).toBe(91842.8);
  });
});

describe.skipIf(!has('pdf-more/083.pdf'))('pdf-more/083.pdf 广州市商务局: codes in square brackets', () => {
  it('reads every row of the 一般公共预算支出情况表 and the economic table', { timeout: 120_000 }, async () => {
    const d = await read('pdf-more/083.pdf');
    const gb = rows(d, /一般公共预算支出情况表（按功能分类科目）/);
    expect(gb).toHaveLength(34);
    expect(gb.slice(0, 3).map((r) => [r.code, r.level, r.name, r.total, r.basic, r.project])).toEqual([
      ['201', 1, '一般公共服务支出', 38159.85, 9176.12, 28983.73],
      ['20111', 2, '纪检监察事务', 7.4, 0, 7.4],
      ['2011105', 3, '派驻派出机构', 7.4, 0, 7.4],
    ]);
    expect(gb.find((r) => r.code === '2080505')).toMatchObject({ name: '机关事业单位基本养老保险缴费支出', total: 1028.13, basic: 1028.13 });
    expect(d.totals.general_budget_expenditure).toBe(121385.74);
    expect(sumExact(gb.filter((r) => r.level === 1).map((r) => r.total))).toBeCloseTo(121385.74, 1);
    const econ = d.basic_expenditure_by_economic.filter((r) => r.code === '301' || r.code === '30101');
    expect(econ.map((r) => [r.code, r.name, r.total])).toEqual([
      ['301', '工资福利支出', 12873.54],
      ['30101', '基本工资', 1817.34],
    ]);
  });
});
