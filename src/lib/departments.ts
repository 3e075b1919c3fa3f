/**
 * Across one department's documents (pure, unit-tested in tests/site/departments.test.ts): key
 * figures, funding mix, variances year to year and 决算 against 预算 of the same year, and the
 * function classification (类/款/项) matched by code across years with a crosswalk for renamed and
 * moved 科目. The department page only renders what these return.
 */
import type { DocumentEntry, DocumentKind, TotalKey } from '../../scripts/model/schema';
import { DOCUMENT_KIND_LABELS, TABLE_KIND_LABELS, TOTAL_LABELS } from '../../scripts/model/schema';
import { FUNCTION_RENAMES, type FunctionRename } from './function-renames';

/** The document fields these computations read (light listings and full entries both fit). */
export type DeptDoc = Pick<DocumentEntry, 'id' | 'title' | 'fiscal_year' | 'kind' | 'totals' | 'staffing' | 'expenditure_by_function'>;

const round4 = (v: number) => Math.round(v * 10000) / 10000;
const round1 = (v: number) => Math.round(v * 10) / 10;

/** "2023 年部门预算" */
export function docLabel(d: Pick<DeptDoc, 'fiscal_year' | 'kind'>): string {
  return `${d.fiscal_year ?? '年份不详'} 年${DOCUMENT_KIND_LABELS[d.kind]}`;
}

const KIND_ORDER: Record<DocumentKind, number> = { budget: 0, budget_draft: 1, final_account: 2 };

/** Documents in time order: year, then 预算 before 决算 of that year, then id. */
export function chronological<D extends DeptDoc>(docs: D[]): D[] {
  return [...docs].sort((a, b) => (a.fiscal_year ?? -Infinity) - (b.fiscal_year ?? -Infinity) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The figures a variance compares, in this order. */
export const VARIANCE_KEYS: TotalKey[] = ['expenditure_total', 'basic_expenditure', 'project_expenditure', 'fiscal_appropriation', 'general_budget_expenditure', 'three_public_total'];

export interface VarianceRow {
  key: TotalKey;
  label: string;
  from: number | null;
  to: number | null;
  /** to − from (万元); null when either is not published */
  change: number | null;
  /** change as a percentage of from (one decimal); for an execution comparison: to / from × 100 */
  pct: number | null;
}
export interface Variance {
  /** year: the same kind of document of two years; execution: 决算 against 预算 of one year */
  type: 'year' | 'execution';
  from: DeptDoc;
  to: DeptDoc;
  title: string;
  rows: VarianceRow[];
}

function varianceRows(from: DeptDoc, to: DeptDoc, type: Variance['type']): VarianceRow[] {
  return VARIANCE_KEYS.map((key) => {
    const a = from.totals[key];
    const b = to.totals[key];
    const change = a === null || b === null ? null : round4(b - a);
    const pct = a === null || b === null || a === 0 ? null : type === 'execution' ? round1((100 * b) / a) : round1((100 * (b - a)) / a);
    return { key, label: TOTAL_LABELS[key], from: a, to: b, change, pct };
  }).filter((r) => r.from !== null || r.to !== null);
}

/**
 * Year to year: each document against the previous year's document of the same kind (预算 with 预算,
 * 决算 with 决算; 预算草案 counts as 预算). Execution: a 决算 against the 预算 of the same year.
 * With two documents of one year and kind, the first in id order is compared. Newest first.
 */
export function variances(docs: DeptDoc[]): Variance[] {
  const dated = chronological(docs).filter((d) => d.fiscal_year !== null);
  const family = (k: DocumentKind) => (k === 'final_account' ? 'final' : 'budget');
  const firstOf = new Map<string, DeptDoc>();
  for (const d of dated) {
    const key = `${family(d.kind)}|${d.fiscal_year}`;
    if (!firstOf.has(key)) firstOf.set(key, d);
  }
  const out: Variance[] = [];
  for (const fam of ['budget', 'final'] as const) {
    const series = [...firstOf.entries()].filter(([k]) => k.startsWith(`${fam}|`)).map(([, d]) => d);
    for (let i = 1; i < series.length; i++) {
      const from = series[i - 1];
      const to = series[i];
      out.push({ type: 'year', from, to, title: `${to.fiscal_year} 年比 ${from.fiscal_year} 年（${fam === 'final' ? '决算' : '预算'}）`, rows: varianceRows(from, to, 'year') });
    }
  }
  for (const d of dated) {
    if (d.kind !== 'final_account' || firstOf.get(`final|${d.fiscal_year}`) !== d) continue;
    const b = firstOf.get(`budget|${d.fiscal_year}`);
    if (b) out.push({ type: 'execution', from: b, to: d, title: `${d.fiscal_year} 年决算与预算`, rows: varianceRows(b, d, 'execution') });
  }
  return out.sort((a, b) => (b.to.fiscal_year ?? 0) - (a.to.fiscal_year ?? 0) || (a.type === b.type ? 0 : a.type === 'execution' ? -1 : 1));
}

export interface KeyFigure {
  label: string;
  value: number | null;
  unit: '万元' | '人';
}

/** The latest document's key figures (支出总计, 基本/项目, 财政拨款, 三公, staff). */
export function keyFigures(d: DeptDoc): KeyFigure[] {
  const t = d.totals;
  const money = (key: TotalKey): KeyFigure => ({ label: TOTAL_LABELS[key], value: t[key], unit: '万元' });
  return [
    money('expenditure_total'),
    money('basic_expenditure'),
    money('project_expenditure'),
    money('fiscal_appropriation'),
    { label: d.kind === 'final_account' ? '“三公”经费决算' : '“三公”经费预算', value: t.three_public_total, unit: '万元' },
    { label: '编制人数', value: d.staffing.authorized, unit: '人' },
    { label: '实有人数', value: d.staffing.actual, unit: '人' },
  ];
}

export interface MixPart {
  label: string;
  value: number;
  /** share of the whole, percent with one decimal */
  pct: number;
}
export interface Mix {
  title: string;
  /** what the parts add up to */
  whole: string;
  parts: MixPart[];
}

function mix(title: string, whole: string, total: number | null, parts: Array<[string, number | null]>): Mix | null {
  if (total === null || total <= 0 || parts.some(([, v]) => v === null || v < 0)) return null;
  const sum = parts.reduce((s, [, v]) => s + (v as number), 0);
  // parts that do not fit inside the whole are a different scope: no mix rather than a wrong one
  if (sum > total + 0.01) return null;
  return { title, whole, parts: parts.map(([label, v]) => ({ label, value: v as number, pct: round1((100 * (v as number)) / total) })) };
}

/**
 * How the latest document is funded and spent, from its totals only (the model has no per-source
 * income breakdown): 财政拨款 against other income of the year, 基本 against 项目, 一般公共预算
 * against the other funds. A mix whose figures are not all published, or do not fit inside their
 * whole, is left out.
 */
export function fundingMix(d: DeptDoc): Mix[] {
  const t = d.totals;
  const out: Array<Mix | null> = [];
  const income = t.current_year_income;
  out.push(
    income !== null && t.fiscal_appropriation !== null && income >= t.fiscal_appropriation
      ? mix('收入来源', '本年收入合计', income, [['财政拨款收入', t.fiscal_appropriation], ['其他收入', round4(income - t.fiscal_appropriation)]])
      : null,
  );
  const bp = t.basic_expenditure !== null && t.project_expenditure !== null ? round4(t.basic_expenditure + t.project_expenditure) : null;
  out.push(mix('基本支出与项目支出', '基本支出＋项目支出', bp, [['基本支出', t.basic_expenditure], ['项目支出', t.project_expenditure]]));
  const spent = t.current_year_expenditure ?? t.expenditure_total;
  out.push(
    spent !== null && t.general_budget_expenditure !== null && spent >= t.general_budget_expenditure
      ? mix('资金性质', t.current_year_expenditure !== null ? '本年支出合计' : '支出总计', spent, [['一般公共预算支出', t.general_budget_expenditure], ['其他资金支出', round4(spent - t.general_budget_expenditure)]])
      : null,
  );
  return out.filter((m): m is Mix => m !== null);
}

/** Top n projects by budget (unknown budgets last, ties by id). */
export function topProjects<P extends { id: string; budget: number | null }>(projects: P[], n: number): P[] {
  return [...projects].sort((a, b) => (b.budget ?? -1) - (a.budget ?? -1) || (a.id < b.id ? -1 : 1)).slice(0, n);
}

/* ---------------------------------------------------------------------------------------------
 * Function classification across documents
 * ------------------------------------------------------------------------------------------- */

/** A 科目 name compared loosely: spaces gone, full-width brackets and quotes as half-width. */
export function normName(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[“”"]/g, '');
}

const TABLE_PREFERENCE = ['general_budget_expenditure', 'expenditure'] as const;

export interface FunctionColumn {
  doc: DeptDoc;
  /** the table the column's figures come from */
  table_kind: string;
  table_label: string;
}
export interface FunctionName {
  name: string;
  code: string;
  years: Array<number | null>;
}
export interface FunctionSeries {
  /** the code of the newest document that has the 科目 */
  code: string;
  level: number;
  /** the newest printed name ('' when every document prints the code without a name) */
  name: string;
  /** more than one entry when the code's name changed or the name moved code (oldest first) */
  names: FunctionName[];
  /** figures (合计, 万元) in column order; null where the document does not list the 科目 */
  values: Array<number | null>;
  /** how the rows were matched: by code, by name (moved code), or by a hand-curated rename */
  matched: 'code' | 'renamed' | 'moved' | 'curated';
  /** the curated rename's source when matched === 'curated' */
  why?: string;
}
export interface FunctionMatrix {
  columns: FunctionColumn[];
  rows: FunctionSeries[];
  /** the columns do not all come from one kind of table */
  mixed_tables: boolean;
}

interface Line {
  code: string;
  level: number;
  name: string;
  total: number | null;
}

/** One document's function rows from one table kind, one per code (first wins). */
function linesOf(d: DeptDoc, tableKind: string): Map<string, Line> {
  const m = new Map<string, Line>();
  for (const r of d.expenditure_by_function) {
    if (r.table_kind !== tableKind || !/^\d{3}(\d{2}){0,2}$/.test(r.code) || m.has(r.code)) continue;
    // a row printed with its code but no name (or the code again as its name) has no name to compare
    const name = r.name.trim();
    m.set(r.code, { code: r.code, level: r.level, name: /^\d*$/.test(name) ? '' : name, total: r.total });
  }
  return m;
}

/** The table kind used for each document: one kind shared by all when there is one, else each its own best. */
function chooseTables(docs: DeptDoc[]): string[] {
  const kindsOf = docs.map((d) => new Set(d.expenditure_by_function.map((r) => r.table_kind)));
  const shared = TABLE_PREFERENCE.find((k) => kindsOf.every((s) => s.has(k)));
  if (shared) return docs.map(() => shared);
  return kindsOf.map((s) => TABLE_PREFERENCE.find((k) => s.has(k)) ?? [...s][0] ?? '');
}

/**
 * Names that stand for different 科目 under different parents (行政运行, 一般行政管理事务, 事业运行 …):
 * every name that some document lists under two or more codes of one level. Such a name never
 * matches across codes. Pass the whole corpus's documents so the set does not depend on one department.
 */
export function genericFunctionNames(docs: Array<Pick<DeptDoc, 'expenditure_by_function'>>): Set<string> {
  const out = new Set<string>();
  for (const d of docs) {
    const seen = new Map<string, string>();
    for (const r of d.expenditure_by_function) {
      const key = `${r.level}|${normName(r.name)}`;
      const code = seen.get(key);
      if (code === undefined) seen.set(key, r.code);
      else if (code !== r.code) out.add(normName(r.name));
    }
  }
  return out;
}

let genericMemo: { docs: unknown; set: Set<string> } | null = null;
/** genericFunctionNames, computed once per input array (every department page of a build shares it). */
export function genericFunctionNamesOnce(docs: Array<Pick<DeptDoc, 'expenditure_by_function'>>): Set<string> {
  if (genericMemo?.docs !== docs) genericMemo = { docs, set: genericFunctionNames(docs) };
  return genericMemo.set;
}

/**
 * The department's function figures matched across its documents (columns in time order).
 * Rows are matched by code; a code whose name changed keeps one row and lists both names
 * ('renamed'); a name that appears under one code in earlier documents and under another in later
 * ones, never both in one document, is one row ('moved'), unless the name is generic; a curated
 * rename (src/lib/function-renames.ts) joins its two codes likewise ('curated').
 */
export function functionMatrix(docs: DeptDoc[], generic: Set<string> = new Set(), curated: FunctionRename[] = FUNCTION_RENAMES): FunctionMatrix {
  const ordered = chronological(docs).filter((d) => d.expenditure_by_function.length > 0);
  const tables = chooseTables(ordered);
  const columns: FunctionColumn[] = ordered.map((doc, i) => ({ doc, table_kind: tables[i], table_label: TABLE_KIND_LABELS[tables[i] as keyof typeof TABLE_KIND_LABELS] ?? tables[i] }));
  const lines = ordered.map((d, i) => linesOf(d, tables[i]));

  // group key per code: codes joined by a move or a curated rename share one group
  const parent = new Map<string, string>();
  const find = (c: string): string => {
    let p = parent.get(c) ?? c;
    while (parent.has(p) && parent.get(p) !== p) p = parent.get(p)!;
    return p;
  };
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const why = new Map<string, string>();
  const how = new Map<string, FunctionSeries['matched']>();

  // columns (by index) where each code appears
  const where = new Map<string, number[]>();
  lines.forEach((m, i) => {
    for (const code of m.keys()) where.set(code, [...(where.get(code) ?? []), i]);
  });

  // moves: one name, one level, under code A in earlier columns and code B in later ones only
  const byName = new Map<string, Set<string>>();
  lines.forEach((m) => {
    for (const l of m.values()) {
      if (!l.name) continue;
      const key = `${l.level}|${normName(l.name)}`;
      byName.set(key, (byName.get(key) ?? new Set()).add(l.code));
    }
  });
  for (const [key, codes] of byName) {
    if (codes.size !== 2 || generic.has(key.slice(key.indexOf('|') + 1))) continue;
    const [a, b] = [...codes].sort((x, y) => Math.max(...where.get(x)!) - Math.max(...where.get(y)!));
    const name = key.slice(key.indexOf('|') + 1);
    const colsA = where.get(a)!.filter((i) => normName(lines[i].get(a)!.name) === name);
    const colsB = where.get(b)!.filter((i) => normName(lines[i].get(b)!.name) === name);
    // a clean switch: the old code's columns all before the new code's, and neither code holds
    // another 科目 in the other's columns
    if (Math.max(...colsA) >= Math.min(...colsB)) continue;
    if (where.get(a)!.some((i) => i >= Math.min(...colsB)) || where.get(b)!.some((i) => i <= Math.max(...colsA))) continue;
    join(a, b);
    how.set(b, 'moved');
  }

  for (const r of curated) {
    if (r.from_code === r.to_code) {
      const cols = where.get(r.to_code) ?? [];
      const year = (i: number) => ordered[i].fiscal_year;
      if (cols.some((i) => (year(i) ?? Infinity) < r.since_year) && cols.some((i) => (year(i) ?? -Infinity) >= r.since_year)) {
        why.set(r.to_code, r.why);
        how.set(r.to_code, 'curated');
      }
      continue;
    }
    const before = (where.get(r.from_code) ?? []).filter((i) => (ordered[i].fiscal_year ?? Infinity) < r.since_year);
    const after = (where.get(r.to_code) ?? []).filter((i) => (ordered[i].fiscal_year ?? -Infinity) >= r.since_year);
    if (before.length && after.length) {
      join(r.from_code, r.to_code);
      how.set(r.to_code, 'curated');
      why.set(r.to_code, r.why);
    }
  }

  const groups = new Map<string, string[]>();
  for (const code of where.keys()) groups.set(find(code), [...(groups.get(find(code)) ?? []), code]);

  const rows: FunctionSeries[] = [];
  for (const codes of groups.values()) {
    const values: Array<number | null> = lines.map(() => null);
    const names: FunctionName[] = [];
    let newest: Line | null = null;
    lines.forEach((m, i) => {
      const hit = codes.map((c) => m.get(c)).find((l): l is Line => l !== undefined);
      if (!hit) return;
      values[i] = hit.total;
      newest = { ...hit, name: hit.name || (newest?.name ?? '') };
      if (!hit.name) return;
      const last = names[names.length - 1];
      if (last && normName(last.name) === normName(hit.name) && last.code === hit.code) last.years.push(ordered[i].fiscal_year);
      else names.push({ name: hit.name, code: hit.code, years: [ordered[i].fiscal_year] });
    });
    const latest = newest as unknown as Line;
    // the newest printed name; empty when no document names the 科目
    const shown = names.length ? names[names.length - 1].name : '';
    const code = latest.code;
    const matchedBy = codes.map((c) => how.get(c)).find((x) => x !== undefined);
    const renamed = new Set(names.map((n) => normName(n.name))).size > 1;
    rows.push({
      code,
      level: latest.level,
      name: shown,
      names: names.length > 1 ? names : [],
      values,
      matched: matchedBy ?? (renamed ? 'renamed' : 'code'),
      ...(codes.map((c) => why.get(c)).find((x) => x) ? { why: codes.map((c) => why.get(c)).find((x) => x) } : {}),
    });
  }
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { columns, rows, mixed_tables: new Set(tables).size > 1 };
}

/**
 * The two columns whose change a function table shows: the newest document against the previous
 * year's document of the same kind (预算 with 预算, 决算 with 决算); null when there is none.
 */
export function changePair(columns: Array<{ doc: Pick<DeptDoc, 'fiscal_year' | 'kind'> }>): [number, number] | null {
  const family = (k: DocumentKind) => (k === 'final_account' ? 'final' : 'budget');
  for (let j = columns.length - 1; j > 0; j--) {
    const to = columns[j].doc;
    if (to.fiscal_year === null) continue;
    for (let i = j - 1; i >= 0; i--) {
      const from = columns[i].doc;
      if (from.fiscal_year !== null && from.fiscal_year < to.fiscal_year && family(from.kind) === family(to.kind)) return [i, j];
    }
  }
  return null;
}

/** One line of the crosswalk under a department's function table: each year's code and name, and how they were matched. */
export function crosswalkNote(r: Pick<FunctionSeries, 'names' | 'matched' | 'why'>): string {
  const parts = r.names.map((n) => `${n.years.map((y) => y ?? '年份不详').join('、')} 年：${n.code}“${n.name}”`);
  const how = r.matched === 'moved' ? '名称相同、编码不同，按名称对照' : r.matched === 'curated' ? `据${r.why}` : '编码相同、名称不同，按编码对照';
  return `${parts.join(' → ')}（${how}）`;
}

/**
 * Labels for documents shown side by side (columns, chart rows): docLabel, with （1）（2）… added
 * where a department published two documents of one year and kind.
 */
export function uniqueLabels(docs: Array<Pick<DeptDoc, 'fiscal_year' | 'kind'>>): string[] {
  const labels = docs.map(docLabel);
  const count = new Map<string, number>();
  for (const l of labels) count.set(l, (count.get(l) ?? 0) + 1);
  const seen = new Map<string, number>();
  return labels.map((l) => {
    if ((count.get(l) ?? 0) < 2) return l;
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return `${l}（${n}）`;
  });
}
