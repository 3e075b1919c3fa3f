/**
 * Year over year and budget against actual, read from the documents themselves: the embedded 决算
 * (上饶市大数据发展管理局 2021) states its budgets beside its 决算数 in its text; real PDFs in
 * ../shared (skipped when absent) print 上年 columns and rows.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { baseBudget, changeOf, changePctOf, executionRate } from '../../scripts/normalize/change.js';
import { DOCUMENT_DATASETS } from '../../scripts/emit/datasets.js';

const SOURCES = resolve(import.meta.dirname, '../../content/sources');
const SHARED = resolve(import.meta.dirname, '../../../shared');

describe('change and execution rate', () => {
  it('are exact decimals, null when a figure is missing or the base is 0', () => {
    expect(changeOf(13144.37, 33586.67)).toBe(-20442.3);
    expect(changePctOf(13144.37, 33586.67)).toBe(-60.86);
    expect(changePctOf(5, 0)).toBeNull();
    expect(changeOf(5, undefined)).toBeNull();
    expect(executionRate(1664.55, 5922.19)).toBe(28.11);
    expect(executionRate(0.16, 0)).toBeNull();
    expect(baseBudget({ initial_budget: 140, final_budget: 155 })).toBe(155);
    expect(baseBudget({ initial_budget: 140, final_budget: null })).toBe(140);
  });
});

describe('the embedded 决算: budget against actual from its text', async () => {
  const { document: d } = await ingestFile(join(SOURCES, '002_3e97706fd429c0f0.txt'), '002_3e97706fd429c0f0.txt');
  const lines = d?.budget_execution ?? [];

  it('reads the headline 财政拨款支出 and its execution rate (完成年初预算的28%)', () => {
    const head = lines.find((x) => x.scope === 'fiscal_appropriation_expenditure');
    expect(head).toMatchObject({ label: '财政拨款支出', initial_budget: 5922.19, actual: 1664.55, stated_rate: 28 });
    expect(executionRate(head!.actual, baseBudget(head!))).toBe(28.11);
    expect(head!.source.line_start).toBe(349);
  });

  it('reads each function with its code and the reason the document gives', () => {
    const byLabel = Object.fromEntries(lines.filter((x) => x.scope === 'function').map((x) => [x.label, x]));
    expect(byLabel['一般公共服务支出']).toMatchObject({ code: '201', initial_budget: 388.03, actual: 328.25, stated_rate: 85, reason: '2021年度部分奖金尚未发放' });
    expect(byLabel['科学技术支出']).toMatchObject({ code: '206', initial_budget: 2300, actual: 1058.22, reason: '部分项目需跨年度验收后再支付' });
    expect(byLabel['资源勘探工业信息等支出']).toMatchObject({ code: '215', initial_budget: 3134.16, actual: 278.08, stated_rate: 9 });
  });

  it('takes the reason said of the budget, not the one said of the change from 2020', () => {
    const reception = lines.find((x) => x.label === '公务接待费支出');
    expect(reception).toMatchObject({ initial_budget: 8, actual: 7.11 });
    expect(reception!.reason).toBe('压缩一般性支出，厉行节约，杜绝超标准超范围接待');
  });

  it('writes budget_execution.csv and the 三公 execution rate', () => {
    const set = DOCUMENT_DATASETS.find((x) => x.path === 'budget_execution.csv')!;
    const rows = set.rowsOf(d!);
    const head = set.fields.map((f) => f.name);
    const first = Object.fromEntries(head.map((h, i) => [h, rows[0][i]]));
    expect(first).toMatchObject({ scope: 'fiscal_appropriation_expenditure', initial_budget: 5922.19, actual: 1664.55, execution_rate: 28.11, stated_rate: 28 });
    const three = DOCUMENT_DATASETS.find((x) => x.path === 'three_public.csv')!;
    const total = three.rowsOf(d!).find((r) => r[1] === 'total')!;
    expect(total[three.fields.findIndex((f) => f.name === 'execution_rate')]).toBe(88.88);
  });
});

describe('a budget gives no budget-against-actual lines', async () => {
  const { document: d } = await ingestFile(join(SOURCES, '003_58a7e03076f93090.txt'), '003_58a7e03076f93090.txt');
  it('even where its text compares with the previous year', () => {
    expect(d?.budget_execution).toBeUndefined();
  });
});

const pdf = (p: string) => join(SHARED, p);
describe.skipIf(!existsSync(pdf('pdf-samples/156.pdf')))('real PDFs: 上年 columns', () => {
  it('国家信访局 2026: the 一般公共预算支出表 prints 2025年执行数 beside 2026年预算数', { timeout: 120_000 }, async () => {
    const { document: d } = await ingestFile(pdf('pdf-samples/156.pdf'), '156.pdf');
    const rows = d!.expenditure_by_function.filter((r) => r.previous !== undefined);
    const at = (code: string) => rows.find((r) => r.code === code);
    expect(at('201')).toMatchObject({ total: 13144.37, previous: 33586.67 });
    expect(at('2014001')).toMatchObject({ name: '行政运行', total: 5826.21, previous: 5555.07 });
    // 卫生健康支出: nothing budgeted for 2026, 218.91 spent in 2025
    expect(at('210')).toMatchObject({ total: null, previous: 218.91 });
    // the printed 增减额 agree with 本年 − 上年: no note about them
    expect(d!.parse_notes.filter((n) => n.check === 'year_over_year')).toEqual([]);
  });
});

describe.skipIf(!existsSync(pdf('pdf-more/043.pdf')))('real PDFs: a 三公 table by year', () => {
  it('深圳市国资委 2026: the 2025年 row gives each item its previous figure', { timeout: 120_000 }, async () => {
    const { document: d } = await ingestFile(pdf('pdf-more/043.pdf'), '043.pdf');
    const by = Object.fromEntries(d!.three_public.map((x) => [x.item, x]));
    expect(by.total).toMatchObject({ budget: 120.8, previous: 26.13 });
    expect(by.overseas_travel).toMatchObject({ budget: 98, previous: 3.33 });
    expect(by.vehicle_purchase).toMatchObject({ budget: 12, previous: 12 });
    // its 增减变化金额 row agrees with 2026 − 2025 in every column
    expect(d!.parse_notes.filter((n) => n.check === 'year_over_year')).toEqual([]);
  });
});

describe.skipIf(!existsSync(pdf('pdf-samples/230.pdf')))('real PDFs: a 决算 stating 决算 before 预算', () => {
  it('佛山市轨道交通局 2019: “三公”经费支出决算为0.16万元，完成预算0万元的0%', { timeout: 120_000 }, async () => {
    const { document: d } = await ingestFile(pdf('pdf-samples/230.pdf'), '230.pdf');
    const total = d!.budget_execution?.find((x) => x.scope === 'three_public' && /三公/.test(x.label));
    expect(total).toMatchObject({ initial_budget: 0, actual: 0.16, stated_rate: 0 });
    expect(executionRate(total!.actual, baseBudget(total!))).toBeNull(); // a budget of 0 has no rate
  });
});

describe('a printed 增减 that disagrees with 本年 − 上年', () => {
  it('is a parse note, never a finding (a column may have been misread)', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const good = readFileSync(resolve(import.meta.dirname, '../fixtures/recognize/function-classification/previous-year/input.txt'), 'utf8');
    // 行政运行: 本年 80.00 − 上年 75.00 = 5.00, altered to print 50.00
    const altered = good.replace('行政运行\t75.00\t80.00\t80.00\t-\t5.00', '行政运行\t75.00\t80.00\t80.00\t-\t50.00');
    expect(altered).not.toBe(good);
    const dir = mkdtempSync(join(tmpdir(), 'yoy-'));
    for (const [name, text] of [['good.txt', good], ['altered.txt', altered]] as const) writeFileSync(join(dir, name), text);
    const ok = (await ingestFile(join(dir, 'good.txt'), 'good.txt')).document!;
    const bad = (await ingestFile(join(dir, 'altered.txt'), 'altered.txt')).document!;
    expect(ok.parse_notes.filter((n) => n.check === 'year_over_year')).toEqual([]);
    const notes = bad.parse_notes.filter((n) => n.check === 'year_over_year');
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain('行政运行');
    expect(notes[0].message).toContain('50');
    expect(bad.findings.filter((f) => f.check === 'year_over_year')).toEqual([]);
    expect(bad.expenditure_by_function.find((r) => r.code === '2010301')).toMatchObject({ total: 80, previous: 75 });
  });
});

describe('the document page: src/lib/comparisons', async () => {
  const { yearOverYear, budgetExecution, signed } = await import('../../src/lib/comparisons.js');
  const { document: d } = await ingestFile(join(SOURCES, '002_3e97706fd429c0f0.txt'), '002_3e97706fd429c0f0.txt');

  it('lists the 决算 lines: headline first, then functions, then “三公”, each with its rate', () => {
    const rows = budgetExecution(d!);
    expect(rows.map((r) => r.group)).toEqual([...Array(1).fill('总体'), ...Array(4).fill('功能分类'), ...Array(5).fill('“三公”经费')]);
    expect(rows[0]).toMatchObject({ label: '财政拨款支出', rate: 28.11, stated_rate: 28 });
    expect(rows.find((r) => r.code === '201')).toMatchObject({ rate: 84.59, reason: '2021年度部分奖金尚未发放' });
  });

  it('a 决算 whose text states no “三公” item takes the rates from its “三公” table', () => {
    const rows = budgetExecution({ ...d!, budget_execution: d!.budget_execution!.filter((x) => x.scope !== 'three_public') });
    expect(rows.filter((r) => r.scope === 'three_public').map((r) => [r.label, r.rate])).toEqual([
      ['“三公”经费支出', 88.88],
      ['因公出国（境）费', null],
      ['公务用车购置及运行维护费', null],
      ['公务用车购置费', null],
      ['公务用车运行维护费', null],
      ['公务接待费', 88.88],
    ]);
  });

  it('shows no 上年 comparison where the tables print none, and signs changes', () => {
    expect(yearOverYear(d!)).toEqual([]);
    expect([signed(271.14), signed(-20442.3), signed(0), signed(null)]).toEqual(['+271.14', '−20,442.30', '0.00', '']);
  });

  it('groups the rows that print a 上年 figure, by table', () => {
    const fn = d!.expenditure_by_function[0];
    const groups = yearOverYear({ ...d!, expenditure_by_function: [{ ...fn, previous: 100 }, ...d!.expenditure_by_function.slice(1)] });
    expect(groups).toHaveLength(1);
    expect(groups[0].rows).toEqual([expect.objectContaining({ code: fn.code, previous: 100, current: fn.total, change: changeOf(fn.total, 100), change_pct: changePctOf(fn.total, 100) })]);
  });
});

describe('the document page: changes the text states (statedChanges)', async () => {
  const { statedChanges } = await import('../../src/lib/comparisons.js');
  const fact = (key: string, value: number, change: number | null, change_pct: number | null, text: string) => ({ key, label: key, value, unit: '万元', change, change_pct, text, source: { file: 'x.txt', line_start: 1, line_end: 1 } });

  it('the embedded 决算: 机关运行经费 “较上年决算数增加1.08万元，增长3%”, never a change against the 年初预算', async () => {
    const { document: d } = await ingestFile(join(SOURCES, '002_3e97706fd429c0f0.txt'), '002_3e97706fd429c0f0.txt');
    const g = statedChanges(d!)!;
    const op = g.rows.find((r) => r.name === '机关运行经费');
    expect(op).toMatchObject({ current: 33.85, change: 1.08, previous: 32.77, change_pct: 3, pct_stated: true }); // shown as printed: +3%, not +3.00%
  });

  it('keeps a stated percentage that fits the change, computes one that does not, skips comparisons with a budget', () => {
    const g = statedChanges({
      fiscal_year: 2026,
      facts: [
        fact('expenditure_total', 665964.37, 107573.11, 19.3, '2026年支出预算665964.37万元，比上年执行数增加107573.11万元，增长19.3%。'),
        // 8.9% belongs to the 公务用车购置及运行维护费 of the same sentence, not to its 运行维护费
        fact('three_public_vehicle_operation', 337.17, -2.96, 8.9, '公务用车运行维护费337.17万元，比上年减少2.96万元。）比上年增加46.49万元，增长8.9%'),
        fact('general_budget_expenditure', 1668.14, 1668.14, 0, '一般公共预算财政拨款支出 1668.14 万元，比年初预算数增加 1668.14 万元，增长 0%'),
      ],
    })!;
    expect(g.rows.map((r) => [r.name, r.previous, r.change, r.change_pct])).toEqual([
      ['支出总计', 558391.26, 107573.11, 19.3],
      ['公务用车运行维护费', 340.13, -2.96, -0.87],
    ]);
  });
});

describe('a 收支总表 and a 支出总表 printing 上年 beside 本年', () => {
  it('give the totals their previous figures, take this year from 本年, and show them first', async () => {
    const { mkdtempSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { yearOverYear } = await import('../../src/lib/comparisons.js');
    const dir = mkdtempSync(join(tmpdir(), 'yoy-'));
    copyFileSync(resolve(import.meta.dirname, '../fixtures/recognize/table-totals/previous-year/input.txt'), join(dir, 'summary.txt'));
    const d = (await ingestFile(join(dir, 'summary.txt'), 'summary.txt')).document!;
    expect(d.totals).toMatchObject({ income_total: 100, expenditure_total: 100, basic_expenditure: 70, project_expenditure: 30 });
    expect(d.totals_previous).toEqual({ income_total: 90, current_year_income: 90, expenditure_total: 90, current_year_expenditure: 90 });
    const set = DOCUMENT_DATASETS.find((x) => x.path === 'document_totals.csv')!;
    const names = set.fields.map((f) => f.name);
    const row = set.rowsOf(d).find((r) => r[1] === 'expenditure_total')!;
    expect([row[names.indexOf('value')], row[names.indexOf('previous_total')], row[names.indexOf('change')], row[names.indexOf('change_pct')]]).toEqual([100, 90, 10, 11.11]);
    const groups = yearOverYear(d);
    expect(groups[0].id).toBe('yoy-totals');
    expect(groups[0].rows.map((r) => r.name)).toEqual(['收入总计', '本年收入合计', '支出总计', '本年支出合计']);
  });
});

describe('a 决算 table printing 年初预算数 | 调整预算数 beside 决算数', () => {
  it('gives each function its budgets, the 决算数 as total, and an execution rate against the 调整预算', async () => {
    const { mkdtempSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { budgetExecution } = await import('../../src/lib/comparisons.js');
    const dir = mkdtempSync(join(tmpdir(), 'exec-'));
    copyFileSync(resolve(import.meta.dirname, '../fixtures/recognize/function-classification/final-account-budgets/input.txt'), join(dir, 'final.txt'));
    const d = (await ingestFile(join(dir, 'final.txt'), 'final.txt')).document!;
    expect(d.kind).toBe('final_account');
    expect(d.totals.general_budget_expenditure).toBe(150.5); // the 决算数 合计, not a budget
    const rows = budgetExecution(d);
    // the table's 合计 row: the headline 一般公共预算支出 against its budgets
    expect(rows[0]).toMatchObject({ scope: 'general_budget_expenditure', group: '总体', initial_budget: 140, final_budget: 155, actual: 150.5, rate: 97.1 });
    expect(rows.filter((r) => r.scope === 'function').map((r) => [r.code, r.initial_budget, r.final_budget, r.actual, r.rate])).toEqual([
      ['201', 110, 125, 120.5, 96.4],
      ['2010301', 100, 100, 100, 100],
      ['2010302', 10, 25, 20.5, 82],
      ['208', 30, 30, 30, 100],
    ]);
    const set = DOCUMENT_DATASETS.find((x) => x.path === 'expenditure_by_function.csv')!;
    const names = set.fields.map((f) => f.name);
    const r201 = set.rowsOf(d).find((r) => r[3] === '201')!;
    expect([r201[names.indexOf('initial_budget')], r201[names.indexOf('final_budget')], r201[names.indexOf('execution_rate')]]).toEqual([110, 125, 96.4]);
  });
});

describe('a 决算 收支总表 printing 年初预算数 | 调整预算数 beside 决算数', () => {
  it('takes the headline figures from 决算数 and gives them budget-against-actual lines', async () => {
    const { mkdtempSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { budgetExecution } = await import('../../src/lib/comparisons.js');
    const dir = mkdtempSync(join(tmpdir(), 'exec-'));
    copyFileSync(resolve(import.meta.dirname, '../fixtures/recognize/budget-execution/summary-table-budgets/input.txt'), join(dir, 'final.txt'));
    const d = (await ingestFile(join(dir, 'final.txt'), 'final.txt')).document!;
    expect(d.totals).toMatchObject({ income_total: 150.5, expenditure_total: 150.5, basic_expenditure: 130, project_expenditure: 20.5 });
    const rows = budgetExecution(d);
    expect(rows.find((r) => r.scope === 'expenditure_total')).toMatchObject({ group: '总体', label: '支出总计', initial_budget: 140, final_budget: 155, actual: 150.5, rate: 97.1 });
    expect(rows.find((r) => r.scope === 'income_total')).toMatchObject({ initial_budget: 140, actual: 150.5, rate: 107.5 });
    expect(d.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe.skipIf(!existsSync(pdf('pdf-samples/147.pdf')))('real PDFs: changes stated per function', () => {
  it('杭州市交通运输局 2026: each 类/款/项 item with its 比上年执行数 change, percentage and reason', { timeout: 120_000 }, async () => {
    const { statedFunctionChanges } = await import('../../src/lib/comparisons.js');
    const { document: d } = await ingestFile(pdf('pdf-samples/147.pdf'), '147.pdf');
    const lines = d!.function_changes ?? [];
    expect(lines.length).toBe(19);
    const at = (label: string) => lines.find((x) => x.label.endsWith(label));
    expect(at('职业教育（款）技校教育（项）')).toMatchObject({ value: 22232.08, change: 362.05, change_pct: 1.7, reason: '教学及学生管理经费增加等' });
    // the item's name printed on the line before its figure, and a change with no percentage (上年 0)
    expect(at('国防动员（款）交通战备（项）')).toMatchObject({ value: 18, change: 18, change_pct: null });
    expect(at('其他交通运输支出（款）公共交通运营补助（项）')).toMatchObject({ value: 68000, change: -147000, change_pct: -68.4 });
    const g = statedFunctionChanges(d!)!;
    expect(g.rows.find((r) => r.name.endsWith('技校教育（项）'))).toMatchObject({ previous: 21870.03, level: 3 });
  });
});

describe('a “三公” table by year whose 增减 row disagrees with 本年 − 上年', () => {
  it('gives each item its previous figure, and a parse note (never a finding) when a change cell disagrees', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const good = [
      '# 某市某局2026年部门预算', '', '财政拨款“三公”经费支出表', '', '单位：万元', '',
      '预算单位\t年度\t合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行维护费',
      '某市某局\t2025年\t26.13\t3.33\t6.00\t16.80',
      '\t2026年\t120.80\t98.00\t6.00\t16.80',
      '\t增减变化金额\t94.67\t94.67\t0.00\t0.00', '',
    ].join('\n');
    const altered = good.replace('增减变化金额\t94.67', '增减变化金额\t90.00');
    const dir = mkdtempSync(join(tmpdir(), 'yoy3-'));
    writeFileSync(join(dir, 'good.txt'), good);
    writeFileSync(join(dir, 'altered.txt'), altered);
    const ok = (await ingestFile(join(dir, 'good.txt'), 'good.txt')).document!;
    expect(Object.fromEntries(ok.three_public.map((x) => [x.item, [x.budget, x.previous]]))).toEqual({ total: [120.8, 26.13], overseas_travel: [98, 3.33], reception: [6, 6], vehicles_total: [16.8, 16.8] });
    expect(ok.parse_notes.filter((n) => n.check === 'year_over_year')).toEqual([]);
    const bad = (await ingestFile(join(dir, 'altered.txt'), 'altered.txt')).document!;
    const notes = bad.parse_notes.filter((n) => n.check === 'year_over_year');
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain('表中为 90');
    expect(bad.findings.filter((f) => f.check === 'year_over_year')).toEqual([]);
  });
});
