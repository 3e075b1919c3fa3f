/**
 * Tables that list several budget units one after another: a "预算单位" column names each unit on a row
 * carrying that unit's total, and the unit's coded rows follow ("深圳市××局（本级）\t\t\t150,489.93…" then
 * "\t205\t教育支出…", then the next unit). Codes repeat per unit, so the table is cut into one table per
 * unit: each section's 类/款/项 then add up on their own. The rows before the second unit (the
 * department's own total, the first unit) stay in the original table. Pure.
 */
import type { Table } from '../../model/schema.js';
import { compact, isBlank, isNumberCell } from './cells.js';

const UNIT_COLUMN = /^(?:预算)?单位(?:名称)?$|^预算单位/;
const CODE_COLUMN = /编码|代码/;

/** Index of the rows that open a unit's section (unit name, no code, amounts), or [] when not such a table. */
export function unitSectionStarts(t: Table): number[] {
  if (!UNIT_COLUMN.test(compact(t.columns[0] ?? '')) || !CODE_COLUMN.test(compact(t.columns[1] ?? ''))) return [];
  const starts: number[] = [];
  t.rows.forEach((r, i) => {
    const unit = compact(r.cells[0] ?? '');
    if (unit.length >= 2 && !/^\d/.test(unit) && isBlank(r.cells[1] ?? '') && r.cells.some((c) => isNumberCell(c))) starts.push(i);
  });
  // only worth cutting when codes follow a unit row
  const coded = t.rows.some((r) => /^\d{3,7}$/.test(compact(r.cells[1] ?? '')));
  return starts.length >= 2 && coded ? starts : [];
}

/** The table cut at each unit after the first; `ref` gives the source of a line range. */
export function splitUnitSections(t: Table, ref: (a: number, b: number) => Table['source']): Table[] {
  const starts = unitSectionStarts(t).slice(1);
  if (starts.length === 0) return [t];
  const cuts = [0, ...starts, t.rows.length];
  const out: Table[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const rows = t.rows.slice(cuts[k], cuts[k + 1]);
    if (rows.length === 0) continue;
    if (k === 0) {
      out.push({ ...t, rows, source: ref(t.source.line_start, rows[rows.length - 1].source_line) });
      continue;
    }
    out.push({
      ...t,
      id: `${t.id}-${k + 1}`,
      title: `${t.title}·${compact(rows[0].cells[0])}`,
      rows,
      note: k === cuts.length - 2 ? t.note : null,
      source: ref(rows[0].source_line, k === cuts.length - 2 ? t.source.line_end : rows[rows.length - 1].source_line),
    });
  }
  return out;
}
