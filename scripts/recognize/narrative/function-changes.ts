/**
 * Changes from the previous year the running text states for each function line, in the layout
 * "（4）教育支出（类）职业教育（款）技校教育（项）22,232.08万元，主要用于…。比上年执行数增加362.05万元，
 * 增长1.7%，主要原因是…" (or "与上年执行数持平"): the line's name (类/款/项, or a name the function tables
 * carry), its figure, the stated change and percentage, and the reason. A change stated against a
 * budget (比年初预算…) is not a year-over-year change and is left out.
 */
import type { FunctionExpenditure, StatedChange } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';
import { moneyToWan } from '../../normalize/amount.js';
import { stripNumbering } from '../tables/cells.js';
import { defineRecognizer } from '../registry.js';
import { functionCode } from './budget-execution.js';
import { ITEM_START, lineAt, paragraphs } from './paragraphs.js';

const NUM = '(-?[\\d,，]+(?:\\.\\d+)?)\\s*(万元|元)';
/** the line's name and figure at the start of an item: "…（项）22,232.08万元", "…（项）2026 年预算数为 5,826.21 万元" */
const HEAD = new RegExp(`^(.{2,80}?)[：:，,]?\\s*(?:(?:19|20)\\d{2}\\s*年(?:度)?\\s*(?:预算数|决算数|预算|决算)?\\s*(?:为|是)?\\s*)?${NUM}`);
const CHANGE = new RegExp(`(?:比|较)\\s*(?:上年|上一年|去年|(\\d{4})\\s*年)(?:度)?(?:执行数|预算数|决算数|预算|决算|执行)?(?:数)?\\s*(增加|减少|增长|下降|上升|降低)\\s*${NUM}`);
const SAME = /(?:与|和|同)\s*(?:上年|上一年|去年|(\d{4})\s*年)(?:度)?(?:执行数|预算数|决算数|预算|决算)?(?:数)?(?:持平|相同|一致|相当)/;
const PCT = /^[，,（(\s]*(?:增长|下降|增幅|降幅|减幅|减少|增加|上升|降低)(?:了)?\s*(-?[\d.]+)\s*[%％]/;
const REASON = /主要(?:原因)?(?:是|为)[:：]?\s*([^。]+)/;
const DOWN = /减少|下降|降低/;

export function recognizeFunctionChanges(ctx: RecognizeContext, functions: FunctionExpenditure[]): StatedChange[] {
  const out: StatedChange[] = [];
  const seen = new Set<string>();
  const paras = paragraphs(ctx.seg);
  paras.forEach((p, k) => {
    if (p.heading) return;
    // an item whose name wraps after its number ("（2）社会保障和就业支出（类）行政事业单位养老支" | "出（款）…（项）…")
    // arrives as two paragraphs: the number's line is joined back
    const before = paras[k - 1];
    const wrapped =
      before !== undefined && !before.heading && p.line_start - before.line_end <= 3 && !/[。；;]/.test(before.text) && ITEM_START.test(before.text) &&
      !/[（(]类[)）]/.test(p.text.slice(0, 40)) &&
      (/[（(](?:款|项)[)）]/.test(p.text.slice(0, 60)) || /[（(](?:类|款|项)[)）]\s*$/.test(before.text) ||
        // “…培训支出（项）2026” | “年预算数为 118.01 万元…”: the year cut from its 年
        (/[（(](?:类|款|项)[)）]\s*(?:19|20)\d{2}\s*$/.test(before.text) && /^\s*年/.test(p.text)));
    const text = (wrapped ? before.text : '') + p.text;
    const lineOf = (offset: number) => (wrapped && offset < before.text.length ? lineAt(before, offset) : lineAt(p, offset - (wrapped ? before.text.length : 0)));
    // items numbered inside a paragraph ("…预算下降。（3）国防支出（类）…") are read one by one
    const starts = [0, ...[...text.matchAll(/[。；;]\s*(?=[（(]\d{1,2}[)）]|\d{1,2}[、.．](?!\d))/g)].map((m) => (m.index ?? 0) + m[0].length)];
    starts.forEach((from, j) => {
      const to = j + 1 < starts.length ? starts[j + 1] : text.length;
      const item = readItem(ctx, text.slice(from, to), functions);
      if (!item) return;
      const key = `${item.code ?? item.label}|${item.value}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ ...item.change, source: ctx.ref(lineOf(from + item.at), Math.max(lineOf(from + item.at), lineOf(from + item.end - 1))) });
    });
  });
  return out;
}

/** One item: its name and figure at its start, the change from the previous year it states. */
function readItem(ctx: RecognizeContext, segment: string, functions: FunctionExpenditure[]): { change: Omit<StatedChange, 'source'>; code: string | null; label: string; value: number; at: number; end: number } | null {
  const text = segment.replace(/^\s+/, '');
  const lead = stripNumbering(text.slice(0, 90));
  const offset = text.indexOf(lead.slice(0, 4));
  const head = HEAD.exec(lead);
  if (!head || offset < 0) return null;
  const label = head[1].replace(/[：:，,\s]+$/, '');
  const marked = /[（(](?:类|款|项)[)）]$/.test(label);
  const code = functionCode(label, functions);
  if ((!marked && code === null) || /预算|决算|合计|总计|其中/.test(label)) return null;
  const value = moneyToWan(head[2].replace(/，/g, ','), head[3] === '元' ? '元' : '万元');
  if (value === null) return null;
  const rest = text.slice(offset + head[0].length);
  const change = CHANGE.exec(rest);
  const same = change ? null : SAME.exec(rest);
  const m = change ?? same;
  if (!m) return null;
  // a year that is not the previous one ("比2023年") is some other comparison
  if (m[1] && ctx.fiscal_year !== null && Number(m[1]) !== ctx.fiscal_year - 1) return null;
  let delta = 0;
  if (change) {
    const v = moneyToWan(change[3].replace(/，/g, ','), change[4] === '元' ? '元' : '万元');
    if (v === null) return null;
    delta = DOWN.test(change[2]) ? -Math.abs(v) : Math.abs(v);
  }
  const after = rest.slice(m.index + m[0].length);
  const pct = change ? PCT.exec(after) : null;
  // the reason: in the sentence of the change or the next one
  const first = after.indexOf('。');
  const second = first < 0 ? -1 : after.indexOf('。', first + 1);
  const reason = REASON.exec(first < 0 ? after : after.slice(0, second < 0 ? after.length : second));
  const lead0 = segment.length - text.length + offset;
  return {
    code,
    label,
    value,
    at: lead0,
    end: lead0 + head[0].length + m.index + m[0].length,
    change: {
      code,
      label,
      value,
      change: delta,
      change_pct: pct ? (DOWN.test(pct[0]) ? -Math.abs(Number(pct[1])) : Number(pct[1])) : same ? 0 : null,
      reason: reason ? reason[1].trim().replace(/[，,；;]$/, '') : null,
    },
  };
}

export const functionChangesRecognizer = defineRecognizer({
  id: 'function-changes',
  label: '说明文字中各功能科目的增减',
  deps: ['function-classification'],
  run: (ctx, i) => recognizeFunctionChanges(ctx, i['function-classification']),
  empty: () => [],
});
