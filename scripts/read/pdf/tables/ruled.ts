/**
 * The ruled reader: a table's cells from the rules it is drawn with (rules.ts). Vertical rules crossing
 * most body lines are the column boundaries (a column empty in every row is still bounded); horizontal
 * rules spanning the table cut it into row bands, and a body row is everything inside one band (a name
 * wrapping over three lines around vertically centred amounts). Each part is used only when it fits the
 * text: no body cell may straddle a column rule, and the rules must separate the rows (not a three-line
 * table's top, header and bottom rules, which would make one row of the whole body).
 */
import { isNumberText, median, type Piece, type VLine } from '../geometry.js';
import type { HRule, Rules, VRule } from '../rules.js';
import { TOLERANCES } from '../tolerances.js';
import { mergeInto, middle, pieces } from './cells.js';
import type { CellLeft, Column, Row } from './types.js';

const T = TOLERANCES.grid;

/** A whole rule: its position across (p) and its extent along (a to b). */
export interface JoinedRule {
  p: number;
  a: number;
  b: number;
}

/** What the rules say about one table; either part may be missing. */
export interface RuledGrid {
  /** Columns bounded by vertical rules (null: the rules do not bound the body's cells). */
  cols: Column[] | null;
  /** Left edge of the ruled cell holding a piece of a line (the nearest vertical rule to its left). */
  cellLeft: CellLeft;
  /** Row boundaries (y of horizontal rules across the table), null when they do not separate rows. */
  bands: number[] | null;
}

/** Collinear pieces of rules (one per cell side) joined into whole rules. */
function joinRules<R>(items: R[], pos: (r: R) => number, lo: (r: R) => number, hi: (r: R) => number): JoinedRule[] {
  const sorted = [...items].sort((x, y) => pos(x) - pos(y) || lo(x) - lo(y));
  const lanes: JoinedRule[][] = [];
  for (const r of sorted) {
    const lane = lanes[lanes.length - 1];
    if (lane && Math.abs(pos(r) - lane[0].p) <= TOLERANCES.rules.collinearSlack) lane.push({ p: lane[0].p, a: lo(r), b: hi(r) });
    else lanes.push([{ p: pos(r), a: lo(r), b: hi(r) }]);
  }
  return lanes.flatMap((lane) => {
    lane.sort((x, y) => x.a - y.a);
    const out: JoinedRule[] = [];
    for (const seg of lane) {
      const last = out[out.length - 1];
      if (last && seg.a <= last.b + TOLERANCES.rules.joinGap) last.b = Math.max(last.b, seg.b);
      else out.push({ ...seg });
    }
    return out;
  });
}

const joinedCache = new WeakMap<Rules, { vs: JoinedRule[]; hs: JoinedRule[] }>();

/** A page's rules joined into whole vertical (vs) and horizontal (hs) rules, once per page. */
export function joined(rules: Rules): { vs: JoinedRule[]; hs: JoinedRule[] } {
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

/** The grid a table region is drawn with, read from the page's rules (null when they give neither part). */
export function ruledGrid(lines: VLine[], numeric: VLine[], rules: Rules): RuledGrid | null {
  if (numeric.length === 0 || (rules.v.length === 0 && rules.h.length === 0)) return null;
  const size = median(numeric.map((l) => l.size));
  const mid = (l: VLine) => middle(l.y, l.size);
  const { vs, hs: hAll } = joined(rules);
  // from the region's top: the rule closing the header is the first body row's upper bound
  const yLo = Math.min(mid(numeric[0]), mid(lines[0])) - T.searchMargin * size;
  const yHi = mid(lines[lines.length - 1]) + T.searchMargin * size;
  const vNear = vs.filter((r) => r.b >= yLo && r.a <= yHi);
  // x positions crossing each numeric line's middle, clustered over lines
  const counts: Array<{ x: number; n: number }> = [];
  for (const l of numeric) {
    const xs = vNear.filter((r) => r.a <= mid(l) && r.b >= mid(l)).map((r) => r.p);
    for (const x of new Set(xs.map((x) => Math.round(x)))) {
      const c = counts.find((k) => Math.abs(k.x - x) <= T.columnRuleCluster);
      if (c) c.n++;
      else counts.push({ x, n: 1 });
    }
  }
  // (a double rule, two strokes a hair apart, is one boundary)
  const xs = counts
    .filter((c) => c.n >= T.columnRuleCoverage * numeric.length)
    .map((c) => c.x)
    .sort((a, b) => a - b)
    .filter((x, k, all) => k === 0 || x - all[k - 1] >= T.doubleRuleGap * size);
  let cols: Column[] | null = null;
  if (xs.length >= T.minColumnRules) {
    cols = xs.slice(1).map((x, k) => [xs[k], x] as Column);
    const ps = numeric.flatMap((l) => pieces(l));
    const straddle = ps.filter((p) => {
      const w = Math.max(p.x1 - p.x0, TOLERANCES.rows.minExtent);
      return !cols!.some(([a, b]) => Math.min(b, p.x1) - Math.max(a, p.x0) >= T.pieceInsideColumn * w);
    });
    if (straddle.length > T.maxStraddling * ps.length) cols = null;
  }
  const left = cols ? cols[0][0] : Math.min(...numeric.map((l) => l.runs[0].x0));
  const right = cols ? cols[cols.length - 1][1] : Math.max(...numeric.map((l) => l.runs[l.runs.length - 1].x1));
  const hs = hAll
    .filter((r) => r.p >= yLo && r.p <= yHi && Math.min(r.b, right) - Math.max(r.a, left) >= T.rowRuleSpan * (right - left))
    .map((r) => r.p);
  let bands: number[] | null = null;
  if (hs.length >= 2) {
    const ys = [...new Set(hs.map((y) => Math.round(y * T.rowRuleResolution) / T.rowRuleResolution))].sort((a, b) => a - b);
    const band = (l: VLine) => {
      const m = mid(l);
      const k = ys.findIndex((y) => y > m);
      return k <= 0 ? -1 : k;
    };
    // lines that are whole amounts (not the tail of one wrapped in a narrow cell)
    const whole = numeric.filter((l) => pieces(l).some((p) => isNumberText(p.text) && p.text.replace(/\s/g, '').length >= T.minWholeAmount));
    const used = new Set(numeric.map(band).filter((k) => k > 0));
    if (used.size >= 2 && used.size >= T.minBandShare * whole.length) bands = ys;
  }
  if (!cols && !bands) return null;
  const cellLeft = (l: VLine, p: Piece): number | null => {
    const m = mid(l);
    let best: number | null = null;
    for (const r of vs) if (r.a <= m && r.b >= m && r.p <= p.x0 + T.cellLeftSlack && (best === null || r.p > best)) best = r.p;
    return best;
  };
  return { cols, bands, cellLeft };
}

/** Index of the ruled band a point lies in (0: above the first rule; -1 when `ys` has none below it). */
export function bandIndex(bands: number[], y: number): number {
  return bands.findIndex((b) => b > y);
}

/** Body lines between the same two horizontal rules are one row. */
export function groupBands(rows: Row[], lines: VLine[], ys: number[]): Row[] {
  const out: Row[] = [];
  let lastBand = -1;
  rows.forEach((r, k) => {
    const b = bandIndex(ys, middle(lines[k].y, lines[k].size));
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
