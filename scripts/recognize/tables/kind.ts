/**
 * Table kind from the title's keyword family first (预算/决算 and provincial wording variants), then
 * from the header shape when the title says nothing. Order matters: the more specific family wins
 * ("政府性基金预算财政拨款收入支出决算表" is a 政府性基金 table, not a 收支总表).
 */
import type { TableKind } from '../../model/schema.js';
import { compact } from './cells.js';

const TITLE_RULES: Array<[RegExp, TableKind]> = [
  [/绩效自评|自评表|绩效评价表/, 'self_evaluation'],
  [/绩效目标|绩效指标|整体支出绩效|项目申报表|绩效.*申报表/, 'performance_targets'],
  [/三公/, 'three_public'],
  [/政府采购/, 'procurement'],
  [/购买服务/, 'purchase_of_services'],
  [/国有资产|资产占用|资产情况表/, 'assets'],
  [/政府性基金/, 'government_fund'],
  [/国有资本经营/, 'state_capital'],
  [/财政拨款收支|财政收支|财政拨款收入支出|财政拨款收入和支出/, 'fiscal_appropriation_summary'],
  [/收支.*总表|收入支出.*总表|收支预算表|收支决算表|收入支出决算表|收入支出预算表|收支总体情况表|收支总体表/, 'income_expenditure_summary'],
  [/(一般公共预算|财政拨款).*基本支出|基本支出.*(预算|决算)?表$/, 'general_budget_basic_expenditure'],
  [/一般公共预算.*支出|财政拨款支出/, 'general_budget_expenditure'],
  [/项目支出.*表/, 'project_expenditure'],
  [/收入.*表/, 'income'],
  [/支出.*表/, 'expenditure'],
];

export function classifyTable(title: string, columns: string[]): TableKind {
  const t = compact(title).replace(/[“”"'‘’]/g, '');
  // a table of contents lists every table's name (…政府采购…): it is none of them
  if (/^目录$/.test(t)) return 'other';
  for (const [re, kind] of TITLE_RULES) if (re.test(t)) return refine(kind, columns);
  return fromHeader(columns);
}

/** A title keyword can be too broad; the header settles it. */
function refine(kind: TableKind, columns: string[]): TableKind {
  const h = columns.join('|');
  // "一般公共预算支出表" whose columns are economic codes with 人员经费/公用经费 is the basic table —
  // unless it also has a 项目支出 column (then 人员经费/公用经费 are the parts of its 基本支出)
  if (kind === 'general_budget_expenditure' && /人员经费/.test(h) && /公用经费/.test(h) && !/项目支出/.test(h)) return 'general_budget_basic_expenditure';
  return kind;
}

function fromHeader(columns: string[]): TableKind {
  const h = columns.join('|');
  if (/得分/.test(h) && /指标/.test(h)) return 'self_evaluation'; // scored indicators: an evaluation
  if (/一级指标/.test(h) && /三级指标/.test(h)) return 'performance_targets';
  if (/因公出国/.test(h) && /公务接待/.test(h)) return 'three_public';
  if (/采购/.test(h)) return 'procurement';
  if (/经济分类|经济科目/.test(h) && /人员经费/.test(h)) return 'general_budget_basic_expenditure';
  if (/收入/.test(h) && /支出/.test(h) && /总计|项目/.test(h)) return 'income_expenditure_summary';
  if (/基本支出/.test(h) && /项目支出/.test(h)) return 'expenditure';
  return 'other';
}

/** Kinds whose cells are amounts (a unit applies; an empty body means the table is published empty). */
export const MONEY_KINDS: ReadonlySet<TableKind> = new Set<TableKind>([
  'income_expenditure_summary',
  'income',
  'expenditure',
  'fiscal_appropriation_summary',
  'general_budget_expenditure',
  'general_budget_basic_expenditure',
  'three_public',
  'government_fund',
  'state_capital',
  'procurement',
  'purchase_of_services',
  'project_expenditure',
]);

/** Kinds laid out as text forms (indicators, key-value blocks): no header-zone detection by numbers. */
export const TEXT_KINDS: ReadonlySet<TableKind> = new Set<TableKind>(['performance_targets', 'self_evaluation']);
