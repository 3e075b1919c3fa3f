/**
 * Corpus summaries for list and overview pages (pure, unit-tested in tests/site). Each is computed
 * once per build; the pages that show them stay the same size whatever the number of documents.
 */
import type { DocumentEntry, DocumentKind } from '../../scripts/model/schema';

/** Headline expenditure of a document: the total, else the current-year total, else the general budget. */
export function headline(d: Pick<DocumentEntry, 'totals'>): number | null {
  return d.totals.expenditure_total ?? d.totals.current_year_expenditure ?? d.totals.income_total ?? d.totals.general_budget_expenditure;
}

const round4 = (v: number) => Math.round(v * 10000) / 10000;

export interface YearSummary {
  year: number | null;
  /** only documents of one kind are added up: a budget plus a final account means nothing */
  kind: DocumentKind;
  documents: number;
  /** how many of them state the figure summed in `total` (支出总计) */
  with_total: number;
  /** sum of 支出总计 over the documents that state it, null when none does */
  total: number | null;
  basic: number | null;
  project: number | null;
}

const KIND_ORDER: Record<DocumentKind, number> = { budget: 0, final_account: 1, budget_draft: 2 };

/**
 * One row per fiscal year and kind of document (oldest first, unknown year last). Only 支出总计 is
 * added up: the other headline figures (本年支出, 一般公共预算支出) cover less and would mix scopes.
 */
export function yearSummaries(docs: Array<Pick<DocumentEntry, 'fiscal_year' | 'kind' | 'totals'>>): YearSummary[] {
  const map = new Map<string, YearSummary>();
  const add = (a: number | null, b: number | null) => (b === null ? a : round4((a ?? 0) + b));
  for (const d of docs) {
    const key = `${d.fiscal_year}|${d.kind}`;
    const y = map.get(key) ?? { year: d.fiscal_year, kind: d.kind, documents: 0, with_total: 0, total: null, basic: null, project: null };
    y.documents++;
    if (d.totals.expenditure_total !== null) y.with_total++;
    y.total = add(y.total, d.totals.expenditure_total);
    y.basic = add(y.basic, d.totals.basic_expenditure);
    y.project = add(y.project, d.totals.project_expenditure);
    map.set(key, y);
  }
  return [...map.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/**
 * The n documents with the largest 支出总计 (ties by id, so the choice is stable). Only documents that
 * state 支出总计 are ranked: a fallback figure (本年支出, 一般公共预算支出) covers less money and
 * would rank a document below where it belongs.
 */
export function largestDocuments<D extends Pick<DocumentEntry, 'id' | 'totals'>>(docs: D[], n: number): D[] {
  return docs
    .filter((d) => d.totals.expenditure_total !== null)
    .sort((a, b) => (b.totals.expenditure_total as number) - (a.totals.expenditure_total as number) || (a.id < b.id ? -1 : 1))
    .slice(0, n);
}

export interface Page<T> {
  /** 1-based */
  number: number;
  last: number;
  items: T[];
}

/** Cut a list into pages of `size` (at least one page, possibly empty). */
export function pages<T>(all: T[], size: number): Page<T>[] {
  const last = Math.max(1, Math.ceil(all.length / size));
  return Array.from({ length: last }, (_, i) => ({ number: i + 1, last, items: all.slice(i * size, (i + 1) * size) }));
}

/** Page numbers a pager shows: first, last and a window around the current page (null = gap). */
export function pagerNumbers(current: number, last: number, around = 2): Array<number | null> {
  const out: Array<number | null> = [];
  for (let i = 1; i <= last; i++) {
    if (i === 1 || i === last || Math.abs(i - current) <= around) out.push(i);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** For each year, the page of a list (in list order) where that year's documents start. */
export function yearStartPages(docs: Array<{ fiscal_year: number | null }>, size: number): Array<{ year: number | null; page: number; count: number }> {
  const out: Array<{ year: number | null; page: number; count: number }> = [];
  docs.forEach((d, i) => {
    const last = out[out.length - 1];
    if (last && last.year === d.fiscal_year) last.count++;
    else out.push({ year: d.fiscal_year, page: Math.floor(i / size) + 1, count: 1 });
  });
  return out;
}
