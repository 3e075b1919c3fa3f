/**
 * Visual lines of one page → output lines, with table regions rebuilt as tab-separated cells.
 *
 * A table region is a run of lines made of several runs (cells far apart), allowing a couple of
 * single-run lines (wrapped cell text) in between. Column boundaries come from the x-extents of the
 * cells in the region's body rows (rows carrying numbers; every multi-cell row for text-only tables):
 * overlapping extents merge into one column, the gaps between them are column boundaries. Every cell of
 * every row is then placed in the column it overlaps; a cell spanning several columns (merged header
 * cells such as 基本支出 over 人员支出/公用经费) goes to the leftmost, as the text sources write it.
 * Wrapped header cells (`一般公共预` / `算`) and wrapped body cells (a line with text only in text
 * columns, closer to a neighbouring row than the row pitch) are merged into their logical row; a
 * text column the row leaves empty counts too (a name wrapping over two or three lines beside
 * vertically centred amounts has no text on the amounts' line), also when the wrap straddles a page
 * break or ends the table.
 *
 * PDF pages also bring their ruling lines (rules.ts). When they form the table's grid they win over
 * the text geometry: vertical rules crossing the body rows are the column boundaries (a column empty
 * in every row is still a column), and a body row is everything between two horizontal rules spanning
 * the table (however many lines its tallest cell wraps over, e.g. a 绩效目标 paragraph). Each is used
 * only when it fits the text (no amount straddles a column rule; the rules separate the rows, unlike a
 * three-line table's). The region of such a table follows its vertical rules: a line enclosed by the
 * frame and columns of the lines above it belongs to the table, e.g. the goal paragraph of a row whose
 * amounts' line leaves the goal column empty; and the lines above the first row's amounts below the
 * header's rule are that row's. A continuation page with rows only keeps the previous page's columns.
 */
import { isNumberText, joinText, lineText, median, type Piece, type VLine } from './geometry.js';
import type { HRule, Rules, VRule } from './rules.js';

export type OutKind = 'text' | 'blank' | 'header' | 'body' | 'toc';

export interface OutLine {
  text: string;
  kind: OutKind;
}

export interface LayoutOptions {
  /** Layout text: every line is one unit apart, so row pitch cannot tell wrapped cells apart. */
  monospace?: boolean;
  /** Body text size of the whole document (a cover page alone has no body text to compare with). */
  bodySize?: number;
  /** Leading lines of a table region that are the upper part of its first body row (not a header). */
  leadIn?: number;
  /** Ruling lines of the page (PDF only): cell boundaries when they form a grid. */
  rules?: Rules;
  /**
   * Columns of the table the previous page ended in. A page continuing it with rows only (no header of
   * its own) keeps those columns: a column empty on this page alone is still there.
   */
  carryColumns?: Array<[number, number]> | null;
}

/** What a page's layout tells the next page. */
export interface PageLayout {
  lines: OutLine[];
  /** Columns of the page's last table (null when the page has none). */
  lastColumns: Array<[number, number]> | null;
}

/** A dotted leader ending in a page number: a table-of-contents entry. */
const TOC_LINE = /^(.*?\S)\s*(?:[.．·•…⋯_]\s*){3,}\s*(\d{1,4})$/;
/** The unit / compiling-unit line printed above a table ("单位：万元", "编制单位：…"). */
const UNIT_LINE = /单位\s*[:：]/;

interface Row {
  cells: string[];
  y0: number;
  y1: number;
  hasNumber: boolean;
}

function pieces(l: VLine): Piece[] {
  return l.runs.flatMap((r) => r.pieces);
}

function isCandidate(l: VLine): boolean {
  return l.runs.length >= 2;
}

/** Columns: merged x-extents of the pieces of the body lines. */
function findColumns(body: VLine[]): Array<[number, number]> {
  const iv = body.flatMap((l) => pieces(l).map((p) => [p.x0, p.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const cols: Array<[number, number]> = [];
  for (const [a, b] of iv) {
    const last = cols[cols.length - 1];
    const tol = 0.15 * (body[0]?.size ?? 1);
    if (last && a <= last[1] + tol) last[1] = Math.max(last[1], b);
    else cols.push([a, b]);
  }
  return cols;
}

/**
 * Columns that are empty in every body row still have a header: header pieces that touch no body
 * column become columns of their own (spanning headers always touch the columns below them).
 */
function addHeaderColumns(cols: Array<[number, number]>, header: VLine[]): void {
  const size = header[0]?.size ?? 1;
  const left = cols[0]?.[0] ?? 0;
  const right = cols[cols.length - 1]?.[1] ?? 0;
  // Only outside the body's extent: inside it, a centred header over right-aligned numbers cannot be
  // told apart from a header over an empty column without the ruling lines.
  const far = (p: Piece) => p.x0 > right + size || p.x1 < left - size;
  const extra = header
    .flatMap((l) => pieces(l))
    .filter(far)
    .map((p) => [p.x0, p.x1] as [number, number]);
  if (extra.length === 0 || cols.length === 0) return;
  const merged = findColumnsFrom([...extra]);
  // Only keep extras that do not collide with body columns after merging.
  for (const m of merged) if (!cols.some(([a, b]) => Math.min(b, m[1]) - Math.max(a, m[0]) > 0)) cols.push(m);
  cols.sort((x, y) => x[0] - y[0]);
}

function findColumnsFrom(iv: Array<[number, number]>, tol = 0): Array<[number, number]> {
  iv.sort((a, b) => a[0] - b[0]);
  const cols: Array<[number, number]> = [];
  for (const [a, b] of iv) {
    const last = cols[cols.length - 1];
    if (last && a <= last[1] + tol) last[1] = Math.max(last[1], b);
    else cols.push([a, b]);
  }
  return cols;
}

function columnOf(p: Piece, cols: Array<[number, number]>): number {
  const w = Math.max(p.x1 - p.x0, 1e-6);
  let best = -1;
  for (let c = 0; c < cols.length; c++) {
    const [a, b] = cols[c];
    const ov = Math.min(b, p.x1) - Math.max(a, p.x0);
    if (ov > 0.3 * Math.min(w, Math.max(b - a, 1e-6))) {
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

function toRow(l: VLine, cols: Array<[number, number]>, cellLeft?: (l: VLine, p: Piece) => number | null): Row {
  const cells = cols.map(() => '');
  for (const p of pieces(l)) {
    const x = cellLeft?.(l, p) ?? null;
    // a ruled cell spanning several columns belongs to the first of them
    const spanned = x === null ? -1 : cols.findIndex(([a]) => a >= x - 1.5);
    const c = spanned >= 0 && spanned <= columnOf(p, cols) ? spanned : columnOf(p, cols);
    cells[c] = joinText(cells[c], p.text);
  }
  return { cells, y0: l.y, y1: l.y, hasNumber: cells.some(isNumberText) && hasAmount(l) };
}

function filled(r: Row): number[] {
  return r.cells.flatMap((c, i) => (c.trim() ? [i] : []));
}

/** Join two lines of one cell; an amount wrapped inside a narrow cell (`143,999.0` / `0`) is one number. */
function joinCell(a: string, b: string): string {
  if (/[\d,.]$/.test(a) && /^[\d,.]+$/.test(b) && isNumberText(a) && isNumberText(a + b)) return a + b;
  return joinText(a, b);
}

function mergeInto(target: Row, frag: Row, above: boolean): void {
  frag.cells.forEach((t, i) => {
    if (!t) return;
    target.cells[i] = above ? joinCell(t, target.cells[i]) : joinCell(target.cells[i], t);
  });
  target.y0 = Math.min(target.y0, frag.y0);
  target.y1 = Math.max(target.y1, frag.y1);
}

/** Header lines: a line whose cells all sit under cells of an earlier, close header row continues it. */
function mergeHeader(rows: Row[], size: number): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    const f = filled(r);
    let merged = false;
    for (let k = out.length - 1; k >= 0 && k >= out.length - 2; k--) {
      const t = out[k];
      if (r.y0 - t.y1 > 1.7 * size) break;
      const tf = new Set(filled(t));
      if (f.length > 0 && f.every((i) => tf.has(i))) {
        mergeInto(t, r, false);
        merged = true;
        break;
      }
    }
    if (!merged) out.push(r);
  }
  return out;
}

/** A numbered item ("一、", "（十七）", "1.") or a classification code opening a row's first cell. */
const ITEM_LABEL = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|\d{3}(?:\d{2}){0,2}(?!\d))/;

/** Body lines without numbers whose cells continue text cells of the nearest row are wrapped text. */
function mergeBody(rows: Row[], size: number, monospace: boolean, bands: number[] | null = null, leadY = -Infinity): Row[] {
  const bodyY = rows.filter((r) => r.hasNumber).map((r) => r.y0);
  const gaps = bodyY.slice(1).map((y, i) => y - bodyY[i]).filter((g) => g > 0);
  const pitch = gaps.length ? median(gaps) : 2 * size;
  const limit = monospace ? 0 : 0.8 * pitch;
  const out = rows.map((r) => ({ ...r, cells: [...r.cells] }));
  const alive = out.map(() => true);
  // A fragment continues a row's text cells; a text column the row leaves empty also counts: a name
  // wrapping over several lines next to vertically centred amounts has no text on the amounts' line.
  const textCols = new Set(out.flatMap((r) => (r.hasNumber ? r.cells.flatMap((c, k) => (c && !isNumberText(c) ? [k] : [])) : [])));
  // a horizontal rule between two lines ends a cell: lines in different ruled rows never join (a summary
  // whose rows mostly have no amount, "五、事业收入" under "四、财政专户管理资金收入")
  const band = (r: Row) => (bands ? bands.findIndex((y) => y > r.y0 - 0.35 * size) : -1);
  const ruledApart = (a: Row, b: Row) => a.y0 >= leadY && b.y0 >= leadY && band(a) > 0 && band(b) > 0 && band(a) !== band(b);
  const continues = (frag: Row, t: Row) =>
    !ruledApart(frag, t) && filled(frag).every((i) => (t.cells[i] ? !isNumberText(t.cells[i]) : textCols.has(i)));
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    if (r.hasNumber) continue;
    let prev = i - 1;
    while (prev >= 0 && !alive[prev]) prev--;
    const next = i + 1 < out.length ? i + 1 : -1;
    const dPrev = prev >= 0 && out[prev].hasNumber && continues(r, out[prev]) ? r.y0 - out[prev].y1 : Infinity;
    const dNext = next >= 0 && out[next].hasNumber && continues(r, out[next]) ? out[next].y0 - r.y1 : Infinity;
    const d = Math.min(dPrev, dNext);
    if (!(d < limit)) continue;
    if (dPrev <= dNext) mergeInto(out[prev], r, false);
    else mergeInto(out[next], r, true);
    alive[i] = false;
  }
  return out.filter((_, i) => alive[i]);
}

/**
 * A line with an amount in it. A year set apart from its 年 ("2026  年预算数" in a header) is not one:
 * counted as an amount it made the header a body row and split the table into the header's words.
 */
function hasAmount(l: VLine): boolean {
  const ps = pieces(l);
  return ps.some((p, i) => isNumberText(p.text) && !(/^(?:19|20)\d{2}$/.test(p.text.trim()) && /^\s*年/.test(ps[i + 1]?.text ?? '')));
}

/** The 栏次 row under a header (`** ** 1 2 3 …`, `栏次 1 2 3`): header, though it holds numbers. */
function isColumnNumberLine(l: VLine): boolean {
  const ps = pieces(l).map((p) => p.text.trim());
  const ints = ps.filter((t) => /^\d{1,2}$/.test(t)).map(Number);
  if (ints.length < 2 || !ps.every((t) => /^(\d{1,2}|\*+|[-—]|栏次|行次|[甲乙丙丁ABC])$/.test(t))) return false;
  return ints.every((v, i) => i === 0 || v > ints[i - 1]);
}

/** Region [start, end] of lines → rows of cells (null when it does not form columns). */
function buildTable(lines: VLine[], opts: LayoutOptions): Array<{ row: Row; kind: 'header' | 'body' }> | null {
  const numeric = lines.filter((l) => l.runs.length >= 2 && hasAmount(l) && !isColumnNumberLine(l));
  const numberRow = lines.find(isColumnNumberLine);
  if (numberRow && numeric.length > 0) numeric.push(numberRow);
  numeric.sort((a, b) => lines.indexOf(a) - lines.indexOf(b));
  const body = numeric.length > 0 ? numeric : lines.filter(isCandidate);
  const grid = opts.rules && numeric.length > 0 ? ruledGrid(lines, numeric.filter((l) => l !== numberRow), opts.rules) : null;
  const cols = grid?.cols ?? (numberRow ? skeletonColumns(numberRow, body.filter((l) => l !== numberRow)) : null);
  let found = cols ?? findColumns(body);
  if (!cols) addHeaderColumns(found, lines.slice(0, Math.max(0, lines.indexOf(body[0]))));
  const headless = numeric.length > 0 && !numberRow && lines.indexOf(numeric[0]) <= (opts.leadIn ?? 0);
  if (headless && opts.carryColumns && fitsColumns(found, opts.carryColumns)) found = opts.carryColumns.map((c) => [...c] as [number, number]);
  const rows = rowsFor(lines, found, numeric.length > 0, { ...opts, bands: grid?.bands ?? null, cellLeft: found === grid?.cols ? grid.cellLeft : undefined });
  if (rows) lastColumns = found;
  return rows;
}

/** Columns of the last table built (read by layoutPageWithColumns). */
let lastColumns: Array<[number, number]> | null = null;

/**
 * The columns found on a continuation page are the previous page's columns minus some left empty here:
 * each found column overlaps one earlier column, in order, and the earlier set has more of them.
 */
function fitsColumns(found: Array<[number, number]>, prev: Array<[number, number]>): boolean {
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
    if (best <= last || bestOv < 0.5 * Math.min(b - a, prev[best][1] - prev[best][0])) return false;
    // a found column reaching well into a neighbouring earlier column is not one of them
    if (prev.some(([c, d], k) => k !== best && Math.min(b, d) - Math.max(a, c) > 0.3 * (d - c))) return false;
    last = best;
  }
  return true;
}

interface Grid {
  /** Columns bounded by vertical rules (null: the rules do not bound the body's cells). */
  cols: Array<[number, number]> | null;
  /** Left edge of the ruled cell holding a piece of a line (the nearest vertical rule to its left). */
  cellLeft: (l: VLine, p: Piece) => number | null;
  /** Row boundaries (y of horizontal rules across the table), null when they do not separate rows. */
  bands: number[] | null;
}

/** Collinear pieces of rules (one per cell side) joined into whole rules. */
function joinRules<T>(items: T[], pos: (r: T) => number, lo: (r: T) => number, hi: (r: T) => number): Array<{ p: number; a: number; b: number }> {
  const sorted = [...items].sort((x, y) => pos(x) - pos(y) || lo(x) - lo(y));
  const lanes: Array<Array<{ p: number; a: number; b: number }>> = [];
  for (const r of sorted) {
    const lane = lanes[lanes.length - 1];
    if (lane && Math.abs(pos(r) - lane[0].p) <= 1) lane.push({ p: lane[0].p, a: lo(r), b: hi(r) });
    else lanes.push([{ p: pos(r), a: lo(r), b: hi(r) }]);
  }
  return lanes.flatMap((lane) => {
    lane.sort((x, y) => x.a - y.a);
    const out: Array<{ p: number; a: number; b: number }> = [];
    for (const seg of lane) {
      const last = out[out.length - 1];
      if (last && seg.a <= last.b + 2) last.b = Math.max(last.b, seg.b);
      else out.push({ ...seg });
    }
    return out;
  });
}

const joinedCache = new WeakMap<Rules, { vs: Array<{ p: number; a: number; b: number }>; hs: Array<{ p: number; a: number; b: number }> }>();

function joined(rules: Rules): { vs: Array<{ p: number; a: number; b: number }>; hs: Array<{ p: number; a: number; b: number }> } {
  let j = joinedCache.get(rules);
  if (!j) {
    j = {
      vs: joinRules<VRule>(rules.v, (r) => r.x, (r) => r.y0, (r) => r.y1),
      hs: joinRules<HRule>(rules.h, (r) => r.y, (r) => r.x0, (r) => r.x1),
    };
    joinedCache.set(rules, j);
  }
  return j;
}

/**
 * The grid a table is drawn with, read from the page's rules. Columns: x positions of vertical rules
 * crossing most body lines (a column empty in every row is still bounded). Rows: horizontal rules
 * spanning most of the table; a body row is everything between two of them (a name wrapping over three
 * lines around vertically centred amounts). Each part is used only when it fits the text: no body cell
 * may straddle a column rule, and the rules must separate the rows (not a three-line table's top,
 * header and bottom rules, which would make one row of the whole body).
 */
function ruledGrid(lines: VLine[], numeric: VLine[], rules: Rules): Grid | null {
  if (numeric.length === 0 || (rules.v.length === 0 && rules.h.length === 0)) return null;
  const size = median(numeric.map((l) => l.size));
  const mid = (l: VLine) => l.y - 0.35 * l.size;
  const { vs, hs: hAll } = joined(rules);
  // from the region's top: the rule closing the header is the first body row's upper bound
  const yLo = Math.min(mid(numeric[0]), mid(lines[0])) - 1.5 * size;
  const yHi = mid(lines[lines.length - 1]) + 1.5 * size;
  const vNear = vs.filter((r) => r.b >= yLo && r.a <= yHi);
  // x positions crossing each numeric line's middle, clustered over lines
  const counts: Array<{ x: number; n: number }> = [];
  for (const l of numeric) {
    const xs = vNear.filter((r) => r.a <= mid(l) && r.b >= mid(l)).map((r) => r.p);
    for (const x of new Set(xs.map((x) => Math.round(x)))) {
      const c = counts.find((k) => Math.abs(k.x - x) <= 1.5);
      if (c) c.n++;
      else counts.push({ x, n: 1 });
    }
  }
  // (a double rule, two strokes a hair apart, is one boundary)
  const xs = counts
    .filter((c) => c.n >= 0.6 * numeric.length)
    .map((c) => c.x)
    .sort((a, b) => a - b)
    .filter((x, k, all) => k === 0 || x - all[k - 1] >= 0.6 * size);
  let cols: Array<[number, number]> | null = null;
  if (xs.length >= 3) {
    cols = xs.slice(1).map((x, k) => [xs[k], x] as [number, number]);
    const ps = numeric.flatMap((l) => pieces(l));
    const straddle = ps.filter((p) => {
      const w = Math.max(p.x1 - p.x0, 1e-6);
      return !cols!.some(([a, b]) => Math.min(b, p.x1) - Math.max(a, p.x0) >= 0.8 * w);
    });
    if (straddle.length > 0.1 * ps.length) cols = null;
  }
  const left = cols ? cols[0][0] : Math.min(...numeric.map((l) => l.runs[0].x0));
  const right = cols ? cols[cols.length - 1][1] : Math.max(...numeric.map((l) => l.runs[l.runs.length - 1].x1));
  const hs = hAll
    .filter((r) => r.p >= yLo && r.p <= yHi && Math.min(r.b, right) - Math.max(r.a, left) >= 0.6 * (right - left))
    .map((r) => r.p);
  let bands: number[] | null = null;
  if (hs.length >= 2) {
    const ys = [...new Set(hs.map((y) => Math.round(y * 2) / 2))].sort((a, b) => a - b);
    const band = (l: VLine) => {
      const m = mid(l);
      const k = ys.findIndex((y) => y > m);
      return k <= 0 ? -1 : k;
    };
    // lines that are whole amounts (not the tail of one wrapped in a narrow cell)
    const whole = numeric.filter((l) => pieces(l).some((p) => isNumberText(p.text) && p.text.replace(/\s/g, '').length >= 3));
    const used = new Set(numeric.map(band).filter((k) => k > 0));
    if (used.size >= 2 && used.size >= 0.5 * whole.length) bands = ys;
  }
  if (!cols && !bands) return null;
  const cellLeft = (l: VLine, p: Piece): number | null => {
    const m = mid(l);
    let best: number | null = null;
    for (const r of vs) if (r.a <= m && r.b >= m && r.p <= p.x0 + 1 && (best === null || r.p > best)) best = r.p;
    return best;
  };
  return { cols, bands, cellLeft };
}

/**
 * A 栏次 row (`** ** 1 2 3 …`) numbers every amount column, empty ones included: its centres are
 * the skeleton of the amount columns (boundaries half-way between them); the label columns before
 * the first number keep the boundaries found from the body text.
 */
function skeletonColumns(numberRow: VLine, body: VLine[]): Array<[number, number]> | null {
  const sk = pieces(numberRow);
  const first = sk.findIndex((p) => /^\d+$/.test(p.text.trim()));
  const digits = sk.slice(first);
  if (first < 0 || digits.length < 3) return null;
  const c = (p: Piece) => (p.x0 + p.x1) / 2;
  const step = c(digits[1]) - c(digits[0]);
  const leftBound = first > 0 ? (c(sk[first - 1]) + c(digits[0])) / 2 : c(digits[0]) - step / 2;
  const out: Array<[number, number]> = [];
  const text = body.flatMap((l) => pieces(l)).filter((p) => c(p) < leftBound);
  const labels = findColumns([{ y: 0, size: body[0]?.size ?? 1, runs: [{ x0: 0, x1: 0, text: '', pieces: text }] }]);
  for (const [a, b] of labels) out.push([a, Math.min(b, leftBound)]);
  digits.forEach((p, k) => {
    const lo = k === 0 ? leftBound : (c(digits[k - 1]) + c(p)) / 2;
    const hi = k === digits.length - 1 ? 1e9 : (c(p) + c(digits[k + 1])) / 2;
    out.push([lo, hi]);
  });
  if (out.length === digits.length) out[0][0] = -1e9;
  return out;
}

/** Body lines between the same two horizontal rules are one row. */
function groupBands(rows: Row[], lines: VLine[], ys: number[]): Row[] {
  const out: Row[] = [];
  let lastBand = -1;
  rows.forEach((r, k) => {
    const m = lines[k].y - 0.35 * lines[k].size;
    const b = ys.findIndex((y) => y > m);
    const inside = b > 0;
    const row = { ...r, cells: [...r.cells] };
    if (inside && b === lastBand && out.length > 0) {
      const t = out[out.length - 1];
      mergeInto(t, row, false);
      t.hasNumber = t.hasNumber || row.hasNumber;
    } else out.push(row);
    lastBand = inside ? b : -1;
  });
  return out;
}

function rowsFor(
  lines: VLine[],
  cols: Array<[number, number]>,
  hasNumeric: boolean,
  opts: LayoutOptions & { bands?: number[] | null; cellLeft?: (l: VLine, p: Piece) => number | null },
): Array<{ row: Row; kind: 'header' | 'body' }> | null {
  if (cols.length < 2) return null;
  const numeric = hasNumeric ? [1] : [];
  const size = median(lines.map((l) => l.size));
  const firstNumeric = lines.findIndex((l) => l.runs.length >= 2 && hasAmount(l) && !isColumnNumberLine(l));
  // header cells only: a spanning header (基本支出 over 人员经费/公用经费) goes to its first column
  const rows = lines.map((l, k) => toRow(l, cols, k < firstNumeric ? opts.cellLeft : undefined));
  rows.forEach((r, k) => {
    if (isColumnNumberLine(lines[k])) r.hasNumber = false;
  });
  const lead = opts.leadIn ?? 0;
  const found = rows.findIndex((r) => (numeric.length > 0 ? r.hasNumber : filled(r).length >= 2));
  let first = lead > 0 && found === lead ? 0 : found;
  // Ruled rows: the lines above the first row's amounts inside its band (below the header's rule) are
  // that row's, not the header's (a goal paragraph or name wrapping above vertically centred amounts).
  if (opts.bands && numeric.length > 0 && first > 0) {
    const ys = opts.bands;
    const bandOf = (l: VLine) => {
      const k = ys.findIndex((y) => y > l.y - 0.35 * l.size);
      return k <= 0 ? -1 : k;
    };
    const b = bandOf(lines[first]);
    if (b > 0) while (first > 0 && bandOf(lines[first - 1]) === b) first--;
    // ruled rows without amounts before the first with one ("（十七）金融支出" at the top of a page
    // continuing a 收支总表): from the first numbered item label or code on, rows, not header
    const item = rows.findIndex((r, k) => k < first && ITEM_LABEL.test((r.cells.find((c) => c.trim()) ?? '').trim()));
    if (item >= 0) first = item;
  }
  const head = mergeHeader(rows.slice(0, Math.max(first, 0)), size);
  let bodyRows = rows.slice(Math.max(first, 0));
  if (opts.bands && numeric.length > 0) bodyRows = groupBands(bodyRows, lines.slice(Math.max(first, 0)), opts.bands);
  // (the page's leading lines, the tail of a row broken by the page, still join the first row)
  const leadY = lead > 0 && lead < lines.length ? lines[lead].y : -Infinity;
  const rest = numeric.length > 0 ? mergeBody(bodyRows, size, opts.monospace ?? false, opts.bands ?? null, leadY) : bodyRows;
  return [...head.map((row) => ({ row, kind: 'header' as const })), ...rest.map((row) => ({ row, kind: 'body' as const }))];
}

/**
 * A title set in a large font that wraps over several lines (cover pages: `2026 年深圳市…部` / `门预算`)
 * is one logical line: join consecutive single-run lines of the same large size.
 */
function joinTitles(lines: VLine[], bodySize?: number): VLine[] {
  const body = bodySize ?? median(lines.map((l) => l.size));
  const out: VLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const big = (v: VLine) => v.runs.length === 1 && v.size >= 1.3 * body;
    if (prev && big(prev) && big(l) && Math.abs(prev.size - l.size) <= 0.1 * l.size && l.y - prev.y <= 1.9 * l.size) {
      const a = prev.runs[0];
      const b = l.runs[0];
      out[out.length - 1] = { ...prev, runs: [{ x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), text: joinText(a.text.trim(), b.text.trim()), pieces: [...a.pieces, ...b.pieces] }] };
    } else out.push(l);
  }
  return out;
}

/** Lay out one page. */
export function layoutPage(input: VLine[], opts: LayoutOptions = {}): OutLine[] {
  return layoutPageWithColumns(input, opts).lines;
}

/** Lay out one page and report its last table's columns (for a continuation on the next page). */
export function layoutPageWithColumns(input: VLine[], opts: LayoutOptions = {}): PageLayout {
  lastColumns = null;
  let pageLast: Array<[number, number]> | null = null;
  let carry = opts.carryColumns ?? null;
  const lines = opts.monospace ? input : joinTitles(input, opts.bodySize);
  const out: OutLine[] = [];
  const n = lines.length;
  const toc = lines.map((l) => TOC_LINE.exec(lineText(l).trim()));
  const cand = lines.map((l, i) => !toc[i] && isCandidate(l));
  // Layout text: a blank line ends a table unless both neighbours are clearly rows (3+ cells).
  const closeTo = (a: number, b: number) =>
    opts.monospace
      ? lines[b].y - lines[a].y <= (lines[a].runs.length >= 3 && lines[b].runs.length >= 3 ? 2 : 1)
      : lines[b].y - lines[a].y <= (cand[a] && cand[b] ? 5 : 3.2) * Math.max(lines[a].size, lines[b].size);
  let prevY: number | null = null;
  let prevSize = 0;
  const pushText = (l: VLine, text: string, kind: OutKind) => {
    if (prevY !== null && l.y - prevY > (opts.monospace ? 1.5 : 2.2 * Math.max(prevSize, l.size))) pushBlank();
    out.push({ text, kind });
    prevY = l.y;
    prevSize = l.size;
  };
  const pushBlank = () => {
    if (out.length > 0 && out[out.length - 1].kind !== 'blank') out.push({ text: '', kind: 'blank' });
  };
  // A single-run line just above a row with an amount: the upper part of a cell wrapping around the
  // row's vertically centred amounts.
  const aboveRow = (k: number) =>
    !opts.monospace && k + 1 < n && cand[k + 1] && hasAmount(lines[k + 1]) && lines[k + 1].y - lines[k].y <= 1.5 * lines[k + 1].size && lines[k].size <= 1.25 * lines[k + 1].size;
  // With ruling lines: a line below row j inside the row's horizontal extent, with no rule across the
  // row between them and a rule closing the band below: more text of one of the row's cells (a tall
  // wrapped cell such as a 绩效目标 paragraph), however many lines it takes.
  const hRules = opts.rules && !opts.monospace ? joined(opts.rules).hs : null;
  const sameCell = (j: number, k: number): boolean => {
    if (!hRules || hRules.length === 0) return false;
    const a = lines[j].runs[0].x0;
    const b = lines[j].runs[lines[j].runs.length - 1].x1;
    const sz = lines[j].size;
    const lk = lines[k];
    if (lk.runs[0].x0 < a - sz || lk.runs[lk.runs.length - 1].x1 > b + 2 * sz || lk.size > 1.25 * sz) return false;
    // the lines of one cell follow each other closely
    if (k > 0 && lk.y - lines[k - 1].y > 2.5 * sz) return false;
    const across = (r: { a: number; b: number }) => Math.min(r.b, b) - Math.max(r.a, a) >= 0.6 * (b - a);
    const yj = lines[j].y - 0.35 * sz;
    const yk = lk.y - 0.35 * lk.size;
    if (hRules.some((r) => r.p > yj && r.p < yk && across(r))) return false;
    // a rule above the row and one closing the band not far below (an open-ended last row is not a band)
    return hRules.some((r) => r.p < yj && across(r)) && hRules.some((r) => r.p > yk && r.p < yk + 30 * sz && across(r));
  };
  // With vertical rules: a line enclosed by the same ruled frame as the region so far (the innermost
  // vertical rules around the region's extent at line j, running on unbroken down to line k) is inside
  // the table, whatever it holds: the goal paragraph of a row whose amounts' line leaves that column
  // empty, or many wrapped lines above a row's vertically centred amounts.
  const vRules = opts.rules && !opts.monospace ? joined(opts.rules).vs : null;
  const framed = (j: number, k: number, x0: number, x1: number): boolean => {
    if (!vRules || vRules.length === 0 || k <= j) return false;
    const lj = lines[j];
    const lk = lines[k];
    const sz = lj.size;
    // the lines of a table follow each other closely (a wide gap can be the end of one form section)
    if (lk.size > 1.25 * sz || lk.y - lines[k - 1].y > 2.5 * sz) return false;
    const mj = lj.y - 0.35 * sz;
    const mk = lk.y - 0.35 * lk.size;
    const at = vRules.filter((r) => r.a <= mj && r.b >= mj);
    // a table row: its columns' rules cross it, not just a frame around the page
    if (at.length < 3) return false;
    const l = at.filter((r) => r.p <= x0 + 1).sort((a, b) => b.p - a.p)[0];
    const r = at.filter((r) => r.p >= x1 - 1).sort((a, b) => a.p - b.p)[0];
    if (!l || !r || r.p - l.p < 4 * sz) return false;
    // the same columns go on: the inner rules at line j run on to line k too (a form whose lower part has
    // other columns inside the same outer frame is another table)
    const inner = at.filter((v) => v.p > l.p + 1 && v.p < r.p - 1);
    if (inner.length < 1 || inner.some((v) => v.b < mk)) return false;
    if (vRules.some((v) => v.p > l.p + 1 && v.p < r.p - 1 && v.a > mj && v.a < mk)) return false;
    return l.b >= mk && r.b >= mk && lk.runs[0].x0 >= l.p - 1 && lk.runs[lk.runs.length - 1].x1 <= r.p + 1;
  };
  // Where each text line went in `out` (a header line taken back into the table below it).
  const textAt: number[] = [];
  // Line k, a text line just above line `first` (a region's first line), inside the ruled frame around
  // `first`: the frame's outer vertical rules run up past k and k lies between them.
  const headerAbove = (k: number, first: number): boolean => {
    if (!vRules || vRules.length === 0 || textAt[k] === undefined || cand[k] || toc[k]) return false;
    const lk = lines[k];
    const lf = lines[first];
    const sz = lf.size;
    if (UNIT_LINE.test(lineText(lk)) || lk.size > 1.25 * sz || lines[k + 1].y - lk.y > 2.5 * sz) return false;
    const mf = lf.y - 0.35 * sz;
    const mk = lk.y - 0.35 * lk.size;
    const at = vRules.filter((r) => r.a <= mf && r.b >= mf);
    if (at.length < 3) return false;
    const l = at.reduce((a, b) => (b.p < a.p ? b : a));
    const r = at.reduce((a, b) => (b.p > a.p ? b : a));
    return l.a <= mk && r.a <= mk && lk.runs[0].x0 >= l.p - 1 && lk.runs[lk.runs.length - 1].x1 <= r.p + 1;
  };
  // Lines at the top of a page continuing into its first table row (a row wrapping over the page break
  // whose upper text line starts the page): tried as part of that row.
  let lead = 0;
  while (lead < n && !cand[lead] && !toc[lead] && !UNIT_LINE.test(lineText(lines[lead]))) lead++;
  if (!(lead > 0 && lead <= 2 && lead < n && aboveRow(lead - 1) && (lead === 1 || lines[lead - 1].y - lines[lead - 2].y <= 1.5 * lines[lead].size))) lead = 0;
  let i = lead;
  while (i < n) {
    if (!cand[i]) {
      const m = toc[i];
      textAt[i] = out.length;
      pushText(lines[i], m ? m[1].trim() : lineText(lines[i]), m ? 'toc' : 'text');
      i++;
      continue;
    }
    // Extend the region over candidate lines, bridging up to two single-run lines.
    let j = i;
    let count = 1;
    let left = lines[i].runs[0].x0;
    let right = lines[i].runs[lines[i].runs.length - 1].x1;
    // the region's last line with an amount: the row whose ruled band later lines may still be in
    let anchor = hasAmount(lines[i]) ? i : -1;
    const inCell = (k: number) => (anchor >= 0 && sameCell(anchor, k)) || framed(j, k, left, right);
    while (j + 1 < n) {
      let k = j + 1;
      // Single-cell lines inside a table (wrapped text, label-only rows) start near the table's left edge.
      const size0 = lines[i].size;
      while (
        k < n && !cand[k] && !toc[k] &&
        (inCell(k) ||
          (k <= j + 6 && closeTo(k - 1, k) &&
            lines[k].size <= 1.25 * size0 &&
            (lines[k].runs[0].x0 <= left + 3 * size0 ||
              (UNIT_LINE.test(lineText(lines[k])) === false && lines[k].runs[0].x0 >= left && (lines[k].y - lines[k - 1].y <= 2.2 * size0 || aboveRow(k))))))
      ) k++;
      if (k < n && (k <= j + 6 || inCell(k - 1)) && cand[k] && (closeTo(k - 1, k) || inCell(k - 1))) {
        left = Math.min(left, lines[k].runs[0].x0);
        right = Math.max(right, lines[k].runs[lines[k].runs.length - 1].x1);
        j = k;
        if (hasAmount(lines[k])) anchor = k;
        count++;
      } else break;
    }
    // The unit line above a table is text, not a row.
    let s = i;
    while (s < j && lines[s].runs.length <= 3 && UNIT_LINE.test(lineText(lines[s]))) {
      pushText(lines[s], lineText(lines[s]), 'text');
      s++;
      count--;
    }
    // Single-cell lines right above the region inside its ruled frame are header lines: the upper
    // lines of tall header cells (a spanning "2026年政府采购项目" over 小计/其中…, wrapped "其中：2026年"
    // cells beside it) come before the first line with several cells. Taken back from the text.
    if (s === i) {
      let up = s;
      while (up > 0 && headerAbove(up - 1, i)) up--;
      if (up < s) {
        out.length = textAt[up];
        count += s - up;
        s = up;
      }
    }
    // Lines just below the last row, inside its text columns: the lower part of a wrapped cell.
    let t = j;
    const size1 = lines[j].size;
    while (
      !opts.monospace && t + 1 < n && !cand[t + 1] && !toc[t + 1] &&
      (inCell(t + 1) ||
        (t + 1 <= j + 2 && lines[t + 1].y - lines[t].y <= 1.5 * size1 &&
          lines[t + 1].size <= 1.25 * size1 && lines[t + 1].runs[0].x0 >= left - size1 && !UNIT_LINE.test(lineText(lines[t + 1]))))
    ) t++;
    const from = i === lead && lead > 0 && s === i ? 0 : s;
    let table: ReturnType<typeof buildTable> = null;
    if (count >= 2 && (t > j || from < s)) {
      // Kept only when the extra lines joined rows (no row without an amount at either end).
      const tried = buildTable(lines.slice(from, t + 1), { ...opts, leadIn: s - from, carryColumns: carry });
      const last = tried?.[tried.length - 1];
      const firstBody = tried?.find((r) => r.kind === 'body');
      // (rows of their own inside the ruled frame need no amount: "（十六）商业服务业等支出" closing a page)
      let framedTail = t > j;
      for (let k = j + 1; k <= t && framedTail; k++) framedTail = framed(j, k, left, right);
      if (tried && (t === j || last?.row.hasNumber || framedTail) && (from === s || firstBody?.row.hasNumber)) {
        table = tried;
        j = t;
        s = from;
      }
    }
    if (from < s) for (let k = from; k < s; k++) pushText(lines[k], lineText(lines[k]), 'text');
    // a continuation starts the page: nothing of its own before its first row
    if (out.some((o) => o.kind !== 'blank')) carry = null;
    if (!table) table = count >= 2 ? buildTable(lines.slice(s, j + 1), { ...opts, carryColumns: carry }) : null;
    // only the page's first table can continue the previous page's
    carry = null;
    if (table) pageLast = lastColumns;
    if (!table) {
      for (let k = s; k <= j; k++) pushText(lines[k], lineText(lines[k]), 'text');
    } else {
      pushBlank();
      for (const { row, kind } of table) out.push({ text: row.cells.join('\t'), kind });
      pushBlank();
      prevY = null;
    }
    i = j + 1;
  }
  return { lines: out, lastColumns: pageLast };
}
