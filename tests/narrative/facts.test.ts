import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { recognizeNarrativeFacts } from '../../scripts/recognize/narrative/facts.js';
import type { NarrativeFact } from '../../scripts/model/schema.js';
import { segment, toLines } from '../../scripts/segment/segment.js';
import { makeContext } from '../../scripts/recognize/context.js';
import { D000, D001, D002, D003, D004, FIXTURES, load } from '../document/helpers.js';

const run = (path: string) => {
  const l = load(path);
  return { facts: recognizeNarrativeFacts(l.ctx), claims: l.claims };
};
const get = (facts: NarrativeFact[], key: string) => facts.filter((f) => f.key === key);
const one = (facts: NarrativeFact[], key: string) => {
  const list = get(facts, key);
  expect(list, key).toHaveLength(1);
  return list[0];
};

describe('narrative facts: 赣州 2022 budget', () => {
  const { facts } = run(D000);
  it('totals with year-on-year changes', () => {
    expect(one(facts, 'income_total')).toMatchObject({ value: 14783.86, change: 10842.15, unit: '万元' });
    expect(one(facts, 'income_total').source).toMatchObject({ line_start: 593, line_end: 593 });
    expect(one(facts, 'fiscal_appropriation')).toMatchObject({ value: 12564.56, change: 9147.02 });
    expect(one(facts, 'carryover_income')).toMatchObject({ value: 1618.63 });
    expect(one(facts, 'expenditure_total')).toMatchObject({ value: 14783.86 });
    expect(one(facts, 'fiscal_appropriation_expenditure')).toMatchObject({ value: 12564.56 });
  });
  it('basic/project inside the 财政拨款 section are fiscal-scoped', () => {
    expect(one(facts, 'fiscal_basic_expenditure')).toMatchObject({ value: 838.18, change: 205.38 });
    expect(one(facts, 'fiscal_project_expenditure')).toMatchObject({ value: 11726.38, change: 8941.64 });
    expect(get(facts, 'basic_expenditure')).toEqual([]);
  });
  it('机关运行经费, 政府采购, zero statements, assets, 三公', () => {
    expect(one(facts, 'operating_expenses')).toMatchObject({ value: 152.96, change: 39.32, change_pct: 34.6 });
    expect(one(facts, 'procurement_total').value).toBe(2500);
    expect(one(facts, 'procurement_goods').value).toBe(205);
    expect(one(facts, 'procurement_works').value).toBe(0);
    expect(one(facts, 'procurement_services').value).toBe(2295);
    expect(one(facts, 'government_fund_expenditure').value).toBe(0);
    expect(one(facts, 'state_capital_expenditure').value).toBe(0);
    expect(one(facts, 'vehicles_total')).toMatchObject({ value: 0, unit: '辆' });
    expect(one(facts, 'large_equipment').value).toBe(0);
    expect(one(facts, 'three_public_total').value).toBe(3);
    expect(one(facts, 'three_public_reception')).toMatchObject({ value: 3, change: -0.1 });
  });
  it('project budgets and indicator amounts are not taken as totals', () => {
    expect(facts.some((f) => f.value === 5392 || f.value === 1078.88)).toBe(false);
  });
});

describe('narrative facts: 南昌经开区 2022 budget (narrative only)', () => {
  const { facts, claims } = run(D001);
  it('totals, changes with signs, and the project list is not project_expenditure', () => {
    expect(one(facts, 'income_total')).toMatchObject({ value: 895.2, change: -238.23, change_pct: -21.02 });
    expect(one(facts, 'expenditure_total')).toMatchObject({ value: 895.2, change: -238.23, change_pct: -21.02 });
    expect(one(facts, 'basic_expenditure')).toMatchObject({ value: 595.29, change: 6.39 });
    expect(one(facts, 'project_expenditure')).toMatchObject({ value: 299.91, change: -245 });
    expect(one(facts, 'fiscal_appropriation_expenditure')).toMatchObject({ value: 895.2, change_pct: -21.02 });
  });
  it('a change in the next sentence, procurement, 三公 with 增（减）0', () => {
    expect(one(facts, 'operating_expenses')).toMatchObject({ value: 14.5, change: -6.5, change_pct: -30.95 });
    expect(one(facts, 'procurement_total').value).toBe(591.61);
    expect(one(facts, 'procurement_goods').value).toBe(212.91);
    expect(one(facts, 'procurement_services').value).toBe(378.7);
    expect(one(facts, 'three_public_total').value).toBe(0.5);
    expect(one(facts, 'three_public_reception')).toMatchObject({ value: 0.5, change: 0 });
    expect(one(facts, 'three_public_overseas')).toMatchObject({ value: 0, change: 0 });
    expect(claims.get(23)).toBe('narrative');
  });
});

describe('narrative facts: 上饶 2021 final account', () => {
  const { facts } = run(D002);
  it('收入总计 keeps the change the 其中 item would have stolen (pct agrees with the total)', () => {
    expect(one(facts, 'income_total')).toMatchObject({ value: 1664.55, change: -3074.41, change_pct: -65 });
    expect(one(facts, 'carryover_income')).toMatchObject({ value: 277.4, change: null });
    expect(one(facts, 'current_year_income')).toMatchObject({ value: 1387.15, change: -590.97, change_pct: -30 });
    expect(one(facts, 'current_year_expenditure').value).toBe(1664.55);
    expect(one(facts, 'basic_expenditure').value).toBe(328.25);
    expect(one(facts, 'project_expenditure').value).toBe(1336.3);
  });
  it('年初预算数 / 决算数 / 完成年初预算的%', () => {
    expect(one(facts, 'fiscal_appropriation_expenditure_initial_budget').value).toBe(5922.19);
    expect(one(facts, 'fiscal_appropriation_expenditure').value).toBe(1664.55);
    expect(one(facts, 'fiscal_appropriation_expenditure_execution_rate')).toMatchObject({ value: 28, unit: '%' });
    expect(one(facts, 'three_public_total_initial_budget').value).toBe(8);
    expect(one(facts, 'three_public_total')).toMatchObject({ value: 7.11, change: 5.66, change_pct: 80 });
    expect(one(facts, 'three_public_reception')).toMatchObject({ value: 7.11 });
    expect(one(facts, 'three_public_reception_batches').value).toBe(74);
    expect(one(facts, 'three_public_reception_visitors').value).toBe(562);
  });
  it('机关运行经费, 政府采购 split, 绩效 coverage', () => {
    expect(one(facts, 'operating_expenses')).toMatchObject({ value: 33.85, change: 1.08, change_pct: 3 });
    expect(one(facts, 'procurement_total').value).toBe(1019.18);
    expect(one(facts, 'procurement_services').value).toBe(1019.18);
    expect(one(facts, 'procurement_sme').value).toBe(738.18);
    expect(one(facts, 'performance_self_evaluation_coverage').value).toBe(1591.18);
    expect(one(facts, 'performance_self_evaluation_projects')).toMatchObject({ value: 5, unit: '个' });
    expect(one(facts, 'performance_evaluation_coverage').value).toBe(321);
    // the evaluated project's 政府性基金预算支出0万元 is not the department's fund expenditure
    expect(get(facts, 'government_fund_expenditure')).toEqual([]);
  });
});

describe('narrative facts: 江汉区 2022 budget', () => {
  const { facts } = run(D003);
  it('totals and the inconsistent 一般公共预算 figure are distinct keys', () => {
    expect(one(facts, 'department_budget_total')).toMatchObject({ value: 4679.36, change: 1321.03, change_pct: 39.34 });
    expect(one(facts, 'income_total').value).toBe(4679.36);
    expect(one(facts, 'expenditure_total').value).toBe(4679.36);
    expect(one(facts, 'basic_expenditure').value).toBe(1053.74);
    expect(one(facts, 'project_expenditure').value).toBe(3625.62);
    expect(one(facts, 'general_budget_expenditure').value).toBe(4425.71);
    expect(one(facts, 'general_budget_project_expenditure')).toMatchObject({ value: 3625.62, change: 1233.51, change_pct: 50.93 });
  });
  it('procurement written as 物类/服务类/工程类, 购买服务, 绩效目标 coverage, 三公 持平', () => {
    expect(one(facts, 'procurement_total').value).toBe(2373.01);
    expect(one(facts, 'procurement_goods').value).toBe(120.33);
    expect(one(facts, 'procurement_services').value).toBe(2217.58);
    expect(one(facts, 'procurement_works').value).toBe(35.1);
    expect(one(facts, 'purchase_of_services').value).toBe(2036.31);
    expect(one(facts, 'operating_expenses').value).toBe(140.54);
    expect(one(facts, 'performance_targets_coverage').value).toBe(3625.62);
    expect(one(facts, 'performance_overall_targets_coverage').value).toBe(4679.36);
    // "预算控制数为 0 万元" under the heading （一）因公出国（境）费
    expect(one(facts, 'three_public_overseas')).toMatchObject({ value: 0, change: 0, change_pct: 0 });
    expect(one(facts, 'government_fund_expenditure').value).toBe(0);
  });
});

describe('narrative facts: 西湖区 2023 draft', () => {
  const { facts } = run(D004);
  it('totals, scoped fiscal figures, procurement change and performance targets', () => {
    expect(one(facts, 'income_total')).toMatchObject({ value: 748.03, change: -262.05, change_pct: -25.94 });
    expect(one(facts, 'fiscal_appropriation')).toMatchObject({ value: 648.03, change: -362.05, change_pct: -35.84 });
    expect(one(facts, 'basic_expenditure')).toMatchObject({ value: 417.43, change: -419.65 });
    expect(one(facts, 'project_expenditure')).toMatchObject({ value: 230.6, change: 57.6 });
    expect(one(facts, 'fiscal_basic_expenditure').value).toBe(417.43);
    expect(one(facts, 'operating_expenses')).toMatchObject({ value: 23.87, change: -21.71, change_pct: -47.63 });
    expect(one(facts, 'procurement_total')).toMatchObject({ value: 5.3, change: -0.7, change_pct: -11.67 });
    expect(one(facts, 'performance_target_projects').value).toBe(5);
    // stated twice in one sentence: kept once
    expect(one(facts, 'performance_targets_coverage').value).toBe(230.6);
    expect(one(facts, 'three_public_total')).toMatchObject({ value: 0, change_pct: 0 });
  });
});

describe('narrative facts: synthetic final account', () => {
  const { facts } = run(join(FIXTURES, 'narrative/final-account.txt'));
  it('reads 决算 phrasings, thousands separators and 外事 exclusions', () => {
    expect(one(facts, 'fiscal_appropriation_expenditure_initial_budget').value).toBe(1200.5);
    expect(one(facts, 'fiscal_appropriation_expenditure').value).toBe(1080.45);
    expect(one(facts, 'fiscal_appropriation_expenditure_execution_rate').value).toBe(90);
    expect(one(facts, 'operating_expenses')).toMatchObject({ value: 56.2, change: -3.8, change_pct: -6.3 });
    expect(one(facts, 'income_total')).toMatchObject({ value: 2000, change: 400, change_pct: 25 });
    expect(one(facts, 'carryover_income')).toMatchObject({ value: 500, change: null });
    expect(one(facts, 'three_public_total')).toMatchObject({ value: 8, change: -2, change_pct: -20 });
    expect(one(facts, 'three_public_total_execution_rate').value).toBe(80);
    expect(one(facts, 'three_public_reception_batches').value).toBe(12);
    expect(one(facts, 'three_public_reception_visitors').value).toBe(96);
    expect(one(facts, 'vehicles_total').value).toBe(3);
    expect(one(facts, 'vehicles_law_enforcement').value).toBe(2);
  });
  it('a passage printed twice does not duplicate facts (first source kept)', () => {
    const seg = segment('twice.txt', toLines('2022年收入预算总额为100万元。\n\n2022年收入预算总额为100万元。\n'));
    const ctx = makeContext(seg, { kind: 'budget', fiscal_year: 2022, unit: '万元', department: '某局' }, new Map(), []);
    const f = recognizeNarrativeFacts(ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ key: 'income_total', value: 100, source: { line_start: 1 } });
  });
  it('a department name ending in 委员会 is dropped whole from a label, not cut after 委', () => {
    const seg = segment('wjw.txt', toLines('某市卫生健康委员会2026年“三公”经费预算数为53.10万元。\n'));
    const ctx = makeContext(seg, { kind: 'budget', fiscal_year: 2026, unit: '万元', department: '某市卫生健康委员会' }, new Map(), []);
    const f = recognizeNarrativeFacts(ctx).filter((x) => x.key === 'three_public_total');
    expect(f).toHaveLength(1);
    expect(f[0].value).toBe(53.1);
    expect(f[0].label).toBe('三公经费');
  });
  it('bad input yields no facts and no crash', () => {
    const seg = segment('bad.txt', toLines('较上年增加万元，下降%。\n为0\n\u0000'));
    const ctx = makeContext(seg, { kind: 'budget', fiscal_year: null, unit: '万元', department: '' }, new Map(), []);
    expect(recognizeNarrativeFacts(ctx)).toEqual([]);
  });
});
