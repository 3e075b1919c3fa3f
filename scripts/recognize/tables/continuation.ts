/**
 * A table broken by page furniture: its rows go on after a running page header or footer line
 * ("XX市统计局 2026 年度部门预算公开", "- 13 -", "第 5 页") that the source kept between them (text
 * converted without page-furniture removal). The two table blocks are one table: the rows after the
 * furniture join the block before it when they carry no header of their own (their first row is
 * data) and have the same width. Pure.
 */
import type { Block, TableBlock } from '../../segment/ir.js';
import { compact, isBlank, isColumnNumberRow, isNumberCell } from './cells.js';

/** A page number line: "- 13 -", "13", "第 5 页", "5/12". */
const PAGE_NUMBER = /^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–－\s]*$/;
/** A running header naming the publication: "…2026 年度部门预算公开", "…单位决算信息公开". */
const RUNNING_HEADER = /^.{0,40}(?:19|20)\d{2}\s*年度?.{0,30}(?:预算|决算)(?:信息)?公开(?:表)?$/;

/** Whether a prose line is page furniture rather than text belonging to the document. */
export function isFurnitureLine(text: string, repeated: (t: string) => boolean): boolean {
  const c = compact(text);
  if (c.length === 0 || c.length > 60) return false;
  if (PAGE_NUMBER.test(text.trim())) return true;
  return RUNNING_HEADER.test(c) && !/[。；;，,：:]/.test(c) && (repeated(c) || /公开$/.test(c));
}

/** The first row of a block is data: an amount or a classification code (no header row of its own). */
function startsWithData(b: TableBlock): boolean {
  const first = b.rows.find((r) => r.cells.some((c) => !isBlank(c)));
  if (!first || isColumnNumberRow(first.cells)) return false;
  return first.cells.some((c) => isNumberCell(c)) || first.cells.slice(0, 3).some((c) => /^\d{3}(?:\d{2}){0,2}$/.test(compact(c)));
}

const width = (b: TableBlock) => Math.max(0, ...b.rows.map((r) => r.cells.length));

/**
 * Blocks with each table continued past furniture lines joined into one table block; `furniture`
 * lists the furniture lines taken into a table (they are read, as page furniture).
 */
export function joinAcrossFurniture(blocks: Block[]): { blocks: Block[]; furniture: number[] } {
  const counts = new Map<string, number>();
  for (const b of blocks) if (b.type === 'text') counts.set(compact(b.text), (counts.get(compact(b.text)) ?? 0) + 1);
  const repeated = (t: string) => (counts.get(t) ?? 0) >= 2;
  const out: Block[] = [];
  const furniture: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type !== 'table') {
      out.push(b);
      continue;
    }
    const last = out[out.length - 1];
    // the table block before this one, with only furniture lines (at most three) between them
    let k = out.length - 1;
    while (k >= 0 && out[k].type === 'text' && out.length - 1 - k < 3 && isFurnitureLine((out[k] as { text: string }).text, repeated)) k--;
    const prev = k >= 0 ? out[k] : undefined;
    if (last && last.type !== 'table' && k < out.length - 1 && prev?.type === 'table' && startsWithData(b) && Math.abs(width(prev) - width(b)) <= 1) {
      for (const x of out.splice(k + 1)) furniture.push(x.line_start);
      out[k] = { type: 'table', rows: [...prev.rows, ...b.rows], line_start: prev.line_start, line_end: b.line_end };
      continue;
    }
    out.push(b);
  }
  return { blocks: out, furniture };
}
