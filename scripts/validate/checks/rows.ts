/**
 * Classification rows per table, as the checks see them: the recognizers' structured rows when
 * present, otherwise codes and 合计 read straight from the published table (so a check still works
 * when a recognizer does not emit rows for some table kind, e.g. 收入总表).
 */
import type { Table, TableKind } from '../../model/schema.js';
import { codedRows, type CheckDoc } from '../util.js';

export interface ClassRow {
  code: string;
  level: 1 | 2 | 3;
  name: string;
  /** role → amount: total/basic/project (function) or total/personnel/public (economic) */
  values: Record<string, number | null>;
  line: number;
}

export interface TableRows {
  table: Table | null;
  table_id: string;
  kind: TableKind | null;
  rows: ClassRow[];
}

/** Tables whose rows are function (支出功能分类) codes forming a 类/款/项 hierarchy. */
export const FUNCTION_TABLE_KINDS: TableKind[] = ['income', 'expenditure', 'general_budget_expenditure', 'government_fund', 'state_capital'];

export function functionTables(doc: CheckDoc): TableRows[] {
  const out = new Map<string, TableRows>();
  for (const r of doc.expenditure_by_function) {
    let t = out.get(r.table_id);
    if (!t) {
      const table = doc.tables.find((x) => x.id === r.table_id) ?? null;
      t = { table, table_id: r.table_id, kind: table?.kind ?? r.table_kind, rows: [] };
      out.set(r.table_id, t);
    }
    t.rows.push({ code: r.code, level: r.level, name: r.name, values: { total: r.total, basic: r.basic, project: r.project }, line: r.source.line_start });
  }
  for (const table of doc.tables) {
    if (out.has(table.id) || !FUNCTION_TABLE_KINDS.includes(table.kind) || table.empty) continue;
    const rows = codedRows(table, doc.unit);
    if (rows.length > 0) {
      out.set(table.id, { table, table_id: table.id, kind: table.kind, rows: rows.map((r) => ({ code: r.code, level: r.level, name: r.name, values: { total: r.total }, line: r.line })) });
    }
  }
  return [...out.values()];
}

export function economicTables(doc: CheckDoc): TableRows[] {
  const out = new Map<string, TableRows>();
  for (const r of doc.basic_expenditure_by_economic) {
    let t = out.get(r.table_id);
    if (!t) {
      const table = doc.tables.find((x) => x.id === r.table_id) ?? null;
      t = { table, table_id: r.table_id, kind: table?.kind ?? 'general_budget_basic_expenditure', rows: [] };
      out.set(r.table_id, t);
    }
    t.rows.push({ code: r.code, level: r.level, name: r.name, values: { total: r.total, personnel: r.personnel, public: r.public }, line: r.source.line_start });
  }
  return [...out.values()];
}

export function tableName(t: TableRows): string {
  if (t.table?.title) return `《${t.table.title}》`;
  return `表 ${t.table_id}`;
}
