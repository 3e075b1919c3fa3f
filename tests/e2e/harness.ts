/**
 * Build the site once into a temp folder under BASE_PATH=/budget-site/ (ingest → astro build →
 * Pagefind) and serve it on 127.0.0.1 with a tiny static server. A build is reused while it is newer
 * than every input (E2E_REBUILD=1 forces a new one).
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, normalize, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { writeSample, writeHostile } from '../fixtures/site/make-sample.js';
import { writeSamplePdf } from '../fixtures/site/make-pdf-source.js';
import { writeSeries } from '../fixtures/site/make-series.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BASE = '/budget-site/';
export const WORK = join(tmpdir(), 'budget-site-e2e');
export const DIST = join(WORK, 'dist');
const OUT = join(WORK, 'out');
/** content/sources plus a generated PDF, so the site has an original PDF to link to */
const SOURCES = join(WORK, 'sources');
/** the generated PDF's file name in SOURCES (absent when the CJK font is missing) */
export const SAMPLE_PDF = 'zz-sample.pdf';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, n) => (n === 'node_modules' ? m : Math.max(m, newest(join(path, n)))), st.mtimeMs);
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} 失败（${r.status}）：\n${r.stdout}\n${r.stderr}`);
}

export interface Built {
  dist: string;
  usedSample: boolean;
  hostile: { documentId: string; projectId: string };
}

/**
 * Test files run in parallel workers and each calls buildSite(): one builds while the others wait for
 * its lock (a folder beside WORK; mkdir is atomic), then take the fresh build.
 */
export async function buildSite(): Promise<Built> {
  const lock = `${WORK}.lock`;
  for (const started = Date.now(); ; ) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // a lock left by a run that was killed
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > 20 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 20 * 60_000) throw new Error(`等待 ${lock} 超时`);
      await new Promise((ok) => setTimeout(ok, 1000));
    }
  }
  try {
    return await buildSiteLocked();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildSiteLocked(): Promise<Built> {
  const stamp = join(WORK, 'stamp.json');
  const inputs = Math.max(...['src', 'scripts', 'content/sources', 'tests/fixtures/site', 'astro.config.mjs', 'public'].map((p) => newest(join(ROOT, p))));
  if (!process.env.E2E_REBUILD && existsSync(stamp) && existsSync(join(DIST, 'pagefind/bundles.json'))) {
    const s = JSON.parse(readFileSync(stamp, 'utf8')) as Built & { at: number };
    if (s.at > inputs) return s;
  }
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  cpSync(join(ROOT, 'content/sources'), SOURCES, { recursive: true });
  await writeSamplePdf(join(SOURCES, SAMPLE_PDF));
  // one department with several years and both kinds (department time series, comparisons)
  writeSeries(SOURCES);
  run('npx', ['tsx', 'scripts/cli/ingest.ts', '--sources', SOURCES, '--out', OUT]);
  const docsDir = join(OUT, 'content/generated/documents');
  const usedSample = !existsSync(docsDir) || readdirSync(docsDir).filter((n) => n.endsWith('.md')).length === 0;
  // until the pipeline's emitter writes the collections, the site is built from the hand-made sample
  if (usedSample) writeSample(OUT);
  const hostile = writeHostile(OUT);
  astroBuild(DIST, join(WORK, 'astro-cache'));
  const built: Built = { dist: DIST, usedSample, hostile };
  writeFileSync(stamp, JSON.stringify({ ...built, at: Date.now() }));
  return built;
}

/** astro build (in `shards` parallel shards) + Pagefind of the ingested content in WORK/out into `dist` (with its own cache). */
export function astroBuild(dist: string, cacheDir: string, shards = 1): void {
  const env = {
    BASE_PATH: BASE,
    SITE_URL: 'http://127.0.0.1',
    SITE_CONTENT_DIR: join(OUT, 'content/generated'),
    SITE_DATA_DIR: join(OUT, 'public/data'),
    SITE_SOURCES_DIR: SOURCES,
    SITE_OUT_DIR: dist,
    SITE_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  run('npx', ['tsx', 'scripts/cli/site-build.ts', '--shards', String(shards)], env);
  run('npx', ['tsx', 'scripts/cli/search-index.ts', '--dist', dist]);
}

/** Every file below `dir`, relative and sorted. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p.slice(dir.length + 1));
    }
  };
  walk(dir);
  return out.sort();
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Serve `dist` under BASE only, like GitHub Pages serves a project site (404.html for misses). */
export function serve(dist: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    const send404 = () => {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(existsSync(join(dist, '404.html')) ? readFileSync(join(dist, '404.html')) : 'not found');
    };
    if (!path.startsWith(BASE)) return send404();
    path = path.slice(BASE.length);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist + sep) && file !== dist) return send404();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return send404();
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    ok({ server, origin: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
  }));
}

/**
 * Opens `path` (below BASE) in a new page of `ctx`, collecting its console and script errors into
 * `errors` (the suites assert that list is empty), and asserts the page answered 200.
 */
export async function openPage(ctx: BrowserContext, origin: string, path: string, errors: string[]): Promise<Page> {
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  const res = await page.goto(origin + BASE + path, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(200);
  return page;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
