/**
 * The unruled reader: a table's columns from text geometry alone, for tables drawn without rules (or
 * whose rules do not bound the cells). Overlapping x-extents of the body rows' pieces merge into one
 * column and the gaps between them are boundaries; header pieces beyond the body's extent add columns
 * left empty in every row; a 栏次 row (`** ** 1 2 3 …`) numbers every amount column, empty ones too.
 */
import type { Piece, VLine } from '../geometry.js';
import { TOLERANCES } from '../tolerances.js';
import { pieces } from './cells.js';
import type { Column } from './types.js';

const T = TOLERANCES.columns;

/** Columns: merged x-extents of the pieces of the body lines. */
export function findColumns(body: VLine[]): Column[] {
  const iv = body.flatMap((l) => pieces(l).map((p) => [p.x0, p.x1] as Column)).sort((a, b) => a[0] - b[0]);
  const cols: Column[] = [];
  for (const [a, b] of iv) {
    const last = cols[cols.length - 1];
    const tol = T.mergeGap * (body[0]?.size ?? 1);
    if (last && a <= last[1] + tol) last[1] = Math.max(last[1], b);
    else cols.push([a, b]);
  }
  return cols;
}

/** Overlapping extents merged (no gap allowed). */
function mergeExtents(iv: Column[]): Column[] {
  iv.sort((a, b) => a[0] - b[0]);
  const cols: Column[] = [];
  for (const [a, b] of iv) {
    const last = cols[cols.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else cols.push([a, b]);
  }
  return cols;
}

/**
 * Columns that are empty in every body row still have a header: header pieces that touch no body
 * column become columns of their own (spanning headers always touch the columns below them).
 */
export function addHeaderColumns(cols: Column[], header: VLine[]): void {
  const size = header[0]?.size ?? 1;
  const left = cols[0]?.[0] ?? 0;
  const right = cols[cols.length - 1]?.[1] ?? 0;
  // Only outside the body's extent: inside it, a centred header over right-aligned numbers cannot be
  // told apart from a header over an empty column without the ruling lines.
  const far = (p: Piece) => p.x0 > right + T.headerOutside * size || p.x1 < left - T.headerOutside * size;
  const extra = header
    .flatMap((l) => pieces(l))
    .filter(far)
    .map((p) => [p.x0, p.x1] as Column);
  if (extra.length === 0 || cols.length === 0) return;
  const merged = mergeExtents([...extra]);
  // Only keep extras that do not collide with body columns after merging.
  for (const m of merged) if (!cols.some(([a, b]) => Math.min(b, m[1]) - Math.max(a, m[0]) > 0)) cols.push(m);
  cols.sort((x, y) => x[0] - y[0]);
}

/**
 * A 栏次 row (`** ** 1 2 3 …`) numbers every amount column, empty ones included: its centres are
 * the skeleton of the amount columns (boundaries half-way between them); the label columns before
 * the first number keep the boundaries found from the body text.
 */
export function skeletonColumns(numberRow: VLine, body: VLine[]): Column[] | null {
  const sk = pieces(numberRow);
  const first = sk.findIndex((p) => /^\d+$/.test(p.text.trim()));
  const digits = sk.slice(first);
  if (first < 0 || digits.length < T.minColumnNumbers) return null;
  const c = (p: Piece) => (p.x0 + p.x1) / 2;
  const step = c(digits[1]) - c(digits[0]);
  const leftBound = first > 0 ? (c(sk[first - 1]) + c(digits[0])) / 2 : c(digits[0]) - step / 2;
  const out: Column[] = [];
  const text = body.flatMap((l) => pieces(l)).filter((p) => c(p) < leftBound);
  const labels = findColumns([{ y: 0, size: body[0]?.size ?? 1, runs: [{ x0: 0, x1: 0, text: '', pieces: text }] }]);
  for (const [a, b] of labels) out.push([a, Math.min(b, leftBound)]);
  // the outer columns are open-ended
  const OPEN = 1e9;
  digits.forEach((p, k) => {
    const lo = k === 0 ? leftBound : (c(digits[k - 1]) + c(p)) / 2;
    const hi = k === digits.length - 1 ? OPEN : (c(p) + c(digits[k + 1])) / 2;
    out.push([lo, hi]);
  });
  if (out.length === digits.length) out[0][0] = -OPEN;
  return out;
}

/** Columns of a table without usable rules: the 栏次 skeleton when there is one, else the text's extents. */
export function unruledColumns(lines: VLine[], body: VLine[], numberRow: VLine | undefined): Column[] {
  const skeleton = numberRow ? skeletonColumns(numberRow, body.filter((l) => l !== numberRow)) : null;
  if (skeleton) return skeleton;
  const found = findColumns(body);
  addHeaderColumns(found, lines.slice(0, Math.max(0, lines.indexOf(body[0]))));
  return found;
}

/**
 * The columns found on a continuation page are the previous page's columns minus some left empty here:
 * each found column overlaps one earlier column, in order, and the earlier set has more of them.
 */
export function fitsColumns(found: Column[], prev: Column[]): boolean {
  if (prev.length <= found.length || found.length < 2) return false;
  let last = -1;
  for (const [a, b] of found) {
    let best = -1;
    let bestOv = 0;
    prev.forEach(([c, d], k) => {
      const ov = Math.min(b, d) - Math.max(a, c);
      if (ov > bestOv) {
        bestOv = ov;
        best = k;
      }
    });
    if (best <= last || bestOv < T.carryOverlap * Math.min(b - a, prev[best][1] - prev[best][0])) return false;
    // a found column reaching well into a neighbouring earlier column is not one of them
    if (prev.some(([c, d], k) => k !== best && Math.min(b, d) - Math.max(a, c) > T.carryNeighbourOverlap * (d - c))) return false;
    last = best;
  }
  return true;
}
