/**
 * Small predicates on table cells shared by grid reconstruction and extraction: what a number cell,
 * a column-number row ("** ** 1 2 3", "栏次 1 2"), a Markdown separator row or a total label looks like.
 */
import { parseNumber } from '../../normalize/amount.js';
import { compact } from '../../normalize/text.js';

export { compact };

/** A cell holding a well-formed number (thousands separators allowed). */
export function isNumberCell(cell: string): boolean {
  return parseNumber(cell).ok;
}

/** A cell that should be a number but is not ("12.3.4", "1,2345"): digits and separators only. */
export function isMalformedNumber(cell: string): boolean {
  const p = parseNumber(cell);
  return !p.ok && p.reason === 'malformed' && /^[\s\d,，.．()（）\-−]+$/.test(cell) && /\d/.test(cell);
}

const COLUMN_NUMBER_TOKEN = /^(\*{1,2}|\d{1,2}|栏次|行次|类|款|项|类款项|栏次合计|合计栏次)$/;

/**
 * The row that numbers the columns under the header ("** ** 1 2 3", "类 款 项 1 2 3", "栏 次  1  2").
 * It is layout, not data: every non-empty cell is such a token and at least two are numbers or "**".
 */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map(compact).filter((c) => c !== '');
  if (filled.length < 2) return false;
  if (!filled.every((c) => COLUMN_NUMBER_TOKEN.test(c))) return false;
  return filled.filter((c) => /^(\d{1,2}|\*{1,2})$/.test(c)).length >= 2;
}

/** Markdown table separator rows ("------ | ---") left over by converters. */
export function isSeparatorRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.every((c) => /^[\s\-:|=]+$/.test(c) && /-{3,}|={3,}/.test(c));
}

/** A label naming a total row: 合计 / 总计 / 栏次合计 / 本年合计 … (not 本年收入合计, which is its own item). */
export function isTotalLabel(cell: string): boolean {
  return /^(栏次)?(合计|总计|总合计|本年合计|合 计)[:：]?$/.test(compact(cell));
}

/** Label text without list numbering: "一、", "1.", "（1）", "其中：". */
export function stripNumbering(label: string): string {
  return compact(label)
    .replace(/^(其中[:：]?)/, '')
    .replace(/^([一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(]\d+[)）]|[（(][一二三四五六七八九十]+[)）])/, '')
    .trim();
}

/** Cell is empty for layout purposes. */
export function isBlank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === '';
}

/**
 * The 基本支出 column when its merged group header was lost and only "小计 | 人员经费 | 公用经费" remain
 * (the group title printed above the grid): a bare 小计 directly followed by a 人员… column and a
 * 公用… column. -1 when the table has its own 基本支出 column or no such shape.
 */
export function orphanBasicColumn(columns: string[]): number {
  const c = columns.map(compact);
  if (c.some((x) => /基本支出/.test(x))) return -1;
  for (let i = 0; i + 2 < c.length; i++) {
    if (/^小计$/.test(c[i]) && /人员|工资福利/.test(c[i + 1]) && /公用|商品和服务/.test(c[i + 1] + c[i + 2])) return i;
  }
  return -1;
}
