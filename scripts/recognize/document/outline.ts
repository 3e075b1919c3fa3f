/**
 * The document's outline: the table of contents and the section headings (第一部分 …, 一、…, （一）…,
 * Markdown headings). They carry no figures, but they are understood structure: other recognizers
 * use headings as context, and the coverage report should not list them as unread.
 */
import type { RecognizeContext } from '../context.js';
import { defineRecognizer } from '../registry.js';
import { inContents, isContentsGrid } from '../tables/contents.js';

export interface OutlineEntry {
  level: number;
  title: string;
  line: number;
}

const PART = /^第\s*[一二三四五六七八九十\d]+\s*部分/;
const CHINESE_NUMBERED = /^[一二三四五六七八九十]+\s*[、.．]/;
const PAREN_NUMBERED = /^[（(]\s*[一二三四五六七八九十]+\s*[)）]/;
const TOC_TITLE = /^目\s*录$/;

/** A heading line is short and is not a sentence (no full stop, no figures with units). */
function headingLevel(text: string): number | null {
  const t = text.trim();
  if (t.length > 40 || /[。；;]$/.test(t) || /\d+(\.\d+)?\s*(万元|元|%)/.test(t)) return null;
  if (PART.test(t)) return 1;
  if (CHINESE_NUMBERED.test(t)) return 2;
  if (PAREN_NUMBERED.test(t)) return 3;
  return null;
}

export function recognizeOutline(ctx: RecognizeContext): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const blocks = ctx.seg.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === 'table') {
      if (isContentsGrid(b)) ctx.claim(b.line_start, b.line_end, 'outline');
      continue;
    }
    if (TOC_TITLE.test(b.text.replace(/\s+/g, ' ').trim())) {
      // The contents: every following short line up to the first line that repeats an entry (the body starts).
      ctx.claim(b.line_start, b.line_end, 'outline');
      const seen = new Set<string>();
      for (let j = i + 1; j < blocks.length; j++) {
        const e = blocks[j];
        if (e.type === 'table') {
          // the contents laid out as a grid (第一部分 | 部门概况): read here, not as a table
          if (isContentsGrid(e, inContents(blocks.slice(i, j) as Array<{ text: string }>))) ctx.claim(e.line_start, e.line_end, 'outline');
          break;
        }
        const key = e.text.replace(/\s+/g, '');
        if (seen.has(key) || e.text.length > 60) break;
        seen.add(key);
        ctx.claim(e.line_start, e.line_end, 'outline');
        i = j;
      }
      continue;
    }
    const level = b.type === 'heading' ? b.depth : headingLevel(b.text);
    if (level !== null) {
      out.push({ level, title: b.text.trim(), line: b.line_start });
      ctx.claim(b.line_start, b.line_end, 'outline');
    }
  }
  return out;
}

export const outlineRecognizer = defineRecognizer({
  id: 'outline',
  label: '目录与章节标题',
  deps: [],
  run: (ctx) => recognizeOutline(ctx),
  empty: () => [],
});
