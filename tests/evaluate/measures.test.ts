/** The evaluation's measures on hand-built records: what counts as reconciled and as a label match. */
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, Totals } from '../../scripts/model/schema.js';
import { evaluateDocument, reconcile, summarize } from '../../scripts/validate/evaluate.js';
import { emptyDoc } from '../fixtures/validate/records.js';

function doc(totals: Partial<Totals>, over: Partial<DocumentRecord> = {}): DocumentRecord {
  const d = emptyDoc();
  return { ...d, totals: { ...d.totals, ...totals }, findings: [], parse_notes: [], disclosure: [], ...over };
}

describe('reconcile', () => {
  it('基本 + 项目 = 支出总计 and 收入总计 = 支出总计', () => {
    expect(reconcile(doc({ income_total: 2961.68, expenditure_total: 2961.68, basic_expenditure: 1331.68, project_expenditure: 1630 })).ok).toBe(true);
  });
  it('accepts 本年支出合计 as the target when 支出总计 also carries 结转下年', () => {
    const r = reconcile(doc({ income_total: 3000, expenditure_total: 3000, current_year_expenditure: 2961.68, basic_expenditure: 1331.68, project_expenditure: 1630 }));
    expect(r.ok).toBe(true);
  });
  it('fails on a difference beyond rounding, and says which equation', () => {
    const r = reconcile(doc({ income_total: 201286.11, expenditure_total: 201286.11, basic_expenditure: 1086.11, project_expenditure: 200000 }));
    expect(r.ok).toBe(false);
    expect(r.detail).toContain('201086.11');
    const b = reconcile(doc({ income_total: 100, expenditure_total: 90, basic_expenditure: 40, project_expenditure: 50 }));
    expect(b.detail).toContain('收入 100 ≠ 支出 90');
  });
  it('names the missing figures', () => {
    expect(reconcile(doc({ income_total: 10, expenditure_total: 10 })).detail).toBe('缺 basic_expenditure,project_expenditure');
  });
});

describe('labels', () => {
  const d = doc({ income_total: 10, expenditure_total: 10, basic_expenditure: 4, project_expenditure: 6 }, { department: '深圳市公安局', fiscal_year: 2026 });
  it('compares names without parenthesised parts, and year and kind exactly', () => {
    const ok = evaluateDocument('x/1.pdf', d, [], { disclosure: true, department: '深圳市公安局（本级）', fiscal_year: 2026, kind: 'budget' });
    expect(ok.label_ok).toBe(true);
    const bad = evaluateDocument('x/1.pdf', d, [], { disclosure: true, department: '深圳市公安局', fiscal_year: 2025, kind: 'budget' });
    expect(bad.label_mismatch).toEqual(['年度应为 2025']);
  });
  it('counts a refused non-disclosure as right and a refused disclosure as wrong', () => {
    const refusal = [{ file: '2.pdf', line: null, severity: 'error' as const, action: 'skipped' as const, message: '不是部门预算' }];
    const s = summarize([
      evaluateDocument('x/2.pdf', null, refusal, { disclosure: false, note: '通知' }),
      evaluateDocument('x/3.pdf', null, refusal, { disclosure: true, department: '某局', fiscal_year: 2026, kind: 'budget' }),
      evaluateDocument('x/1.pdf', d, [], { disclosure: true, department: '深圳市公安局', fiscal_year: 2026, kind: 'budget' }),
    ]);
    expect(s).toMatchObject({ refused_right: 1, refused_wrong: 1, labelled_disclosures: 2, reconciled_and_right: 1 });
  });
});

describe('hand-read facts', async () => {
  const { checkFacts } = await import('../../scripts/validate/evaluate-facts.js');
  it('a figure is right when it equals the hand-read one to the cent; a missing one is wrong', () => {
    const d = doc({ expenditure_total: 665964.37, basic_expenditure: 89793.26 });
    const r = checkFacts('x/147.pdf', d, { expenditure_total: 665964.37, basic_expenditure: 89793.25, project_expenditure: 576171.11, page: 5 });
    expect(r.map((f) => [f.key, f.right])).toEqual([
      ['expenditure_total', true],
      ['basic_expenditure', false],
      ['project_expenditure', false],
    ]);
    expect(checkFacts('x/1.pdf', null, { income_total: 1 })[0]).toMatchObject({ actual: null, right: false });
  });
});
