/**
 * Departments side by side (pure, unit-tested in tests/site/compare.test.ts): the scopes a
 * comparison page is built for (one city or the whole corpus, one fiscal year, one kind of
 * document: 预算 and 决算 are never mixed) and the rows, columns and CSV the page shows.
 */
import type { DocumentEntry, DocumentKind } from '../../scripts/model/schema';
import { DOCUMENT_KIND_LABELS } from '../../scripts/model/schema';
import { slugify, shortHash } from '../../scripts/normalize/slug';
import { toCsv } from '../../scripts/emit/csv';

export type CompareDoc = Pick<DocumentEntry, 'id' | 'department' | 'department_id' | 'province' | 'city' | 'fiscal_year' | 'kind' | 'totals' | 'staffing'>;

export interface CompareScope<D extends CompareDoc = CompareDoc> {
  /** URL segment: all-2022-budget, gan-zhou-shi-2022-budget … */
  slug: string;
  /** the city (else province) compared, null for the whole corpus */
  region: string | null;
  year: number;
  kind: DocumentKind;
  docs: D[];
}

/** "2022 年部门预算 · 全部地区" style heading for a scope. */
export function scopeTitle(s: Pick<CompareScope, 'region' | 'year' | 'kind'>): string {
  return `${s.region ?? '全部地区'} ${s.year} 年${DOCUMENT_KIND_LABELS[s.kind]}`;
}

const KIND_ORDER: Record<DocumentKind, number> = { budget: 0, final_account: 1, budget_draft: 2 };
const collator = new Intl.Collator('zh-CN');

/**
 * Every scope with at least `min` documents: per fiscal year and kind, the whole corpus and each
 * city (the province when a document names no city). A city scope holding the same documents as
 * the whole corpus's is left out. Documents without a year are not compared. Newest year first.
 */
export function compareScopes<D extends CompareDoc>(docs: D[], min = 2): Array<CompareScope<D>> {
  const byYearKind = new Map<string, D[]>();
  for (const d of docs) {
    if (d.fiscal_year === null) continue;
    const key = `${d.fiscal_year}|${d.kind}`;
    byYearKind.set(key, [...(byYearKind.get(key) ?? []), d]);
  }
  const out: Array<CompareScope<D>> = [];
  const used = new Set<string>();
  const slugOf = (region: string | null, year: number, kind: DocumentKind): string => {
    const base = `${region === null ? 'all' : slugify(region, 40)}-${year}-${kind.replace(/_/g, '-')}`;
    const slug = used.has(base) ? `${base}-${shortHash(region ?? '', 6)}` : base;
    used.add(slug);
    return slug;
  };
  const keys = [...byYearKind.keys()].sort((a, b) => {
    const [ya, ka] = a.split('|');
    const [yb, kb] = b.split('|');
    return Number(yb) - Number(ya) || KIND_ORDER[ka as DocumentKind] - KIND_ORDER[kb as DocumentKind];
  });
  for (const key of keys) {
    const all = byYearKind.get(key)!;
    const year = all[0].fiscal_year as number;
    const kind = all[0].kind;
    if (all.length >= min) out.push({ slug: slugOf(null, year, kind), region: null, year, kind, docs: all });
    const byRegion = new Map<string, D[]>();
    for (const d of all) {
      const r = d.city ?? d.province;
      if (r) byRegion.set(r, [...(byRegion.get(r) ?? []), d]);
    }
    for (const region of [...byRegion.keys()].sort((a, b) => collator.compare(a, b))) {
      const ds = byRegion.get(region)!;
      if (ds.length >= min && ds.length < all.length) out.push({ slug: slugOf(region, year, kind), region, year, kind, docs: ds });
    }
  }
  return out;
}

export interface CompareRow {
  /** 1 for the largest 支出总计; null when the document does not state 支出总计 */
  rank: number | null;
  department: string;
  department_id: string;
  document_id: string;
  expenditure_total: number | null;
  basic_expenditure: number | null;
  project_expenditure: number | null;
  /** 基本支出 / (基本支出 + 项目支出), percent with one decimal */
  basic_share: number | null;
  three_public_total: number | null;
  staff_authorized: number | null;
  /** “三公”经费 per authorised post, 万元 with four decimals */
  three_public_per_staff_yuan: number | null; // 元 per authorised post: 0.0366 万元 reads badly
}

type ColumnKey = Exclude<keyof CompareRow, 'department_id' | 'document_id'>;
/** The columns the page's table and its CSV share, in order: Chinese heading, CSV header. */
export const COMPARE_COLUMNS: Array<{ key: ColumnKey; label: string; csv: string; numeric: boolean }> = [
  { key: 'rank', label: '排名', csv: 'rank', numeric: true },
  { key: 'department', label: '部门', csv: 'department', numeric: false },
  { key: 'expenditure_total', label: '支出总计（万元）', csv: 'expenditure_total', numeric: true },
  { key: 'basic_expenditure', label: '基本支出（万元）', csv: 'basic_expenditure', numeric: true },
  { key: 'project_expenditure', label: '项目支出（万元）', csv: 'project_expenditure', numeric: true },
  { key: 'basic_share', label: '基本支出占比（%）', csv: 'basic_share_pct', numeric: true },
  { key: 'three_public_total', label: '“三公”经费（万元）', csv: 'three_public_total', numeric: true },
  { key: 'staff_authorized', label: '编制人数', csv: 'staff_authorized', numeric: true },
  { key: 'three_public_per_staff_yuan', label: '人均“三公”经费（元/人）', csv: 'three_public_per_staff_yuan', numeric: true },
];

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/**
 * One row per document, ranked by 支出总计 (largest first, ties by department name); documents
 * that do not state 支出总计 come last, unranked, by name. No figure is filled in from another scope.
 */
export function compareRows(docs: CompareDoc[]): CompareRow[] {
  const rows = docs.map((d): CompareRow => {
    const t = d.totals;
    const staff = d.staffing.authorized;
    const bp = t.basic_expenditure !== null && t.project_expenditure !== null ? t.basic_expenditure + t.project_expenditure : null;
    return {
      rank: null,
      department: d.department,
      department_id: d.department_id,
      document_id: d.id,
      expenditure_total: t.expenditure_total,
      basic_expenditure: t.basic_expenditure,
      project_expenditure: t.project_expenditure,
      basic_share: bp !== null && bp > 0 ? round((100 * (t.basic_expenditure as number)) / bp, 1) : null,
      three_public_total: t.three_public_total,
      staff_authorized: staff,
      three_public_per_staff_yuan: t.three_public_total !== null && staff !== null && staff > 0 ? round((t.three_public_total * 10000) / staff, 0) : null,
    };
  });
  rows.sort(
    (a, b) =>
      (a.expenditure_total === null ? 1 : 0) - (b.expenditure_total === null ? 1 : 0) ||
      (b.expenditure_total ?? 0) - (a.expenditure_total ?? 0) ||
      collator.compare(a.department, b.department) ||
      (a.document_id < b.document_id ? -1 : 1),
  );
  rows.forEach((r, i) => {
    if (r.expenditure_total !== null) r.rank = i + 1;
  });
  return rows;
}

/** The CSV of exactly the table shown: same rows in the same order, same columns, plain numbers. */
export function compareCsv(rows: CompareRow[]): string {
  return toCsv(
    COMPARE_COLUMNS.map((c) => c.csv),
    rows.map((r) => COMPARE_COLUMNS.map((c) => r[c.key])),
  );
}

let scopesMemo: { docs: unknown; byDepartment: Map<string, CompareScope[]> } | null = null;
/**
 * The scopes each department appears in (by department_id), computed once per input array: every
 * department page links to its comparisons without going over the whole corpus again.
 */
export function scopesOfDepartment(docs: CompareDoc[], departmentId: string): CompareScope[] {
  if (scopesMemo?.docs !== docs) {
    const byDepartment = new Map<string, CompareScope[]>();
    for (const s of compareScopes(docs)) {
      for (const id of new Set(s.docs.map((d) => d.department_id))) byDepartment.set(id, [...(byDepartment.get(id) ?? []), s]);
    }
    scopesMemo = { docs, byDepartment };
  }
  return scopesMemo.byDepartment.get(departmentId) ?? [];
}
