/**
 * Grids printed one cell per line: converters emit each cell of a row on its own (tab-indented) line
 * and separate rows with a blank line; merged cells are simply missing (or an empty "\t" line).
 *
 *   \t一级指标        ← row 1 (lines 98–101)
 *   \t二级指标
 *   …
 *                     ← blank line = row break
 *   \t成本指标        ← row 2 (lines 103–106)
 *
 * The segmenter drops the blank lines but keeps line numbers, so a gap in line numbers is a row break.
 */
import type { Row, TableBlock } from '../../segment/ir.js';

/** True when almost every line of the block carries at most one non-empty cell. */
export function isCellPerLine(block: TableBlock): boolean {
  if (block.rows.length < 4) return false;
  const single = block.rows.filter((r) => r.cells.filter((c) => c.trim() !== '').length <= 1).length;
  return single / block.rows.length >= 0.8;
}

/**
 * Rebuild the grid. Each output row takes the line number of its first line. Rows shorter than the
 * header row lost their leading merged cells, so they are right-aligned (padded with '' at the start),
 * which keeps the last column (指标值, 金额 …) aligned.
 */
export function rebuildCellPerLine(block: TableBlock): Row[] {
  const groups: Row[][] = [];
  let prev = -10;
  for (const r of block.rows) {
    if (r.line !== prev + 1 || groups.length === 0) groups.push([]);
    groups[groups.length - 1].push(r);
    prev = r.line;
  }
  const rows = groups.map((g): Row => {
    const cells = g.map((r) => r.cells.filter((c) => c.trim() !== '').join(' '));
    const raw = g.map((r) => r.raw.filter((c) => c.trim() !== '').join(' '));
    return { cells, raw, line: g[0].line };
  });
  const width = rows.length ? rows[0].cells.length : 0;
  return rows.map((r) => {
    if (r.cells.length >= width) return r;
    const pad = Array<string>(width - r.cells.length).fill('');
    return { cells: [...pad, ...r.cells], raw: [...pad, ...r.raw], line: r.line };
  });
}

/** The block's rows as a grid: rebuilt when one cell per line, as published otherwise. */
export function gridRows(block: TableBlock): Row[] {
  return isCellPerLine(block) ? rebuildCellPerLine(block) : block.rows;
}
