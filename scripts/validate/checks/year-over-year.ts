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
  checkThreePublicByYear(doc, notes);
  return [];
}

/**
 * A “三公” table by year ("2025年 | 2026年 | 增减变化金额" rows): each column of the change row should be
 * the document year's row less the previous year's. Compared cell by cell; a disagreement is a parse note.
 */
function checkThreePublicByYear(doc: CheckDoc, notes: ParseNote[]): void {
  const item = doc.three_public.find((x) => x.previous !== undefined && x.previous !== null);
  if (!item || doc.fiscal_year === null) return;
  const table = doc.tables.find((t) => t.kind === 'three_public' && t.rows.some((r) => r.source_line === item.source.line_start));
  if (!table) return;
  const at = table.rows.findIndex((r) => r.source_line === item.source.line_start);
  const year = (r: Table['rows'][number] | undefined, y: number) => r !== undefined && r.cells.some((c) => c.replace(/\s/g, '') === `${y}年`);
  const prev = [table.rows[at - 1], table.rows[at - 2]].find((r) => year(r, doc.fiscal_year! - 1));
  const change = [table.rows[at + 1], table.rows[at + 2]].find((r) => r !== undefined && r.cells.some((c) => /^(?:增减|变化|比上年)/.test(c.replace(/\s/g, ''))));
  if (!prev || !change || !year(table.rows[at], doc.fiscal_year)) return;
  const unit = table.unit ?? doc.unit;
  const bad: string[] = [];
  table.rows[at].cells.forEach((c, i) => {
    const cur = moneyToWan(c, unit);
    const before = moneyToWan(prev.cells[i] ?? '', unit);
    const printed = moneyToWan(change.cells[i] ?? '', unit);
    const computed = changeOf(cur, before);
    if (computed === null || printed === null || compare(computed, printed).agrees) return;
    bad.push(`${table.columns[i] || `第 ${i + 1} 列`}：${fmt(cur!)} − ${fmt(before!)} = ${fmt(computed)}，表中为 ${fmt(printed)}`);
  });
  if (bad.length === 0) return;
  notes.push({
    check: 'year_over_year',
    message: `${tableLabel(table)}的增减行与本年减上年不一致（${bad.join('；')}）；可能是列读错了，未作为原文的问题`,
    source: { ...item.source, line_start: Math.min(prev.source_line, change.source_line), line_end: Math.max(prev.source_line, change.source_line) },
  });
}
