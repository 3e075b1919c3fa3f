/**
 * `pdftotext -layout` output: columns aligned with runs of spaces, form feeds between pages.
 * (stub — issue 4: detect and convert column gaps into tab-separated cells, pages from form feeds)
 */
import type { SourceLine } from '../segment/ir.js';
import { toLines } from '../segment/segment.js';

export function looksLikeLayoutText(text: string): boolean {
  void text;
  return false;
}

export function layoutTextToLines(text: string): SourceLine[] {
  return toLines(text);
}
