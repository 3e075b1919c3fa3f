/**
 * The document's headline totals: a figure from a summary table wins over the same figure in the
 * narrative (tables are the authoritative disclosure; the narrative is checked against them).
 */
import type { DocumentKind, NarrativeFact, SourceRef, Totals } from '../model/schema.js';

export const TOTAL_KEYS = [
  'income_total',
  'current_year_income',
  'expenditure_total',
  'current_year_expenditure',
  'basic_expenditure',
  'project_expenditure',
  'fiscal_appropriation',
  'general_budget_expenditure',
  'three_public_total',
  'operating_expenses',
  'procurement_total',
] as const satisfies ReadonlyArray<keyof Totals>;

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
    const f = facts.find((x) => x.key === key && x.unit === '万元');
    if (f) {
      totals[key] = f.value;
      sources[key] = f.source;
    }
  }
  return { totals, sources };
}
