/**
 * A folder of sources → all documents, with a progress line per document and a summary. One bad
 * file never stops the others; `strict` turns any error into a failed run (exit code 1).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import type { DocumentRecord, IngestError } from '../model/schema.js';
import type { IngestOptions } from './ingest-file.js';
import { SOURCE_EXTENSIONS } from '../read/source.js';
import { maskDeep } from '../normalize/privacy.js';
import { ingestParallel } from './parallel.js';
import { DEFAULT_CACHE_DIR } from './cache.js';

export interface RunOptions extends IngestOptions {
  log?: (line: string) => void;
  /** content-hash cache of per-file results (default true; `--no-cache` turns it off) */
  cache?: boolean;
  /** cache folder (default .cache/ingest under the working directory) */
  cacheDir?: string;
  /** worker threads (default os.availableParallelism(); 0 = parse in this thread) */
  workers?: number;
}

export interface RunStats {
  cache_hits: number;
  cache_misses: number;
  workers: number;
}

export interface RunResult {
  documents: DocumentRecord[];
  errors: IngestError[];
  files: string[];
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

/** Make document ids unique: a second document with the same id gets a suffix from its content hash. */
function dedupeIds(docs: DocumentRecord[], errors: IngestError[]): DocumentRecord[] {
  const seenHash = new Map<string, string>();
  const seenId = new Set<string>();
  const out: DocumentRecord[] = [];
  for (const d of docs) {
    const prev = seenHash.get(d.source_sha256);
    if (prev) {
      errors.push({ file: d.source_file, line: null, severity: 'warning', action: 'skipped', message: `与 ${prev} 内容完全相同，已跳过重复文件` });
      continue;
    }
    seenHash.set(d.source_sha256, d.source_file);
    let id = d.id;
    if (seenId.has(id)) {
      id = `${d.id}-${d.source_sha256.slice(0, 6)}`;
      errors.push({ file: d.source_file, line: null, severity: 'warning', action: 'flagged', message: `同一部门同一年度同类文档不止一份，此文档编号为 ${id}` });
      const projects = d.projects.map((p) => ({ ...p, id: p.id.replace(d.id, id), document_id: id }));
      out.push({ ...d, id, projects });
    } else out.push(d);
    seenId.add(id);
  }
  return out;
}

export async function runPipeline(sourcesDir: string, options: RunOptions = {}): Promise<RunResult> {
  const log = options.log ?? ((l: string) => console.log(l));
  const files = listSources(sourcesDir);
  const documents: DocumentRecord[] = [];
  const errors: IngestError[] = [];
  // Parse in parallel (and from the cache when unchanged), then report in file order so logs and
  // outputs do not depend on which worker finished first.
  const tasks = files.map((path) => ({ path, rel: relative(sourcesDir, path).split('\\').join('/') }));
  const ingestOptions: IngestOptions = options.maskPhones === undefined ? {} : { maskPhones: options.maskPhones };
  const parallel = await ingestParallel(tasks, {
    workers: options.workers,
    cacheDir: options.cache === false ? null : (options.cacheDir ?? DEFAULT_CACHE_DIR),
    ingest: ingestOptions,
  });
  for (let k = 0; k < files.length; k++) {
    const rel = tasks[k].rel;
    const result = parallel.results[k];
    // let go of the worker's copy as soon as it is taken over (a run holds every record once, not twice)
    (parallel.results as Array<unknown>)[k] = undefined;
    errors.push(...result.errors);
    const d = result.document;
    if (d) {
      documents.push(options.maskPhones === false ? d : maskDeep(d));
      const indicators = d.projects.reduce((n, p) => n + p.indicators.length, 0);
      const pct = d.coverage.lines_total ? Math.round((100 * d.coverage.lines_claimed) / d.coverage.lines_total) : 0;
      log(`✓ ${rel}: ${d.department} ${d.fiscal_year ?? '?'} ${d.kind} — 表格 ${d.tables.length}，项目 ${d.projects.length}，指标 ${indicators}，核对发现 ${d.findings.length}，覆盖 ${pct}%`);
    } else {
      const e = result.errors.find((x) => x.severity === 'error');
      log(`✗ ${rel}: ${e?.message ?? '未能解析'}`);
    }
  }
  const deduped = dedupeIds(documents, errors);
  deduped.sort((a, b) => a.id.localeCompare(b.id));
  return { documents: deduped, errors, files, stats: { cache_hits: parallel.hits, cache_misses: parallel.misses, workers: parallel.workers } };
}
