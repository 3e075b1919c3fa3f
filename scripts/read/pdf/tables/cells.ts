/**
 * Helpers both table readers share: a line's pieces, which column a piece falls in, a line as a row of
 * cells, joining wrapped cell text, and what makes a line a row with amounts (or a 栏次 header row).
 */
import { isNumberText, joinText, type Piece, type VLine } from '../geometry.js';
import { TOLERANCES } from '../tolerances.js';
import type { CellLeft, Column, Row } from './types.js';

const T = TOLERANCES.rows;

/** A numbered item ("一、", "（十七）", "1.") or a classification code opening a row's first cell. */
export const ITEM_LABEL = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|\d{3}(?:\d{2}){0,2}(?!\d))/;

/** The unit / compiling-unit line printed above a table ("单位：万元", "编制单位：…"). */
export const UNIT_LINE = /单位\s*[:：]/;

export function pieces(l: VLine): Piece[] {
  return l.runs.flatMap((r) => r.pieces);
}

/** A line with several runs (cells far apart) may be a table row. */
export function isCandidate(l: VLine): boolean {
  return l.runs.length >= 2;
}

/** The vertical middle of a line (its baseline is at the bottom of its characters). */
export function middle(y: number, size: number): number {
  return y - TOLERANCES.region.lineMiddle * size;
}

export function columnOf(p: Piece, cols: Column[]): number {
  const w = Math.max(p.x1 - p.x0, T.minExtent);
  let best = -1;
  for (let c = 0; c < cols.length; c++) {
    const [a, b] = cols[c];
    const ov = Math.min(b, p.x1) - Math.max(a, p.x0);
    if (ov > T.columnOverlap * Math.min(w, Math.max(b - a, T.minExtent))) {
      best = c;
      break; // leftmost substantial overlap: a spanning cell belongs to its first column
    }
  }
  if (best >= 0) return best;
  // No substantial overlap: nearest column by distance between extents.
  let dist = Infinity;
  for (let c = 0; c < cols.length; c++) {
    const [a, b] = cols[c];
    const d = p.x1 < a ? a - p.x1 : p.x0 > b ? p.x0 - b : 0;
    if (d < dist) {
      dist = d;
      best = c;
    }
  }
  return best;
}

export function toRow(l: VLine, cols: Column[], cellLeft?: CellLeft): Row {
  const cells = cols.map(() => '');
  for (const p of pieces(l)) {
    const x = cellLeft?.(l, p) ?? null;
    // a ruled cell spanning several columns belongs to the first of them
    const spanned = x === null ? -1 : cols.findIndex(([a]) => a >= x - TOLERANCES.grid.spanStartSlack);
    const c = spanned >= 0 && spanned <= columnOf(p, cols) ? spanned : columnOf(p, cols);
    cells[c] = joinText(cells[c], p.text);
  }
  return { cells, y0: l.y, y1: l.y, hasNumber: cells.some(isNumberText) && hasAmount(l) };
}

/** Indexes of a row's non-empty cells. */
export function filled(r: Row): number[] {
  return r.cells.flatMap((c, i) => (c.trim() ? [i] : []));
}

/** Join two lines of one cell; an amount wrapped inside a narrow cell (`143,999.0` / `0`) is one number. */
function joinCell(a: string, b: string): string {
  if (/[\d,.]$/.test(a) && /^[\d,.]+$/.test(b) && isNumberText(a) && isNumberText(a + b)) return a + b;
  return joinText(a, b);
}

/** Merge a row fragment (wrapped lines) into a row, above or below its text. */
export function mergeInto(target: Row, frag: Row, above: boolean): void {
  frag.cells.forEach((t, i) => {
    if (!t) return;
    target.cells[i] = above ? joinCell(t, target.cells[i]) : joinCell(target.cells[i], t);
  });
  target.y0 = Math.min(target.y0, frag.y0);
  target.y1 = Math.max(target.y1, frag.y1);
}

/**
 * A line with an amount in it. A year set apart from its 年 ("2026  年预算数" in a header) is not one:
 * counted as an amount it made the header a body row and split the table into the header's words.
 */
export function hasAmount(l: VLine): boolean {
  const ps = pieces(l);
  return ps.some((p, i) => isNumberText(p.text) && !(/^(?:19|20)\d{2}$/.test(p.text.trim()) && /^\s*年/.test(ps[i + 1]?.text ?? '')));
}

/** The 栏次 row under a header (`** ** 1 2 3 …`, `栏次 1 2 3`): header, though it holds numbers. */
export function isColumnNumberLine(l: VLine): boolean {
  const ps = pieces(l).map((p) => p.text.trim());
  const ints = ps.filter((t) => /^\d{1,2}$/.test(t)).map(Number);
  if (ints.length < 2 || !ps.every((t) => /^(\d{1,2}|\*+|[-—]|栏次|行次|[甲乙丙丁ABC])$/.test(t))) return false;
  return ints.every((v, i) => i === 0 || v > ints[i - 1]);
}

/** A row line of a table: several cells, an amount, not the 栏次 row. */
export function isAmountRow(l: VLine): boolean {
  return l.runs.length >= 2 && hasAmount(l) && !isColumnNumberLine(l);
}
