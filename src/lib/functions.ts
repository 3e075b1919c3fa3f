/** Function classification codes across documents: one entry per code with every document's figure. */
import type { DocumentEntry } from '../../scripts/model/schema';

/** The document fields function pages use (full or light entries both fit). */
export type FunctionDoc = Pick<DocumentEntry, 'id' | 'department' | 'fiscal_year' | 'kind' | 'expenditure_by_function'>;

export interface FunctionRow {
  doc: FunctionDoc;
  table_kind: string;
  name: string;
  total: number | null;
  basic: number | null;
  project: number | null;
}
export interface FunctionCode {
  code: string;
  name: string;
  level: number;
  rows: FunctionRow[];
}

export function functionCodes(docs: FunctionDoc[]): FunctionCode[] {
  const map = new Map<string, FunctionCode>();
  for (const doc of docs) {
    const seen = new Set<string>();
    // one row per document and code: the general-budget table first, it is the one the law requires
    const ordered = [...doc.expenditure_by_function].sort((a, b) => Number(b.table_kind === 'general_budget_expenditure') - Number(a.table_kind === 'general_budget_expenditure'));
    for (const r of ordered) {
      if (!/^\d{3}(\d{2}){0,2}$/.test(r.code) || seen.has(r.code)) continue;
      seen.add(r.code);
      const fc = map.get(r.code) ?? { code: r.code, name: r.name, level: r.level, rows: [] };
      fc.rows.push({ doc, table_kind: r.table_kind, name: r.name, total: r.total, basic: r.basic, project: r.project });
      map.set(r.code, fc);
    }
  }
  return [...map.values()].sort((a, b) => a.code.localeCompare(b.code));
}
