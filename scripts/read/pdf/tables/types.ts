/**
 * The shapes the table reader passes around. Why a module of its own: the ruled reader (ruled.ts) and
 * the unruled reader (unruled.ts) both answer the same question — where are this table's columns and
 * rows — in the `CellLayout` below, and the row builder (rows.ts) takes either answer.
 */
import type { Piece, VLine } from '../geometry.js';
import type { Rules } from '../rules.js';

export type OutKind = 'text' | 'blank' | 'header' | 'body' | 'toc';

export interface OutLine {
  text: string;
  kind: OutKind;
}

/** A column's x-extent [left, right]. */
export type Column = [number, number];

export interface LayoutOptions {
  /** Layout text: every line is one unit apart, so row pitch cannot tell wrapped cells apart. */
  monospace?: boolean;
  /** Body text size of the whole document (a cover page alone has no body text to compare with). */
  bodySize?: number;
  /** Leading lines of a table region that are the upper part of its first body row (not a header). */
  leadIn?: number;
  /** Ruling lines of the page (PDF only): cell boundaries when they form a grid. */
  rules?: Rules;
  /**
   * Columns of the table the previous page ended in. A page continuing it with rows only (no header of
   * its own) keeps those columns: a column empty on this page alone is still there.
   */
  carryColumns?: Column[] | null;
}

/** What a page's layout tells the next page. */
export interface PageLayout {
  lines: OutLine[];
  /** Columns of the page's last table (null when the page has none). */
  lastColumns: Column[] | null;
}

/** One logical row of a table: a cell per column, the y-extent of its lines. */
export interface Row {
  cells: string[];
  y0: number;
  y1: number;
  hasNumber: boolean;
}

/** Left edge of the ruled cell holding a piece of a line (null: no vertical rule to its left). */
export type CellLeft = (l: VLine, p: Piece) => number | null;

/** How a table's lines are cut into cells: what either reader hands the row builder. */
export interface CellLayout {
  cols: Column[];
  /** Row boundaries (y of horizontal rules across the table); null: rows from text geometry alone. */
  bands: number[] | null;
  /** Ruled cell edges, for header cells spanning several columns (only with ruled columns). */
  cellLeft?: CellLeft;
}

/** A built table: its rows in order, header rows first, and the columns they were cut with. */
export interface BuiltTable {
  rows: Array<{ row: Row; kind: 'header' | 'body' }>;
  columns: Column[];
}
