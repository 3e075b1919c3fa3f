/**
 * The document's headline totals: a figure from a summary table wins over the same figure in the
 * narrative (tables are the authoritative disclosure; the narrative is checked against them).
 *
 * When no table gives a total (a document published as text with its tables in a separate
 * attachment), the narrative's figure is taken — the first fact with the total's key; facts.ts and
 * headline.ts keep other years', other units' and sub-parts' figures under other keys. Two more
 * narrative-only rules:
 * - “收支总预算 X” / “收入、支出预算总计 X” (income_expenditure_total) gives both 收入总计 and 支出总计.
 * - 本年支出合计 is 支出总计 − 年终结转结余 when the text states both and 基本支出 + 项目支出 equals
 *   that difference (to the rounding of four stated figures, 0.02 万元; the narrative's 支出预算
 *   includes the year-end carry-over as its (三));
 *   its source spans the sentences it is computed from.
 */
import Decimal from 'decimal.js';
import { TOTAL_KEYS, type DocumentKind, type NarrativeFact, type SourceRef, type Totals } from '../model/schema.js';

export { TOTAL_KEYS } from '../model/schema.js';

export function assembleTotals(
  fromTables: Partial<Record<keyof Totals, { value: number; source: SourceRef }>>,
  facts: NarrativeFact[],
  kind: DocumentKind,
): { totals: Totals; sources: Record<string, SourceRef> } {
  void kind;
  const totals = Object.fromEntries(TOTAL_KEYS.map((k) => [k, null])) as unknown as Totals;
  const sources: Record<string, SourceRef> = {};
  for (const key of TOTAL_KEYS) {
    const t = fromTables[key];
    if (t) {
      totals[key] = t.value;
      sources[key] = t.source;
      continue;
    }
    const f = fact(facts, key) ?? (key === 'income_total' || key === 'expenditure_total' ? fact(facts, 'income_expenditure_total') : undefined);
    if (f) {
      totals[key] = f.value;
      sources[key] = f.source;
    }
  }
  if (totals.current_year_expenditure === null && !fromTables.expenditure_total) {
    const derived = currentYearExpenditure(facts);
    if (derived) {
      totals.current_year_expenditure = derived.value;
      sources.current_year_expenditure = derived.source;
    }
  }
  return { totals, sources };
}

const fact = (facts: NarrativeFact[], key: string) => facts.find((x) => x.key === key && x.unit === '万元');

const ROUNDING = 0.02;

/** 支出总计 − 年终结转结余, when 基本支出 + 项目支出 confirm it (all four stated in the text). */
function currentYearExpenditure(facts: NarrativeFact[]): { value: number; source: SourceRef } | null {
  const total = fact(facts, 'expenditure_total') ?? fact(facts, 'income_expenditure_total');
  const carry = fact(facts, 'carryover_expenditure');
  const basic = fact(facts, 'basic_expenditure');
  const project = fact(facts, 'project_expenditure');
  if (!total || !carry || !basic || !project) return null;
  const value = new Decimal(total.value).minus(carry.value);
  // four figures each rounded to 0.01 万元 may differ by 0.02 in their last digits
  if (value.minus(new Decimal(basic.value).plus(project.value)).abs().gt(ROUNDING)) return null;
  const lines = [total, carry, basic, project].map((f) => f.source);
  const source: SourceRef = {
    ...total.source,
    line_start: Math.min(...lines.map((s) => s.line_start)),
    line_end: Math.max(...lines.map((s) => s.line_end)),
  };
  return { value: value.toNumber(), source };
}
