/**
 * Content-hash cache of per-file ingest results (DocumentRecord + IngestErrors) under .cache/ingest/.
 * Key = sha256(file bytes, sidecar bytes, relative path, options, PIPELINE_VERSION, code fingerprint):
 * a document is re-parsed only when its bytes, its sidecar, its place, or the parser itself changed.
 * The code fingerprint (hash of the pipeline's own sources) keeps engineers who edit a recognizer
 * without bumping PIPELINE_VERSION from being served stale results.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PIPELINE_VERSION } from '../model/schema.js';
import { OCR_TOOLS_MISSING } from '../read/pdf/ocr.js';
import { sidecarPath } from '../read/sidecar.js';
import { ingestFile, type IngestFileResult, type IngestOptions } from './ingest-file.js';

export const DEFAULT_CACHE_DIR = '.cache/ingest';

/** Folders of scripts/ whose code does not change what ingestFile returns. */
const NOT_PIPELINE = new Set(['generate', 'bench', 'cli', 'emit']);
/** Folders of scripts/ that the parse workers never load (they also render, so emit/ counts). */
const NOT_IN_WORKERS = new Set(['generate', 'bench', 'cli']);

const fingerprints = new Map<Set<string>, string>();

/** Hash of the source files under scripts/ outside the `skip` folders, computed once per process. */
function sourcesFingerprint(skip: Set<string>): string {
  const known = fingerprints.get(skip);
  if (known) return known;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const h = createHash('sha256').update(`v${PIPELINE_VERSION}\n`);
  const walk = (dir: string, top: boolean) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (!(top && skip.has(name))) walk(p, false);
      } else if (/\.(ts|js|mjs|json)$/.test(name)) h.update(`${p.slice(root.length)}\n`).update(readFileSync(p));
    }
  };
  try {
    walk(root, true);
  } catch {
    // Sources unavailable (bundled build): fall back to the declared version alone.
  }
  const digest = h.digest('hex');
  fingerprints.set(skip, digest);
  return digest;
}

/** Hash of every pipeline source file (scripts/**, minus generator/bench/CLI/emit): the cache's code key. */
export function codeFingerprint(): string {
  return sourcesFingerprint(NOT_PIPELINE);
}

/** Hash of everything a parse worker runs (the pipeline and the emitters): the worker bundle's key. */
export function workerCodeFingerprint(): string {
  return sourcesFingerprint(NOT_IN_WORKERS);
}

export function cacheKey(bytes: Uint8Array, sidecar: Uint8Array | null, relFile: string, options: IngestOptions, code = codeFingerprint()): string {
  return createHash('sha256')
    .update(code)
    .update('\0').update(relFile)
    .update('\0').update(JSON.stringify(options ?? {}))
    .update('\0').update(bytes)
    .update('\0').update(sidecar ?? new Uint8Array())
    .digest('hex');
}

export interface CachedIngest {
  result: IngestFileResult;
  hit: boolean;
}

function entryPath(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), `${key}.json`);
}

/** Read a cached result; a missing, truncated or foreign entry is simply a miss. */
export function cacheGet(dir: string, key: string): IngestFileResult | null {
  const p = entryPath(dir, key);
  if (!existsSync(p)) return null;
  try {
    const v = JSON.parse(readFileSync(p, 'utf8')) as { key?: string; result?: IngestFileResult };
    return v.key === key && v.result ? v.result : null;
  } catch {
    return null;
  }
}

/** Write atomically (temp file + rename): parallel workers never see half-written entries. */
export function cachePut(dir: string, key: string, result: IngestFileResult): void {
  const p = entryPath(dir, key);
  try {
    mkdirSync(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, pipeline_version: PIPELINE_VERSION, result }));
    renameSync(tmp, p);
  } catch {
    // A read-only or full disk only costs speed, never correctness.
  }
}

/**
 * ingestFile with the cache in front. `cacheDir` null disables the cache. A recognizer bug is
 * reported like bad input (and not cached, so a fix is picked up on the next run).
 */
export async function ingestCached(path: string, relFile: string, options: IngestOptions, cacheDir: string | null, code?: string): Promise<CachedIngest> {
  let key: string | null = null;
  if (cacheDir) {
    try {
      const bytes = readFileSync(path);
      const sc = sidecarPath(path);
      key = cacheKey(bytes, existsSync(sc) ? readFileSync(sc) : null, relFile, options, code);
      const got = cacheGet(cacheDir, key);
      if (got) return { result: got, hit: true };
    } catch {
      key = null; // unreadable file: let ingestFile report it
    }
  }
  try {
    const result = await ingestFile(path, relFile, options);
    // a scan refused for want of OCR tools is read again once they are installed
    const ocrMissing = result.errors.some((e) => e.message.includes(OCR_TOOLS_MISSING));
    if (key && cacheDir && !ocrMissing) cachePut(cacheDir, key, result);
    return { result, hit: false };
  } catch (e) {
    const message = `解析时发生内部错误：${(e as Error).message}`;
    return { result: { document: null, errors: [{ file: relFile, line: null, severity: 'error', action: 'skipped', message }] }, hit: false };
  }
}
