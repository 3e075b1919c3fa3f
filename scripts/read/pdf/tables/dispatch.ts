/**
 * Which reader cuts a table region into cells. The body lines are the lines with amounts (every
 * multi-cell line for a text-only table). Columns: the ruled reader's when vertical rules bound the
 * body's cells, else the unruled reader's (the 栏次 skeleton, or the text's extents plus header-only
 * columns). Rows: the ruled reader's bands when horizontal rules separate the rows, whichever reader
 * gave the columns. A continuation page with rows only keeps the previous page's columns when its own
 * are those minus some left empty here.
 */
import type { VLine } from '../geometry.js';
import { isAmountRow, isCandidate, isColumnNumberLine } from './cells.js';
import { ruledGrid } from './ruled.js';
import { rowsFor } from './rows.js';
import type { BuiltTable, Column, LayoutOptions } from './types.js';
import { fitsColumns, unruledColumns } from './unruled.js';

/** A table region's lines → rows of cells and the columns used (null when it does not form columns). */
export function buildTable(lines: VLine[], opts: LayoutOptions): BuiltTable | null {
  const numeric = lines.filter(isAmountRow);
  const numberRow = lines.find(isColumnNumberLine);
  if (numberRow && numeric.length > 0) numeric.push(numberRow);
  numeric.sort((a, b) => lines.indexOf(a) - lines.indexOf(b));
  const hasNumeric = numeric.length > 0;
  const body = hasNumeric ? numeric : lines.filter(isCandidate);
  const grid = opts.rules && hasNumeric ? ruledGrid(lines, numeric.filter((l) => l !== numberRow), opts.rules) : null;
  let columns: Column[] = grid?.cols ?? unruledColumns(lines, body, numberRow);
  const headless = hasNumeric && !numberRow && lines.indexOf(numeric[0]) <= (opts.leadIn ?? 0);
  if (headless && opts.carryColumns && fitsColumns(columns, opts.carryColumns)) columns = opts.carryColumns.map((c) => [...c] as Column);
  const ruledColumns = grid !== null && columns === grid.cols;
  const rows = rowsFor(lines, { cols: columns, bands: grid?.bands ?? null, cellLeft: ruledColumns ? grid.cellLeft : undefined }, hasNumeric, opts);
  return rows ? { rows, columns } : null;
}
