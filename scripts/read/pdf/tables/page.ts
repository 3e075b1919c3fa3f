/**
 * One page's visual lines → output lines, with table regions found and handed to the table builder
 * (dispatch.ts). A table region is a run of lines made of several runs (cells far apart), allowing a
 * few single-run lines (wrapped cell text, label-only rows) in between; lines just below its last row
 * or atop the page may be the wrapped tail of a row. On a ruled page the region also follows its rules
 * (ruled-region.ts). Other lines are text; dotted-leader lines are contents entries; a wide vertical gap
 * is a blank line. A large title wrapped over several lines is joined first.
 */
import { joinText, lineText, median, type VLine } from '../geometry.js';
import { TOLERANCES } from '../tolerances.js';
import { UNIT_LINE, hasAmount, isCandidate } from './cells.js';
import { buildTable } from './dispatch.js';
import { ruledRegionTests } from './ruled-region.js';
import type { BuiltTable, Column, LayoutOptions, OutKind, OutLine, PageLayout } from './types.js';

const T = TOLERANCES.region;

/** A dotted leader ending in a page number: a table-of-contents entry. */
const TOC_LINE = /^(.*?\S)\s*(?:[.．·•…⋯_]\s*){3,}\s*(\d{1,4})$/;

/**
 * A title set in a large font that wraps over several lines (cover pages: `2026 年深圳市…部` / `门预算`)
 * is one logical line: join consecutive single-run lines of the same large size.
 */
function joinTitles(lines: VLine[], bodySize?: number): VLine[] {
  const TT = TOLERANCES.titles;
  const body = bodySize ?? median(lines.map((l) => l.size));
  const out: VLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const big = (v: VLine) => v.runs.length === 1 && v.size >= TT.minSize * body;
    if (prev && big(prev) && big(l) && Math.abs(prev.size - l.size) <= TT.sameSize * l.size && l.y - prev.y <= TT.lineGap * l.size) {
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
  let pageLast: Column[] | null = null;
  let carry = opts.carryColumns ?? null;
  const lines = opts.monospace ? input : joinTitles(input, opts.bodySize);
  const out: OutLine[] = [];
  const n = lines.length;
  const toc = lines.map((l) => TOC_LINE.exec(lineText(l).trim()));
  const cand = lines.map((l, i) => !toc[i] && isCandidate(l));
  // Layout text: a blank line ends a table unless both neighbours are clearly rows (3+ cells).
  const closeTo = (a: number, b: number) =>
    opts.monospace
      ? lines[b].y - lines[a].y <= (lines[a].runs.length >= T.monoRowMinRuns && lines[b].runs.length >= T.monoRowMinRuns ? T.monoRowsApart : T.monoTextApart)
      : lines[b].y - lines[a].y <= (cand[a] && cand[b] ? T.rowsApart : T.rowAndTextApart) * Math.max(lines[a].size, lines[b].size);
  let prevY: number | null = null;
  let prevSize = 0;
  const pushText = (l: VLine, text: string, kind: OutKind) => {
    if (prevY !== null && l.y - prevY > (opts.monospace ? T.monoParagraphGap : T.paragraphGap * Math.max(prevSize, l.size))) pushBlank();
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
    !opts.monospace &&
    k + 1 < n &&
    cand[k + 1] &&
    hasAmount(lines[k + 1]) &&
    lines[k + 1].y - lines[k].y <= T.wrapAbove * lines[k + 1].size &&
    lines[k].size <= T.maxSizeRatio * lines[k + 1].size;
  // Where each text line went in `out` (a header line taken back into the table below it).
  const textAt: number[] = [];
  const { sameCell, framed, headerAbove } = ruledRegionTests(lines, opts.monospace ? undefined : opts.rules, (k) => textAt[k] !== undefined && !cand[k] && !toc[k]);
  // Lines at the top of a page continuing into its first table row (a row wrapping over the page break
  // whose upper text line starts the page): tried as part of that row.
  let lead = 0;
  while (lead < n && !cand[lead] && !toc[lead] && !UNIT_LINE.test(lineText(lines[lead]))) lead++;
  if (!(lead > 0 && lead <= T.maxLeadLines && lead < n && aboveRow(lead - 1) && (lead === 1 || lines[lead - 1].y - lines[lead - 2].y <= T.wrapAbove * lines[lead].size))) lead = 0;
  let i = lead;
  while (i < n) {
    if (!cand[i]) {
      const m = toc[i];
      textAt[i] = out.length;
      pushText(lines[i], m ? m[1].trim() : lineText(lines[i]), m ? 'toc' : 'text');
      i++;
      continue;
    }
    // Extend the region over candidate lines, bridging up to a few single-run lines.
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
          (k <= j + T.maxBridgedLines && closeTo(k - 1, k) &&
            lines[k].size <= T.maxSizeRatio * size0 &&
            (lines[k].runs[0].x0 <= left + T.bridgeIndent * size0 ||
              (UNIT_LINE.test(lineText(lines[k])) === false && lines[k].runs[0].x0 >= left && (lines[k].y - lines[k - 1].y <= T.bridgeLineGap * size0 || aboveRow(k))))))
      ) k++;
      if (k < n && (k <= j + T.maxBridgedLines || inCell(k - 1)) && cand[k] && (closeTo(k - 1, k) || inCell(k - 1))) {
        left = Math.min(left, lines[k].runs[0].x0);
        right = Math.max(right, lines[k].runs[lines[k].runs.length - 1].x1);
        j = k;
        if (hasAmount(lines[k])) anchor = k;
        count++;
      } else break;
    }
    // The unit line above a table is text, not a row.
    let s = i;
    while (s < j && lines[s].runs.length <= T.unitLineMaxRuns && UNIT_LINE.test(lineText(lines[s]))) {
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
        (t + 1 <= j + T.maxTailLines && lines[t + 1].y - lines[t].y <= T.wrapBelow * size1 &&
          lines[t + 1].size <= T.maxSizeRatio * size1 && lines[t + 1].runs[0].x0 >= left - T.tailIndent * size1 && !UNIT_LINE.test(lineText(lines[t + 1]))))
    ) t++;
    const from = i === lead && lead > 0 && s === i ? 0 : s;
    let table: BuiltTable | null = null;
    if (count >= 2 && (t > j || from < s)) {
      // Kept only when the extra lines joined rows (no row without an amount at either end).
      const tried = buildTable(lines.slice(from, t + 1), { ...opts, leadIn: s - from, carryColumns: carry });
      const last = tried?.rows[tried.rows.length - 1];
      const firstBody = tried?.rows.find((r) => r.kind === 'body');
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
    if (!table) {
      for (let k = s; k <= j; k++) pushText(lines[k], lineText(lines[k]), 'text');
    } else {
      pageLast = table.columns;
      pushBlank();
      for (const { row, kind } of table.rows) out.push({ text: row.cells.join('\t'), kind });
      pushBlank();
      prevY = null;
    }
    i = j + 1;
  }
  return { lines: out, lastColumns: pageLast };
}
