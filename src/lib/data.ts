/** Build-time access to the collections and the download folder (pages know nothing of source text). */
import { getCollection } from 'astro:content';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DocumentEntry, ProjectEntry } from '../../scripts/model/schema';
import { parseCsv } from './csv';

export { parseCsv };

export const DATA_DIR = resolve(process.env.SITE_DATA_DIR || 'public/data');

export async function documents(): Promise<DocumentEntry[]> {
  const all = (await getCollection('documents')).map((e) => e.data as DocumentEntry);
  return all.sort((a, b) => (b.fiscal_year ?? 0) - (a.fiscal_year ?? 0) || a.department.localeCompare(b.department, 'zh-CN') || a.id.localeCompare(b.id));
}

export async function projects(): Promise<ProjectEntry[]> {
  const all = (await getCollection('projects')).map((e) => e.data as ProjectEntry);
  return all.sort((a, b) => (b.budget ?? -1) - (a.budget ?? -1) || a.id.localeCompare(b.id));
}

export interface Department {
  id: string;
  name: string;
  docs: DocumentEntry[];
}

export function departments(docs: DocumentEntry[]): Department[] {
  const map = new Map<string, Department>();
  for (const d of docs) {
    const dep = map.get(d.department_id) ?? { id: d.department_id, name: d.department, docs: [] };
    dep.docs.push(d);
    map.set(d.department_id, dep);
  }
  for (const dep of map.values()) dep.docs.sort((a, b) => (a.fiscal_year ?? 0) - (b.fiscal_year ?? 0));
  return [...map.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Headline expenditure of a document: the total, else the current-year total, else the general budget. */
export function headline(d: DocumentEntry): number | null {
  return d.totals.expenditure_total ?? d.totals.current_year_expenditure ?? d.totals.income_total ?? d.totals.general_budget_expenditure;
}

export function readCsv(name: string): { header: string[]; rows: string[][] } | null {
  const p = join(DATA_DIR, name);
  if (!existsSync(p)) return null;
  const [header = [], ...rows] = parseCsv(readFileSync(p, 'utf8'));
  return { header, rows };
}

export interface DataField {
  name: string;
  type?: string;
  title?: string;
  description?: string;
}
export interface DataResource {
  name: string;
  path: string;
  title?: string;
  description?: string;
  format?: string;
  schema?: { fields?: DataField[] };
}

export function dataPackage(): { title?: string; resources: DataResource[] } {
  const p = join(DATA_DIR, 'datapackage.json');
  if (!existsSync(p)) return { resources: [] };
  try {
    const pkg = JSON.parse(readFileSync(p, 'utf8'));
    return { title: pkg.title, resources: Array.isArray(pkg.resources) ? pkg.resources : [] };
  } catch {
    return { resources: [] };
  }
}

/** Size in bytes and data-row count of a download (null when absent). */
export function fileStats(path: string): { bytes: number; rows: number | null } | null {
  const p = join(DATA_DIR, path);
  if (!existsSync(p) || !statSync(p).isFile()) return null;
  const bytes = statSync(p).size;
  if (!p.endsWith('.csv')) return { bytes, rows: null };
  return { bytes, rows: Math.max(0, parseCsv(readFileSync(p, 'utf8')).filter((r) => r.some((c) => c !== '')).length - 1) };
}

/** Every per-table CSV: tables/<document_id>/<table_id>.csv. */
export function tableCsvExists(docId: string, tableId: string): boolean {
  return existsSync(join(DATA_DIR, 'tables', docId, `${tableId}.csv`));
}

export function tableCsvCount(): number {
  const dir = join(DATA_DIR, 'tables');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((n, d) => n + (statSync(join(dir, d)).isDirectory() ? readdirSync(join(dir, d)).length : 0), 0);
}
