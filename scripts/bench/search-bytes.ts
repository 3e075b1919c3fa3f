/**
 * Bytes a browser really fetches for a search, measured in Chromium (the formula in pagefind.ts is an
 * estimate). The built site is served the way GitHub Pages serves it: scripts, JSON and HTML gzip'd,
 * Pagefind's own files (already compressed) as they are. For each query a fresh browser context opens
 * search/?q=… (first query: nothing cached) and then types a second query on the same page.
 * Only Pagefind's files count (the search page's own HTML/CSS/JS are in the page weights).
 * Needs /usr/bin/chromium; returns null without it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

export interface SearchBytes {
  query: string;
  second_query: string;
  results: number;
  first_bytes: number;
  second_bytes: number;
  /** the scope the search page started with: all years or one year's bundle */
  scope: string;
}

const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

function serve(dist: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const type = TYPES[extname(file)];
    const gzip = type !== undefined && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, { 'content-type': type ?? 'application/octet-stream', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    const body = createReadStream(file);
    (gzip ? body.pipe(createGzip()) : body).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export async function measureSearchBytes(dist: string, pairs: Array<[string, string]>): Promise<SearchBytes[] | null> {
  if (!existsSync(CHROMIUM) || !existsSync(join(dist, 'pagefind/bundles.json'))) return null;
  const { chromium } = await import('playwright-core');
  const server = await serve(dist);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  const out: SearchBytes[] = [];
  try {
    for (const [query, second] of pairs) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      const pending: Promise<void>[] = [];
      page.on('requestfinished', (r) => {
        if (!r.url().includes('/pagefind/')) return;
        pending.push(r.sizes().then((s) => void (bytes += s.responseBodySize)));
      });
      const settle = async () => {
        await page.waitForFunction(() => {
          const s = document.querySelector('#search-status')?.textContent ?? '';
          return /找到|没有找到/.test(s);
        }, undefined, { timeout: 120_000 });
        await page.waitForLoadState('networkidle');
        await Promise.all(pending);
      };
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      await settle();
      const first = bytes;
      const results = await page.$$eval('#search-results li', (l) => l.length);
      const scope = await page.$eval('select[name="year"]', (s) => (s as HTMLSelectElement).value);
      bytes = 0;
      await page.fill('#search-q', second);
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, second, { timeout: 30_000 });
      await settle();
      out.push({ query, second_query: second, results, first_bytes: first, second_bytes: bytes, scope });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}
