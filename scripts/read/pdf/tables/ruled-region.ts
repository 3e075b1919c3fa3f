/**
 * Where a ruled table's region runs, from its rules: which lines around the text-found region are still
 * inside the table's cells. Why apart from the region finder (page.ts): these tests need the page's
 * rules and nothing else of it, and an unruled page never calls them (they all answer false).
 */
import { lineText, type VLine } from '../geometry.js';
import type { Rules } from '../rules.js';
import { TOLERANCES } from '../tolerances.js';
import { UNIT_LINE, middle } from './cells.js';
import { joined } from './ruled.js';

const T = TOLERANCES.region;

export interface RuledRegionTests {
  /**
   * Line k below row j inside the row's horizontal extent, with no rule across the row between them
   * and a rule closing the band below: more text of one of the row's cells (a tall wrapped cell such as
   * a 绩效目标 paragraph), however many lines it takes.
   */
  sameCell(j: number, k: number): boolean;
  /**
   * Line k enclosed by the same ruled frame as the region from line j (the innermost vertical rules
   * around the region's extent x0–x1 at line j, running on unbroken down to line k) is inside the
   * table, whatever it holds: the goal paragraph of a row whose amounts' line leaves that column empty,
   * or many wrapped lines above a row's vertically centred amounts.
   */
  framed(j: number, k: number, x0: number, x1: number): boolean;
  /**
   * Line k, a text line just above line `first` (a region's first line), inside the ruled frame around
   * `first`: the frame's outer vertical rules run up past k and k lies between them.
   */
  headerAbove(k: number, first: number): boolean;
}

/**
 * The tests for one page. `rules` undefined (layout text, or a page without rules): all false.
 * `isText(k)`: line k was written as a text line (not a candidate row, not a contents entry).
 */
export function ruledRegionTests(lines: VLine[], rules: Rules | undefined, isText: (k: number) => boolean): RuledRegionTests {
  const hRules = rules ? joined(rules).hs : null;
  const vRules = rules ? joined(rules).vs : null;
  const sameCell = (j: number, k: number): boolean => {
    if (!hRules || hRules.length === 0) return false;
    const a = lines[j].runs[0].x0;
    const b = lines[j].runs[lines[j].runs.length - 1].x1;
    const sz = lines[j].size;
    const lk = lines[k];
    if (lk.runs[0].x0 < a - T.cellLeftSlack * sz || lk.runs[lk.runs.length - 1].x1 > b + T.cellRightSlack * sz || lk.size > T.maxSizeRatio * sz) return false;
    // the lines of one cell follow each other closely
    if (k > 0 && lk.y - lines[k - 1].y > T.cellLinesApart * sz) return false;
    const across = (r: { a: number; b: number }) => Math.min(r.b, b) - Math.max(r.a, a) >= T.ruleAcrossRow * (b - a);
    const yj = middle(lines[j].y, sz);
    const yk = middle(lk.y, lk.size);
    if (hRules.some((r) => r.p > yj && r.p < yk && across(r))) return false;
    // a rule above the row and one closing the band not far below (an open-ended last row is not a band)
    return hRules.some((r) => r.p < yj && across(r)) && hRules.some((r) => r.p > yk && r.p < yk + T.bandCloseReach * sz && across(r));
  };
  const framed = (j: number, k: number, x0: number, x1: number): boolean => {
    if (!vRules || vRules.length === 0 || k <= j) return false;
    const lj = lines[j];
    const lk = lines[k];
    const sz = lj.size;
    // the lines of a table follow each other closely (a wide gap can be the end of one form section)
    if (lk.size > T.maxSizeRatio * sz || lk.y - lines[k - 1].y > T.cellLinesApart * sz) return false;
    const mj = middle(lj.y, sz);
    const mk = middle(lk.y, lk.size);
    const at = vRules.filter((r) => r.a <= mj && r.b >= mj);
    // a table row: its columns' rules cross it, not just a frame around the page
    if (at.length < T.minCrossingRules) return false;
    const slack = T.ruleSlack;
    const l = at.filter((r) => r.p <= x0 + slack).sort((a, b) => b.p - a.p)[0];
    const r = at.filter((r) => r.p >= x1 - slack).sort((a, b) => a.p - b.p)[0];
    if (!l || !r || r.p - l.p < T.minFrameWidth * sz) return false;
    // the same columns go on: the inner rules at line j run on to line k too (a form whose lower part has
    // other columns inside the same outer frame is another table)
    const inner = at.filter((v) => v.p > l.p + slack && v.p < r.p - slack);
    if (inner.length < 1 || inner.some((v) => v.b < mk)) return false;
    if (vRules.some((v) => v.p > l.p + slack && v.p < r.p - slack && v.a > mj && v.a < mk)) return false;
    return l.b >= mk && r.b >= mk && lk.runs[0].x0 >= l.p - slack && lk.runs[lk.runs.length - 1].x1 <= r.p + slack;
  };
  const headerAbove = (k: number, first: number): boolean => {
    if (!vRules || vRules.length === 0 || !isText(k)) return false;
    const lk = lines[k];
    const lf = lines[first];
    const sz = lf.size;
    if (UNIT_LINE.test(lineText(lk)) || lk.size > T.maxSizeRatio * sz || lines[k + 1].y - lk.y > T.cellLinesApart * sz) return false;
    const mf = middle(lf.y, sz);
    const mk = middle(lk.y, lk.size);
    const at = vRules.filter((r) => r.a <= mf && r.b >= mf);
    if (at.length < T.minCrossingRules) return false;
    const l = at.reduce((a, b) => (b.p < a.p ? b : a));
    const r = at.reduce((a, b) => (b.p > a.p ? b : a));
    return l.a <= mk && r.a <= mk && lk.runs[0].x0 >= l.p - T.ruleSlack && lk.runs[lk.runs.length - 1].x1 <= r.p + T.ruleSlack;
  };
  return { sameCell, framed, headerAbove };
}
