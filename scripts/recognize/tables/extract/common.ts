/** Column lookup and amount reading shared by the per-kind extractors. */
import type { MoneyUnit, Table } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { moneyToWan } from '../../../normalize/amount.js';
import { compact, isMalformedNumber, isTotalLabel } from '../cells.js';

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

/** Columns that carry the code (编码/代码, or 类/款/项 parts) and the column carrying the name. */
export function codeLayout(columns: string[]): { codeCols: number[]; nameCol: number } {
  const last = (c: string) => c.split('/').pop() ?? c;
  const codeCols = columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => /(编码|代码|编号)$/.test(last(c)) || /^(类|款|项)$/.test(last(c)))
    .map(({ i }) => i)
    .slice(0, 3);
  let nameCol = findCol(columns, /名称$/, /单位名称|项目名称|部门名称/);
  if (nameCol < 0) nameCol = codeCols.length > 0 ? Math.max(...codeCols) + 1 : 0;
  if (codeCols.length === 0) codeCols.push(nameCol);
  return { codeCols, nameCol };
}

export const lastSeg = (c: string) => compact(c.split('/').pop() ?? c);
