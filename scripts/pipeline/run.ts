/**
 * A folder of sources → all documents, with a progress line per document and a summary. One bad
 * file never stops the others; `strict` turns any error into a failed run (exit code 1). With
 * `onDocument`, documents are handed over (rendered) as they are parsed, so outputs are written while
 * the workers parse the rest.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import type { DocumentRecord, IngestError } from '../model/schema.js';
import type { IngestFileResult, IngestOptions } from './ingest-file.js';
import { SOURCE_EXTENSIONS } from '../read/source.js';
import { ingestParallel } from './parallel.js';
import { DEFAULT_CACHE_DIR } from './cache.js';
import { type RenderedDocument, renderDocument } from '../emit/render.js';

export interface RunOptions extends IngestOptions {
  log?: (line: string) => void;
  /** content-hash cache of per-file results (default true; `--no-cache` turns it off) */
  cache?: boolean;
  /** cache folder (default .cache/ingest under the working directory) */
  cacheDir?: string;
  /** worker threads (default os.availableParallelism(); 0 = parse in this thread) */
  workers?: number;
  /**
   * Each document with its rendered outputs, in file order, as soon as it and every file before it
   * are parsed (the workers render them). Awaited before the next one is handed over.
   */
  onDocument?: (d: DocumentRecord, rendered: RenderedDocument) => Promise<void> | void;
  /** keep every record for `documents` (default true; false when onDocument takes them, to save memory) */
  keepDocuments?: boolean;
}

export interface RunStats {
  cache_hits: number;
  cache_misses: number;
  workers: number;
}

export interface RunSummary {
  documents: number;
  projects: number;
  findings: number;
}

export interface RunResult {
  /** every record, sorted by id (empty when keepDocuments is false) */
  documents: DocumentRecord[];
  errors: IngestError[];
  files: string[];
  summary: RunSummary;
  stats?: RunStats;
}

/** Source files below `dir`, sorted for deterministic output (sidecars and hidden files excluded). */
export function listSources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (SOURCE_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.endsWith('.meta.yaml')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * Makes document ids unique, fed in file order: an exact copy of an earlier file is skipped (null),
 * and a second document with an id already taken gets a suffix from its content hash.
 */
function uniqueIds(errors: IngestError[]): (d: DocumentRecord) => DocumentRecord | null {
  const seenHash = new Map<string, string>();
  const seenId = new Set<string>();
  return (d) => {
    const prev = seenHash.get(d.source_sha256);
    if (prev) {
      errors.push({ file: d.source_file, line: null, severity: 'warning', action: 'skipped', message: `与 ${prev} 内容完全相同，已跳过重复文件` });
      return null;
    }
    seenHash.set(d.source_sha256, d.source_file);
    let out = d;
    if (seenId.has(d.id)) {
      const id = `${d.id}-${d.source_sha256.slice(0, 6)}`;
      errors.push({ file: d.source_file, line: null, severity: 'warning', action: 'flagged', message: `同一部门同一年度同类文档不止一份，此文档编号为 ${id}` });
      out = { ...d, id, projects: d.projects.map((p) => ({ ...p, id: p.id.replace(d.id, id), document_id: id })) };
    }
    seenId.add(out.id);
    return out;
  };
}

export async function runPipeline(sourcesDir: string, options: RunOptions = {}): Promise<RunResult> {
  const log = options.log ?? ((l: string) => console.log(l));
  const files = listSources(sourcesDir);
  const documents: DocumentRecord[] = [];
  const errors: IngestError[] = [];
  const summary: RunSummary = { documents: 0, projects: 0, findings: 0 };
  const unique = uniqueIds(errors);
  const keep = options.keepDocuments !== false;
  const tasks = files.map((path) => ({ path, rel: relative(sourcesDir, path).split('\\').join('/') }));

  // Files finish in any order; they are taken over in file order, so logs, ids and outputs do not
  // depend on which worker finished first. A finished file waits here until those before it are in.
  const waiting = new Map<number, { result: IngestFileResult; rendered: RenderedDocument | null }>();
  let next = 0;
  const take = async (result: IngestFileResult, rendered: RenderedDocument | null) => {
    const rel = tasks[next].rel;
    errors.push(...result.errors);
    const parsed = result.document;
    const d = parsed && unique(parsed);
    if (d) {
      summary.documents++;
      summary.projects += d.projects.length;
      summary.findings += d.findings.length;
      if (keep) documents.push(d);
      // the workers rendered the document under its parsed id; a renamed duplicate is rendered again
      if (options.onDocument) await options.onDocument(d, rendered && d === parsed ? rendered : renderDocument(d));
    }
    if (parsed) {
      const indicators = parsed.projects.reduce((n, p) => n + p.indicators.length, 0);
      const pct = parsed.coverage.lines_total ? Math.round((100 * parsed.coverage.lines_claimed) / parsed.coverage.lines_total) : 0;
      log(`✓ ${rel}: ${parsed.department} ${parsed.fiscal_year ?? '?'} ${parsed.kind} — 表格 ${parsed.tables.length}，项目 ${parsed.projects.length}，指标 ${indicators}，核对发现 ${parsed.findings.length}，覆盖 ${pct}%`);
    } else {
      const e = result.errors.find((x) => x.severity === 'error');
      log(`✗ ${rel}: ${e?.message ?? '未能解析'}`);
    }
  };
  let taking: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const drain = async () => {
    if (failure) return;
    for (let item = waiting.get(next); item; item = waiting.get(next)) {
      waiting.delete(next);
      await take(item.result, item.rendered);
      next++;
    }
  };
  const parallel = await ingestParallel(tasks, {
    workers: options.workers,
    cacheDir: options.cache === false ? null : (options.cacheDir ?? DEFAULT_CACHE_DIR),
    ingest: options.maskPhones === undefined ? {} : { maskPhones: options.maskPhones },
    mask: options.maskPhones !== false,
    render: options.onDocument !== undefined,
    onResult: (i, result, _hit, rendered) => {
      waiting.set(i, { result, rendered });
      // an output that cannot be written (disk full) fails the run once every worker has stopped
      taking = taking.then(drain).catch((e: unknown) => void (failure ??= e));
    },
  });
  await taking;
  if (failure) throw failure;
  documents.sort((a, b) => a.id.localeCompare(b.id));
  return { documents, errors, files, summary, stats: { cache_hits: parallel.hits, cache_misses: parallel.misses, workers: parallel.workers } };
}
