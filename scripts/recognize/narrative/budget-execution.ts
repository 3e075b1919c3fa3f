/**
 * Budget against actual in a 决算's running text: each line item a 决算 explains as
 * "<科目>年初预算数为X万元，决算数为Y万元，完成年初预算的Z%，主要原因是：…" — the headline figures
 * (财政拨款支出, 一般公共预算财政拨款支出, 基本支出, 项目支出, 支出总计), each function (类/款/项,
 * named as the tables name it or as "一般公共服务（类）…（款）行政运行（项）") and each “三公” item.
 * Budgets budgeted as 年初预算 and as 调整预算/全年预算 are kept apart; the reason for the difference is
 * taken only when it is said of the budget (决算数小于年初预算数的主要原因是…, or a 主要原因 right after
 * the rate), never a reason given for the change from the previous year.
 */
import type { BudgetExecution, FunctionExpenditure, TotalKey } from '../../model/schema.js';
import { TOTAL_KEYS, TOTAL_LABELS } from '../../model/schema.js';
import type { RecognizerOutputs } from '../registry.js';
import type { RecognizeContext } from '../context.js';
import { moneyToWan } from '../../normalize/amount.js';
import { compact, stripNumbering } from '../tables/cells.js';
import { defineRecognizer } from '../registry.js';
import { lineAt, paragraphs } from './paragraphs.js';

const NUM = '(-?[\\d,，]+(?:\\.\\d+)?)\\s*(万元|元)';
const BUDGET = new RegExp(`(年初预算|调整(?:后)?预算|全年预算|预算)(?:数|金额)?(?:为|是|：|:)?\\s*${NUM}`, 'g');
const ACTUAL = new RegExp(`(?:支出)?决算(?:数|金额)?(?:为|是|：|:)?\\s*${NUM}`);
/** the actual first: "“三公”经费支出决算为0.16万元，完成预算0万元的0%" */
const ACTUAL_FIRST = new RegExp(`决算(?:数|金额)?(?:为|是)?\\s*${NUM}\\s*[，,]?\\s*完成(了)?(年初|全年|调整(?:后)?)?预算(?:数)?\\s*${NUM}\\s*的\\s*(-?[\\d.]+)\\s*[%％]`, 'g');
const RATE = /完成(?:了)?(?:年初|全年|调整(?:后)?)?预算(?:数)?(?:[\d.,]+万元)?的\s*(-?[\d.]+)\s*[%％]/;
/** a reason said of the budget: "决算数大于（小于）年初预算数的主要原因是：…" */
const BUDGET_REASON = /决算数?(?:大于|小于|高于|低于|超过|较|与|比)[^。]{0,20}?预算数?[^。]{0,12}?(?:的)?(?:主要)?原因(?:是|为|主要是)?[:：]?\s*([^。]+)/;
const REASON = /(?:主要)?原因(?:是|为|主要是)?[:：]?\s*([^。]+)/;
/** a reason given for the change from the previous year, not for the budget */
const YEAR_CHANGE = /较(?:上年|上一年|\d{4}\s*年)|比(?:上年|上一年|\d{4}\s*年)|同比/;

const wan = (text: string, unit: string) => moneyToWan(text.replace(/，/g, ','), unit === '元' ? '元' : '万元');

/** The scope of a labelled line: a headline figure, a “三公” item, a function, or null (a project, anything else). */
function scopeOf(label: string): string | null {
  const l = label.replace(/[“”"]/g, '');
  if (/三公|因公出国|公务接待|公务用车/.test(l)) return 'three_public';
  if (/项目/.test(l) && !/^项目支出$/.test(l)) return null;
  if (/^(?:部门)?(?:支出)?(?:决算)?总计$|^总支出$|^支出总计$/.test(l)) return 'expenditure_total';
  if (/^(?:财政拨款)?基本支出$/.test(l)) return 'basic_expenditure';
  if (/^(?:财政拨款)?项目支出$/.test(l)) return 'project_expenditure';
  if (/^一般公共预算(?:财政拨款)?支出$/.test(l)) return 'general_budget_expenditure';
  if (/^财政拨款支出$/.test(l)) return 'fiscal_appropriation_expenditure';
  return 'function';
}

/** The function code a label names: the last of its 类/款/项 parts, when exactly one code of the tables bears that name. */
export function functionCode(label: string, rows: FunctionExpenditure[]): string | null {
  const parts = label.split(/[（(](?:类|款|项)[)）]/).map((x) => x.trim()).filter((x) => x !== '');
  const name = parts[parts.length - 1] ?? label;
  const bare = (x: string) => compact(x).replace(/支出$/, '');
  // the level the label's last marker names: （类） 3 digits, （款） 5, （项） 7
  const marker = /[（(](类|款|项)[)）]$/.exec(label.trim());
  const digits = marker ? { 类: 3, 款: 5, 项: 7 }[marker[1] as '类' | '款' | '项'] : 0;
  const named = rows.filter((r) => bare(r.name) === bare(name) && (digits === 0 || r.code.length === digits));
  const codes = new Set(named.map((r) => r.code));
  if (codes.size === 1) return [...codes][0];
  // the same name at several places (行政运行 under each 款): the 类 and 款 named before it decide
  if (codes.size > 1 && parts.length > 1) {
    const parent = new Set(rows.filter((r) => bare(r.name) === bare(parts[parts.length - 2]) && r.code.length < (digits || 8)).map((r) => r.code));
    const under = [...codes].filter((c) => [...parent].some((p) => c.startsWith(p) && c !== p));
    if (under.length === 1) return under[0];
  }
  return null;
}

/** Offset of the clause boundary before `at` (where the item named there starts), or `at` when none lies after `from`. */
function boundaryBefore(text: string, at: number): number {
  const before = text.slice(0, at);
  return Math.max(0, ...['，', ',', '；', ';', '。', '：', ':'].map((c) => before.lastIndexOf(c)));
}

/** The line item a budget phrase belongs to: the words before it back to a clause boundary, without year and department. */
function labelBefore(text: string, at: number, department: string): string {
  const before = text.slice(0, at);
  const cut = Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('；'), before.lastIndexOf('。'), before.lastIndexOf('：'), before.lastIndexOf(':'));
  let label = stripNumbering(before.slice(cut + 1));
  label = label
    .replace(/^本(?:部门|单位)/, '')
    .replace(new RegExp(`^${department.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '')
    .replace(/^(?:\d{4}\s*年度?|本年度?)/, '')
    .replace(/^(?:其中|其中：)/, '')
    .replace(/的$/, '')
    .trim();
  return label;
}

export function recognizeBudgetExecution(ctx: RecognizeContext, functions: FunctionExpenditure[]): BudgetExecution[] {
  if (ctx.kind !== 'final_account') return [];
  const out: BudgetExecution[] = [];
  for (const p of paragraphs(ctx.seg)) {
    if (p.heading || !/决算/.test(p.text) || !/预算/.test(p.text)) continue;
    const text = p.text;
    // candidate starts: a budget phrase followed, in the same sentence, by a 决算数
    const hits: Array<{ at: number; end: number; entry: Omit<BudgetExecution, 'source' | 'reason'>; line: number }> = [];
    for (const m of text.matchAll(BUDGET)) {
      const at = m.index ?? 0;
      if (hits.some((h) => at < h.end)) continue; // a 调整预算 after the 年初预算 of the same item
      const sentenceEnd = ((e) => (e < 0 ? text.length : e))(text.indexOf('。', at));
      const rest = text.slice(at, sentenceEnd);
      const actual = ACTUAL.exec(rest);
      if (!actual) continue;
      let label = labelBefore(text, at, ctx.department);
      if (label === '') {
        // "1.一般公共服务（类）…行政运行（项）。年初预算为…" or "…（项）：年初预算为…": the item named
        // in the clause before
        const prev = text.slice(0, at).replace(/[。：:，,]\s*$/, '');
        const start = Math.max(prev.lastIndexOf('。'), prev.lastIndexOf('；'));
        const named = stripNumbering(prev.slice(start + 1));
        if (/[（(](?:类|款|项)[)）]$/.test(named) || (/支出$/.test(named) && named.length <= 30)) label = named;
      }
      if (label === '' || label.length > 60) continue;
      const scope = scopeOf(label);
      if (!scope) continue;
      const budgets = [...rest.slice(0, actual.index).matchAll(BUDGET)];
      let initial: number | null = null;
      let final: number | null = null;
      for (const b of budgets) {
        const v = wan(b[2], b[3]);
        if (/^年初/.test(b[1])) initial ??= v;
        else if (/^(?:调整|全年)/.test(b[1])) final ??= v;
        else initial ??= v; // a bare 预算数 of a 决算 is its 年初预算 (as the 三公 table's note says)
      }
      const rate = RATE.exec(rest);
      const end = at + Math.max(actual.index + actual[0].length, rate ? rate.index + rate[0].length : 0);
      const code = scope === 'function' ? functionCode(label, functions) : null;
      if (scope === 'function' && code === null && !/[（(](?:类|款|项)[)）]|支出$/.test(label)) continue;
      hits.push({
        at,
        end,
        line: lineAt(p, at),
        entry: { scope, label, code, initial_budget: initial, final_budget: final, actual: wan(actual[1], actual[2]), stated_rate: rate ? Number(rate[1]) : null },
      });
    }
    for (const m of text.matchAll(ACTUAL_FIRST)) {
      const at = m.index ?? 0;
      if (hits.some((h) => at < h.end && at + m[0].length > h.at)) continue;
      const label = labelBefore(text, at, ctx.department);
      const scope = label === '' || label.length > 60 ? null : scopeOf(label);
      if (!scope) continue;
      const code = scope === 'function' ? functionCode(label, functions) : null;
      if (scope === 'function' && code === null && !/[（(](?:类|款|项)[)）]|支出$/.test(label)) continue;
      const budget = wan(m[5], m[6]);
      const final = m[4] !== undefined && /^(?:全年|调整)/.test(m[4]);
      hits.push({
        at,
        end: at + m[0].length,
        line: lineAt(p, at),
        entry: { scope, label, code, initial_budget: final ? null : budget, final_budget: final ? budget : null, actual: wan(m[1], m[2]), stated_rate: Number(m[7]) },
      });
    }
    hits.sort((a, b) => a.at - b.at);
    hits.forEach((h, k) => {
      // the reason: said of the budget anywhere up to the next item (its label), else a 主要原因 right after the rate
      const until = k + 1 < hits.length ? boundaryBefore(text, hits[k + 1].at) : text.length;
      const after = text.slice(h.end, until);
      const own = BUDGET_REASON.exec(after);
      let reason: string | null = own ? own[1] : null;
      if (!reason) {
        const sentence = after.slice(0, ((e) => (e < 0 ? after.length : e))(after.indexOf('。')));
        const r = REASON.exec(sentence);
        if (r && !YEAR_CHANGE.test(sentence.slice(0, r.index))) reason = r[1];
      }
      reason = reason ? reason.trim().replace(/[，,；;]$/, '') : null;
      const lastLine = lineAt(p, Math.max(h.end, own ? h.end + (own.index ?? 0) + own[0].length - 1 : h.end) - 1);
      out.push({ ...h.entry, reason: reason || null, source: ctx.ref(h.line, Math.max(h.line, lastLine)) });
    });
  }
  return out;
}

/**
 * The headline figures a 决算's summary tables print with their budgets (年初预算数 | 调整预算数 | 决算数
 * on the 支出总计 / 合计 row), for each figure the text does not already state.
 */
export function tableBudgetLines(totals: RecognizerOutputs['table-totals'], stated: BudgetExecution[]): BudgetExecution[] {
  const out: BudgetExecution[] = [];
  for (const k of TOTAL_KEYS as readonly TotalKey[]) {
    const t = totals[k];
    if (!t || (t.initial_budget === undefined && t.final_budget === undefined) || stated.some((x) => x.scope === k)) continue;
    // 本年支出合计 beside 支出总计 from the same row says the same
    if (k === 'current_year_expenditure' && totals.expenditure_total?.source.line_start === t.source.line_start) continue;
    out.push({ scope: k, label: TOTAL_LABELS[k], code: null, initial_budget: t.initial_budget ?? null, final_budget: t.final_budget ?? null, actual: t.value, stated_rate: null, reason: null, source: t.source });
  }
  return out;
}

export const budgetExecutionRecognizer = defineRecognizer({
  id: 'budget-execution',
  label: '决算与预算的对比',
  deps: ['function-classification', 'table-totals'],
  run: (ctx, i) => {
    if (ctx.kind !== 'final_account') return [];
    const stated = recognizeBudgetExecution(ctx, i['function-classification']);
    return [...tableBudgetLines(i['table-totals'], stated), ...stated];
  },
  empty: () => [],
});
