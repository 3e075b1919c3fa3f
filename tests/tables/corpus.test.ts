/**
 * recognizeTables on the five sample documents: every expected value below was read by hand from the
 * source text (line numbers in comments), not from the recognizer's output.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runFile, SOURCES, type Run } from './harness.js';
import { Table as TableSchema, FunctionExpenditure, EconomicExpenditure, ThreePublic } from '../../scripts/model/schema.js';

const file = (prefix: string) => join(SOURCES, readdirSync(SOURCES).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!);
const byKind = (r: Run, kind: string) => r.tables.filter((t) => t.kind === kind);
const fn = (r: Run, tableKind: string, code: string) => r.expenditure_by_function.find((x) => x.table_kind === tableKind && x.code === code);

describe('000 赣州市行政审批局 2022 部门预算', () => {
  const r = runFile(file('000'));

  it('finds the budget tables with their kinds, titles and units', () => {
    const money = r.tables.filter((t) => t.unit !== null).map((t) => [t.kind, t.title]);
    expect(money).toEqual([
      ['income', '部门收入总表'],
      ['expenditure', '部门支出总表'],
      ['general_budget_expenditure', '一般公共预算支出表'],
      ['general_budget_basic_expenditure', '一般公共预算基本支出表'],
      ['three_public', '一般公共预算“三公”经费支出表'],
      ['government_fund', '政府性基金预算支出表'],
      ['state_capital', '国有资本经营预算支出表'],
    ]);
    // seven 项目支出绩效目标表 forms, one indicator grid each (lines 296, 347, 391, 436, 486, 531, 576)
    expect(r.tables.filter((t) => t.kind === 'performance_targets' && t.columns[0] === '一级指标')).toHaveLength(7);
    expect(r.tables.every((t) => TableSchema.safeParse(t).success)).toBe(true);
    expect(r.tables.map((t) => t.id).slice(0, 3)).toEqual(['t01', 't02', 't03']);
  });

  it('flattens the two-row income header with the merged 财政拨款 cell', () => {
    const income = byKind(r, 'income')[0];
    expect(income.columns).toContain('财政拨款/一般公共预算拨款收入');
    expect(income.columns[2]).toBe('合计');
    // the "** ** 1 2 3" row is not data; first row is the 合计 row (line 87)
    expect(income.rows[0].source_line).toBe(87);
    expect(income.rows[0].cells[2]).toBe('14,783.86');
    expect(income.source).toMatchObject({ line_start: 84, line_end: 123 });
  });

  it('reads totals from the 收入总表, 支出总表 and 一般公共预算支出表 total rows', () => {
    expect(r.totals.income_total?.value).toBe(14783.86); // line 87
    expect(r.totals.income_total?.source.line_start).toBe(87);
    expect(r.totals.fiscal_appropriation?.value).toBe(12564.56); // line 87 财政拨款 小计
    expect(r.totals.basic_expenditure?.value).toBe(1053.02); // line 134
    expect(r.totals.project_expenditure?.value).toBe(13730.84);
    expect(r.totals.general_budget_expenditure?.value).toBe(12564.56); // line 181
    expect(r.totals.three_public_total?.value).toBe(3); // line 249
    // the 收入总表 合计 includes 上年结转 1,618.63: 本年收入合计 is not stated, so not invented
    expect(r.totals.current_year_income).toBeUndefined();
  });

  it('completes split codes 201 / 03 / 2010301 from the parent row', () => {
    expect(fn(r, 'expenditure', '20103')).toMatchObject({ level: 2, name: '政府办公厅（室）及相关机构事务', total: 12976.39 });
    expect(fn(r, 'expenditure', '2010302')).toMatchObject({ level: 3, basic: 25.31, project: 5326.3 });
    // "99 其他科学技术支出" after 2060404 is the 款 20699 (line 144)
    expect(fn(r, 'expenditure', '20699')).toMatchObject({ name: '其他科学技术支出', total: 9 });
    expect(fn(r, 'general_budget_expenditure', '2010301')).toMatchObject({ total: 565.49, basic: 565.49, project: null });
    expect(r.expenditure_by_function.every((x) => FunctionExpenditure.safeParse(x).success)).toBe(true);
    // 部门支出总表 has 36 coded rows (lines 135–170)
    expect(r.expenditure_by_function.filter((x) => x.table_kind === 'expenditure')).toHaveLength(36);
  });

  it('extracts the economic classification with personnel/public columns', () => {
    const e301 = r.basic_expenditure_by_economic.find((x) => x.code === '301');
    expect(e301).toMatchObject({ level: 1, name: '工资福利支出', total: 683.62, personnel: 683.62, public: null }); // line 210
    expect(r.basic_expenditure_by_economic.find((x) => x.code === '30217')).toMatchObject({ total: 3, public: 3 });
    expect(r.basic_expenditure_by_economic.every((x) => EconomicExpenditure.safeParse(x).success)).toBe(true);
  });

  it('reads the budget 三公 layout (items as columns)', () => {
    const get = (item: string) => r.three_public.find((x) => x.item === item);
    expect(get('total')?.budget).toBe(3);
    expect(get('reception')?.budget).toBe(3);
    expect(get('overseas_travel')?.budget).toBeNull(); // blank cell, not invented
    expect(r.three_public.every((x) => ThreePublic.safeParse(x).success)).toBe(true);
  });

  it('marks the 政府性基金 and 国有资本经营 tables empty (headers, no rows)', () => {
    for (const k of ['government_fund', 'state_capital']) {
      const t = byKind(r, k)[0];
      expect(t.empty).toBe(true);
      expect(t.rows).toHaveLength(0);
      expect(t.columns).toContain('2022年预算数/合计');
    }
  });

  it('claims table, title and unit lines', () => {
    for (const n of [78, 80, 82, 84, 123, 125, 129, 241, 249]) expect(r.claims.get(n)).toBe('tables');
    expect(r.claims.has(590)).toBe(false); // narrative
  });
});

describe('002 上饶市大数据发展管理局 2021 部门决算', () => {
  const r = runFile(file('002'), { kind: 'final_account' });

  it('finds the 公开01–10表 with their kinds and the in-table unit', () => {
    expect(r.tables.slice(0, 10).map((t) => t.kind)).toEqual([
      'income_expenditure_summary',
      'expenditure',
      'income',
      'fiscal_appropriation_summary',
      'general_budget_expenditure',
      'general_budget_basic_expenditure',
      'three_public',
      'government_fund',
      'state_capital',
      'assets',
    ]);
    expect(r.tables[0].unit).toBe('万元'); // "公开01表 金额单位：万元" header cell
    expect(r.tables[9].unit).toBeNull(); // 国有资产: 台、辆、套
    expect(byKind(r, 'self_evaluation').length).toBeGreaterThanOrEqual(2);
  });

  it('unfolds the side-by-side 收支总表 into income and expenditure totals', () => {
    expect(r.totals.current_year_income?.value).toBe(1387.15); // line 111
    expect(r.totals.income_total?.value).toBe(1664.55); // line 115 总计 (incl. 年初结转 277.40)
    expect(r.totals.expenditure_total?.value).toBe(1664.55);
    expect(r.totals.current_year_expenditure?.value).toBe(1664.55);
    expect(r.totals.fiscal_appropriation?.value).toBe(1387.15); // 一般公共预算财政拨款收入 line 85
    expect(r.totals.basic_expenditure?.value).toBe(328.25); // 支出决算表 合计 line 125
    expect(r.totals.project_expenditure?.value).toBe(1336.3);
  });

  it('re-aligns the shifted 类/款/项 header of the 一般公共预算财政拨款支出决算表', () => {
    const t = byKind(r, 'general_budget_expenditure')[0];
    const total = t.columns.indexOf('本年支出合计');
    expect(total).toBeGreaterThan(0);
    const row = t.rows.find((x) => x.source_line === 205)!;
    expect(row.cells[total]).toBe('1,664.55');
    expect(fn(r, 'general_budget_expenditure', '2060599')).toMatchObject({ total: 1058.22, basic: 0, project: 1058.22 });
    expect(r.totals.general_budget_expenditure?.value).toBe(1664.55);
  });

  it('unfolds the three side-by-side economic classification groups', () => {
    const e = (code: string) => r.basic_expenditure_by_economic.find((x) => x.code === code);
    expect(e('301')).toMatchObject({ total: 281.27, personnel: 281.27, public: null }); // line 226, group 1
    expect(e('302')).toMatchObject({ total: 33.65, personnel: null, public: 33.65 }); // group 2
    expect(e('310')).toMatchObject({ total: 0.2, public: 0.2 }); // line 231, group 3
    expect(e('30309')).toMatchObject({ name: '奖励金', total: 13.12 });
    expect(e('39999')?.source.line_start).toBe(258);
    const level1 = r.basic_expenditure_by_economic.filter((x) => x.level === 1).map((x) => x.code).sort();
    expect(level1).toEqual(['301', '302', '303', '307', '310', '312', '399']);
  });

  it('reads the 决算 三公 layout and its statistics', () => {
    const get = (item: string) => r.three_public.find((x) => x.item === item);
    expect(get('total')).toMatchObject({ budget: 8, actual: 7.11 }); // line 268
    expect(get('reception')).toMatchObject({ budget: 8, actual: 7.11 });
    expect(get('vehicle_purchase')).toMatchObject({ budget: 0, actual: 0 });
    expect(r.totals.three_public_total?.value).toBe(7.11); // final accounts: the 决算数
    const stat = (k: string) => r.stats.find((s) => s.key === k)?.value;
    expect(stat('domestic_reception_batches')).toBe(74); // line 282
    expect(stat('domestic_reception_people')).toBe(562); // line 284
    expect(stat('vehicles_held')).toBe(0);
    expect(stat('overseas_groups')).toBe(0);
  });

  it('keeps empty tables as facts with their 说明', () => {
    const gf = byKind(r, 'government_fund')[0];
    expect(gf.empty).toBe(true);
    expect(gf.note).toContain('当此表数据为零时');
    expect(r.claims.get(300)).toBe('tables'); // the 说明 line
    const sc = byKind(r, 'state_capital')[0];
    expect(sc.empty).toBe(true);
    expect(sc.note).toContain('无国有资本经营预算财政拨款支出');
  });
});

describe('003 江汉区行政审批局 2022 预算', () => {
  const r = runFile(file('003'));

  it('classifies the 2022年…表 titles', () => {
    expect(r.tables.slice(0, 10).map((t) => t.kind)).toEqual([
      'income_expenditure_summary',
      'income',
      'expenditure',
      'project_expenditure',
      'fiscal_appropriation_summary',
      'general_budget_expenditure',
      'general_budget_basic_expenditure',
      'three_public',
      'government_fund',
      'procurement',
    ]);
    expect(byKind(r, 'performance_targets').length).toBeGreaterThanOrEqual(9);
  });

  it('reads the three-group 收支预算总表 with codes joined to names', () => {
    const t = r.tables[0];
    expect(t.columns).toEqual(['收入/项目', '收入/预算数', '支出（功能）/项目', '支出（功能）/预算数', '支出（经济分类）/项目', '支出（经济分类）/预算数']);
    expect(t.rows[0].cells[2]).toBe('201一般公共服务支出');
    expect(r.totals.income_total?.value).toBe(4679.36); // line 293
    expect(r.totals.income_total?.source.line_start).toBe(293);
    expect(r.totals.current_year_expenditure?.value).toBe(4679.36); // line 291
  });

  it('extracts function rows and basic/project totals', () => {
    expect(r.totals.basic_expenditure?.value).toBe(1053.74); // line 326
    expect(r.totals.project_expenditure?.value).toBe(3625.62);
    expect(fn(r, 'general_budget_expenditure', '2210203')).toMatchObject({ name: '购房补贴', level: 3, total: 28.61 });
    expect(r.basic_expenditure_by_economic.find((x) => x.code === '30199')).toMatchObject({ total: 124, personnel: 124 });
  });

  it('detects the empty 三公 and 政府性基金 tables with their 注', () => {
    const three = byKind(r, 'three_public')[0];
    expect(three.empty).toBe(true);
    expect(three.note).toBe('注：本部门无“三公”经费支出。');
    expect(three.columns).toContain('公务用车购置及运行维护费/公务用车购置');
    expect(r.totals.three_public_total?.value).toBe(0); // the note says there is none
    const gf = byKind(r, 'government_fund')[0];
    expect(gf.empty).toBe(true);
    expect(gf.note).toContain('无政府性基金');
    expect(r.claims.get(465)).toBe('tables');
  });

  it('reads 政府采购 items and categories exactly', () => {
    const p = (cat: string) => r.procurement.filter((x) => x.category === cat).map((x) => x.amount);
    expect(p('item')).toHaveLength(7); // lines 482–488
    expect(p('goods')).toEqual([120.33]); // 114.33 + 6.00 (物类)
    expect(p('works')).toEqual([35.1]);
    expect(p('services')).toEqual([2217.58]); // 143.25 + 38.02 + 19.00 + 2,017.31
    expect(r.totals.procurement_total?.value).toBe(2373.01);
  });
});

describe('001 and 004', () => {
  it('001 has no tables', () => {
    const r = runFile(file('001'));
    expect(r.tables).toHaveLength(0);
    expect(r.totals).toEqual({});
  });
  it('004 one-cell-per-line indicator runs become indicator tables (rebuilt by cell-per-line.ts)', () => {
    const r = runFile(file('004'));
    expect(r.tables).toHaveLength(5); // lines 98, 164, 220, 286, 342
    expect(r.tables.every((t) => t.kind === 'performance_targets')).toBe(true);
    const t = r.tables[0];
    expect(t.title).toBe('绩效指标'); // lead-in "8.绩效指标：" on line 97
    expect(t.columns).toEqual(['一级指标', '二级指标', '三级指标', '指标值']);
    expect(t.rows[0].cells).toEqual(['成本指标', '经济成本指标', '总成本控制', '=53万元']); // lines 103–106
    expect(r.warnings).toEqual([]);
  });
});
