/**
 * The document's headline totals: a figure from a summary table wins over the same figure in the
 * narrative (tables are the authoritative disclosure; the narrative is checked against them).
 */
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
    const f = facts.find((x) => x.key === key && x.unit === '万元');
    if (f) {
      totals[key] = f.value;
      sources[key] = f.source;
    }
  }
  return { totals, sources };
}
