/**
 * A part of the budget larger than the whole, or a zero 财政拨款收入 beside general-budget spending,
 * is a misread: recorded as a parse note for maintainers, never as a finding about the document.
 */
import { describe, expect, it } from 'vitest';
import { checkPlausibility } from '../../scripts/validate/checks/plausibility.js';
import { emptyDoc } from '../fixtures/validate/records.js';
import type { ParseNote } from '../../scripts/model/schema.js';

function notesOf(doc: ReturnType<typeof emptyDoc>): ParseNote[] {
  const notes: ParseNote[] = [];
  expect(checkPlausibility(doc, notes)).toEqual([]);
  return notes;
}

const withTotals = (t: Record<string, number>) => emptyDoc({ totals: { ...emptyDoc().totals, ...t }, totals_sources: { procurement_total: { file: 'test.pdf', line_start: 495, line_end: 506, page: 27 } } });

describe('plausibility of totals', () => {
  it('accepts parts within the whole', () => {
    expect(notesOf(withTotals({ expenditure_total: 388763.56, basic_expenditure: 11826.97, project_expenditure: 376936.6, procurement_total: 7558.99 }))).toEqual([]);
  });
  it('notes a 政府采购 total larger than 支出总计 as a misread, citing where it was read', () => {
    // a column group titled 政府采购项目 once summed to more than the whole budget
    const f = notesOf(withTotals({ expenditure_total: 388763.56, procurement_total: 392670.64 }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ check: 'part_exceeds_total', source: { page: 27 } });
    expect(f[0].message).toContain('政府采购预算 392670.64 万元大于支出总计 388763.56 万元');
  });
  it('does not flag a part equal to the whole within rounding', () => {
    expect(notesOf(withTotals({ expenditure_total: 100, general_budget_expenditure: 100.005 }))).toEqual([]);
  });
  it('notes 财政拨款收入 0 with positive 一般公共预算支出', () => {
    const f = notesOf(withTotals({ expenditure_total: 3324258.76, fiscal_appropriation: 0, general_budget_expenditure: 324314.91 }));
    expect(f.map((x) => x.check)).toEqual(['fiscal_appropriation_zero']);
  });
});
