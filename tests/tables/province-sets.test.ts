/**
 * Two provincial table sets not among the sample PDFs, as the PDF reader outputs them (tab-separated
 * cells, multi-row headers, the 编制部门/单位 line beside the title, empty tables with a 说明):
 * - fixtures/tables/shanghai-9-tables.txt: the Shanghai 9-table set (财务收支预算总表 … “三公”经费和机关
 *   运行经费预算表), codes in one column, 部门预算支出经济分类 codes.
 * - fixtures/tables/shandong-set.txt: the Shandong 收支总体情况表 set, codes split into 类/款/项 columns
 *   (in full, or each row filling only its own part), 7-digit economic codes (3010201), a 收入总体情况表
 *   by unit with 上年结转, empty tables marked ** or with a 说明.
 * Figures are internally consistent: every table of a set reconciles with the others, and a figure
 * changed on purpose is caught.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runFile } from './harness.js';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';

const SHANGHAI = join(FIXTURES, 'shanghai-9-tables.txt');
const SHANDONG = join(FIXTURES, 'shandong-set.txt');

const tmp = mkdtempSync(join(tmpdir(), 'province-sets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Run the whole pipeline on a fixture, optionally with one published figure changed. */
async function ingest(path: string, edit?: { line: string; to: string; nth?: number }) {
  let file = path;
  if (edit) {
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = lines.map((l, i) => (l === edit.line ? i : -1)).filter((i) => i >= 0);
    expect(at.length, 'the edited line exists').toBeGreaterThan(edit.nth ?? 0);
    lines[at[edit.nth ?? 0]] = edit.to;
    file = join(tmp, `edited-${path.split('/').pop()}`);
    writeFileSync(file, lines.join('\n'));
  }
  const { document } = await ingestFile(file, file.split('/').pop()!);
  expect(document).not.toBeNull();
  return document!;
}

describe('Shanghai 9-table set', () => {
  const r = runFile(SHANGHAI);

  it('gives each of the nine tables its kind, in order, all in 万元', () => {
    expect(r.tables.map((t) => [t.kind, t.unit, t.empty])).toEqual([
      ['income_expenditure_summary', '万元', false], // 部门财务收支预算总表
      ['income', '万元', false], // 部门收入预算总表
      ['expenditure', '万元', false], // 部门支出预算总表
      ['fiscal_appropriation_summary', '万元', false], // 财政拨款收支预算总表
      ['general_budget_expenditure', '万元', false], // 一般公共预算支出功能分类预算表
      ['general_budget_basic_expenditure', '万元', false], // 一般公共预算基本支出部门预算经济分类表
      ['government_fund', '万元', true], // 政府性基金预算支出功能分类预算表 (empty, 说明)
      ['state_capital', '万元', true], // 国有资本经营预算支出功能分类预算表 (empty, ** row)
      ['three_public', '万元', false], // “三公”经费和机关运行经费预算表
    ]);
    expect(r.tables[6].note).toContain('此表为空表');
    expect(r.tables[7].note).toContain('此表为空表');
    // the 编制部门 line is not taken for a header row
    expect(r.tables[2].columns).toEqual(['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出']);
  });

  it('reads the headline totals from the summary, income, expenditure and general-budget tables', () => {
    const v = (k: keyof typeof r.totals) => r.totals[k]?.value;
    expect(v('income_total')).toBe(1522);
    expect(v('expenditure_total')).toBe(1522);
    expect(v('basic_expenditure')).toBe(1252);
    expect(v('project_expenditure')).toBe(270);
    expect(v('fiscal_appropriation')).toBe(1502);
    expect(v('general_budget_expenditure')).toBe(1502);
    expect(v('three_public_total')).toBe(12.7);
    // 机关运行经费 is a column of the 三公 table here, not an item of the 三公
    expect(v('operating_expenses')).toBe(186.4);
  });

  it('reads the 三公 items, with 小计 as the 公务用车 subtotal and 机关运行经费 left out', () => {
    expect(r.three_public.map((x) => [x.item, x.budget])).toEqual([
      ['total', 12.7],
      ['overseas_travel', 3],
      ['vehicles_total', 8.5],
      ['vehicle_purchase', null],
      ['vehicle_operation', 8.5],
      ['reception', 1.2],
    ]);
  });

  it('reads function and economic rows with their levels', () => {
    const f = (t: string, code: string) => r.expenditure_by_function.find((x) => x.table_id === t && x.code === code);
    expect(f('t03', '2012604')).toMatchObject({ level: 3, name: '档案馆', total: 270, basic: null, project: 270 });
    expect(f('t05', '2012604')).toMatchObject({ total: 250, project: 250 }); // 20.00 of it is 其他收入
    expect(r.basic_expenditure_by_economic.filter((x) => x.level === 1).map((x) => [x.code, x.total, x.personnel, x.public])).toEqual([
      ['301', 1031.6, 1031.6, null],
      ['302', 186.4, null, 186.4],
      ['303', 34, 34, null],
    ]);
  });

  it('reconciles through the whole pipeline, and catches a changed figure', async () => {
    const d = await ingest(SHANGHAI);
    expect(d.findings.filter((x) => x.severity !== 'info')).toEqual([]);
    const bad = await ingest(SHANGHAI, { line: '30101\t基本工资\t310.20\t310.20\t', to: '30101\t基本工资\t320.20\t320.20\t' });
    const errors = bad.findings.filter((x) => x.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((x) => x.check === 'children_sum')).toBe(true);
    expect(errors.map((x) => [x.expected, x.actual])).toContainEqual([1031.6, 1041.6]);
  });
});

describe('Shandong 收支总体情况表 set', () => {
  const r = runFile(SHANDONG);

  it('gives each table its kind; empty tables are marked empty with their 说明', () => {
    expect(r.tables.map((t) => [t.title, t.kind, t.empty])).toEqual([
      ['部门收支总体情况表', 'income_expenditure_summary', false],
      ['部门收入总体情况表', 'income', false],
      ['部门支出总体情况表', 'expenditure', false],
      ['财政拨款收支总体情况表', 'fiscal_appropriation_summary', false],
      ['一般公共预算支出情况表', 'general_budget_expenditure', false],
      ['一般公共预算基本支出情况表', 'general_budget_basic_expenditure', false],
      ['政府性基金预算支出情况表', 'government_fund', true],
      ['国有资本经营预算支出情况表', 'state_capital', true],
      ['一般公共预算“三公”经费支出情况表', 'three_public', false],
    ]);
    expect(r.tables[6].note).toBe('说明：本部门无政府性基金预算收支，此表为空表。');
    expect(r.tables[2].columns.slice(0, 4)).toEqual(['科目编码/类', '科目编码/款', '科目编码/项', '科目名称']);
  });

  it('builds full codes from 类/款/项 columns, also when each row fills only its own part', () => {
    const codes = (t: string) => r.expenditure_by_function.filter((x) => x.table_id === t).map((x) => x.code);
    const expected = ['201', '20103', '2010301', '2010302', '2010350', '208', '20805', '2080505', '2080506', '20808', '2080801', '210', '21011', '2101101', '2101102', '221', '22102', '2210201'];
    expect(codes('t03')).toEqual(expected); // "201 03 01" on every row
    expect(codes('t05')).toEqual(expected); // "201" / "03" / "01", a 款 (08) right after a 项 (06)
    const f = r.expenditure_by_function.find((x) => x.table_id === 't05' && x.code === '20808');
    expect(f).toMatchObject({ level: 2, name: '抚恤', total: 15.6 });
  });

  it('reads 7-digit economic codes as a third level', () => {
    const e = (code: string) => r.basic_expenditure_by_economic.find((x) => x.code === code);
    expect(e('30102')).toMatchObject({ level: 2, total: 1125.3 });
    expect(e('3010201')).toMatchObject({ level: 3, name: '规范津贴补贴', total: 905.3, personnel: 905.3 });
    expect(e('3010202')).toMatchObject({ level: 3, total: 220 });
  });

  it('reads totals with 上年结转 kept apart from 本年收入', () => {
    const v = (k: keyof typeof r.totals) => r.totals[k]?.value;
    expect(v('income_total')).toBe(4114.1);
    expect(v('current_year_income')).toBe(4064.1);
    expect(v('expenditure_total')).toBe(4114.1);
    expect(v('basic_expenditure')).toBe(3794.1);
    expect(v('project_expenditure')).toBe(320);
    expect(v('fiscal_appropriation')).toBe(4034.1); // 一般公共预算拨款收入, without 上年结转
    expect(v('general_budget_expenditure')).toBe(4084.1);
    expect(v('three_public_total')).toBe(17);
    expect(r.three_public.find((x) => x.item === 'vehicle_operation')?.budget).toBe(12);
  });

  it('reconciles through the whole pipeline, and catches a 一般公共预算 figure that disagrees with 财政拨款收支总体情况表', async () => {
    const d = await ingest(SHANDONG);
    expect(d.findings.filter((x) => x.severity !== 'info')).toEqual([]);
    const bad = await ingest(SHANDONG, { line: '221\t\t\t住房保障支出\t298.75\t298.75\t', to: '221\t\t\t住房保障支出\t289.75\t289.75\t', nth: 1 });
    // the 类 row of 一般公共预算支出情况表 (its second printing in the file) against the 一般公共预算 column
    const cross = bad.findings.filter((x) => x.check === 'cross_table');
    expect(cross.map((x) => [x.expected, x.actual])).toEqual([[298.75, 289.75]]);
    expect(cross[0].message).toContain('221 住房保障支出');
  });
});
