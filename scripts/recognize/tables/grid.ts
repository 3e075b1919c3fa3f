/**
 * Grid reconstruction for one table block: strips the filing/title/unit rows some converters put inside
 * the table, finds the header zone (rows before the first row carrying a number, a code or a total),
 * flattens a multi-row header with merged cells filled ("财政拨款/一般公共预算拨款收入"), drops column-number
 * rows ("** ** 1 2 3") and trailing 注 rows, and re-aligns a header shifted by the PDF converter using
 * the column-number row. Pure.
 */
import { parseNumber } from '../../normalize/amount.js';
import type { Row } from '../../segment/ir.js';
import type { MoneyUnit } from '../../model/schema.js';
import {
  compact,
  isBlank,
  isColumnNumberRow,
  isMalformedNumber,
  isNumberCell,
  isSeparatorRow,
  isTotalLabel,
} from './cells.js';
import { isMetaText, isNoteText, isTitleText, unitIn } from './surroundings.js';

export interface Grid {
  /** A title written inside the table ("项目支出绩效自评表 (2021年度)"). */
  title: string | null;
  unit: MoneyUnit | null;
  columns: string[];
  body: Row[]; // cells aligned to columns
  note: string | null;
  /** rows were all header: the table is published without data. */
  headerOnly: boolean;
}

const isEmptyMarker = (c: string) => parseNumber(c).ok === false && !isMalformedNumber(c) && /^[-—–－/\\*xX]+$/.test(c.trim());

const filled = (cells: string[]) => cells.filter((c) => !isBlank(c));

/** A row whose every filled cell is a filing line, unit, year, 附件 or a title. */
function isMetaRow(cells: string[]): boolean {
  const f = filled(cells);
  return f.length > 0 && f.every((c) => isMetaText(c) || unitIn(c) !== null || isTitleText(c));
}

/** Data starts at a row with a number, a classification code or a total label. */
function looksLikeData(cells: string[]): boolean {
  if (isColumnNumberRow(cells)) return false;
  const firstAt = cells.findIndex((c) => !isBlank(c));
  // a total row: 合计 first, then only amounts or blanks (a header may also start with 合计)
  const totalRow =
    firstAt >= 0 && isTotalLabel(cells[firstAt]) && cells.slice(firstAt + 1).every((c) => isBlank(c) || isNumberCell(c) || isEmptyMarker(c));
  return totalRow || cells.some((c, i) => isNumberCell(c) || (i < 3 && /^(\d{2,3}|\d{5}|\d{7})(?![\d年])/.test(compact(c))));
}

/** The header of an indicator-style table: short labels, no numbers, not "key: value" pairs. */
function isTextHeader(cells: string[]): boolean {
  const f = filled(cells).map(compact);
  if (f.length < 3) return false;
  if (/名称$/.test(f[0])) return false;
  return f.every((c) => c.length <= 12 && !isNumberCell(c) && !/[:：]$/.test(c));
}

function pad(cells: string[], width: number): string[] {
  const out = cells.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}

export function buildGrid(rows: Row[], opts: { textTable: boolean }): Grid {
  let work = rows.filter((r) => !isSeparatorRow(r.cells));
  let title: string | null = null;
  let unit: MoneyUnit | null = null;

  // 1. filing/title/unit rows at the top
  while (work.length > 0 && isMetaRow(work[0].cells)) {
    for (const c of filled(work[0].cells)) {
      unit ??= unitIn(c);
      if (!title && isTitleText(c)) title = c.replace(/\s+/g, ' ').trim();
    }
    work = work.slice(1);
  }

  // 2. trailing 注 rows (one filled cell each)
  let note: string | null = null;
  const noteStart = work.findIndex((r, i) => {
    const f = filled(r.cells);
    return f.length === 1 && isNoteText(f[0]) && work.slice(i).every((x) => filled(x.cells).length <= 1);
  });
  if (noteStart >= 0) {
    note = work
      .slice(noteStart)
      .map((r) => filled(r.cells).join(''))
      .join(' ');
    work = work.slice(0, noteStart);
  }

  const width = Math.max(0, ...work.map((r) => r.cells.length));

  // 3. header zone
  let headerEnd = 0;
  if (opts.textTable) {
    headerEnd = work.length > 0 && isTextHeader(work[0].cells) ? 1 : 0;
  } else {
    // PDF headers centred in tall cells take up to 8 lines
    while (headerEnd < work.length && headerEnd < 8 && !looksLikeData(work[headerEnd].cells)) headerEnd++;
  }
  const headerOnly = !opts.textTable && headerEnd === work.length && work.length > 0;
  const zone = work.slice(0, headerEnd);
  const numberRow = zone.find((r) => isColumnNumberRow(r.cells));
  const header = zone.filter((r) => !isColumnNumberRow(r.cells)).map((r) => pad(r.cells.map(compact), width));

  // 4. flatten: an empty cell continues the group to its left when both have sub-headers below
  const grid = header.map((r) => [...r]);
  for (let r = 0; r < grid.length - 1; r++) {
    for (let c = 1; c < width; c++) {
      if (grid[r][c] !== '' || grid[r][c - 1] === '') continue;
      const below = (col: number) => header.slice(r + 1).some((row) => row[col] !== '');
      // a centred "基本支出" (over 人员/公用) must not swallow the columns beside it (项目支出 …)
      const own = header.slice(r + 1).map((row) => row[c]).join('');
      if (/^基本支出$/.test(grid[r][c - 1]) && PEER_OF_BASIC.test(own)) continue;
      // a code header (科目编码 over 类|款|项, or "科目编" wrapped over "码") spans code parts only, never
      // the name and amount columns beside it
      if (CODE_HEADER.test(grid[r][c - 1]) && !CODE_PART.test(own)) continue;
      if (below(c) && below(c - 1)) grid[r][c] = grid[r][c - 1];
    }
  }
  let columns = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of grid) if (row[c] !== '' && parts[parts.length - 1] !== row[c]) parts.push(row[c]);
    return parts.join('/');
  });

  // 5. header shifted against the column-number row ("类 款 项 1 2 3" under "本年支出合计 基本支出 项目支出")
  if (numberRow) columns = alignToNumbers(columns, pad(numberRow.cells.map(compact), width));

  // 6. body: drop repeated column-number/header rows; name blank columns
  const headerKeys = new Set(zone.map((r) => r.cells.map(compact).join('|')));
  const padded = work.slice(headerEnd).map((r) => ({ ...r, cells: pad(r.cells, width), raw: pad(r.raw, width) }));
  let body = (opts.textTable ? padded : joinSplitNumbers(padded)).filter(
    (r) => !isColumnNumberRow(r.cells) && !headerKeys.has(r.cells.map(compact).join('|')),
  );
  const auto = columns.map((c) => c === '');
  columns = columns.map((c, i) => (c !== '' ? c : `列${i + 1}`));
  const keep = columns.map((_, i) => !auto[i] || body.some((r) => !isBlank(r.cells[i])));
  if (keep.some((k) => !k)) {
    columns = columns.filter((_, i) => keep[i]);
    body = body.map((r) => ({ ...r, cells: r.cells.filter((_, i) => keep[i]), raw: r.raw.filter((_, i) => keep[i]) }));
  }
  // indicator tables have merged cells that look alike: only money tables
  if (!opts.textTable) body = joinWrappedLabels(body);
  return { title, unit, columns, body, note, headerOnly };
}

/** Digits of an amount cut by the cell edge: "576,171.1" above, "1" below. */
const HEAD_PART = /^\d{1,3}(?:,\d{3})*(?:\.\d*)?$|^\d+(?:\.\d*)?$/;
const TAIL_PART = /^\d{1,3}$/;

/**
 * An amount too wide for its cell wraps, and a PDF centres it vertically around the row: its head is
 * on a line above the row, its last digits on a line below ("\t\t\t\t576,171.1" / "合计\t665,964.37\t…\t\t" /
 * "\t\t\t\t1"). When the row is blank exactly there and the parts join into one valid amount, put
 * the amount back into the row and drop the two fragment lines.
 */
export function joinSplitNumbers(body: Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < body.length; i++) {
    const [a, b, c] = [body[i], body[i + 1], body[i + 2]];
    if (b && c) {
      const cols = a.cells.map((x, j) => (isBlank(x) ? -1 : j)).filter((j) => j >= 0);
      const ok =
        cols.length > 0 &&
        cols.every((j) => HEAD_PART.test(compact(a.cells[j])) && isBlank(b.cells[j] ?? '') && TAIL_PART.test(compact(c.cells[j] ?? ''))) &&
        c.cells.every((x, j) => isBlank(x) || cols.includes(j)) &&
        b.cells.some((x) => isNumberCell(x)) &&
        cols.every((j) => isNumberCell(compact(a.cells[j]) + compact(c.cells[j])));
      if (ok) {
        const cells = b.cells.map((x, j) => (cols.includes(j) ? compact(a.cells[j]) + compact(c.cells[j]) : x));
        const raw = b.raw.map((x, j) => (cols.includes(j) ? compact(a.cells[j]) + compact(c.cells[j]) : x));
        out.push({ ...b, cells, raw });
        i += 2;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A header naming the code columns, whole or cut by a wrap ("科目编" / "码"). */
const CODE_HEADER = /(?:编码|代码|编号|科目编)$/;
/** The header of one part of a code split over columns. */
const CODE_PART = /^(?:类|款|项|类款项)$/;

/** Columns that sit beside 基本支出 (never under it), whatever group spans them all (本年支出). */
const PEER_OF_BASIC = /^(?:项目支出|事业单位经营支出|上缴上级支出|对附属单位补助支出|结转下年)$/;

/** Index of the first amount cell, or -1. */
const firstNumberAt = (cells: string[]) => cells.findIndex((c) => isNumberCell(c));

/** Text only left of `limit` (the label columns) and no amount anywhere. */
const labelOnly = (cells: string[], limit: number) =>
  firstNumberAt(cells) < 0 && cells.some((c) => !isBlank(c)) && cells.every((c, i) => i < limit || isBlank(c));

/** Amounts with every label cell blank: the label is written above/below in a taller cell. */
const bareAmounts = (r: Row | undefined) => {
  if (!r) return -1;
  const k = firstNumberAt(r.cells);
  return k > 0 && r.cells.slice(0, k).every(isBlank) ? k : -1;
};

/**
 * PDF tables with a long name in a tall cell come out as three lines: the name's first part, the
 * amounts (label blank), the name's last part ("广州市卫生健康技术鉴定和人才评价" / "\t2,893.45…" /
 * "中心"). Join them into one row, keeping the amounts' line, so the name is not lost and the
 * fragments are not read as rows of their own.
 */
export function joinWrappedLabels(body: Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < body.length; i++) {
    const r = body[i];
    const k = bareAmounts(r);
    const prev = out[out.length - 1];
    if (k < 0 || !prev || !labelOnly(prev.cells, k)) {
      out.push(r);
      continue;
    }
    const cells = r.cells.map((c, j) => (j < k ? prev.cells[j] : c));
    const raw = r.raw.map((c, j) => (j < k ? (prev.raw[j] ?? '') : c));
    const next = body[i + 1];
    // the tail of the name, unless it is the head of the next wrapped name
    if (next && labelOnly(next.cells, k) && next.cells.every((c) => compact(c).length <= 10) && bareAmounts(body[i + 2]) < 0) {
      for (let j = 0; j < k; j++) {
        cells[j] = `${cells[j]}${next.cells[j] ?? ''}`;
        raw[j] = `${raw[j]}${next.raw[j] ?? ''}`;
      }
      i++;
    }
    out[out.length - 1] = { ...r, cells, raw };
  }
  return out;
}

/**
 * When the column-number row numbers k contiguous columns 1..k and the k rightmost named header columns
 * sit one place off, move those names over the numbered columns (the converter shifted the header).
 */
function alignToNumbers(columns: string[], numbers: string[]): string[] {
  const pos: number[] = [];
  numbers.forEach((c, i) => {
    if (/^\d{1,2}$/.test(c)) pos.push(i);
  });
  const k = pos.length;
  if (k < 2) return columns;
  const seq = pos.every((p, i) => Number(numbers[p]) === i + 1 && (i === 0 || p === pos[i - 1] + 1));
  if (!seq) return columns;
  const named = columns.map((c, i) => (c !== '' ? i : -1)).filter((i) => i >= 0);
  const q = named.slice(-k);
  if (q.length < k || q[0] === pos[0] || q[k - 1] - q[0] !== k - 1 || Math.abs(q[0] - pos[0]) !== 1) return columns;
  const out = [...columns];
  const names = q.map((i) => columns[i]);
  for (const i of q) out[i] = '';
  pos.forEach((p, i) => (out[p] = names[i]));
  return out;
}
