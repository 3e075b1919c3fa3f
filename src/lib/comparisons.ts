/**
 * What the document page shows of a document's own comparisons (pure, unit-tested): each figure
 * beside the previous year's the same table prints (function, economic class, “三公”), and a 决算's
 * budget against actual (headline figures, functions, “三公”) with the execution rate and the reason
 * the document gives.
 */
import type { BudgetExecution, DocumentEntry, NarrativeFact, SourceRef, StatedChange, ThreePublicItem } from '../../scripts/model/schema';
import { TOTAL_KEYS, TOTAL_LABELS } from '../../scripts/model/schema';
import { baseBudget, changeOf, changePctOf, executionRate } from '../../scripts/normalize/change';

export interface ChangeRow {
  code: string | null;
  level: number;
  name: string;
  previous: number | null;
  current: number | null;
  change: number | null;
  change_pct: number | null;
  /** the percentage is the one the text prints (shown as printed, e.g. 3%, not 3.00%) */
  pct_stated?: boolean;
  /** the reason the text gives for the change, when it gives one */
  reason?: string | null;
  source: SourceRef;
}

export interface ChangeGroup {
  id: string;
  title: string;
  /** the table the rows come from, when one */
  table_id: string | null;
  rows: ChangeRow[];
  /** how the 上年 figures were obtained, when not printed in a table */
  note?: string;
}

const row = (code: string | null, level: number, name: string, current: number | null, previous: number | null | undefined, source: SourceRef): ChangeRow => ({
  code,
  level,
  name,
  previous: previous ?? null,
  current,
  change: changeOf(current, previous),
  change_pct: changePctOf(current, previous),
  source,
});

const THREE_ORDER: ThreePublicItem[] = ['total', 'overseas_travel', 'vehicles_total', 'vehicle_purchase', 'vehicle_operation', 'reception'];

/**
 * The groups of figures printed with their previous year's: “三公” first, then each function table
 * and each economic table that prints a 上年 figure on at least one row (rows without one are left out).
 */
export function yearOverYear(
  doc: Pick<DocumentEntry, 'kind' | 'tables' | 'three_public' | 'expenditure_by_function' | 'basic_expenditure_by_economic' | 'totals' | 'totals_sources' | 'totals_previous'>,
): ChangeGroup[] {
  const has = (v: number | null | undefined) => v !== null && v !== undefined;
  const groups: ChangeGroup[] = [];
  // the headline totals whose source row prints the previous year's figure beside them
  const prev = doc.totals_previous ?? {};
  const totals = TOTAL_KEYS.filter((k) => prev[k] !== undefined && doc.totals_sources[k]);
  if (totals.length > 0) {
    groups.push({ id: 'yoy-totals', title: '主要数字', table_id: null, rows: totals.map((k) => row(null, 1, TOTAL_LABELS[k], doc.totals[k], prev[k], doc.totals_sources[k])) });
  }
  const final = doc.kind === 'final_account';
  const three = doc.three_public.filter((x) => has(x.previous)).sort((a, b) => THREE_ORDER.indexOf(a.item) - THREE_ORDER.indexOf(b.item));
  if (three.length > 0) {
    groups.push({
      id: 'yoy-three-public',
      title: '“三公”经费',
      table_id: null,
      rows: three.map((x) => row(null, x.item === 'total' ? 1 : x.item === 'vehicle_purchase' || x.item === 'vehicle_operation' ? 3 : 2, x.label, final ? (x.actual ?? x.budget) : (x.budget ?? x.actual), x.previous, x.source)),
    });
  }
  const title = (id: string, fallback: string) => doc.tables.find((t) => t.id === id)?.title ?? fallback;
  const byTable = <T extends { table_id: string; previous?: number | null }>(rows: T[]) => {
    const out = new Map<string, T[]>();
    for (const r of rows) if (has(r.previous)) out.set(r.table_id, [...(out.get(r.table_id) ?? []), r]);
    return out;
  };
  for (const [id, rows] of byTable(doc.expenditure_by_function)) {
    groups.push({ id: `yoy-fn-${id}`, title: title(id, '按功能分类的支出'), table_id: id, rows: rows.map((r) => row(r.code, r.level, r.name, r.total, r.previous, r.source)) });
  }
  for (const [id, rows] of byTable(doc.basic_expenditure_by_economic)) {
    groups.push({ id: `yoy-econ-${id}`, title: title(id, '按经济分类的基本支出'), table_id: id, rows: rows.map((r) => row(r.code, r.level, r.name, r.total, r.previous, r.source)) });
  }
  return groups;
}

/** The narrative's figures a year-over-year change may be shown for, with their names. */
const STATED_LABELS: Record<string, string> = {
  ...TOTAL_LABELS,
  three_public_overseas: '因公出国（境）费',
  three_public_vehicles_total: '公务用车购置及运行维护费',
  three_public_vehicle_purchase: '公务用车购置费',
  three_public_vehicle_operation: '公务用车运行维护费',
  three_public_reception: '公务接待费',
};

/**
 * The changes the text states for the headline figures and the “三公” items ("支出预算5876.67万元，
 * 比上年执行数增加…"): only from a sentence that compares with the previous year (上年, 2025年, 同比)
 * and not also with a budget (a 决算's "比年初预算数增加…" is no year-over-year change). 上年 is
 * 本年 − 增减. The first statement of each figure.
 */
export function statedChanges(doc: Pick<DocumentEntry, 'fiscal_year' | 'facts'>): ChangeGroup | null {
  const prevYear = doc.fiscal_year !== null ? `|${doc.fiscal_year - 1}\\s*年` : '';
  const previous = new RegExp(`(?:比|较|与)(?:上年|上一年|去年${prevYear})|同比`);
  const seen = new Set<string>();
  const rows: ChangeRow[] = [];
  const facts: NarrativeFact[] = doc.facts.filter((f) => f.unit === '万元' && f.change != null && STATED_LABELS[f.key] && previous.test(f.text) && !/(?:比|较)(?:年初|全年|调整)?预算(?:数)?(?:增|减|相比|持平|\d)/.test(f.text));
  for (const f of facts) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    const prev = changeOf(f.value, f.change);
    // a stated percentage that does not fit the stated change (read from a neighbouring clause) gives way to the computed one
    const computed = changePctOf(f.value, prev);
    const stated = f.change_pct ?? null;
    const pct = stated !== null && computed !== null && Math.abs(stated - computed) <= Math.max(0.6, Math.abs(computed) * 0.01) ? stated : computed;
    rows.push({ code: null, level: /^three_public_(?!total)/.test(f.key) ? 2 : 1, name: STATED_LABELS[f.key], previous: prev, current: f.value, change: f.change ?? null, change_pct: pct, pct_stated: pct !== null && pct === stated, source: f.source });
  }
  // the “三公” items right after the “三公” total
  const keys = Object.keys(STATED_LABELS);
  const items = keys.filter((k) => /^three_public_(?!total)/.test(k));
  const order = keys.filter((k) => !items.includes(k)).flatMap((k) => (k === 'three_public_total' ? [k, ...items] : [k]));
  rows.sort((a, b) => order.indexOf(keyOf(a.name)) - order.indexOf(keyOf(b.name)));
  return rows.length ? { id: 'yoy-stated', title: '文字说明中的增减', table_id: null, rows, note: '以下取自文件的文字说明（“比上年增加/减少……”）：本年数和增减为原文数字，上年数 = 本年 − 增减，增减百分比按此计算（与原文写明的一致时照录原文）。' } : null;
}
/**
 * The function lines whose change the text states, item by item ("…（项）22,232.08万元，…比上年执行数增加
 * 362.05万元，增长1.7%，主要原因是…"): 上年 = 本年 − 增减; the stated percentage where it fits.
 */
export function statedFunctionChanges(doc: { function_changes?: StatedChange[] }): ChangeGroup | null {
  const rows = (doc.function_changes ?? []).map((f): ChangeRow => {
    const previous = changeOf(f.value, f.change);
    const computed = changePctOf(f.value, previous);
    const pct = f.change_pct !== null && computed !== null && Math.abs(f.change_pct - computed) <= Math.max(0.6, Math.abs(computed) * 0.01) ? f.change_pct : computed;
    const level = f.code ? (f.code.length === 3 ? 1 : f.code.length === 5 ? 2 : 3) : /[（(]项[)）]$/.test(f.label) ? 3 : /[（(]款[)）]$/.test(f.label) ? 2 : 1;
    return { code: f.code, level, name: f.label, previous, current: f.value, change: f.change, change_pct: pct, pct_stated: pct !== null && pct === f.change_pct, reason: f.reason, source: f.source };
  });
  return rows.length ? { id: 'yoy-stated-functions', title: '文字说明中各功能科目的增减', table_id: null, rows, note: '以下取自文件对各功能科目的说明（“比上年执行数增加……，主要原因是……”）：本年数和增减为原文数字，上年数 = 本年 − 增减；原因照录原文。' } : null;
}

const keyOf = (name: string) => Object.keys(STATED_LABELS).find((k) => STATED_LABELS[k] === name) ?? '';

export interface ExecutionRow {
  scope: string;
  /** 总体 / 功能分类 / “三公”经费 */
  group: string;
  label: string;
  code: string | null;
  initial_budget: number | null;
  final_budget: number | null;
  actual: number | null;
  /** 决算数 ÷ (调整预算 or 年初预算), computed from the printed figures */
  rate: number | null;
  stated_rate: number | null;
  reason: string | null;
  source: SourceRef;
}

const GROUPS: Record<string, string> = {
  expenditure_total: '总体',
  basic_expenditure: '总体',
  project_expenditure: '总体',
  fiscal_appropriation_expenditure: '总体',
  general_budget_expenditure: '总体',
  function: '功能分类',
  three_public: '“三公”经费',
};

/**
 * A 决算's budget-against-actual lines: those its text states (budget_execution), then the function
 * rows of a table printing 年初/调整预算 beside 决算数 that the text does not already give, and the
 * “三公” table's 年初预算数 | 决算数 when the text states no “三公” item.
 */
export function budgetExecution(doc: Pick<DocumentEntry, 'kind' | 'expenditure_by_function' | 'three_public'> & { budget_execution?: BudgetExecution[] }): ExecutionRow[] {
  const out: ExecutionRow[] = (doc.budget_execution ?? []).map((x) => ({
    scope: x.scope,
    group: GROUPS[x.scope] ?? ((TOTAL_KEYS as readonly string[]).includes(x.scope) ? '总体' : x.scope),
    label: x.label,
    code: x.code,
    initial_budget: x.initial_budget,
    final_budget: x.final_budget,
    actual: x.actual,
    rate: executionRate(x.actual, baseBudget(x)),
    stated_rate: x.stated_rate,
    reason: x.reason,
    source: x.source,
  }));
  const stated = new Set(out.map((x) => x.code).filter((c) => c !== null));
  const seen = new Set<string>();
  for (const r of doc.expenditure_by_function) {
    const ib = r.initial_budget ?? null;
    const fb = r.final_budget ?? null;
    if ((ib === null && fb === null) || stated.has(r.code) || seen.has(r.code)) continue;
    seen.add(r.code);
    out.push({ scope: 'function', group: '功能分类', label: r.name, code: r.code, initial_budget: ib, final_budget: fb, actual: r.total, rate: executionRate(r.total, fb ?? ib), stated_rate: null, reason: null, source: r.source });
  }
  // a 决算's “三公” table (年初预算数 | 决算数) when the text states none of its items
  if (doc.kind === 'final_account' && !out.some((x) => x.scope === 'three_public')) {
    for (const t of [...doc.three_public].sort((a, b) => THREE_ORDER.indexOf(a.item) - THREE_ORDER.indexOf(b.item))) {
      if (t.budget === null || t.actual === null) continue;
      out.push({ scope: 'three_public', group: '“三公”经费', label: t.label, code: null, initial_budget: t.budget, final_budget: null, actual: t.actual, rate: executionRate(t.actual, t.budget), stated_rate: null, reason: null, source: t.source });
    }
  }
  const order = ['总体', '功能分类', '“三公”经费'];
  return out.map((x, i) => ({ x, i })).sort((a, b) => order.indexOf(a.x.group) - order.indexOf(b.x.group) || a.i - b.i).map(({ x }) => x);
}

/** "+12.34" / "-5.00" / "0.00" for a signed change; "" when unknown. */
export function signed(v: number | null, digits = 2): string {
  if (v === null) return '';
  const s = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Math.abs(v));
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}
