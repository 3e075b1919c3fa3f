/** A part of the budget larger than the whole, or a zero 财政拨款收入 beside general-budget spending, is reported. */
import { describe, expect, it } from 'vitest';
import { checkPlausibility } from '../../scripts/validate/checks/plausibility.js';
import { emptyDoc } from '../fixtures/validate/records.js';

const withTotals = (t: Record<string, number>) => emptyDoc({ totals: { ...emptyDoc().totals, ...t }, totals_sources: { procurement_total: { file: 'test.pdf', line_start: 495, line_end: 506, page: 27 } } });

describe('plausibility of totals', () => {
  it('accepts parts within the whole', () => {
    expect(checkPlausibility(withTotals({ expenditure_total: 388763.56, basic_expenditure: 11826.97, project_expenditure: 376936.6, procurement_total: 7558.99 }))).toEqual([]);
  });
  it('flags a 政府采购 total larger than 支出总计 as an error citing where it was read', () => {
    // a column group titled 政府采购项目 once summed to more than the whole budget
    const f = checkPlausibility(withTotals({ expenditure_total: 388763.56, procurement_total: 392670.64 }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ check: 'part_exceeds_total', severity: 'error', expected: 388763.56, actual: 392670.64, source: { page: 27 } });
    expect(f[0].message).toContain('政府采购预算');
  });
  it('does not flag a part equal to the whole within rounding', () => {
    expect(checkPlausibility(withTotals({ expenditure_total: 100, general_budget_expenditure: 100.005 }))).toEqual([]);
  });
  it('warns on 财政拨款收入 0 with positive 一般公共预算支出', () => {
    const f = checkPlausibility(withTotals({ expenditure_total: 3324258.76, fiscal_appropriation: 0, general_budget_expenditure: 324314.91 }));
    expect(f.map((x) => [x.check, x.severity])).toEqual([['fiscal_appropriation_zero', 'warning']]);
  });
});
