/**
 * Running text as logical paragraphs. PDF extraction breaks sentences across lines (and even inside a
 * number: "较2020年增加\n\n11.06 万元"); a line that does not end a sentence is joined with the next
 * text line unless that line starts something new (a heading, a numbered item). Every character keeps
 * its source line, so facts found in a joined paragraph still point at the exact lines.
 */
import type { SegmentedDocument } from '../../segment/ir.js';

export interface Paragraph {
  text: string;
  line_start: number;
  line_end: number;
  heading: boolean;
  /** start offset in `text` of each joined source line */
  parts: Array<{ at: number; line: number }>;
}

/** Numbered or titled starts that begin a new paragraph: （一） (1) 1、 1. 一、 第一部分 ① */
export const ITEM_START =
  /^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,3}\s*[、）)]|\d{1,3}\s*[.．](?!\d)|第[一二三四五六七八九十\d]+部分|[①-⑳])/;

const SENTENCE_END = /[。！？!?；;：:]$/;

/** Line of the character at `offset` in a paragraph. */
export function lineAt(p: Paragraph, offset: number): number {
  let line = p.line_start;
  for (const part of p.parts) {
    if (part.at <= offset) line = part.line;
    else break;
  }
  return line;
}

export function paragraphs(seg: SegmentedDocument): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  let lastLine = 0;
  for (const b of seg.blocks) {
    if (b.type === 'table') {
      cur = null;
      continue;
    }
    const text = b.text.trim();
    if (!text) continue;
    const heading = b.type === 'heading';
    const canJoin =
      cur !== null &&
      !cur.heading &&
      !heading &&
      b.line_start - lastLine <= 3 &&
      cur.text.length >= 15 &&
      !SENTENCE_END.test(cur.text) &&
      !(ITEM_START.test(cur.text) && !/[，。；,;]/.test(cur.text)) && // a numbered heading
      !/(?:情况|说明|情况说明)$/.test(cur.text) &&
      !ITEM_START.test(text);
    if (canJoin && cur) {
      cur.parts.push({ at: cur.text.length, line: b.line_start });
      cur.text += text;
      cur.line_end = b.line_end;
    } else {
      cur = { text, line_start: b.line_start, line_end: b.line_end, heading, parts: [{ at: 0, line: b.line_start }] };
      out.push(cur);
    }
    lastLine = b.line_end;
  }
  return out;
}
