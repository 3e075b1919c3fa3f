/**
 * Lines → blocks. Tab-separated lines are table rows (grouped into runs); everything else is parsed
 * with remark-parse so that Markdown headings, lists and HTML blocks are recognized the way Markdown
 * means them. Each text block is one source line, so provenance stays line-exact.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent } from 'mdast';
import { cleanText } from '../normalize/text.js';
import type { Block, Row, SegmentedDocument, SourceLine } from './ir.js';

const parser = unified().use(remarkParse);

/** A line is a table row when a tab separates text, or when it is an indented single cell. */
function isTableLine(text: string): boolean {
  return text.includes('\t') && text.replace(/\t/g, '').trim().length > 0;
}

/** Split text into SourceLines (CRLF, CR and form feeds handled; form feed starts a new page). */
export function toLines(text: string): SourceLine[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  return raw.map((t, i) => ({ no: i + 1, text: t }));
}

function tableRow(line: SourceLine): Row {
  const raw = line.text.split('\t');
  return { raw, cells: raw.map(cleanText), line: line.no };
}

function headingText(node: RootContent): string {
  const parts: string[] = [];
  const walk = (n: any) => {
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'html') parts.push(n.value);
    if (n.children) n.children.forEach(walk);
  };
  walk(node);
  return cleanText(parts.join(''));
}

/**
 * Lines whose first character can start a Markdown block (heading, setext underline, list item,
 * blockquote, HTML, thematic break, fence, definition). A section without any of them is plain
 * paragraphs (or indented code), which segment() emits line by line exactly as remark would.
 */
const MAYBE_MARKDOWN = /^\s*(?:[#*+\-_=>\[<`~]|\d{1,9}[.)])/;
/** Constructs that stay open across blank lines (fences, raw HTML/comments, link definitions): parse the whole document. */
const SPANS_BLANKS = /^\s*(?:```|~~~|<(?:script|pre|style|textarea|[!?])|\[[^\]]*\]:)|[\f\v]/i;
const BLANK = /^[ \t]*$/;

/**
 * Cut masked lines into independent sections: a new section starts at a line with no indentation
 * after a blank line, where every Markdown container (list, quote, indented code, HTML block) has
 * been closed — so remark parses each section as it would the whole document.
 */
function sections(masked: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 1; i < masked.length; i++) {
    const t = masked[i];
    if (t.length > 0 && t[0] !== ' ' && t[0] !== '\t' && !BLANK.test(t) && BLANK.test(masked[i - 1])) {
      out.push([from, i]);
      from = i;
    }
  }
  if (masked.length > 0) out.push([from, masked.length]);
  return out;
}

export function segment(file: string, lines: SourceLine[]): SegmentedDocument {
  const byNo = new Map(lines.map((l) => [l.no, l]));
  const blocks: Block[] = [];

  // 1. Table runs. Blank lines inside a run are allowed (one-cell-per-line layouts put them there).
  const tableLine = new Set<number>();
  let run: SourceLine[] = [];
  const flush = () => {
    if (run.length > 0) {
      blocks.push({ type: 'table', rows: run.map(tableRow), line_start: run[0].no, line_end: run[run.length - 1].no });
    }
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (isTableLine(l.text)) {
      run.push(l);
      tableLine.add(l.no);
    } else if (l.text.trim() === '' && run.length > 0) {
      // keep the run open across blank lines if the next non-blank line is a table line
      let j = i + 1;
      while (j < lines.length && lines[j].text.trim() === '') j++;
      if (j >= lines.length || !isTableLine(lines[j].text)) flush();
    } else {
      flush();
    }
  }
  flush();

  // 2. Everything else: remark only where a line can mean Markdown; plain lines become text blocks
  //    directly (remark over every line was the largest ingest cost and gives the same blocks).
  const masked = lines.map((l) => (tableLine.has(l.no) ? '' : l.text));
  const firstNo = lines.length > 0 ? lines[0].no : 1;
  const emitLines = (start: number, end: number, list: boolean) => {
    for (let n = start; n <= end; n++) {
      const l = byNo.get(n + firstNo - 1);
      if (!l || tableLine.has(l.no)) continue;
      const text = cleanText(l.text.replace(/^\s*(?:[-*+]\s+|#{1,6}\s+|>\s*)/, ''));
      if (text) blocks.push({ type: 'text', text, list, line_start: l.no, line_end: l.no });
    }
  };
  /** remark over masked[from..to) ; node line numbers are shifted by `from`. */
  const parseSection = (from: number, to: number) => {
    const tree = parser.parse(masked.slice(from, to).join('\n')) as Root;
    for (const node of tree.children) {
      const start = (node.position?.start.line ?? 0) + from;
      const end = (node.position?.end.line ?? node.position?.start.line ?? 0) + from;
      if (node.type === 'heading') {
        const text = headingText(node);
        const no = start + firstNo - 1;
        if (text) blocks.push({ type: 'heading', depth: node.depth, text, line_start: no, line_end: end + firstNo - 1 });
      } else if (node.type === 'list') {
        emitLines(start, end, true);
      } else {
        // paragraph, html, code (indented text), blockquote, thematicBreak …: one text block per line
        emitLines(start, end, false);
      }
    }
  };
  if (masked.some((t) => SPANS_BLANKS.test(t))) {
    parseSection(0, masked.length);
  } else {
    for (const [from, to] of sections(masked)) {
      if (masked.slice(from, to).some((t) => MAYBE_MARKDOWN.test(t))) parseSection(from, to);
      else emitLines(from + 1, to, false);
    }
  }

  blocks.sort((a, b) => a.line_start - b.line_start);
  const pages = new Map<number, number>();
  for (const l of lines) if (l.page !== undefined) pages.set(l.no, l.page);
  return { file, lines, blocks, pageOf: (line) => pages.get(line) };
}
