/**
 * Build-time access to the collections and the download folder (pages know nothing of source text).
 *
 * The collections are the pipeline's Markdown files (content/generated/{documents,projects}/*.md).
 * Lists come from their listings (src/lib/entries.ts); a document or project page reads its own file.
 * They are not loaded into Astro's content store: at 10,000 documents (111k entries) the store, its
 * serialized copy and the copy the build reads back took ~3 GB per build process, more than every
 * page's own data, and ruled out parallel build shards within 6 GB.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DocumentListing, ProjectListing, type DocumentEntry, type ProjectEntry } from '../../scripts/model/schema';
import { lightDocument, lightProject, loadLight, readDocument, readProject, type DocumentLight, type ProjectLight } from './entries';

export type { DocumentLight, ProjectLight };
import { csvRecordCount, parseCsv } from './csv';

export { parseCsv };

export const DATA_DIR = resolve(process.env.SITE_DATA_DIR || 'public/data');
/** The generated collections: SITE_CONTENT_DIR, else content/generated. */
export const CONTENT_DIR = resolve(process.env.SITE_CONTENT_DIR || 'content/generated');
const DOCUMENTS_DIR = join(CONTENT_DIR, 'documents');
const PROJECTS_DIR = join(CONTENT_DIR, 'projects');

/*
 * Module-level caches: a static build renders every page in one process, so each collection is read,
 * sorted and indexed once per build instead of once per page (pages only look things up).
 * The arrays are shared: callers must not sort or mutate them in place.
 */
let docsP: Promise<DocumentLight[]> | null = null;
let projsP: Promise<ProjectLight[]> | null = null;
let byDocP: Promise<Map<string, ProjectLight[]>> | null = null;
let loadedFor = '';

/**
 * The dev server keeps modules between requests: drop the caches when a new ingest run rewrote the
 * collections (their folders' and listings' times change). A build reads them once.
 */
function current(): void {
  const stamp = [DOCUMENTS_DIR, `${DOCUMENTS_DIR}.jsonl`, PROJECTS_DIR, `${PROJECTS_DIR}.jsonl`].map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)).join(':');
  if (stamp === loadedFor) return;
  loadedFor = stamp;
  docsP = projsP = byDocP = null;
}

/** Order of document lists: newest year first, then department (Chinese collation), then id. */
export function compareDocuments(a: DocumentLight, b: DocumentLight): number {
  return (b.fiscal_year ?? 0) - (a.fiscal_year ?? 0) || collator.compare(a.department, b.department) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
/** Order of project lists: largest budget first (unknown last), then id. */
export function compareProjects(a: ProjectLight, b: ProjectLight): number {
  return (b.budget ?? -1) - (a.budget ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
/** One collator for every Chinese sort (localeCompare builds a new one per call: slow on big lists). */
export const collator = new Intl.Collator('zh-CN');

/** Every document (light entries, newest first). */
export function documents(): Promise<DocumentLight[]> {
  current();
  docsP ??= Promise.resolve(loadLight(DOCUMENTS_DIR, DocumentListing, (file) => lightDocument(readDocument(file), file)).sort(compareDocuments));
  return docsP;
}

/** Every project (light entries, largest budget first). */
export function projects(): Promise<ProjectLight[]> {
  current();
  projsP ??= Promise.resolve(loadLight(PROJECTS_DIR, ProjectListing, (file) => lightProject(readProject(file), file)).sort(compareProjects));
  return projsP;
}

/** Projects of each document (budget order), built once. */
export function projectsByDocument(): Promise<Map<string, ProjectLight[]>> {
  current();
  byDocP ??= projects().then((all) => {
    const m = new Map<string, ProjectLight[]>();
    for (const p of all) {
      const list = m.get(p.document_id);
      if (list) list.push(p);
      else m.set(p.document_id, [p]);
    }
    return m;
  });
  return byDocP;
}

/** The full entry of a document, read from its file when its page is rendered. */
export function fullDocument(d: Pick<DocumentLight, 'file'>): DocumentEntry {
  return readDocument(d.file);
}
/** The full entry of a project, read from its file when its page is rendered. */
export function fullProject(p: Pick<ProjectLight, 'file'>): ProjectEntry {
  return readProject(p.file);
}

export interface Department {
  id: string;
  name: string;
  docs: DocumentLight[];
}

let depsCache: { docs: DocumentLight[]; deps: Department[] } | null = null;

/** Departments (Chinese name order), each with its documents oldest first; cached per input array. */
export function departments(docs: DocumentLight[]): Department[] {
  if (depsCache?.docs === docs) return depsCache.deps;
  const deps = buildDepartments(docs);
  depsCache = { docs, deps };
  return deps;
}

function buildDepartments(docs: DocumentLight[]): Department[] {
  const map = new Map<string, Department>();
  for (const d of docs) {
    const dep = map.get(d.department_id) ?? { id: d.department_id, name: d.department, docs: [] };
    dep.docs.push(d);
    map.set(d.department_id, dep);
  }
  for (const dep of map.values()) dep.docs.sort((a, b) => (a.fiscal_year ?? 0) - (b.fiscal_year ?? 0));
  return [...map.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

export { headline } from './summary';

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
  return { bytes, rows: Math.max(0, csvRecordCount(readFileSync(p)) - 1) };
}


/** Every per-table CSV: tables/<document_id>/<table_id>.csv. */
export function tableCsvExists(docId: string, tableId: string): boolean {
  return existsSync(join(DATA_DIR, 'tables', docId, `${tableId}.csv`));
}

/** The document's tables in one download (`tables/<id>.zip` or `.xlsx`), when the pipeline wrote it. */
export function documentTablesExists(docId: string, format: 'zip' | 'xlsx'): boolean {
  return existsSync(join(DATA_DIR, 'tables', `${docId}.${format}`));
}

export function tableCsvCount(): number {
  const dir = join(DATA_DIR, 'tables');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((n, d) => n + (statSync(join(dir, d)).isDirectory() ? readdirSync(join(dir, d)).length : 0), 0);
}
