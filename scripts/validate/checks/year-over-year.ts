/**
 * A table printing 上年, 本年 and 增减 beside each other: the printed 增减 should be 本年 − 上年. A
 * disagreement is far more often a column read wrong (a header merged over two lines, a 增减 column
 * taken for another) than a department's error, so it is never a finding: it is a parse note, and the
 * reader keeps the figures as printed.
 */
import type { Finding, ParseNote, Table } from '../../model/schema.js';
import { moneyToWan } from '../../normalize/amount.js';
import { changeOf } from '../../normalize/change.js';
import { changeColumn } from '../../recognize/tables/extract/common.js';
import { compare, fmt, tableLabel, type CheckDoc } from '../util.js';

export function checkYearOverYear(doc: CheckDoc, notes: ParseNote[]): Finding[] {
  const rows: Array<{ table_id: string; name: string; total: number | null; previous?: number | null; line: number; source: ParseNote['source'] }> = [
    ...doc.expenditure_by_function.map((r) => ({ table_id: r.table_id, name: r.name, total: r.total, previous: r.previous, line: r.source.line_start, source: r.source })),
    ...doc.basic_expenditure_by_economic.map((r) => ({ table_id: r.table_id, name: r.name, total: r.total, previous: r.previous, line: r.source.line_start, source: r.source })),
  ];
  const columnOf = new Map<string, number>();
  const tableOf = (id: string): Table | undefined => doc.tables.find((t) => t.id === id);
  for (const r of rows) {
    const computed = changeOf(r.total, r.previous);
    if (computed === null) continue;
    const table = tableOf(r.table_id);
    if (!table) continue;
    if (!columnOf.has(table.id)) columnOf.set(table.id, changeColumn(table.columns));
    const col = columnOf.get(table.id)!;
    if (col < 0) continue;
    const row = table.rows.find((x) => x.source_line === r.line);
    const printed = row ? moneyToWan(row.cells[col] ?? '', table.unit ?? doc.unit) : null;
    if (printed === null || compare(computed, printed).agrees) continue;
    notes.push({
      check: 'year_over_year',
      message: `${tableLabel(table)}“${r.name}”：本年 ${fmt(r.total!)} − 上年 ${fmt(r.previous!)} = ${fmt(computed)}，与表中的增减 ${fmt(printed)} 不一致；可能是列读错了，未作为原文的问题`,
      source: r.source,
    });
  }
  return [];
}
