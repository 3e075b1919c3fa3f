/**
 * The intermediate representation every source format is reduced to, and every recognizer reads.
 * Text, Markdown, pdftotext-layout text and PDFs all become `SourceLine`s; the segmenter turns lines
 * into blocks. A table row keeps its cells (tab-separated in text sources, rebuilt from glyph
 * positions for PDFs), so each recognizer is written once for all formats.
 */
export interface SourceLine {
  /** 1-based line number in the source file (for PDFs: running line number across pages). */
  no: number;
  /** Raw text of the line, tabs kept (a tab separates table cells). */
  text: string;
  /** 1-based page number, for PDF sources. */
  page?: number;
}

export interface Row {
  /** Cleaned cell texts (HTML stripped, LaTeX normalized), in source order; may contain '' cells. */
  cells: string[];
  /** Raw cells before cleaning (still containing <b>, <p>, checkboxes …). */
  raw: string[];
  line: number;
}

export type Block =
  | { type: 'heading'; depth: number; text: string; line_start: number; line_end: number }
  /** One source line of running text (a paragraph line, a list item, an HTML line). */
  | { type: 'text'; text: string; list: boolean; line_start: number; line_end: number }
  /** A run of tab-separated lines (blank lines inside the run are dropped, their rows keep line numbers). */
  | { type: 'table'; rows: Row[]; line_start: number; line_end: number };

export type TextBlock = Extract<Block, { type: 'text' }>;
export type HeadingBlock = Extract<Block, { type: 'heading' }>;
export type TableBlock = Extract<Block, { type: 'table' }>;

export interface SegmentedDocument {
  /** Path relative to the sources folder; used in every SourceRef. */
  file: string;
  lines: SourceLine[];
  blocks: Block[];
  /** page of a line, for PDF sources (line number → page). */
  pageOf(line: number): number | undefined;
}
