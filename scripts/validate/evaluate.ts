/**
 * Measures of how well one document was read, for `npm run evaluate`: whether its headline figures
 * reconcile, whether its department name looks like one, and (given a hand-read label) whether
 * department, year and kind are right. Pure functions of the pipeline's output.
 */
import Decimal from 'decimal.js';
import type { DocumentKind, DocumentRecord, IngestError } from '../model/schema.js';
import { departmentPlausible } from '../recognize/document/department.js';
import { refusalFitsNote } from '../recognize/document/refusal.js';
import { otherExpenditureOn } from '../recognize/tables/extract/totals.js';

/** What a person read off the document itself (its cover and tables), for one source file. */
export interface Label {
  /** false for files that are not department budget / final-account disclosures */
  disclosure: boolean;
  department?: string;
  fiscal_year?: number;
  kind?: DocumentKind;
  /** why the file is not a disclosure, or a remark */
  note?: string;
}

export interface DocumentEvaluation {
  file: string;
  refused: boolean;
  refusal: string | null;
  department: string | null;
  fiscal_year: number | null;
  kind: DocumentKind | null;
  reconciled: boolean;
  /** which of the two equations failed, or which figure is missing */
  reconcile_detail: string;
  department_plausible: boolean;
  label: Label | null;
  /** null without a label (or for a label of a non-disclosure) */
  label_ok: boolean | null;
  label_mismatch: string[];
  findings: Record<string, number>;
  severity: { error: number; warning: number; info: number };
  parse_notes: number;
  /** figures printed beside their previous year's (function, economic and “三公” rows with a 上年 figure) */
  previous_figures: number;
  /** budget-against-actual lines (a 决算's 年初/调整预算 beside its 决算数, in its tables or its text) */
  budget_execution: number;
  /** function lines whose change from the previous year the text states */
  function_changes: number;
}

/** How many of a document's rows carry a 上年 figure, and how many budget-against-actual lines it gives. */
export function comparisonCounts(doc: DocumentRecord): { previous_figures: number; budget_execution: number; function_changes: number } {
  const has = (v: number | null | undefined) => v !== null && v !== undefined;
  return {
    previous_figures: [...doc.expenditure_by_function, ...doc.basic_expenditure_by_economic, ...doc.three_public].filter((r) => has(r.previous)).length,
    budget_execution: (doc.budget_execution?.length ?? 0) + doc.expenditure_by_function.filter((r) => has(r.initial_budget) || has(r.final_budget)).length,
    function_changes: doc.function_changes?.length ?? 0,
  };
}

/** Half a unit of the last published digit on each side, for each summed figure. */
const SLACK = 0.011;

function close(a: number, b: number, terms: number): boolean {
  return new Decimal(a).minus(b).abs().lte(SLACK * terms);
}

/**
 * 基本支出 + 项目支出 = 支出总计 (or 本年支出合计 where 支出总计 also carries 结转下年 / other
 * parts; or 支出总计 less the 年终结转结余 the text states), and 收入总计 = 支出总计.
 */
export function reconcile(doc: DocumentRecord): { ok: boolean; detail: string } {
  const t = doc.totals;
  const missing = (['income_total', 'expenditure_total', 'basic_expenditure', 'project_expenditure'] as const).filter((k) => t[k] === null);
  if (missing.length) return { ok: false, detail: `缺 ${missing.join(',')}` };
  const parts = new Decimal(t.basic_expenditure!).plus(t.project_expenditure!).toNumber();
  // a 支出总表 may print more parts beside them on the same row (事业单位经营支出, 上缴上级支出, …)
  const line = doc.totals_sources.basic_expenditure?.line_start;
  const other = line !== undefined && doc.totals_sources.project_expenditure?.line_start === line ? otherExpenditureOn(doc.tables, line, doc.unit) : 0;
  const withOther = new Decimal(parts).plus(other).toNumber();
  const targets = [t.expenditure_total!, t.current_year_expenditure].filter((v): v is number => v !== null);
  // a text-only budget's 支出预算 includes the year-end carry-over it states beside 基本/项目
  // (“（三）年终结转结余资金 5343.19 万元”): 支出总计 = 基本 + 项目 + 结转下年
  const carry = doc.facts.find((f) => f.key === 'carryover_expenditure' && f.unit === '万元')?.value ?? 0;
  const withCarry = new Decimal(parts).plus(carry).toNumber();
  const partsOk =
    targets.some((v) => close(parts, v, 2) || (other !== 0 && close(withOther, v, 3))) || (carry !== 0 && close(withCarry, t.expenditure_total!, 3));
  const balanceOk = close(t.income_total!, t.expenditure_total!, 1);
  if (partsOk && balanceOk) return { ok: true, detail: '' };
  const why: string[] = [];
  if (!partsOk) why.push(`基本+项目${other ? `+其他 ${other}` : ''}${carry ? `（+年终结转 ${carry} 为 ${withCarry}）` : ''} ${other ? withOther : parts} ≠ 支出 ${targets.join('/')}`);
  if (!balanceOk) why.push(`收入 ${t.income_total} ≠ 支出 ${t.expenditure_total}`);
  return { ok: false, detail: why.join('；') };
}

export { departmentPlausible };

const normalizeName = (s: string) => s.replace(/[（(].*?[)）]/g, '').replace(/\s+/g, '');

export function evaluateDocument(file: string, doc: DocumentRecord | null, errors: IngestError[], label?: Label): DocumentEvaluation {
  const severity = { error: 0, warning: 0, info: 0 };
  const findings: Record<string, number> = {};
  if (!doc) {
    const e = errors.find((x) => x.severity === 'error');
    return {
      file,
      refused: true,
      refusal: e?.message ?? '未能解析',
      department: null,
      fiscal_year: null,
      kind: null,
      reconciled: false,
      reconcile_detail: '',
      department_plausible: false,
      label: label ?? null,
      label_ok: label ? !label.disclosure && refusalFitsNote(e?.message ?? '', label.note) : null,
      label_mismatch: label?.disclosure ? ['误拒'] : label && !refusalFitsNote(e?.message ?? '', label.note) ? ['拒绝理由不对'] : [],
      findings,
      severity,
      parse_notes: 0,
      previous_figures: 0,
      budget_execution: 0,
      function_changes: 0,
    };
  }
  for (const f of doc.findings) {
    findings[`${f.check}:${f.severity}`] = (findings[`${f.check}:${f.severity}`] ?? 0) + 1;
    severity[f.severity]++;
  }
  const r = reconcile(doc);
  const mismatch: string[] = [];
  if (label) {
    if (!label.disclosure) mismatch.push('非公开文件未拒绝');
    else {
      if (label.department && normalizeName(label.department) !== normalizeName(doc.department)) mismatch.push(`部门应为 ${label.department}`);
      if (label.fiscal_year && label.fiscal_year !== doc.fiscal_year) mismatch.push(`年度应为 ${label.fiscal_year}`);
      if (label.kind && label.kind !== doc.kind) mismatch.push(`类型应为 ${label.kind}`);
    }
  }
  const parseNotes = (doc as DocumentRecord & { parse_notes?: unknown[] }).parse_notes;
  return {
    file,
    refused: false,
    refusal: null,
    department: doc.department,
    fiscal_year: doc.fiscal_year,
    kind: doc.kind,
    reconciled: r.ok,
    reconcile_detail: r.detail,
    department_plausible: departmentPlausible(doc.department),
    label: label ?? null,
    label_ok: label ? mismatch.length === 0 : null,
    label_mismatch: mismatch,
    findings,
    severity,
    parse_notes: Array.isArray(parseNotes) ? parseNotes.length : 0,
    ...comparisonCounts(doc),
  };
}

export interface EvaluationSummary {
  files: number;
  recognized: number;
  refused: number;
  reconciled: number;
  department_plausible: number;
  labelled: number;
  labelled_disclosures: number;
  labelled_non_disclosures: number;
  label_right: number;
  reconciled_and_right: number;
  refused_right: number;
  refused_wrong: number;
  findings: Record<string, number>;
  severity: { error: number; warning: number; info: number };
  parse_notes: number;
  /** documents with at least one 上年 figure, and the figures */
  documents_with_previous: number;
  previous_figures: number;
  /** documents with at least one budget-against-actual line, and the lines */
  documents_with_budget_execution: number;
  budget_execution: number;
  /** documents whose text states a change for some function line, and the lines */
  documents_with_function_changes: number;
  function_changes: number;
}

export function summarize(all: DocumentEvaluation[]): EvaluationSummary {
  const s: EvaluationSummary = {
    files: all.length,
    recognized: 0,
    refused: 0,
    reconciled: 0,
    department_plausible: 0,
    labelled: 0,
    labelled_disclosures: 0,
    labelled_non_disclosures: 0,
    label_right: 0,
    reconciled_and_right: 0,
    refused_right: 0,
    refused_wrong: 0,
    findings: {},
    severity: { error: 0, warning: 0, info: 0 },
    parse_notes: 0,
    documents_with_previous: 0,
    previous_figures: 0,
    documents_with_budget_execution: 0,
    budget_execution: 0,
    documents_with_function_changes: 0,
    function_changes: 0,
  };
  for (const e of all) {
    if (e.previous_figures > 0) s.documents_with_previous++;
    s.previous_figures += e.previous_figures;
    if (e.budget_execution > 0) s.documents_with_budget_execution++;
    s.budget_execution += e.budget_execution;
    if (e.function_changes > 0) s.documents_with_function_changes++;
    s.function_changes += e.function_changes;
    if (e.refused) s.refused++;
    else s.recognized++;
    if (e.reconciled) s.reconciled++;
    if (e.department_plausible) s.department_plausible++;
    if (e.label) {
      s.labelled++;
      if (e.label.disclosure) {
        s.labelled_disclosures++;
        if (e.label_ok) s.label_right++;
        if (e.label_ok && e.reconciled) s.reconciled_and_right++;
        if (e.refused) s.refused_wrong++;
      } else {
        s.labelled_non_disclosures++;
        if (e.refused && e.label_ok) s.refused_right++;
      }
    }
    for (const [k, n] of Object.entries(e.findings)) s.findings[k] = (s.findings[k] ?? 0) + n;
    s.severity.error += e.severity.error;
    s.severity.warning += e.severity.warning;
    s.severity.info += e.severity.info;
    s.parse_notes += e.parse_notes;
  }
  s.findings = Object.fromEntries(Object.entries(s.findings).sort(([a], [b]) => a.localeCompare(b)));
  return s;
}
