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
 * columns, closer to a neighbouring row than the row pitch) are merged into their logical row.
 */
import { isNumberText, joinText, lineText, median, type Piece, type VLine } from './geometry.js';

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

function toRow(l: VLine, cols: Array<[number, number]>): Row {
  const cells = cols.map(() => '');
  for (const p of pieces(l)) {
    const c = columnOf(p, cols);
    cells[c] = joinText(cells[c], p.text);
  }
  return { cells, y0: l.y, y1: l.y, hasNumber: cells.some(isNumberText) && hasAmount(l) };
}

function filled(r: Row): number[] {
  return r.cells.flatMap((c, i) => (c.trim() ? [i] : []));
}

function mergeInto(target: Row, frag: Row, above: boolean): void {
  frag.cells.forEach((t, i) => {
    if (!t) return;
    target.cells[i] = above ? joinText(t, target.cells[i]) : joinText(target.cells[i], t);
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

/** Body lines without numbers whose cells continue text cells of the nearest row are wrapped text. */
function mergeBody(rows: Row[], size: number, monospace: boolean): Row[] {
  const bodyY = rows.filter((r) => r.hasNumber).map((r) => r.y0);
  const gaps = bodyY.slice(1).map((y, i) => y - bodyY[i]).filter((g) => g > 0);
  const pitch = gaps.length ? median(gaps) : 2 * size;
  const limit = monospace ? 0 : 0.8 * pitch;
  const out = rows.map((r) => ({ ...r, cells: [...r.cells] }));
  const alive = out.map(() => true);
  const continues = (frag: Row, t: Row) => filled(frag).every((i) => t.cells[i] && !isNumberText(t.cells[i]));
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
  const cols = numberRow ? skeletonColumns(numberRow, body.filter((l) => l !== numberRow)) : null;
  const found = cols ?? findColumns(body);
  if (!cols) addHeaderColumns(found, lines.slice(0, Math.max(0, lines.indexOf(body[0]))));
  return rowsFor(lines, found, numeric.length > 0, opts);
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

function rowsFor(lines: VLine[], cols: Array<[number, number]>, hasNumeric: boolean, opts: LayoutOptions): Array<{ row: Row; kind: 'header' | 'body' }> | null {
  if (cols.length < 2) return null;
  const numeric = hasNumeric ? [1] : [];
  const size = median(lines.map((l) => l.size));
  const rows = lines.map((l) => toRow(l, cols));
  rows.forEach((r, k) => {
    if (isColumnNumberLine(lines[k])) r.hasNumber = false;
  });
  const first = rows.findIndex((r) => (numeric.length > 0 ? r.hasNumber : filled(r).length >= 2));
  const head = mergeHeader(rows.slice(0, Math.max(first, 0)), size);
  const rest = numeric.length > 0 ? mergeBody(rows.slice(Math.max(first, 0)), size, opts.monospace ?? false) : rows.slice(Math.max(first, 0));
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
  let i = 0;
  while (i < n) {
    if (!cand[i]) {
      const m = toc[i];
      pushText(lines[i], m ? m[1].trim() : lineText(lines[i]), m ? 'toc' : 'text');
      i++;
      continue;
    }
    // Extend the region over candidate lines, bridging up to two single-run lines.
    let j = i;
    let count = 1;
    let left = lines[i].runs[0].x0;
    while (j + 1 < n) {
      let k = j + 1;
      // Single-cell lines inside a table (wrapped text, label-only rows) start near the table's left edge.
      const size0 = lines[i].size;
      while (
        k < n && k <= j + 6 && !cand[k] && !toc[k] && closeTo(k - 1, k) &&
        lines[k].size <= 1.25 * size0 && (lines[k].runs[0].x0 <= left + 3 * size0 || UNIT_LINE.test(lineText(lines[k])) === false && lines[k].runs[0].x0 >= left && lines[k].y - lines[k - 1].y <= 2.2 * size0)
      ) k++;
      if (k < n && k <= j + 6 && cand[k] && closeTo(k - 1, k)) {
        left = Math.min(left, lines[k].runs[0].x0);
        j = k;
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
    const table = count >= 2 ? buildTable(lines.slice(s, j + 1), opts) : null;
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
  return out;
}
