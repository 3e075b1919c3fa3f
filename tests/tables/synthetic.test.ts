/**
 * Layouts not in the sample corpus: 元 tables converted exactly, 类/款/项 columns, codes joined to names,
 * "-" cells, a malformed number, 三公 with purchase/operation sub-columns, 采购 with 货物/工程/服务 columns,
 * an empty table whose unit sits in a header cell, and grids the converter broke.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, runFile, runText } from './harness.js';
import { buildGrid } from '../../scripts/recognize/tables/grid.js';
import { classifyTable } from '../../scripts/recognize/tables/kind.js';
import { CodeContext, readCode } from '../../scripts/recognize/tables/codes.js';

describe('synthetic budget in 元 (fixtures/tables/synthetic-budget.txt)', () => {
  const r = runFile(join(FIXTURES, 'synthetic-budget.txt'));

  it('finds five tables with their units', () => {
    expect(r.tables.map((t) => [t.kind, t.unit, t.empty])).toEqual([
      ['expenditure', '元', false],
      ['general_budget_expenditure', '元', false],
      ['three_public', '元', false],
      ['procurement', '万元', false],
      ['state_capital', '元', true],
    ]);
  });

  it('converts 元 to 万元 exactly and builds codes from 类/款/项 columns', () => {
    const x = (code: string) => r.expenditure_by_function.find((f) => f.table_id === 't01' && f.code === code);
    expect(x('201')).toMatchObject({ level: 1, total: 123.456789, basic: 23.456789, project: 100 });
    expect(x('20103')).toMatchObject({ level: 2, name: '政府办公厅（室）及相关机构事务' });
    expect(x('2010301')).toMatchObject({ level: 3, total: 23.456789, project: null }); // "-" → null
    expect(r.totals.basic_expenditure?.value).toBe(23.456789);
    expect(r.totals.current_year_expenditure?.value).toBe(123.456789);
  });

  it('splits codes joined to names and warns on a malformed number', () => {
    const t2 = r.expenditure_by_function.filter((f) => f.table_id === 't02').map((f) => [f.code, f.level, f.name]);
    expect(t2).toEqual([
      ['208', 1, '社会保障和就业支出'],
      ['20805', 2, '行政事业单位养老支出'],
      ['2080505', 3, '机关事业单位基本养老保险缴费支出'],
    ]);
    const bad = r.expenditure_by_function.find((f) => f.code === '2080505')!;
    expect(bad.basic).toBeNull();
    expect(r.warnings).toEqual([{ line: 22, message: expect.stringContaining('12.3.4') }]);
    expect(r.totals.general_budget_expenditure?.value).toBe(5);
  });

  it('reads 三公 with a merged 公务用车 group', () => {
    const b = Object.fromEntries(r.three_public.map((x) => [x.item, x.budget]));
    expect(b).toEqual({
      total: 8.50005,
      overseas_travel: null,
      vehicles_total: 6,
      vehicle_purchase: 4,
      vehicle_operation: 2,
      reception: 2.50005,
    });
  });

  it('reads 采购 categories from 货物/工程/服务 columns', () => {
    const p = Object.fromEntries(r.procurement.filter((x) => x.category !== 'item').map((x) => [x.category, x.amount]));
    expect(p).toEqual({ goods: 10.25, services: 20.25, total: 30.5 }); // 工程 is "-" everywhere: not invented
    expect(r.procurement.filter((x) => x.category === 'item')).toHaveLength(2);
  });

  it('keeps the empty table, its in-table unit and its 说明', () => {
    const t = r.tables[4];
    expect(t.columns).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    expect(t.note).toBe('说明：本部门无国有资本经营预算支出，故本表为空表。');
    expect(r.claims.get(47)).toBe('tables');
    expect(r.claims.has(49)).toBe(false); // the next section heading is not the table's
  });
});

describe('grid reconstruction', () => {
  const row = (line: number, ...cells: string[]) => ({ cells, raw: cells, line });

  it('fills merged header cells and drops column-number rows', () => {
    const g = buildGrid(
      [
        row(1, '科目', '', '本年支出', '', ''),
        row(2, '编码', '名称', '合计', '基本支出', '项目支出'),
        row(3, '栏次', '', '1', '2', '3'),
        row(4, '', '合计', '10.00', '4.00', '6.00'),
      ],
      { textTable: false },
    );
    expect(g.columns).toEqual(['科目/编码', '科目/名称', '本年支出/合计', '本年支出/基本支出', '本年支出/项目支出']);
    expect(g.body.map((r) => r.line)).toEqual([4]);
  });

  it('a header without data rows is header-only (empty table)', () => {
    const g = buildGrid([row(1, '科目编码', '科目名称', '合计'), row(2, '**', '**', '1')], { textTable: false });
    expect(g.headerOnly).toBe(true);
    expect(g.body).toHaveLength(0);
  });

  it('never throws on ragged or junk rows', () => {
    const r = runText('收入总表\n\na\tb\n\t\t\t\n1,2345.6\t-\tx\n------\t---\n');
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].kind).toBe('income');
  });
});

describe('classification across wording variants', () => {
  it.each([
    ['部门收支总表', 'income_expenditure_summary'],
    ['收入支出决算总表', 'income_expenditure_summary'],
    ['财政拨款收入支出决算总表', 'fiscal_appropriation_summary'],
    ['2022年收入预算总表', 'income'],
    ['收入决算表', 'income'],
    ['部门支出总表', 'expenditure'],
    ['一般公共预算财政拨款支出决算表', 'general_budget_expenditure'],
    ['一般公共预算财政拨款基本支出决算表', 'general_budget_basic_expenditure'],
    ['政府性基金预算财政拨款收入支出决算表', 'government_fund'],
    ['国有资本经营预算支出表', 'state_capital'],
    ['政府采购预算表', 'procurement'],
    ['政府购买服务预算表', 'purchase_of_services'],
    ['项目支出预算表', 'project_expenditure'],
    ['国有资产占用情况表', 'assets'],
    ['项目支出绩效目标表', 'performance_targets'],
    ['部门整体支出绩效目标表', 'performance_targets'],
    ['项目支出绩效自评表', 'self_evaluation'],
    ['一般公共预算“三公”经费支出表', 'three_public'],
  ])('%s → %s', (title, kind) => {
    expect(classifyTable(title, [])).toBe(kind);
  });

  it('falls back to the header shape when the title says nothing', () => {
    expect(classifyTable('表3', ['一级指标', '二级指标', '三级指标', '指标值'])).toBe('performance_targets');
    expect(classifyTable('', ['经济分类科目编码', '科目名称', '人员经费', '公用经费'])).toBe('general_budget_basic_expenditure');
  });
});

describe('codes', () => {
  it('completes 2-digit 款 and 项 parts from the parent when the layout has no 7-digit codes', () => {
    const ctx = new CodeContext(false);
    const read = (code: string) => readCode([code, 'x'], [0], 1, ctx)?.code;
    expect(read('201')).toBe('201');
    expect(read('03')).toBe('20103');
    expect(read('01')).toBe('2010301');
    expect(read('02')).toBe('2010302');
    expect(read('208')).toBe('208');
  });
  it('returns null for a bare part without a parent', () => {
    expect(readCode(['05', 'x'], [0], 1, new CodeContext(true))).toBeNull();
  });
});
