/**
 * One document → the text of every output it contributes to: its Markdown files and listing lines,
 * its per-table CSVs, its records in each run-wide CSV and its entries in datapackage.json and
 * documents.json. A pure function of the (masked) record, so the parse workers can run it right
 * after parsing and the main thread only writes; `OutputWriter` assembles the run-wide files.
 */
import type { DocumentRecord } from '../model/schema.js';
import { DOCUMENT_KIND_LABELS, documentHead, documentListing, projectListing } from '../model/schema.js';
import { csvBody, toCsv } from './csv.js';
import { DOCUMENT_DATASETS, documentTablesPath, tableDatasets } from './datasets.js';
import { xlsxWorkbook, zipFiles } from './xlsx.js';
import { resourceJson } from './datapackage.js';
import { documentEntry, documentMarkdown, projectEntry, projectMarkdown } from './markdown.js';

export interface RenderedFile<C = string> {
  /** relative to its output folder (the collections folder or the data folder) */
  path: string;
  content: C;
}

export interface RenderedDocument {
  /** the document id the outputs were rendered for */
  id: string;
  /** documents/<id>.md and projects/<id>.md, relative to the collections folder */
  markdown: RenderedFile[];
  /** one line of documents.jsonl and one line of projects.jsonl per project */
  listings: { document: string; projects: string[] };
  /** tables/<document>/<table>.csv, relative to the data folder */
  tables: RenderedFile[];
  /** tables/<document>.zip and .xlsx (all its tables in one file), none for a document without tables */
  downloads: RenderedFile<Uint8Array>[];
  /** this document's CSV records in each of DOCUMENT_DATASETS, in that order (no header) */
  rows: string[];
  /** datapackage.json resource entries of the per-table CSVs, as written in the file */
  resources: string[];
  /** this document's entry in documents.json */
  index: DocumentIndexEntry;
}

export type DocumentIndexEntry = ReturnType<typeof documentIndexEntry>;

/** Ids become file names: keep them to a safe ASCII set whatever a sidecar or slug produced. */
export function fileId(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '') || 'x';
}

/** documents.json: the document's head, totals and counts (what a script needs to pick files). */
export function documentIndexEntry(d: DocumentRecord) {
  return {
    ...documentHead(d),
    kind_label: DOCUMENT_KIND_LABELS[d.kind],
    unit: d.unit,
    totals: d.totals,
    table_count: d.tables.length,
    project_count: d.projects.length,
    finding_count: d.findings.length,
    source_file: d.source_file,
  };
}

export function renderDocument(d: DocumentRecord): RenderedDocument {
  const docFile = `${fileId(d.id)}.md`;
  const markdown: RenderedFile[] = [{ path: `documents/${docFile}`, content: documentMarkdown(d) }];
  const projects: string[] = [];
  for (const p of d.projects) {
    const file = `${fileId(p.id)}.md`;
    markdown.push({ path: `projects/${file}`, content: projectMarkdown(d, p) });
    projects.push(JSON.stringify({ file, entry: projectListing(projectEntry(d, p)) }));
  }
  const perTable = tableDatasets(d);
  const tables = perTable.map((ds) => ({ path: ds.path, content: toCsv(ds.fields.map((f) => f.name), ds.rows) }));
  const downloads: RenderedFile<Uint8Array>[] = tables.length
    ? [
        { path: documentTablesPath(d.id, 'zip'), content: zipFiles(tables.map((f) => ({ name: f.path.split('/').pop()!, content: f.content }))) },
        {
          path: documentTablesPath(d.id, 'xlsx'),
          content: xlsxWorkbook(perTable.map((ds, i) => ({ name: `${d.tables[i].id} ${d.tables[i].title ?? ''}`, header: ds.fields.map((f) => f.name), rows: ds.rows }))),
        },
      ]
    : [];
  return {
    id: d.id,
    markdown,
    listings: { document: JSON.stringify({ file: docFile, entry: documentListing(documentEntry(d)) }), projects },
    tables,
    downloads,
    rows: DOCUMENT_DATASETS.map((ds) => csvBody(ds.rowsOf(d))),
    resources: perTable.map(resourceJson),
    index: documentIndexEntry(d),
  };
}
