/**
 * Prose-only documents (#12 point 2): the budget published as a 情况说明 with its tables in a separate
 * attachment. The headline figures come from sentences (with their traps: last year's figures, 增减
 * amounts, percentages, 其中 parts, a unit's own figures), become the document's totals when no table
 * gives them, and the tables the document does not contain are 另行公开, not missing.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { recognizeNarrativeFacts } from '../../scripts/recognize/narrative/facts.js';
import { namesAnotherUnit, partKey, priorYear, unitPrefix } from '../../scripts/recognize/narrative/headline.js';
import { assembleTotals } from '../../scripts/pipeline/totals.js';
import { checkDisclosure } from '../../scripts/validate/disclosure.js';
import { reconcile } from '../../scripts/validate/evaluate.js';
import type { NarrativeFact } from '../../scripts/model/schema.js';
import { FIXTURES, load } from '../document/helpers.js';
import { emptyDoc, table } from '../fixtures/validate/records.js';

const PROSE = join(FIXTURES, 'narrative/prose-only.txt');
const VARIANTS = join(FIXTURES, 'narrative/prose-variants.txt');

const facts = (path: string) => recognizeNarrativeFacts(load(path).ctx);
const get = (fs: NarrativeFact[], key: string) => fs.filter((f) => f.key === key);
const one = (fs: NarrativeFact[], key: string) => {
  const list = get(fs, key);
  expect(list, key).toHaveLength(1);
  return list[0];
};

describe('headline figures in a prose-only budget (北京-style 情况说明)', () => {
  const fs = facts(PROSE);
  it('收入预算 / 支出预算 / 基本支出预算 / 项目支出预算 / 本年财政拨款收入 / 年终结转结余, with their lines', () => {
    // “比2025年年初预算数9,800.00万元增加550.25万元，增长5.61%”: base, change and pct of the figure before
    expect(one(fs, 'income_total')).toMatchObject({ value: 10350.25, label: '收入预算', change: 550.25, change_pct: 5.61, source: { line_start: 9, line_end: 10 } });
    expect(one(fs, 'expenditure_total')).toMatchObject({ value: 10350.25, source: { line_start: 18, line_end: 19 } });
    // “基本支出预算6,120.10万元，占本年支出\n预算60.03%，较上年增加120.10万元”: the % is not money, the 增加 is a change
    expect(one(fs, 'basic_expenditure')).toMatchObject({ value: 6120.1, change: 120.1, source: { line_start: 20, line_end: 21 } });
    expect(one(fs, 'project_expenditure')).toMatchObject({ value: 4080.15, source: { line_start: 22 } });
    expect(one(fs, 'fiscal_appropriation')).toMatchObject({ value: 9950.25, label: '本年财政拨款收入' });
    expect(one(fs, 'carryover_expenditure').value).toBe(150);
    expect(one(fs, 'carryover_income').value).toBe(300);
  });
  it('last year’s figures are kept apart, also when the next clause names no year', () => {
    expect(one(fs, 'income_total_prior_year')).toMatchObject({ value: 9800, label: '2025年收入预算' });
    expect(one(fs, 'basic_expenditure_prior_year').value).toBe(6000);
    expect(one(fs, 'project_expenditure_prior_year').value).toBe(3800);
    // “比2025年年初预算数9,800.00万元增加550.25万元”: neither is a figure of its own
    expect(fs.some((f) => f.value === 550.25)).toBe(false);
  });
  it('a unit’s figures and a 其中 part of 一般公共预算支出 are not the department’s 基本/项目支出', () => {
    expect(fs.some((f) => [1200, 800, 400].includes(f.value))).toBe(false);
    expect(one(fs, 'general_budget_basic_expenditure').value).toBe(6000);
    expect(one(fs, 'general_budget_project_expenditure').value).toBe(3950.25);
    // 事业单位经营支出 listed under 项目支出 其中 is not a total
    expect(fs.some((f) => f.value === 50)).toBe(false);
  });
  it('“三公” items under numbered titles, 政府采购 of the department 及下属单位, 机关运行经费财政拨款预算', () => {
    expect(one(fs, 'three_public_total').value).toBe(58.3);
    expect(one(fs, 'three_public_overseas').value).toBe(20);
    expect(one(fs, 'three_public_reception').value).toBe(3.3);
    expect(one(fs, 'three_public_vehicles_total').value).toBe(35);
    expect(one(fs, 'procurement_total').value).toBe(1234.56);
    expect(one(fs, 'operating_expenses').value).toBe(456.78);
  });
  it('become the totals when no table gives them (nothing computed: 本年支出合计 is not stated)', () => {
    const { totals, sources } = assembleTotals({}, fs, 'budget');
    expect(totals).toMatchObject({
      income_total: 10350.25,
      expenditure_total: 10350.25,
      basic_expenditure: 6120.1,
      project_expenditure: 4080.15,
      current_year_expenditure: null,
      fiscal_appropriation: 9950.25,
      general_budget_expenditure: 9950.25,
      three_public_total: 58.3,
      operating_expenses: 456.78,
      procurement_total: 1234.56,
    });
    expect(sources.basic_expenditure).toMatchObject({ line_start: 20, line_end: 21 });
  });
  it('a table figure wins', () => {
    const src = { file: 't.txt', line_start: 100, line_end: 100 };
    const { totals, sources } = assembleTotals({ basic_expenditure: { value: 6000, source: src } }, fs, 'budget');
    expect(totals.basic_expenditure).toBe(6000);
    expect(sources.basic_expenditure).toBe(src);
  });
  it('reconciles: 基本 + 项目 + the stated 年终结转结余 = 支出总计, within the rounding of the stated figures', () => {
    const { totals, sources } = assembleTotals({}, fs, 'budget');
    const doc = { ...emptyDoc(), totals, totals_sources: sources, facts: fs, findings: [], parse_notes: [], disclosure: [] };
    expect(reconcile(doc)).toEqual({ ok: true, detail: '' });
    const f = (key: string, value: number): NarrativeFact => ({
      key, label: key, value, unit: '万元', change: null, change_pct: null, text: '', source: { file: 'x', line_start: 1, line_end: 1 },
    });
    // 北京市市场监督管理局 2026: 92536.67 + 97764.40 + 21212.97 = 211514.04, printed 211514.05
    const real = [f('income_total', 211514.05), f('expenditure_total', 211514.05), f('basic_expenditure', 92536.67), f('project_expenditure', 97764.4), f('carryover_expenditure', 21212.97)];
    const check = (facts: NarrativeFact[]) => {
      const a = assembleTotals({}, facts, 'budget');
      return reconcile({ ...emptyDoc(), totals: a.totals, totals_sources: a.sources, facts, findings: [], parse_notes: [], disclosure: [] }).ok;
    };
    expect(check(real)).toBe(true);
    expect(check(real.map((x) => (x.key === 'project_expenditure' ? f(x.key, 97700) : x)))).toBe(false);
    expect(check(real.filter((x) => x.key !== 'carryover_expenditure'))).toBe(false);
  });
});

describe('other wordings (无锡/杭州-style 总体情况)', () => {
  const fs = facts(VARIANTS);
  it('“收入、支出预算总计” is one figure for both sides; 财政拨款收支总预算 is not the department’s total', () => {
    expect(one(fs, 'income_expenditure_total')).toMatchObject({ value: 3210.1, label: '收入、支出预算总计', change: 10.1 });
    expect(one(fs, 'income_expenditure_total_prior_year').value).toBe(3200);
    expect(one(fs, 'fiscal_income_expenditure_total').value).toBe(3000);
    expect(get(fs, 'income_total')).toEqual([]);
  });
  it('支出预算合计, 其中 基本支出 / 项目支出; a 站’s own figures and 增减 amounts are not read as totals', () => {
    expect(one(fs, 'expenditure_total').value).toBe(3210.1);
    expect(one(fs, 'basic_expenditure').value).toBe(2235.04);
    expect(one(fs, 'project_expenditure').value).toBe(975.06);
    expect(fs.some((f) => [120, 100, 20, 35, 45.1].includes(f.value))).toBe(false);
  });
  it('parts of 财政拨款支出 are fiscal_…; parts of 国有资本经营预算支出 are dropped; 亿元 is converted', () => {
    expect(one(fs, 'fiscal_basic_expenditure').value).toBe(2100);
    expect(one(fs, 'fiscal_project_expenditure').value).toBe(900);
    expect(one(fs, 'state_capital_expenditure').value).toBe(3000);
    expect(get(fs, 'project_expenditure')).toHaveLength(1);
  });
  it('an amount in 元 is converted to 万元', () => {
    expect(one(fs, 'operating_expenses').value).toBe(123.45);
  });
  it('totals: 收入总计 from the one figure for both sides', () => {
    const { totals } = assembleTotals({}, fs, 'budget');
    expect(totals).toMatchObject({ income_total: 3210.1, expenditure_total: 3210.1, basic_expenditure: 2235.04, project_expenditure: 975.06 });
  });
});

describe('headline.ts qualifiers', () => {
  it('priorYear: an earlier explicit year, 上年 (not 上年结转), a stock at a date, inheritance', () => {
    expect(priorYear('2025年基本支出预算为', 2026)).toBe(2025);
    expect(priorYear('2026年度收入预算', 2026)).toBeNull();
    expect(priorYear('上年收支预算总计为', 2026)).toBe('prior');
    expect(priorYear('上年结转结余', 2026)).toBeNull();
    expect(priorYear('截至2025年底机关运行经费', 2026)).toBeNull();
    expect(priorYear('项目支出预算为', 2026, 2025)).toBe(2025);
    expect(priorYear('本年项目支出预算为', 2026, 2025)).toBeNull();
  });
  it('namesAnotherUnit: a unit of another kind or a subordinate one; abbreviations and the whole department are not', () => {
    expect(namesAnotherUnit('测试市城市运行监测中心', '测试市城市运行管理委员会')).toBe(true);
    expect(namesAnotherUnit('深圳市社会保险基金管理局龙华分局部门', '深圳市人力资源和社会保障局')).toBe(true);
    expect(namesAnotherUnit('市国资委', '北京市人民政府国有资产监督管理委员会')).toBe(false);
    expect(namesAnotherUnit('北京市交通委员会部门', '北京市交通委员会')).toBe(false);
    expect(namesAnotherUnit('北京市退役军人事务局及下属单位', '北京市退役军人事务局')).toBe(false);
    expect(namesAnotherUnit('部门所属各单位', '赣州市行政审批局')).toBe(false);
    expect(namesAnotherUnit('本局', '北京市审计局')).toBe(false);
  });
  it('unitPrefix and partKey', () => {
    expect(unitPrefix('示例县畜牧兽医站支出预算合计')).toBe('示例县畜牧兽医站');
    expect(unitPrefix('基本支出预算')).toBe('');
    expect(partKey('basic_expenditure', ['general_budget_expenditure'])).toBe('general_budget_basic_expenditure');
    expect(partKey('project_expenditure', ['fiscal_appropriation_expenditure'])).toBe('fiscal_project_expenditure');
    expect(partKey('project_expenditure', ['state_capital_expenditure'])).toBeNull();
    expect(partKey('basic_expenditure', ['general_budget_expenditure', 'expenditure_total'])).toBe('basic_expenditure');
  });
});

describe('disclosure of a prose-only document', () => {
  const l = load(PROSE);
  const fs = recognizeNarrativeFacts(l.ctx);
  const { totals, sources } = assembleTotals({}, fs, 'budget');
  const statuses = (doc: ReturnType<typeof emptyDoc>, seg = l.seg) => Object.fromEntries(checkDisclosure(doc, seg).map((x) => [x.item, x]));

  it('“附件：××2026年度部门预算报表” with no table after it: the tables are 另行公开, pointing at that line', () => {
    const s = statuses(emptyDoc({ source_file: 'prose-only.txt', totals, totals_sources: sources }));
    for (const item of ['table_income_expenditure_summary', 'table_income', 'table_expenditure', 'table_fiscal_appropriation_summary', 'table_three_public']) {
      expect(s[item], item).toMatchObject({ status: 'published_separately', source: { line_start: 41 } });
    }
    // “政府性基金预算拨款收入0万元” still says there is none of that money
    expect(s.table_government_fund.status).toBe('empty_with_note');
    expect(s.narrative_procurement.status).toBe('present');
  });
  it('no 附件 line and no table: 另行公开 when the text states the headline figures, else missing', () => {
    const seg = { ...l.seg, blocks: l.seg.blocks.filter((b) => !(b.type !== 'table' && /附件/.test(b.text))) };
    const withFigures = statuses(emptyDoc({ source_file: 'prose-only.txt', totals, totals_sources: sources }), seg);
    expect(withFigures.table_income).toMatchObject({ status: 'published_separately', source: { line_start: 18 } });
    const without = statuses(emptyDoc({ source_file: 'prose-only.txt' }), seg);
    expect(without.table_income).toMatchObject({ status: 'missing', source: null });
  });
  it('a document that contains budget tables keeps “missing” for the ones it lacks, whatever its 附件 line says', () => {
    const t = table('t01', 'income', '收入总表', ['项目', '合计'], [['合计', '10350.25']], 50);
    const s = statuses(emptyDoc({ source_file: 'prose-only.txt', totals, totals_sources: sources, tables: [t] }));
    expect(s.table_income.status).toBe('present');
    expect(s.table_expenditure).toMatchObject({ status: 'missing', source: null });
  });
});
