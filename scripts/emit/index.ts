/**
 * Write every output of a run under `outDir`: the Markdown collections (content/generated), the CSV
 * downloads with their datapackage.json and a small documents.json index (public/data, served as
 * /data/). Both folders are fully generated: they are emptied first so no stale file survives.
 * Output is deterministic: documents sorted by id, no timestamps.
 */
import { type WriteStream, createWriteStream, mkdirSync, rmSync, utimesSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import type { DocumentRecord, IngestError } from '../model/schema.js';
import { DOCUMENT_KIND_LABELS, documentHead, documentListing, projectListing } from '../model/schema.js';
import { toCsv } from './csv.js';
import { buildDatasets } from './datasets.js';
import { dataPackage } from './datapackage.js';
import { documentEntry, documentMarkdown, projectEntry, projectMarkdown } from './markdown.js';

export interface EmitInput {
  documents: DocumentRecord[];
  errors: IngestError[];
}

export interface EmitPaths {
  /**
   * content collections: <out>/content/generated/{documents,projects}/*.md, and beside each folder
   * its listing ({documents,projects}.jsonl: one light entry per line with its file name, written
   * after the files so it is newer than every one of them)
   */
  collections: string;
  /** downloads served under /data: <out>/public/data */
  data: string;
}

export function outputPaths(outDir: string): EmitPaths {
  return { collections: `${outDir}/content/generated`, data: `${outDir}/public/data` };
}

/**
 * Writes files asynchronously, a bounded number at a time, so the disk works while the next file is
 * rendered (tens of thousands of small files: one synchronous write each used to cost as much as the
 * rendering). Each folder is created once. `done()` waits for every write and rethrows the first error.
 */
class FileWriter {
  private dirs = new Set<string>();
  private pending = new Set<Promise<void>>();
  private error: unknown = null;
  constructor(private readonly limit = 32) {}

  async write(path: string, content: string): Promise<void> {
    const dir = dirname(path);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    const p: Promise<void> = writeFile(path, content, 'utf8').then(
      () => void this.pending.delete(p),
      (e: unknown) => {
        this.pending.delete(p);
        this.error ??= e;
      },
    );
    this.pending.add(p);
    if (this.pending.size >= this.limit) await Promise.race(this.pending);
    if (this.error) throw this.error;
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
    if (this.error) throw this.error;
  }
}

/** Ids become file names: keep them to a safe ASCII set whatever a sidecar or slug produced. */
export function fileId(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '') || 'x';
}

export async function writeOutputs(input: EmitInput, outDir: string): Promise<void> {
  const paths = outputPaths(outDir);
  const out = new FileWriter();
  const write = (path: string, content: string) => out.write(path, content);
  const documents = [...input.documents].sort((a, b) => a.id.localeCompare(b.id));

  // collections
  for (const sub of ['documents', 'projects']) {
    rmSync(join(paths.collections, sub), { recursive: true, force: true });
    rmSync(join(paths.collections, `${sub}.jsonl`), { force: true });
  }
  mkdirSync(paths.collections, { recursive: true });
  const listings = { documents: new LineWriter(join(paths.collections, 'documents.jsonl')), projects: new LineWriter(join(paths.collections, 'projects.jsonl')) };
  for (const d of documents) {
    const docFile = `${fileId(d.id)}.md`;
    await write(join(paths.collections, 'documents', docFile), documentMarkdown(d));
    await listings.documents.line(JSON.stringify({ file: docFile, entry: documentListing(documentEntry(d)) }));
    for (const p of d.projects) {
      const file = `${fileId(p.id)}.md`;
      await write(join(paths.collections, 'projects', file), projectMarkdown(d, p));
      await listings.projects.line(JSON.stringify({ file, entry: projectListing(projectEntry(d, p)) }));
    }
  }
  mkdirSync(join(paths.collections, 'documents'), { recursive: true });
  mkdirSync(join(paths.collections, 'projects'), { recursive: true });

  // downloads
  rmSync(paths.data, { recursive: true, force: true });
  const datasets = buildDatasets(documents, input.errors);
  for (const ds of datasets) await write(join(paths.data, ds.path), toCsv(ds.fields.map((f) => f.name), ds.rows));
  await write(join(paths.data, 'datapackage.json'), `${JSON.stringify(dataPackage(datasets), null, 2)}\n`);
  const index = documents.map((d) => ({
    ...documentHead(d),
    kind_label: DOCUMENT_KIND_LABELS[d.kind],
    unit: d.unit,
    totals: d.totals,
    table_count: d.tables.length,
    project_count: d.projects.length,
    finding_count: d.findings.length,
    source_file: d.source_file,
  }));
  await write(join(paths.data, 'documents.json'), `${JSON.stringify(index, null, 2)}\n`);
  await out.done();
  // the listings are closed last and stamped now, so each is newer than every file it describes
  for (const w of [listings.documents, listings.projects]) await w.close();
}

/** One line at a time to a file, waiting when the stream's buffer is full (a listing is ~90 MB at 10,000 documents). */
class LineWriter {
  private readonly stream: WriteStream;
  constructor(private readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  async line(text: string): Promise<void> {
    if (!this.stream.write(`${text}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await new Promise<void>((ok, fail) => this.stream.end((e?: Error | null) => (e ? fail(e) : ok())));
    const now = new Date();
    utimesSync(this.path, now, now);
  }
}
