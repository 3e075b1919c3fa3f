/** Chart inputs derived from a document's records (pure, unit-tested). */
import type { BarRow, Flow, TreeItem } from './charts';
import type { DisclosureStatus, EconomicExpenditure, FunctionExpenditure, Severity, Totals } from '../../scripts/model/schema';

export const STATUS_LABELS: Record<DisclosureStatus, string> = {
  present: '已公开',
  empty_with_note: '空表（附说明）',
  empty: '空表（无说明）',
  published_separately: '另行公开',
  // the pipeline did not find it: possibly not published, possibly not recognised — never stated as fact
  missing: '未找到',
};
export const SEVERITY_LABELS: Record<Severity, string> = { error: '不一致', warning: '需注意', info: '提示' };

/**
 * Treemap items: the 类 level when it has at least two subjects, else the most detailed level present
 * (a department that spends almost everything under one 类 is better shown by its 项).
 */
/** Which money a function-classification table covers, for the chart's title: never mix scopes under one. */
const FUNCTION_SCOPE: Record<string, string> = {
  general_budget_expenditure: '一般公共预算',
  expenditure: '全部资金',
  government_fund: '政府性基金预算',
  state_capital: '国有资本经营预算',
};

export function functionItems(rows: FunctionExpenditure[]): { level: string; scope: string; items: TreeItem[] } {
  const seen = new Set<string>();
  const pick = (level: 1 | 2 | 3) =>
    rows
      .filter((r) => r.level === level && r.total !== null && r.total > 0)
      .filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)))
      .map((r) => ({ code: r.code, name: r.name, value: r.total as number }));
  // one table is enough: prefer the general-budget table, else the first table that has rows
  const tableIds = [...new Set(rows.map((r) => r.table_id))];
  const pref = rows.find((r) => r.table_kind === 'general_budget_expenditure')?.table_id ?? tableIds[0];
  const own = rows.filter((r) => r.table_id === pref);
  rows = own;
  const scope = FUNCTION_SCOPE[own[0]?.table_kind ?? ''] ?? '全部资金';
  const l1 = pick(1);
  if (l1.length >= 2) return { level: '按类', scope, items: l1 };
  seen.clear();
  const l3 = pick(3);
  if (l3.length > 0) return { level: '按项', scope, items: l3 };
  seen.clear();
  return { level: '按款', scope, items: pick(2) };
}

/** Income sources → total expenditure → basic / project, only from figures the document states. */
export function incomeFlows(t: Totals): Flow[] {
  const flows: Flow[] = [];
  const spend = '支出总额';
  const income = t.income_total ?? t.current_year_income;
  if (t.fiscal_appropriation !== null && t.fiscal_appropriation > 0) {
    flows.push({ source: '财政拨款收入', target: spend, value: t.fiscal_appropriation });
    if (income !== null && income - t.fiscal_appropriation > 0.005) {
      flows.push({ source: '其他收入及结转', target: spend, value: Math.round((income - t.fiscal_appropriation) * 10000) / 10000 });
    }
  } else if (income !== null && income > 0) {
    flows.push({ source: '收入合计', target: spend, value: income });
  }
  if (t.basic_expenditure !== null && t.basic_expenditure > 0) flows.push({ source: spend, target: '基本支出', value: t.basic_expenditure });
  if (t.project_expenditure !== null && t.project_expenditure > 0) flows.push({ source: spend, target: '项目支出', value: t.project_expenditure });
  // a Sankey needs both sides
  const hasIn = flows.some((f) => f.target === spend);
  const hasOut = flows.some((f) => f.source === spend);
  return hasIn && hasOut ? flows : [];
}

/** Personnel vs public funds from the 类 rows of the basic-expenditure economic table. */
export function economicSplit(rows: EconomicExpenditure[]): BarRow[] {
  const top = rows.filter((r) => r.level === 1);
  if (top.length === 0) return [];
  const sum = (k: 'personnel' | 'public') => {
    const vals = top.map((r) => r[k]).filter((v): v is number => v !== null);
    return vals.length ? Math.round(vals.reduce((s, v) => s + v, 0) * 10000) / 10000 : null;
  };
  const out: BarRow[] = [
    { label: '人员经费', values: [sum('personnel')] },
    { label: '公用经费', values: [sum('public')] },
  ];
  return out.filter((r) => r.values[0] !== null);
}

/** Count of indicators per 一级指标 across the projects of a document. */
export function indicatorTypes(projects: Array<{ indicators: Array<{ level1: string | null }> }>): BarRow[] {
  const counts = new Map<string, number>();
  for (const p of projects) for (const i of p.indicators) counts.set(i.level1 ?? '未分类', (counts.get(i.level1 ?? '未分类') ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([label, n]) => ({ label, values: [n] }));
}
