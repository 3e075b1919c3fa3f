/**
 * Write every output of a run under `outDir`: the Markdown collections (content/generated), the CSV
 * downloads with their datapackage.json and a small documents.json index (public/data, served as
 * /data/). Both folders are fully generated: any file there that the run did not write is removed,
 * so no stale file survives. Output is deterministic: documents in id order, no timestamps.
 *
 * `OutputWriter` takes documents one at a time, already rendered (`renderDocument`, which the parse
 * workers run), writes their own files at once and keeps only their rows for the run-wide files,
 * which `finish` writes in id order. Files are overwritten in place rather than deleted first:
 * removing ~200,000 files cost a minute at 10,000 documents.
 */
import { type WriteStream, createWriteStream, mkdirSync, readdirSync, rmdirSync, rmSync, utimesSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import type { DocumentRecord, IngestError } from '../model/schema.js';
import { csvHeader, toCsv } from './csv.js';
import { DOCUMENT_DATASETS, errorsDataset } from './datasets.js';
import { dataPackageFrame, resourceJson } from './datapackage.js';
import { type RenderedDocument, renderDocument } from './render.js';

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

  async write(path: string, content: string | Uint8Array): Promise<void> {
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

/** What `finish` needs of a document once its own files are written. */
type Kept = Pick<RenderedDocument, 'id' | 'listings' | 'rows' | 'resources' | 'index'>;

export class OutputWriter {
  private readonly paths: EmitPaths;
  private readonly files = new FileWriter();
  private readonly written = new Set<string>();
  private readonly kept: Kept[] = [];

  constructor(outDir: string) {
    this.paths = outputPaths(outDir);
    for (const sub of ['documents', 'projects']) mkdirSync(join(this.paths.collections, sub), { recursive: true });
    mkdirSync(this.paths.data, { recursive: true });
  }

  private async write(path: string, content: string | Uint8Array): Promise<void> {
    this.written.add(path);
    await this.files.write(path, content);
  }

  /** Write one document's own files; its share of the run-wide files waits for `finish`. */
  async add(r: RenderedDocument): Promise<void> {
    for (const f of r.markdown) await this.write(join(this.paths.collections, f.path), f.content);
    for (const f of r.tables) await this.write(join(this.paths.data, f.path), f.content);
    for (const f of r.downloads) await this.write(join(this.paths.data, f.path), f.content);
    this.kept.push({ id: r.id, listings: r.listings, rows: r.rows, resources: r.resources, index: r.index });
  }

  /** The run-wide files in document id order, then stale files removed and the listings stamped. */
  async finish(errors: IngestError[]): Promise<void> {
    const docs = this.kept.sort((a, b) => a.id.localeCompare(b.id));
    const { collections, data } = this.paths;
    await this.files.done();

    for (const [k, ds] of DOCUMENT_DATASETS.entries()) {
      await this.stream(join(data, ds.path), function* () {
        yield csvHeader(ds.fields.map((f) => f.name));
        for (const d of docs) yield d.rows[k];
      });
    }
    const problems = errorsDataset(errors);
    await this.write(join(data, problems.path), toCsv(problems.fields.map((f) => f.name), problems.rows));
    const frame = dataPackageFrame();
    await this.stream(join(data, 'datapackage.json'), function* () {
      yield frame.head;
      // the run-wide CSVs, then each document's tables in id order
      yield [...DOCUMENT_DATASETS, problems].map(resourceJson).join(frame.separator);
      for (const d of docs) for (const r of d.resources) yield frame.separator + r;
      yield frame.tail;
    });
    await this.write(join(data, 'documents.json'), `${JSON.stringify(docs.map((d) => d.index), null, 2)}\n`);
    await this.files.done();

    for (const dir of [join(collections, 'documents'), join(collections, 'projects'), data]) this.removeUnwritten(dir);
    // the listings last, so each is newer than every file it describes
    await this.stream(join(collections, 'documents.jsonl'), function* () {
      for (const d of docs) yield `${d.listings.document}\n`;
    });
    await this.stream(join(collections, 'projects.jsonl'), function* () {
      for (const d of docs) for (const line of d.listings.projects) yield `${line}\n`;
    });
  }

  /** A file written piece by piece (run-wide CSVs reach hundreds of MB), stamped when closed. */
  private async stream(path: string, pieces: () => Iterable<string>): Promise<void> {
    this.written.add(path);
    const out: WriteStream = createWriteStream(path, { encoding: 'utf8' });
    for (const piece of pieces()) if (piece && !out.write(piece)) await once(out, 'drain');
    await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
    const now = new Date();
    utimesSync(path, now, now);
  }

  /** Remove what an earlier run left in `dir` and this run did not write; false when `dir` is left empty. */
  private removeUnwritten(dir: string): boolean {
    let left = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (this.removeUnwritten(p)) left++;
        else rmdirSync(p);
      } else if (this.written.has(p)) left++;
      else rmSync(p, { force: true });
    }
    return left > 0;
  }
}

/** Render and write a whole run's documents in this thread (tests, small runs). */
export async function writeOutputs(input: EmitInput, outDir: string): Promise<void> {
  const out = new OutputWriter(outDir);
  for (const d of input.documents) await out.add(renderDocument(d));
  await out.finish(input.errors);
}
