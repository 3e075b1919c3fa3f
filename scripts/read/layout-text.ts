/**
 * `pdftotext -layout` output: columns aligned with runs of spaces, form feeds between pages. Each
 * character is one unit wide and each line one unit high, so the text maps onto the same geometry as a
 * PDF page (read/pdf/geometry.ts) and goes through the same table rebuilding: gaps of 2+ spaces inside
 * an aligned block become tab-separated cells, prose lines keep their spaces.
 */
import type { SourceLine } from '../segment/ir.js';
import { buildLines, type Frag } from './pdf/geometry.js';
import { assemblePages } from './pdf/pages.js';
import { TOLERANCES } from './pdf/tolerances.js';

/** A gap of 2+ spaces between text, ending in an amount: a row of an aligned table. */
const NUMERIC_ROW = /\S {2,}[-−]?[\d,]+(?:\.\d+)?\s*$/;
const GAP = /\S {2,}\S/;

/**
 * Conservative: text with tabs is never layout text (tabs already separate cells), and there must be
 * several aligned numeric rows — or form feeds plus aligned rows — before spaces are read as columns.
 */
export function looksLikeLayoutText(text: string): boolean {
  if (text.includes('\t')) return false;
  const lines = text.split(/\r\n?|\n|\f/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const gapLines = lines.filter((l) => GAP.test(l.trim())).length;
  const numericRows = lines.filter((l) => NUMERIC_ROW.test(l.trimEnd()) && GAP.test(l.trim())).length;
  if (text.includes('\f') && numericRows >= 2 && gapLines >= 3) return true;
  return numericRows >= 5 && numericRows >= lines.length * 0.05;
}

/** Fragments of one layout line: text separated by 2+ spaces, or by one space next to a number. */
function lineFrags(line: string, y: number): Frag[] {
  const chars = [...line];
  const frags: Frag[] = [];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    const ch = chars[i];
    const space = ch === undefined || ch === ' ' || ch === '\u3000';
    if (!space && start < 0) start = i;
    if (space && start >= 0) {
      const nextIsSpace = chars[i + 1] === undefined || chars[i + 1] === ' ';
      if (ch === undefined || nextIsSpace) {
        frags.push({ x0: start, x1: i, y, size: 1, text: chars.slice(start, i).join('') });
        start = -1;
      }
    }
  }
  return frags;
}

export function layoutTextToLines(text: string): SourceLine[] {
  const pages = text
    .replace(/\r\n?/g, '\n')
    .replace(/\f\s*$/, '')
    .split('\f')
    .map((page) => {
      const rows = page.split('\n');
      const frags = rows.flatMap((row, y) => lineFrags(row.replace(/\t/g, '    '), y));
      return { lines: buildLines(frags, { hardGap: TOLERANCES.lines.layoutTextHardGap }), height: rows.length };
    });
  return assemblePages(pages, { monospace: true }).lines;
}
