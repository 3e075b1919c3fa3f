/**
 * Table totals must equal the totals the narrative states (a fact with the same key as a total). A
 * fact whose sentence is about 财政拨款 / 一般公共预算 money is compared with the general-budget table,
 * not with the all-funds totals.
 */
import { TOTAL_LABELS, type Finding, type NarrativeFact, type ParseNote, type Totals } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { moneyToWan } from '../../normalize/amount.js';
import { compare, mismatch, totalRow, type CheckDoc } from '../util.js';


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

/** A sentence opening with a unit's name ("深圳市××局（本级）预算…", "××管理处预算…"): the unit and whether it says 本级. */
const SUBJECT = /^([\u4e00-\u9fa5（）()]{2,60}?)(（本级）|本级)?(?:20\d\d年)?(?:部门)?(?:预算|收入|支出|财政拨款)/;
const UNIT_END = /(?:局|委员会|委|办公室|办|中心|院|所|站|队|馆|署|处|会|校|公司|厅|室|园|台|社|团|）|\))$/;

/**
 * A sentence about one unit only — another unit of the department, or the department's own 本级
 * budget — is not about the department's tables, which cover every unit.
 */
function aboutOneUnit(doc: CheckDoc, fact: NarrativeFact): boolean {
  const m = SUBJECT.exec(compact(fact.text));
  if (!m || /^本/.test(m[1]) || !UNIT_END.test(m[1])) return false;
  if (m[2]) return true;
  const dept = compact(doc.department);
  return m[1] !== dept && !dept.endsWith(m[1]) && !m[1].endsWith(dept);
}

/** The figure the sentence states is on the very table row the total was read from, in another column. */
function onSameRow(doc: CheckDoc, line: number, value: number): boolean {
  for (const t of doc.tables) {
    const row = t.rows.find((r) => r.source_line === line);
    if (row && row.cells.some((c) => {
      const v = moneyToWan(c, t.unit ?? doc.unit);
      return v !== null && compare(value, v).agrees;
    })) return true;
  }
  return false;
}

export function checkNarrativeTotals(doc: CheckDoc, notes: ParseNote[] = []): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const fact of doc.facts) {
    if (fact.unit !== '万元') continue;
    const c = counterpart(doc, fact);
    if (!c) continue;
    const k = `${fact.key}|${fact.source.line_start}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (aboutOneUnit(doc, fact)) continue;
    const what = `说明文字中的“${fact.label}”（第 ${fact.source.line_start} 行：${fact.value} 万元）与${c.what}（第 ${c.line} 行：${c.value} 万元）不一致`;
    const f = mismatch('table_vs_narrative', 'warning', what, c.value, fact.value, fact.source);
    if (!f) continue;
    if (f.severity !== 'info' && onSameRow(doc, c.line, fact.value)) {
      // the table says the same figure in another column: which column the total was read from is in doubt
      notes.push({ check: 'table_vs_narrative', message: `第 ${c.line} 行的表格在另一列中写有说明文字中的数字 ${fact.value} 万元：${TOTAL_LABELS[fact.key as keyof Totals] ?? fact.label}可能读错了列，未作为原文的问题。原核对结果：${f.message}`, source: fact.source });
      continue;
    }
    out.push(f);
  }
  return out;
}
