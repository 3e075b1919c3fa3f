/**
 * Reading the pipeline's Markdown collections (content/generated/{documents,projects}/*.md) for the
 * site. Front matter is parsed with js-yaml's core schema (dates stay the text the document printed)
 * and validated with the canonical model (scripts/model/schema.ts).
 *
 * Scale: the content layer keeps only a light projection of each entry (what list, overview and
 * navigation pages need); a document or project page reads its own full entry from its file when it
 * is rendered. Astro's store holding every table of every document was most of the build's memory
 * and time at 1,000 documents and cannot be serialized at 10,000 (one string over V8's limit).
 */
import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { DocumentEntry, ProjectEntry, documentHead } from '../../scripts/model/schema';

export type DocumentLight = Pick<
  DocumentEntry,
  | 'id' | 'title' | 'department' | 'department_id' | 'province' | 'city' | 'county' | 'fiscal_year' | 'kind' | 'unit'
  | 'budget_units' | 'staffing' | 'responsibilities' | 'totals' | 'expenditure_by_function' | 'disclosure' | 'projects' | 'source_file'
> & {
  /** number of tables in the document */
  table_count: number;
  /** the entry's Markdown file (absolute path) */
  file: string;
};

export type ProjectLight = Pick<
  ProjectEntry,
  'id' | 'document_id' | 'name' | 'code' | 'budget' | 'executed' | 'department' | 'department_id' | 'document_title' | 'fiscal_year' | 'kind' | 'province' | 'city' | 'county'
> & {
  /** only the 一级指标 of each indicator (for counts by type) */
  indicators: Array<{ level1: string | null }>;
  file: string;
};

/** Front matter of a Markdown file as an object (null when the file has none). */
export function frontMatter(text: string): unknown {
  const t = text.replace(/^\uFEFF/, '');
  if (!/^---\r?\n/.test(t)) return null;
  const end = t.search(/\r?\n---\s*(\r?\n|$)/);
  if (end < 0) return null;
  return jsyaml.load(t.slice(t.indexOf('\n') + 1, end), { schema: jsyaml.CORE_SCHEMA });
}

function read<T>(file: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }): T {
  const data = frontMatter(readFileSync(file, 'utf8'));
  const r = schema.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '（根）'}：${i.message}`).join('；');
    throw new Error(`内容文件不符合数据模型：${file}：${issues}`);
  }
  return r.data;
}

export function readDocument(file: string): DocumentEntry {
  return read(file, DocumentEntry);
}

export function readProject(file: string): ProjectEntry {
  return read(file, ProjectEntry);
}

export function lightDocument(d: DocumentEntry, file: string): DocumentLight {
  return {
    ...documentHead(d),
    unit: d.unit,
    budget_units: d.budget_units,
    staffing: d.staffing,
    responsibilities: d.responsibilities,
    totals: d.totals,
    expenditure_by_function: d.expenditure_by_function,
    disclosure: d.disclosure,
    projects: d.projects,
    source_file: d.source_file,
    table_count: d.tables.length,
    file,
  };
}

export function lightProject(p: ProjectEntry, file: string): ProjectLight {
  return {
    id: p.id,
    document_id: p.document_id,
    name: p.name,
    code: p.code,
    budget: p.budget,
    executed: p.executed,
    department: p.department,
    department_id: p.department_id,
    document_title: p.document_title,
    fiscal_year: p.fiscal_year,
    kind: p.kind,
    province: p.province,
    city: p.city,
    county: p.county,
    indicators: p.indicators.map((i) => ({ level1: i.level1 })),
    file,
  };
}
