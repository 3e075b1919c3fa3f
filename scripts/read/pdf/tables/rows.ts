/**
 * The row builder: a table region's lines, cut by a `CellLayout` from either reader, become header and
 * body rows. Wrapped header cells (`一般公共预` / `算`) join the header row above them; a body line
 * without amounts whose cells continue text cells of the nearest row (closer than the row pitch) is
 * that row's wrapped text — a text column the row leaves empty counts too (a name wrapping over two or
 * three lines beside vertically centred amounts has no text on the amounts' line). With ruled bands,
 * lines in one band are one row and lines in different bands never join.
 */
import { isNumberText, median, type VLine } from '../geometry.js';
import { TOLERANCES } from '../tolerances.js';
import { ITEM_LABEL, filled, isColumnNumberLine, isAmountRow, mergeInto, middle, toRow } from './cells.js';
import { bandIndex, groupBands } from './ruled.js';
import type { CellLayout, LayoutOptions, Row } from './types.js';

const T = TOLERANCES.rows;

/** Header lines: a line whose cells all sit under cells of an earlier, close header row continues it. */
function mergeHeader(rows: Row[], size: number): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    const f = filled(r);
    let merged = false;
    for (let k = out.length - 1; k >= 0 && k >= out.length - T.headerLookBack; k--) {
      const t = out[k];
      if (r.y0 - t.y1 > T.headerWrapGap * size) break;
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
function mergeBody(rows: Row[], size: number, monospace: boolean, bands: number[] | null = null, leadY = -Infinity): Row[] {
  const bodyY = rows.filter((r) => r.hasNumber).map((r) => r.y0);
  const gaps = bodyY.slice(1).map((y, i) => y - bodyY[i]).filter((g) => g > 0);
  const pitch = gaps.length ? median(gaps) : T.defaultPitch * size;
  const limit = monospace ? 0 : T.wrapPitchShare * pitch;
  const out = rows.map((r) => ({ ...r, cells: [...r.cells] }));
  const alive = out.map(() => true);
  // A fragment continues a row's text cells; a text column the row leaves empty also counts: a name
  // wrapping over several lines next to vertically centred amounts has no text on the amounts' line.
  const textCols = new Set(out.flatMap((r) => (r.hasNumber ? r.cells.flatMap((c, k) => (c && !isNumberText(c) ? [k] : [])) : [])));
  // a horizontal rule between two lines ends a cell: lines in different ruled rows never join (a summary
  // whose rows mostly have no amount, "五、事业收入" under "四、财政专户管理资金收入")
  const band = (r: Row) => (bands ? bandIndex(bands, middle(r.y0, size)) : -1);
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

/** A region's lines cut into cells → header rows then body rows (null when fewer than two columns). */
export function rowsFor(
  lines: VLine[],
  layout: CellLayout,
  hasNumeric: boolean,
  opts: LayoutOptions,
): Array<{ row: Row; kind: 'header' | 'body' }> | null {
  const { cols, bands, cellLeft } = layout;
  if (cols.length < 2) return null;
  const size = median(lines.map((l) => l.size));
  const firstNumeric = lines.findIndex(isAmountRow);
  // header cells only: a spanning header (基本支出 over 人员经费/公用经费) goes to its first column
  const rows = lines.map((l, k) => toRow(l, cols, k < firstNumeric ? cellLeft : undefined));
  rows.forEach((r, k) => {
    if (isColumnNumberLine(lines[k])) r.hasNumber = false;
  });
  const lead = opts.leadIn ?? 0;
  const found = rows.findIndex((r) => (hasNumeric ? r.hasNumber : filled(r).length >= 2));
  let first = lead > 0 && found === lead ? 0 : found;
  // Ruled rows: the lines above the first row's amounts inside its band (below the header's rule) are
  // that row's, not the header's (a goal paragraph or name wrapping above vertically centred amounts).
  if (bands && hasNumeric && first > 0) {
    const bandOf = (l: VLine) => {
      const k = bandIndex(bands, middle(l.y, l.size));
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
  if (bands && hasNumeric) bodyRows = groupBands(bodyRows, lines.slice(Math.max(first, 0)), bands);
  // (the page's leading lines, the tail of a row broken by the page, still join the first row)
  const leadY = lead > 0 && lead < lines.length ? lines[lead].y : -Infinity;
  const rest = hasNumeric ? mergeBody(bodyRows, size, opts.monospace ?? false, bands, leadY) : bodyRows;
  return [...head.map((row) => ({ row, kind: 'header' as const })), ...rest.map((row) => ({ row, kind: 'body' as const }))];
}
