/**
 * Numbered project descriptions in the narrative (项目支出情况说明 / 项目情况说明 / 项目绩效情况):
 *
 *   1. 中心大厅运行管理日常工作运转项目        ← name line (any numbering, or none)
 *   1）项目概述：…                            ← sub-items: "1）" "(1)" "（1）" "1." "1、"
 *   6）年度预算安排：70万元
 *   7）绩效目标和指标：                        ← indicators follow, inline or as a table
 *   数量指标：…≥95%
 *
 * A project starts at its 项目概述 (or first) sub-item; its name is the line just before. A run of
 * sub-items whose numbering restarts inside a project is a passage printed twice: it is matched to the
 * project it repeats (same 立项依据/预算) and only adds provenance, never a new project.
 */
import type { Block, TextBlock } from '../../segment/ir.js';
import type { RecognizeContext } from '../context.js';
import { parseMoneyText } from '../../normalize/amount.js';
import { cleanText } from '../../normalize/text.js';
import { gridRows } from '../tables/cell-per-line.js';
import { type InlineState, newInlineState, readInlineIndicator } from '../indicators/inline.js';
import {
  indicatorRowStop,
  newIndicatorState,
  parseIndicatorHeader,
  readIndicatorRow,
} from '../indicators/table.js';
import { type ProjectDraft, newDraft, setIfEmpty } from './draft.js';
import { defineRecognizer } from '../registry.js';

type SubField = 'overview' | 'basis' | 'implementing_unit' | 'plan' | 'period' | 'budget' | 'annual_goal' | 'indicators' | 'other';

const SUB_FIELDS: Array<[RegExp, SubField]> = [
  [/^项目(概述|概况|简介)$/, 'overview'],
  [/^(立项依据|政策依据|项目依据)$/, 'basis'],
  [/^(实施主体|实施单位|项目实施单位)$/, 'implementing_unit'],
  [/^(实施方案|项目内容|主要内容|项目实施内容)$/, 'plan'],
  [/^(实施周期|项目周期|实施期限)$/, 'period'],
  [/^(年度预算安排|预算安排|资金来源|预算金额|年度预算|项目预算|资金安排)$/, 'budget'],
  [/^(绩效目标和指标|绩效目标及指标|绩效指标|绩效目标与指标)$/, 'indicators'],
  [/^(绩效目标|预期目标|年度绩效目标|年度目标)$/, 'annual_goal'],
  [/^(经济和社会效益|经济社会效益|预期效益)$/, 'other'],
];

const SUB_ITEM =
  /^\s*(?:[(（]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）]|(\d{1,2})\s*[)）]|(\d{1,2})\s*[.．、](?!\d))\s*([\u4e00-\u9fff]{2,8})\s*(?:[:：]\s*(.*))?$/;

const CN_DIGITS = '一二三四五六七八九';
/** "3" → 3, "三" → 3, "十二" → 12. */
function itemNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN_DIGITS.indexOf(s[1]) + 1;
  if (s.endsWith('十')) return (CN_DIGITS.indexOf(s[0]) + 1) * 10;
  return CN_DIGITS.indexOf(s[0]) + 1;
}

interface SubItem {
  no: number;
  field: SubField;
  value: string;
}

export function parseSubItem(text: string): SubItem | null {
  const m = SUB_ITEM.exec(text);
  if (!m) return null;
  const label = m[4];
  const hit = SUB_FIELDS.find(([re]) => re.test(label));
  if (!hit) return null;
  // "1）项目概述：1）项目概述：…" — a label printed twice.
  const value = (m[5] ?? '').replace(SUB_ITEM_PREFIX(label), '').trim();
  return { no: itemNumber(m[1] ?? m[2] ?? m[3]), field: hit[1], value };
}

function SUB_ITEM_PREFIX(label: string): RegExp {
  return new RegExp(`^\\s*(?:[(（]?(?:\\d{1,2}|[一二三四五六七八九十]{1,2})[)）.．、])?\\s*${label}\\s*[:：]\\s*`);
}

/** Section headings that end a project list ("二、…", "（五）…", "第四部分"). */
const SECTION = /^\s*(?:[一二三四五六七八九十]+\s*、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+部分)/;

function plausibleName(text: string): boolean {
  const t = text.trim();
  // Section titles ("一、项目基本情况", "项目支出情况说明") are not project names.
  if (/(情况|说明|概况|概述|简介|目标|内容|依据)[:：]?$/.test(t)) return false;
  return t.length >= 2 && t.length <= 60 && !/[。；;]/.test(t) && parseSubItem(t) === null;
}

interface Current {
  draft: ProjectDraft;
  lastNo: number;
  field: SubField | null;
  inline: InlineState;
  orphan: boolean;
}

export function recognizeNarrativeLists(ctx: RecognizeContext): ProjectDraft[] {
  const drafts: ProjectDraft[] = [];
  const orphans: ProjectDraft[] = [];
  const blocks = ctx.seg.blocks;
  let cur: Current | null = null;

  const textOf = (b: Block) => (b.type === 'table' ? '' : cleanText(b.text));
  /** The next non-table block after i is a first 项目概述-style sub-item: block i is a name line. */
  const isNameLine = (i: number): boolean => {
    const b = blocks[i];
    if (b.type === 'table' || !plausibleName(textOf(b))) return false;
    const next = blocks[i + 1];
    if (!next || next.type === 'table') return false;
    const sub = parseSubItem(textOf(next));
    return sub !== null && sub.field === 'overview' && sub.no === 1;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === 'table') {
      if (cur && cur.field === 'indicators') readIndicatorTable(b, cur, ctx);
      continue;
    }
    const text = textOf(b);
    if (isNameLine(i)) {
      const draft = newDraft(text, 'narrative', ctx.ref(b.line_start, b.line_end));
      drafts.push(draft);
      cur = { draft, lastNo: 0, field: null, inline: newInlineState(), orphan: false };
      ctx.claim(b.line_start, b.line_end, 'projects');
      continue;
    }
    if (!cur) continue;
    const sub = parseSubItem(text);
    if (sub) {
      if (sub.no <= cur.lastNo && !cur.orphan) {
        // Numbering restarted without a new name: a repeated passage.
        const orphan = newDraft('', 'narrative', ctx.ref(b.line_start, b.line_end));
        orphans.push(orphan);
        cur = { draft: orphan, lastNo: 0, field: null, inline: newInlineState(), orphan: true };
      }
      cur.lastNo = sub.no;
      cur.field = sub.field;
      applySub(cur.draft, sub.field, sub.value);
      cur.draft.sources.push(ctx.ref(b.line_start, b.line_end));
      ctx.claim(b.line_start, b.line_end, 'projects');
      continue;
    }
    if (b.type === 'heading' || SECTION.test(text)) {
      cur = null;
      continue;
    }
    // Continuation line of the current sub-item.
    if (cur.field === 'indicators') {
      const r = readInlineIndicator(text, cur.inline, ctx.ref(b.line_start, b.line_end));
      if (r.understood) {
        cur.draft.indicators.push(...r.indicators);
        cur.draft.sources.push(ctx.ref(b.line_start, b.line_end));
        ctx.claim(b.line_start, b.line_end, 'indicators');
      }
      continue;
    }
    if (cur.field && cur.field !== 'other') {
      appendField(cur.draft, cur.field, text);
      cur.draft.sources.push(ctx.ref(b.line_start, b.line_end));
      ctx.claim(b.line_start, b.line_end, 'projects');
    } else if (cur.field === 'other') {
      ctx.claim(b.line_start, b.line_end, 'projects');
    }
  }

  for (const o of orphans) resolveOrphan(o, drafts, ctx);
  return drafts;
}

function applySub(d: ProjectDraft, field: SubField, value: string): void {
  if (!value) return;
  switch (field) {
    case 'budget': {
      const money = parseMoneyText(value);
      if (money) setIfEmpty(d, 'budget', money.value);
      return;
    }
    case 'period': {
      setIfEmpty(d, 'period', value);
      const dates = value.match(/\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?/g);
      if (dates && dates.length >= 2) {
        setIfEmpty(d, 'start_date', dates[0]);
        setIfEmpty(d, 'end_date', dates[1]);
      }
      return;
    }
    case 'indicators':
    case 'other':
      return;
    default:
      setIfEmpty(d, field, value);
  }
}

function appendField(d: ProjectDraft, field: SubField, text: string): void {
  if (field === 'budget') {
    const money = parseMoneyText(text);
    if (money) setIfEmpty(d, 'budget', money.value);
    return;
  }
  if (field === 'indicators' || field === 'other') return;
  const key = field as 'overview' | 'basis' | 'implementing_unit' | 'plan' | 'period' | 'annual_goal';
  const prev = d[key];
  d[key] = prev ? `${prev}${text}` : text;
}

function readIndicatorTable(block: Extract<Block, { type: 'table' }>, cur: Current, ctx: RecognizeContext): void {
  const rows = gridRows(block);
  let state = null as ReturnType<typeof newIndicatorState> | null;
  for (const row of rows) {
    const header = parseIndicatorHeader(row.cells);
    if (header) {
      state = newIndicatorState(header);
      ctx.claim(row.line, row.line, 'indicators');
      continue;
    }
    if (!state) continue;
    if (indicatorRowStop(row.cells)) break;
    const ind = readIndicatorRow(row, state, ctx.ref(row.line));
    if (ind) cur.draft.indicators.push(ind);
    ctx.claim(row.line, row.line, 'indicators');
  }
  // Claim the whole one-cell-per-line run (its lines are the grid's cells).
  if (state) {
    ctx.claim(block.line_start, block.line_end, 'indicators');
    cur.draft.sources.push(ctx.ref(block.line_start, block.line_end));
  }
}

/** A repeated passage: attach its provenance to the project it repeats, or report it. */
function resolveOrphan(o: ProjectDraft, drafts: ProjectDraft[], ctx: RecognizeContext): void {
  const same = drafts.find(
    (d) =>
      (o.basis && d.basis === o.basis && (o.budget ?? null) === (d.budget ?? null)) ||
      (o.overview && d.overview === o.overview && (o.budget ?? null) === (d.budget ?? null)),
  );
  if (same) {
    same.sources.push(...o.sources);
    return;
  }
  const first = o.sources[0];
  ctx.warn(first.line_start, '项目说明中有一段编号重新开始、没有项目名称的内容，无法确定属于哪个项目，已忽略');
}

export type { TextBlock };

export const narrativeListRecognizer = defineRecognizer({
  id: 'project-narrative-lists',
  label: '项目（项目情况说明）',
  deps: [],
  run: (ctx) => recognizeNarrativeLists(ctx),
  empty: () => [],
});
