/**
 * Table totals must equal the totals the narrative states (a fact with the same key as a total). A
 * fact whose sentence is about 财政拨款 / 一般公共预算 money is compared with the general-budget table,
 * not with the all-funds totals.
 */
import { TOTAL_LABELS, type Finding, type NarrativeFact, type Totals } from '../../model/schema.js';
import { mismatch, totalRow, type CheckDoc } from '../util.js';


const ALL_FUNDS_KEYS = new Set(['income_total', 'current_year_income', 'expenditure_total', 'current_year_expenditure', 'basic_expenditure', 'project_expenditure']);
const GENERAL_SCOPE = /财政拨款|一般公共预算/;

function sameLine(a: { line_start: number } | undefined, b: { line_start: number }): boolean {
  return a !== undefined && a.line_start === b.line_start;
}

/** The figure a fact should be compared with, and where it comes from; null when nothing comparable. */
function counterpart(doc: CheckDoc, fact: NarrativeFact): { value: number; line: number; what: string } | null {
  const key = fact.key as keyof Totals;
  if (!(key in TOTAL_LABELS)) return null;
  if (ALL_FUNDS_KEYS.has(key) && GENERAL_SCOPE.test(fact.label + fact.text)) {
    // e.g. 财政拨款支出 … 基本支出 838.18 万元: compare with the 一般公共预算支出表 合计 row
    if (key !== 'basic_expenditure' && key !== 'project_expenditure') return null;
    const g = doc.tables.find((t) => t.kind === 'general_budget_expenditure' && !t.empty);
    const tr = g ? totalRow(g, doc.unit) : null;
    const v = key === 'basic_expenditure' ? tr?.basic : tr?.project;
    return tr && v != null ? { value: v, line: tr.line, what: `《${g!.title}》合计行的${TOTAL_LABELS[key]}` } : null;
  }
  const value = doc.totals[key];
  const src = doc.totals_sources[key];
  if (value === null || !src || sameLine(src, fact.source)) return null;
  // a total that itself came from the narrative is not a table figure
  if (doc.facts.some((f) => sameLine(src, f.source))) return null;
  return { value, line: src.line_start, what: `表中${TOTAL_LABELS[key]}` };
}

export function checkNarrativeTotals(doc: CheckDoc): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const fact of doc.facts) {
    if (fact.unit !== '万元') continue;
    const c = counterpart(doc, fact);
    if (!c) continue;
    const k = `${fact.key}|${fact.source.line_start}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const what = `说明文字中的“${fact.label}”（第 ${fact.source.line_start} 行：${fact.value} 万元）与${c.what}（第 ${c.line} 行：${c.value} 万元）不一致`;
    const f = mismatch('table_vs_narrative', 'warning', what, c.value, fact.value, fact.source);
    if (f) out.push(f);
  }
  return out;
}
