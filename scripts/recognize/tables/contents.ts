/**
 * A table of contents laid out as a grid ("第一部分 | 部门概况", "一、部门职责 …… 3") is not a table:
 * it lists the document's sections (and the names of its tables) with page numbers, never figures.
 * The tables recognizer skips such a block; the outline recognizer claims its lines. Pure.
 */
import type { TableBlock } from '../../segment/ir.js';
import { compact } from './cells.js';

/** A section entry: 第一部分 / 第二章 / 一、 / （一） / 1. at the start of the row. */
const ENTRY = /^(第[一二三四五六七八九十百\d]+(部分|章|节|篇)|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d))/;
/** Dot leaders between an entry and its page number. */
const LEADER = /[.．·…‥─-]{4,}/;
const PAGE = /^[-—–－]?\d{1,3}[-—–－]?$/;
/** A figure: an amount with a decimal point or thousands separators, or a percentage. */
const AMOUNT = /^[-−]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-−]?\d+\.\d+$|%$/;

/** The nearest prose line above says 目录. */
export const CONTENTS_TITLE = /^目\s*录$/;

/**
 * Whether a table block is a table of contents. `titled`: the nearest line above it is 目录 (then
 * rows with no figures and at most three cells are enough); otherwise every row must be a section
 * entry or a dot-leader line with a page number.
 */
export function isContentsGrid(block: TableBlock, titled = false): boolean {
  const rows = block.rows.map((r) => r.cells.map(compact).filter((c) => c !== '')).filter((r) => r.length > 0);
  if (rows.length < 2) return false;
  if (rows.some((r) => r.length > 3 || r.some((c) => AMOUNT.test(c)))) return false;
  if (titled) return true;
  const leader = (r: string[]) => LEADER.test(r.join('')) && /\d{1,3}$/.test(r[r.length - 1]);
  const entry = (r: string[]) => ENTRY.test(r[0]) || leader(r);
  if (!rows.every(entry)) return false;
  // numbered entries with names only (no page numbers, no leaders) could be a list of items: ask for
  // the 第…部分/第…章 form or page numbers on most rows
  const strong = rows.filter((r) => /^第[一二三四五六七八九十百\d]+(部分|章|篇)/.test(r[0]) || leader(r) || (r.length >= 2 && PAGE.test(r[r.length - 1]))).length;
  // page numbers only grow down a table of contents (a column of small amounts does not)
  const pages = rows.map((r) => r[r.length - 1].replace(/\D/g, '')).filter((p, i) => rows[i].length >= 2 && PAGE.test(rows[i][rows[i].length - 1]) && p !== '').map(Number);
  if (pages.some((p, i) => i > 0 && p < pages[i - 1])) return false;
  return strong * 2 >= rows.length;
}

/** How close to its 目录 line a grid must start to be read as that contents (PDF lines are short). */
export const CONTENTS_REACH = 3;

/**
 * Whether a grid right after these prose lines sits under a 目录 title: the 目录 line is one of the
 * last CONTENTS_REACH lines, with only short lines after it (a part label such as "一、文字部分").
 */
export function inContents(prose: ReadonlyArray<{ text: string }>): boolean {
  const tail = prose.slice(-CONTENTS_REACH);
  const at = tail.findIndex((p) => CONTENTS_TITLE.test(compact(p.text)));
  return at >= 0 && tail.slice(at + 1).every((p) => compact(p.text).length <= 20);
}
