/**
 * The document's headline totals: a figure from a summary table wins over the same figure in the
 * narrative (tables are the authoritative disclosure; the narrative is checked against them).
 *
 * When no table gives a total (a document published as text with its tables in a separate
 * attachment), the narrative's figure is taken — the first fact with the total's key; facts.ts and
 * headline.ts keep other years', other units' and sub-parts' figures under other keys.
 * “收支总预算 X” / “收入、支出预算总计 X” (income_expenditure_total) gives both 收入总计 and 支出总计.
 * Nothing is computed: every total is a figure the document prints on the lines it cites.
 */
import { TOTAL_KEYS, type DocumentKind, type NarrativeFact, type SourceRef, type Totals } from '../model/schema.js';

export { TOTAL_KEYS } from '../model/schema.js';

export function assembleTotals(
  fromTables: Partial<Record<keyof Totals, { value: number; source: SourceRef; previous?: number }>>,
  facts: NarrativeFact[],
  kind: DocumentKind,
): { totals: Totals; sources: Record<string, SourceRef>; previous: Record<string, number> } {
  void kind;
  const totals = Object.fromEntries(TOTAL_KEYS.map((k) => [k, null])) as unknown as Totals;
  const sources: Record<string, SourceRef> = {};
  // the previous year's figure the source row of a total prints beside it
  const previous: Record<string, number> = {};
  for (const key of TOTAL_KEYS) {
    const t = fromTables[key];
    if (t) {
      totals[key] = t.value;
      sources[key] = t.source;
      if (t.previous !== undefined) previous[key] = t.previous;
      continue;
    }
    const f = fact(facts, key) ?? (key === 'income_total' || key === 'expenditure_total' ? fact(facts, 'income_expenditure_total') : undefined);
    if (f) {
      totals[key] = f.value;
      sources[key] = f.source;
    }
  }
  return { totals, sources, previous };
}

const fact = (facts: NarrativeFact[], key: string) => facts.find((x) => x.key === key && x.unit === '万元');
