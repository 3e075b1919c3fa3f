/**
 * Parallel ingest on a worker_threads pool (size = os.availableParallelism()). Each file is parsed
 * (or taken from the cache), its phone numbers masked and, when asked, its outputs rendered, all in
 * the worker, so the main thread is left with writing files. Results are reported as they finish
 * with their input index, so callers can keep input order. Small batches run in-process: starting
 * workers costs more than parsing a handful of files. This module is also the worker's entry point.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { IngestFileResult, IngestOptions } from './ingest-file.js';
import { codeFingerprint, ingestCached, workerCodeFingerprint } from './cache.js';
import { maskDeep } from '../normalize/privacy.js';
import { type RenderedDocument, renderDocument } from '../emit/render.js';

export interface ParallelTask {
  path: string;
  rel: string;
}

export interface ParallelOptions {
  /** worker count; 0 = in-process; default availableParallelism() */
  workers?: number;
  /** cache folder, or null for no cache */
  cacheDir: string | null;
  ingest: IngestOptions;
  /** mask personal mobile numbers in the records (default false) */
  mask?: boolean;
  /** render each document's outputs too (`rendered` in onResult) */
  render?: boolean;
  /** called as each file finishes (in completion order); when given, `results` stays empty */
  onResult?: (index: number, result: IngestFileResult, hit: boolean, rendered: RenderedDocument | null) => void;
}

export interface ParallelResult {
  /** per input, in input order (empty when onResult takes them) */
  results: IngestFileResult[];
  hits: number;
  misses: number;
  workers: number;
}

/** Below this many files the pool is not worth starting (~1 s to boot workers); INGEST_MIN_POOL_FILES overrides. */
const MIN_FILES_FOR_POOL = Number(process.env.INGEST_MIN_POOL_FILES ?? 64);

interface Settings {
  cacheDir: string | null;
  ingest: IngestOptions;
  code: string;
  mask: boolean;
  render: boolean;
}
interface WorkerInit extends Settings {
  role: 'ingest-worker';
}
type Job = { i: number; path: string; rel: string };
type Reply = { i: number; result: IngestFileResult; hit: boolean; rendered: RenderedDocument | null };

/** One file, start to finish, wherever it runs (a worker or this thread). */
async function processFile(job: Job, s: Settings): Promise<Reply> {
  const r = await ingestCached(job.path, job.rel, s.ingest, s.cacheDir, s.code);
  const document = r.result.document && s.mask ? maskDeep(r.result.document) : r.result.document;
  const result = document === r.result.document ? r.result : { ...r.result, document };
  return { i: job.i, result, hit: r.hit, rendered: s.render && document ? renderDocument(document) : null };
}

function internalError(rel: string, message: string): IngestFileResult {
  return { document: null, errors: [{ file: rel, line: null, severity: 'error', action: 'skipped', message: `解析时发生内部错误：${message}` }] };
}

let bundled: Promise<URL | null> | null = null;

/**
 * From TypeScript sources, this module and everything it imports bundled once into one ES module
 * (esbuild, which tsx already depends on), cached under node_modules/.cache by the fingerprint of
 * the code it bundles. Workers load it directly: with tsx's loader every worker re-resolved and re-compiled
 * ~60 modules, which cost more than parsing 100 documents. null when esbuild is unavailable.
 */
function workerBundle(): Promise<URL | null> {
  bundled ??= (async () => {
    try {
      const self = fileURLToPath(import.meta.url);
      const root = dirname(dirname(dirname(self)));
      const esbuild = await import('esbuild');
      const key = createHash('sha256').update(workerCodeFingerprint()).update(esbuild.version).update(self).digest('hex').slice(0, 20);
      const dir = join(root, 'node_modules', '.cache', 'ingest-worker');
      const out = join(dir, `worker-${key}.mjs`);
      if (!existsSync(out)) {
        mkdirSync(dir, { recursive: true });
        const tmp = `${out}.${process.pid}.${Date.now()}.tmp.mjs`;
        // packages stay external: the bundle sits inside the repo, so node_modules resolve as before
        await esbuild.build({ entryPoints: [self], outfile: tmp, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'silent' });
        renameSync(tmp, out);
        // bundles of earlier code versions: keep the cache small (an hour's grace for running builds)
        for (const name of readdirSync(dir)) {
          const p = join(dir, name);
          if (p !== out && name.startsWith('worker-') && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { force: true });
        }
      }
      return pathToFileURL(out);
    } catch {
      return null;
    }
  })();
  return bundled;
}

/**
 * Start a worker on this module: the compiled file itself, or from TypeScript sources the bundle
 * above; failing that, the worker registers tsx's loader (tsx does not hook worker threads by
 * itself) and imports this file.
 */
async function spawnWorker(init: WorkerInit): Promise<Worker> {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(import.meta.url), { workerData: init });
  const bundle = process.env.INGEST_WORKER_TSX === '1' ? null : await workerBundle();
  if (bundle) return new Worker(bundle, { workerData: init });
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  return new Worker(boot, { eval: true, workerData: init });
}

export async function ingestParallel(tasks: ParallelTask[], opts: ParallelOptions): Promise<ParallelResult> {
  const results: IngestFileResult[] = opts.onResult ? [] : new Array(tasks.length);
  let hits = 0;
  let misses = 0;
  const record = ({ i, result, hit, rendered }: Reply) => {
    if (hit) hits++;
    else misses++;
    if (opts.onResult) opts.onResult(i, result, hit, rendered);
    else results[i] = result;
  };
  const settings: Settings = { cacheDir: opts.cacheDir, ingest: opts.ingest, code: codeFingerprint(), mask: opts.mask ?? false, render: opts.render ?? false };
  const run = (i: number) => processFile({ i, path: tasks[i].path, rel: tasks[i].rel }, settings);
  const want = opts.workers ?? availableParallelism();
  const size = tasks.length < MIN_FILES_FOR_POOL ? 0 : Math.min(want, tasks.length);
  if (size <= 0) {
    for (let i = 0; i < tasks.length; i++) record(await run(i));
    return { results, hits, misses, workers: 0 };
  }

  const init: WorkerInit = { role: 'ingest-worker', ...settings };
  const queue: number[] = tasks.map((_, i) => i);
  let done = 0;
  let bootFailures = 0;
  let fallback = false;
  await new Promise<void>((resolveAll) => {
    const finish = () => {
      if (++done === tasks.length) resolveAll();
    };
    // Workers that cannot even start (loader missing, no threads allowed): parse the rest here.
    const drainInProcess = async () => {
      while (queue.length) {
        record(await run(queue.shift()!));
        finish();
      }
    };
    const start = async () => {
      const w = await spawnWorker(init);
      let current: Job | null = null;
      let answered = false;
      const feed = () => {
        const i = queue.shift();
        if (i === undefined) {
          current = null;
          void w.terminate();
          return;
        }
        current = { i, path: tasks[i].path, rel: tasks[i].rel };
        w.postMessage(current);
      };
      w.on('message', (m: Reply) => {
        answered = true;
        record(m);
        finish();
        feed();
      });
      // A worker that crashes mid-run (out of memory, native error) fails only the file it was on and a
      // fresh worker continues; one that dies before its first answer puts the file back in the queue.
      w.on('error', (e: Error) => {
        const job = current;
        current = null;
        if (job && !answered) {
          queue.unshift(job.i);
          if (++bootFailures >= 2 && !fallback) {
            fallback = true;
            void drainInProcess();
            return;
          }
        } else if (job) {
          record({ i: job.i, result: internalError(job.rel, e.message), hit: false, rendered: null });
          finish();
        }
        if (queue.length && !fallback) launch();
      });
      feed();
    };
    // a worker that cannot even be constructed: parse everything left here
    const launch = () =>
      void start().catch(() => {
        if (!fallback) {
          fallback = true;
          void drainInProcess();
        }
      });
    for (let k = 0; k < size; k++) launch();
  });
  return { results, hits, misses, workers: size };
}

// Worker side: process files as they are posted, one at a time.
if (!isMainThread && (workerData as WorkerInit | undefined)?.role === 'ingest-worker' && parentPort) {
  const init = workerData as WorkerInit;
  const port = parentPort;
  port.on('message', async (job: Job) => port.postMessage(await processFile(job, init)));
}
