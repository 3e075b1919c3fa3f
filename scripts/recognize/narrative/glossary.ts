/**
 * 名词解释 entries. The section starts at a "名词解释" heading that is followed by entries (the table of
 * contents mentions it too, with nothing after it) and ends at the next 第N部分 / 附表 / a table.
 * Entry shapes: "term：definition", "（一）财政拨款：指…", "一般公共服务（类）…（项）：指…", "三、“三公”经费：…";
 * a line without a colon continues the previous definition (PDF line breaks); group headings such as
 * "一、收入科目" and introductory notes are claimed but are not entries.
 */
import type { GlossaryEntry } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';
import { ITEM_START } from './paragraphs.js';
import { defineRecognizer } from '../registry.js';

const SECTION_END = /^(?:第[一二三四五六七八九十\d]+部分|附表|附件|部门预算公开表|预算公开报表)/;

interface Line {
  no: number;
  text: string;
  heading: boolean;
}

function entriesFrom(lines: Line[], start: number): { entries: Array<{ term: string; def: string; from: number; to: number }>; end: number } {
  const entries: Array<{ term: string; def: string; from: number; to: number }> = [];
  let end = lines[start].no;
  for (let i = start + 1; i < lines.length; i++) {
    const { no, text } = lines[i];
    if (SECTION_END.test(text) && !/名词解释/.test(text)) break;
    end = no;
    const body = text.replace(ITEM_START, '').trim();
    const m = /^(.{1,60}?)[：:]\s*(.+)$/.exec(body);
    const term = m ? m[1].replace(/[\s*]+/g, '').trim() : '';
    const def = m ? m[2].trim() : '';
    // an entry: a short term and a definition in words (not "公开咨询电话：85753196")
    if (m && term.length >= 2 && /[\u4e00-\u9fa5]{2}/.test(def) && !/[。；，]/.test(term)) {
      entries.push({ term, def, from: no, to: no });
      continue;
    }
    const groupHeading = text.length <= 20 && /^[一二三四五六七八九十]+[、.．]/.test(text);
    if (groupHeading || entries.length === 0) continue;
    if (m && !/[\u4e00-\u9fa5]{2}/.test(def)) {
      end = lines[i - 1].no; // a contact line after the glossary: stop before it
      break;
    }
    const last = entries[entries.length - 1];
    last.def += text;
    last.to = no;
  }
  return { entries, end };
}

export function recognizeGlossary(ctx: RecognizeContext): GlossaryEntry[] {
  try {
    const lines: Line[] = [];
    for (const b of ctx.seg.blocks) {
      if (b.type === 'table') {
        lines.push({ no: b.line_start, text: '附表', heading: true }); // a table ends the section
        continue;
      }
      lines.push({ no: b.line_start, text: b.text.trim(), heading: b.type === 'heading' });
    }
    let best: { entries: Array<{ term: string; def: string; from: number; to: number }>; start: number; end: number } | null = null;
    for (let i = 0; i < lines.length; i++) {
      if (!/名词解释/.test(lines[i].text) || lines[i].text.length > 30) continue;
      const r = entriesFrom(lines, i);
      if (r.entries.length > 0 && (!best || r.entries.length > best.entries.length)) best = { ...r, start: lines[i].no };
    }
    if (!best) return [];
    ctx.claim(best.start, best.end, 'glossary');
    return best.entries.map((e) => ({
      term: e.term,
      definition: e.def.replace(/\s+/g, ' ').trim(),
      source: ctx.ref(e.from, e.to),
    }));
  } catch {
    ctx.warn(null, '名词解释识别失败，已跳过');
    return [];
  }
}

export const glossaryRecognizer = defineRecognizer({
  id: 'glossary',
  label: '名词解释',
  deps: [],
  run: (ctx) => recognizeGlossary(ctx),
  empty: () => [],
});
