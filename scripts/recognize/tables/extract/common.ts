/** Column lookup and amount reading shared by the per-kind extractors. */
import type { MoneyUnit, Table } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { moneyToWan } from '../../../normalize/amount.js';
import { compact, isMalformedNumber, isNumberCell, isTotalLabel } from '../cells.js';

/** First column whose flattened name matches `re` (and not `not`), or -1. */
export function findCol(columns: string[], re: RegExp, not?: RegExp): number {
  return columns.findIndex((c) => re.test(c) && !(not && not.test(c)));
}

/**
 * Amount in 万元, or null for blank/“-” and malformed numbers (never guessed). Malformed cells are
 * reported once per table by flagBadCells in tables/index.ts, so no warning here.
 */
export function readAmount(_ctx: RecognizeContext, text: string | undefined, unit: MoneyUnit, _line: number): number | null {
  if (text === undefined || isMalformedNumber(text)) return null;
  return moneyToWan(text, unit);
}

export function tableUnit(ctx: RecognizeContext, t: Table): MoneyUnit {
  return t.unit ?? ctx.unit;
}

/** A total row: 合计/总计 in one of the leading label cells. */
export function isTotalRow(cells: string[]): boolean {
  return cells.slice(0, 4).some((c) => isTotalLabel(c));
}

const UNIT_COLUMN = /^(?:预算)?单位(?:名称)?$|^预算单位|^(?:部门|单位)(?:（单位）)?名称$/;
const bare = (s: string) => compact(s).replace(/[（(][^)）]*[)）]/g, '');

/**
 * The row giving a table's totals: its 合计/总计 row; else, in a table led by a 预算单位 column, the
 * first data row when it names the department itself (or the table's only unit) with its code and
 * name cells blank — such tables print the department's name where others print 合计. A row naming
 * one of several units (“××局（本级）”) is never taken for the whole.
 */
export function totalRowOf(t: Table, department: string, tables: Table[] = []): Table['rows'][number] | undefined {
  const total = t.rows.find((r) => isTotalRow(r.cells));
  if (total || !UNIT_COLUMN.test(compact(t.columns[0] ?? ''))) return total;
  const data = t.rows.filter((r) => r.cells.some((c) => isNumberCell(c)));
  const first = data[0];
  if (!first) return undefined;
  const label = compact(first.cells[0] ?? '');
  const k = first.cells.findIndex((c) => isNumberCell(c));
  if (label.length < 2 || /^\d/.test(label) || isNumberCell(label) || first.cells.slice(1, k).some((c) => compact(c) !== '')) return undefined;
  if (department && !/[（(]/.test(label) && label === bare(department)) return first;
  // the table's only unit (no other row names one), and the table not cut into one section per unit
  const units = data.filter((r) => compact(r.cells[0] ?? '') !== '');
  const cut = /-\d+$/.test(t.id) || tables.some((x) => x.id.startsWith(`${t.id}-`));
  // nor another unit on a page the table continues on (read as a table of its own, same title)
  const base = (x: Table) => x.title.split('·')[0];
  const elsewhere = tables.some(
    (x) => x !== t && x.kind === t.kind && base(x) === base(t) && x.rows.some((r) => /[\u4e00-\u9fa5]/.test(r.cells[0] ?? '') && r.cells.some((c) => isNumberCell(c)) && compact(r.cells[1] ?? '') === ''),
  );
  return units.length === 1 && !cut && !elsewhere ? first : undefined;
}

/** Columns that carry the code (编码/代码, or 类/款/项 parts) and the column carrying the name. */
export function codeLayout(columns: string[]): { codeCols: number[]; nameCol: number } {
  const last = (c: string) => c.split('/').pop() ?? c;
  const codeCols = columns
    .map((c, i) => ({ c, i }))
    // a header cell wrapped mid-word ("科目编/码") is matched by its joined text
    .filter(({ c }) => /(编码|代码|编号)$/.test(last(c)) || /^(类|款|项)$/.test(last(c)) || /(编码|代码|编号)$/.test(compact(c).replace(/\//g, '')))
    .map(({ i }) => i)
    .slice(0, 3);
  let nameCol = findCol(columns, /名称$/, /单位名称|项目名称|部门名称/);
  if (nameCol < 0) nameCol = codeCols.length > 0 ? Math.max(...codeCols) + 1 : 0;
  if (codeCols.length === 0) codeCols.push(nameCol);
  return { codeCols, nameCol };
}

export const lastSeg = (c: string) => compact(c.split('/').pop() ?? c);

/** A column of change, not of a year's figure ("增减额", "增减(%)", "比上年增长", "2026年预算数比2025年执行数/…"). */
const CHANGE_COLUMN = /增减|增长|减少|变动|变化|比上年|比较|比\d{4}年|同比|差额|差异/;
/** Carry-over columns say 上年 too (上年结转, 上年结余) but hold this year's money. */
const CARRY_COLUMN = /结转|结余/;

/**
 * The column holding the previous year's figure of a row ("上年预算数", "上年执行数", "上年决算数",
 * "2025年执行数/执行数" in a 2026 document), or -1. Its first column when the previous year is a group
 * of several ("2025年执行数/执行数 | 2025年执行数/扣除中央基建投资后执行数"). Never a carry-over column
 * (上年结转结余) nor a change column (增减额, 比上年增长).
 */
export function previousColumn(columns: string[], fiscalYear: number | null): number {
  const prevYear = fiscalYear !== null ? new RegExp(`^${fiscalYear - 1}年(?:度)?(?:预算|执行|决算|实际|预计执行)?数?`) : null;
  return columns.findIndex((c) => {
    const x = compact(c);
    if (CHANGE_COLUMN.test(x) || CARRY_COLUMN.test(x)) return false;
    return /^上年(?:度)?(?:预算|执行|决算|实际|预计执行)?数?(?:\/|$)/.test(x) || (prevYear !== null && prevYear.test(x));
  });
}

/** The column printing the change in amount (增减额 / 增减 / 增减金额), not in percent, or -1. */
export function changeColumn(columns: string[]): number {
  return columns.findIndex((c) => {
    const last = lastSeg(c);
    return /^(?:比上年)?(?:增减|增减额|增减金额|增减变化金额|变动金额|增(?:\+)?减(?:-)?)$/.test(last) || /增减额$/.test(compact(c).replace(/\//g, ''));
  });
}

/** The columns of a function table the current year's figures may not be taken from: the previous year's and the change. */
export function isPreviousOrChange(column: string, fiscalYear: number | null): boolean {
  const x = compact(column);
  return CHANGE_COLUMN.test(x) || previousColumn([column], fiscalYear) === 0;
}
