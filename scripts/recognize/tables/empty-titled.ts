/**
 * Tables published empty with no grid left to read: a title (…政府性基金预算支出表) followed by at
 * most a header line and a note saying the table is empty ("本部门无政府性基金预算收支，此表为空表").
 * PDF exports often print only the header of such a table, which text extraction gives as a plain
 * line. Without this the table would count as not disclosed, which the note says is untrue.
 */
import type { Table, TableKind } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';
import type { Block } from '../../segment/ir.js';
import { compact } from '../../normalize/text.js';
import { classifyTable, MONEY_KINDS } from './kind.js';
import { isTitleText, unitIn } from './surroundings.js';

/** the note of an empty table */
const EMPTY_NOTE = /空表|无数据|(?:此|本|该)表(?:内容)?为空|不涉及(?:此|本|该)表/;
/** how many prose lines may sit between the title and the note (unit line, header line, wrapped note) */
const MAX_GAP = 4;

export function recognizeEmptyTitled(ctx: RecognizeContext, blocks: Block[], taken: ReadonlySet<number>, firstId: number): Table[] {
  const out: Table[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === 'table' || taken.has(b.line_start) || !isTitleText(b.text)) continue;
    const title = b.text.replace(/\s+/g, ' ').trim();
    const kind: TableKind = classifyTable(title.replace(/^(?:附?表\s*[\d一二三四五六七八九十]+[-—.、：:\s]*)/, ''), []);
    if (!MONEY_KINDS.has(kind)) continue;
    let unit = null as ReturnType<typeof unitIn>;
    const lines = [b.line_start];
    for (let j = i + 1, seen = 0; j < blocks.length && seen < MAX_GAP; j++) {
      const n = blocks[j];
      if (n.type === 'table') break; // the table has a grid: the table recognizer reads it
      if (!n.text.trim()) continue;
      seen++;
      if (isTitleText(n.text) && !unitIn(n.text)) break; // the next table's title
      unit ??= unitIn(n.text);
      lines.push(n.line_start);
      if (EMPTY_NOTE.test(compact(n.text))) {
        out.push({
          id: `t${String(firstId + out.length).padStart(2, '0')}`,
          kind,
          title,
          unit: unit ?? ctx.unit,
          columns: [],
          rows: [],
          empty: true,
          note: n.text.trim(),
          source: ctx.ref(b.line_start, n.line_start),
        });
        for (const l of lines) ctx.claim(l, l, 'tables');
        break;
      }
    }
  }
  return out;
}
