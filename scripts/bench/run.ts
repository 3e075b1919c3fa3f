/**
 * npm run bench [-- --sizes 100,1000,10000] [--seed 1] [--no-site]
 * Generates synthetic corpora under bench/tmp/, measures ingest (against the read-and-decode floor),
 * the cache (warm run, one changed document in N), the site build (astro build + Pagefind) and page
 * weight, prints a table and writes bench/results.json.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus, fileName } from '../generate/index.js';
import { lastJson, measure, type Measured } from './measure.js';
import { pagefindFigures, type PagefindFigures } from './pagefind.js';
import { measureSearchBytes, type SearchBytes } from './search-bytes.js';
import { measureOcr } from './ocr.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '100,1000' }, seed: { type: 'string', default: '1' }, 'no-site': { type: 'boolean', default: false } },
});
const sizes = values.sizes!.split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const seed = Number(values.seed);
const ROOT = process.cwd();
const TMP = resolve('bench/tmp');
const TSX = ['--import', import.meta.resolve('tsx')];
const CHILD = resolve('scripts/bench/child.ts');
mkdirSync(TMP, { recursive: true });
const notes: string[] = [];

interface IngestRun { ms: number; docs_per_s: number; mb_per_s: number; peak_rss_mb: number | null; documents: number; errors: number; workers: number; cache_hits: number; cache_misses: number }
interface SizeResult {
  measured_at: string;
  documents: number;
  corpus_mb: number;
  generate_ms: number;
  floor: { ms: number; mb_per_s: number; peak_rss_mb: number | null };
  ingest: IngestRun;
  ingest_serial: IngestRun | null;
  parallel_speedup: number | null;
  ratio_to_floor: number;
  cache_warm: IngestRun;
  incremental: (IngestRun & { changed: number }) | null;
  site: null | {
    /** set when the figures were kept from an earlier run (`--no-site`) */
    measured_at?: string;
    ok: boolean;
    note: string | null;
    ingest_ms: number | null;
    astro_ms: number | null;
    pagefind_ms: number | null;
    total_ms: number | null;
    peak_rss_mb: number | null;
    pages: number | null;
    pagefind: PagefindFigures | null;
    /** bytes Chromium fetched for real queries (null without Chromium) */
    search_bytes?: SearchBytes[] | null;
    page_weight_gzip: Record<string, number | null> | null;
  };
}

/** Queries measured in Chromium: a first query on a fresh page, then a second one typed on it. */
const SEARCH_QUERIES: Array<[string, string]> = [
  ['一网通办', '信息化'],
  ['12345', '外包'],
  ['云计算', '办公场所租赁'],
];

function node(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Measured> {
  return measure(process.execPath, args, opts);
}

async function ingestRun(dir: string, bytes: number, extra: string[]): Promise<IngestRun> {
  const m = await node([...TSX, CHILD, 'ingest', '--dir', dir, ...extra], { timeoutMs: 60 * 60_000 });
  const j = lastJson<{ ms: number; documents: number; errors: number; files: number; workers: number; cache_hits: number; cache_misses: number }>(m.stdout);
  if (!j) throw new Error(`ingest 子进程失败：${m.stderr.slice(-2000)}`);
  return {
    ms: Math.round(j.ms),
    docs_per_s: Math.round((j.files / j.ms) * 1000 * 10) / 10,
    mb_per_s: Math.round((bytes / 1e6 / (j.ms / 1000)) * 100) / 100,
    peak_rss_mb: m.peak_rss_mb,
    documents: j.documents,
    errors: j.errors,
    workers: j.workers,
    cache_hits: j.cache_hits,
    cache_misses: j.cache_misses,
  };
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'pagefind' && name !== 'sources' && name !== 'data') walk(p);
      } else if (name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** gzip bytes of a page's HTML plus the CSS and JS files it links (same-site assets only). */
function pageWeight(dist: string, html: string, base = '/'): number {
  const text = readFileSync(html, 'utf8');
  let total = gzipSync(text).length;
  const seen = new Set<string>();
  for (const m of text.matchAll(/<(?:link[^>]+href|script[^>]+src)="([^"]+\.(?:css|js|mjs))"/g)) {
    const url = m[1];
    if (/^https?:/.test(url) || seen.has(url)) continue;
    seen.add(url);
    const rel = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
    const p = join(dist, rel);
    if (existsSync(p)) total += gzipSync(readFileSync(p)).length;
  }
  return total;
}

async function siteBuild(n: number, corpus: string): Promise<SizeResult['site']> {
  const site = join(TMP, `site-${n}`);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  const env = {
    SITE_CONTENT_DIR: join(site, 'content/generated'),
    SITE_DATA_DIR: join(site, 'public/data'),
    SITE_SOURCES_DIR: corpus,
    SITE_OUT_DIR: join(site, 'dist'),
    SITE_CACHE_DIR: join(site, '.astro-cache'),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=6144`.trim(),
  };
  const fail = (note: string, partial: Partial<NonNullable<SizeResult['site']>> = {}) => {
    notes.push(`站点构建（${n} 篇）未完成：${note}`);
    return { ok: false, note, ingest_ms: null, astro_ms: null, pagefind_ms: null, total_ms: null, peak_rss_mb: null, pages: null, pagefind: null, page_weight_gzip: null, ...partial };
  };
  // a build from scratch, as on a CI runner: no ingest cache
  const ing = await node([...TSX, resolve('scripts/cli/ingest.ts'), '--sources', corpus, '--out', site, '--no-cache'], { env, timeoutMs: 60 * 60_000 });
  if (ing.code !== 0) return fail(`ingest 退出码 ${ing.code}：${ing.stderr.trim().split('\n').slice(-3).join(' ')}`);
  // site-build.ts: `astro build`, in parallel shards on big sites
  const astro = await node([...TSX, resolve('scripts/cli/site-build.ts')], { env, cwd: ROOT, timeoutMs: 30 * 60_000 });
  writeFileSync(join(site, 'astro-build.log'), astro.stdout + astro.stderr);
  if (astro.code !== 0 || !existsSync(join(site, 'dist/index.html'))) {
    const all = `${astro.stdout}\n${astro.stderr}`.split('\n');
    const tail = (all.find((l) => /\[\w*Error\]|Error:/.test(l)) ?? all.filter(Boolean).slice(-1)[0] ?? '').trim().slice(0, 400);
    return fail(`astro build 失败（退出码 ${astro.code}，用时 ${(astro.ms / 1000).toFixed(0)} 秒）：${tail}`, { ingest_ms: Math.round(ing.ms), astro_ms: Math.round(astro.ms), peak_rss_mb: Math.max(ing.peak_rss_mb ?? 0, astro.peak_rss_mb ?? 0) });
  }
  const pf = await node([...TSX, resolve('scripts/cli/search-index.ts'), '--dist', join(site, 'dist')], { env, timeoutMs: 30 * 60_000 });
  const dist = join(site, 'dist');
  const pages = htmlFiles(dist);
  const pick = (re: RegExp) => pages.find((p) => re.test(p.slice(dist.length))) ?? null;
  const home = join(dist, 'index.html');
  const doc = pick(/^\/documents\/[^/]+\/index\.html$/);
  const proj = pick(/^\/projects\/[^/]+\/index\.html$/);
  const weight = (p: string | null | undefined) => (p && existsSync(p) ? pageWeight(dist, p) : null);
  const peak = Math.max(ing.peak_rss_mb ?? 0, astro.peak_rss_mb ?? 0, pf.peak_rss_mb ?? 0) || null;
  if (pf.code !== 0) notes.push(`Pagefind（${n} 篇）失败：${pf.stderr.trim().split('\n').slice(-2).join(' ')}`);
  return {
    ok: pf.code === 0,
    note: pf.code === 0 ? null : 'Pagefind 索引失败',
    ingest_ms: Math.round(ing.ms),
    astro_ms: Math.round(astro.ms),
    pagefind_ms: Math.round(pf.ms),
    total_ms: Math.round(ing.ms + astro.ms + pf.ms),
    peak_rss_mb: peak,
    pages: pages.length,
    pagefind: pagefindFigures(join(dist, 'pagefind')),
    search_bytes: pf.code === 0 ? await measureSearchBytes(dist, SEARCH_QUERIES) : null,
    page_weight_gzip: { home: weight(home), document: weight(doc), project: weight(proj) },
  };
}

// Sizes measured in earlier runs and not re-measured now are kept (each size says when it was measured).
let previousFile: Record<string, unknown> = {};
try {
  previousFile = JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, unknown>;
} catch {
  previousFile = {};
}
const previousSizes = (previousFile.sizes ?? {}) as Record<string, SizeResult>;
const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
const results: Record<string, SizeResult> = {};
const incrementalSize = sizes.includes(1000) ? 1000 : sizes[sizes.length - 1];
for (const n of sizes) {
  console.log(`\n— ${n} 篇文档 —`);
  const corpus = join(TMP, `corpus-${n}`);
  rmSync(corpus, { recursive: true, force: true });
  const g0 = performance.now();
  const gen = generateCorpus({ n, seed, outDir: corpus });
  const generate_ms = Math.round(performance.now() - g0);
  const bytes = gen.bytes;
  console.log(`生成：${(bytes / 1e6).toFixed(1)} MB，${generate_ms} ms`);

  const fm = await node([...TSX, CHILD, 'floor', '--dir', corpus]);
  const fj = lastJson<{ ms: number }>(fm.stdout);
  if (!fj) throw new Error(`读取下限子进程失败（退出码 ${fm.code}）：${fm.stderr.slice(-1500)}`);
  const floor = { ms: Math.round(fj.ms), mb_per_s: Math.round((bytes / 1e6 / (fj.ms / 1000)) * 10) / 10, peak_rss_mb: fm.peak_rss_mb };
  const ingest = await ingestRun(corpus, bytes, ['--no-cache']);
  console.log(`解析（并行 ${ingest.workers} 线程，无缓存）：${ingest.ms} ms，${ingest.docs_per_s} 篇/秒，峰值内存 ${ingest.peak_rss_mb} MB；读取解码下限 ${floor.ms} ms`);
  const serial = n <= 1000 ? await ingestRun(corpus, bytes, ['--no-cache', '--workers', '0']) : null;
  if (serial) console.log(`解析（单线程）：${serial.ms} ms`);
  const cacheDir = join(TMP, `cache-${n}`);
  rmSync(cacheDir, { recursive: true, force: true });
  await ingestRun(corpus, bytes, ['--cache-dir', cacheDir]);
  const warm = await ingestRun(corpus, bytes, ['--cache-dir', cacheDir]);
  console.log(`缓存命中重跑：${warm.ms} ms，命中 ${warm.cache_hits}`);
  let incremental: SizeResult['incremental'] = null;
  if (n === incrementalSize) {
    const changed = join(corpus, fileName(Math.floor(n / 2)));
    appendFileSync(changed, '\n说明：本文档已更新。\n');
    const inc = await ingestRun(corpus, bytes, ['--cache-dir', cacheDir]);
    incremental = { ...inc, changed: 1 };
    console.log(`修改 1 篇后重跑：${inc.ms} ms，命中 ${inc.cache_hits}/${n}，重新解析 ${inc.cache_misses}`);
    if (inc.cache_hits !== n - 1) notes.push(`增量：预期命中 ${n - 1}，实际 ${inc.cache_hits}`);
  }
  // --no-site keeps the site figures of the last run that measured them (they record when)
  const kept = previousSizes[String(n)];
  const site = values['no-site'] ? (kept?.site ? { ...kept.site, measured_at: kept.site.measured_at ?? kept.measured_at } : null) : await siteBuild(n, corpus);
  const measured_at = new Date().toISOString();
  if (site?.measured_at) console.log(`站点构建：未重新测量，沿用 ${site.measured_at} 的结果`);
  else if (site) console.log(site.ok ? `站点构建：${((site.total_ms ?? 0) / 1000).toFixed(1)} 秒，峰值内存 ${site.peak_rss_mb} MB，${site.pages} 个页面` : `站点构建跳过：${site.note}`);
  results[String(n)] = {
    measured_at,
    documents: n,
    corpus_mb: Math.round((bytes / 1e6) * 100) / 100,
    generate_ms,
    floor,
    ingest,
    ingest_serial: serial,
    parallel_speedup: serial ? Math.round((serial.ms / ingest.ms) * 100) / 100 : null,
    ratio_to_floor: Math.round((ingest.ms / Math.max(1, floor.ms)) * 10) / 10,
    cache_warm: warm,
    incremental,
    site,
  };
}

// OCR of scanned PDFs: seconds per page (kept from the last run when it cannot be measured here)
const ocr = await measureOcr();
if (typeof ocr === 'string') notes.push(`OCR 未测量：${ocr}`);
else console.log(`\nOCR：${ocr.pages} 页 ${(ocr.ms / 1000).toFixed(1)} 秒，每页 ${ocr.seconds_per_page} 秒（200 dpi 扫描件，负载 ${ocr.load_average[0]}）`);

const previous = previousSizes;
const out = {
  // hand-written records of what changed (changes_*) stay with the figures
  ...Object.fromEntries(Object.entries(previousFile).filter(([k]) => k.startsWith('changes_'))),
  generated_at: new Date().toISOString(),
  // Load from other processes skews every figure: recorded at the start and end of the run.
  load_average: { start: loadAtStart, end: loadavg().map((x) => Math.round(x * 100) / 100) },
  machine: { cpus: cpus().length, available_parallelism: availableParallelism(), cpu_model: cpus()[0]?.model ?? null, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
  seed,
  sizes: Object.fromEntries(Object.entries({ ...previous, ...results }).sort((a, b) => Number(a[0]) - Number(b[0]))),
  ocr: typeof ocr === 'string' ? (previousFile.ocr ?? null) : ocr,
  notes,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify(out, null, 2) + '\n');

const rows: string[][] = [['指标', ...sizes.map((n) => `${n} 篇`)]];
const row = (label: string, f: (r: SizeResult) => string | number | null | undefined) => rows.push([label, ...sizes.map((n) => String(f(results[String(n)]) ?? '—'))]);
row('语料 MB', (r) => r.corpus_mb);
row('读取解码下限 ms', (r) => r.floor.ms);
row('解析 ms（并行，无缓存）', (r) => r.ingest.ms);
row('解析 篇/秒', (r) => r.ingest.docs_per_s);
row('解析 MB/秒', (r) => r.ingest.mb_per_s);
row('解析/下限 倍数', (r) => r.ratio_to_floor);
row('解析峰值内存 MB', (r) => r.ingest.peak_rss_mb);
row('成功文档数', (r) => r.ingest.documents);
row('单线程 ms', (r) => r.ingest_serial?.ms);
row('并行加速比', (r) => r.parallel_speedup);
row('缓存命中重跑 ms', (r) => r.cache_warm.ms);
row('改 1 篇后重跑 ms', (r) => r.incremental?.ms);
row('改 1 篇后命中数', (r) => (r.incremental ? `${r.incremental.cache_hits}/${r.documents}` : null));
row('站点构建 s', (r) => (r.site?.total_ms ? (r.site.total_ms / 1000).toFixed(1) : r.site ? '失败' : null));
row('  其中 astro build s', (r) => (r.site?.astro_ms ? (r.site.astro_ms / 1000).toFixed(1) : null));
row('站点构建峰值内存 MB', (r) => r.site?.peak_rss_mb);
row('页面数', (r) => r.site?.pages);
row('Pagefind 索引 KB', (r) => (r.site?.pagefind ? Math.round(r.site.pagefind.index_bytes / 1024) : null));
row('首次搜索下载 KB', (r) => (r.site?.pagefind ? Math.round(r.site.pagefind.first_query_bytes / 1024) : null));
row('  默认搜索范围', (r) => (r.site?.pagefind ? (r.site.pagefind.default_scope === 'all' ? `全部 ${r.site.pagefind.bundles} 个年度` : `${r.site.pagefind.default_scope} 年`) : null));
row('  选全部年份后首次搜索 KB', (r) => (r.site?.pagefind ? Math.round(r.site.pagefind.first_query_all_years_bytes / 1024) : null));
row('  实测首次搜索 KB（Chromium）', (r) => (r.site?.search_bytes?.length ? r.site.search_bytes.map((b) => Math.round(b.first_bytes / 1024)).join(' / ') : null));
row('  实测第二次搜索 KB（Chromium）', (r) => (r.site?.search_bytes?.length ? r.site.search_bytes.map((b) => Math.round(b.second_bytes / 1024)).join(' / ') : null));
row('第二次搜索下载 KB', (r) => (r.site?.pagefind ? Math.round(r.site.pagefind.second_query_bytes / 1024) : null));
row('首页 gzip KB', (r) => (r.site?.page_weight_gzip?.home ? (r.site.page_weight_gzip.home / 1024).toFixed(1) : null));
row('文档页 gzip KB', (r) => (r.site?.page_weight_gzip?.document ? (r.site.page_weight_gzip.document / 1024).toFixed(1) : null));
row('项目页 gzip KB', (r) => (r.site?.page_weight_gzip?.project ? (r.site.page_weight_gzip.project / 1024).toFixed(1) : null));
const width = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 2 : 1), 0))));
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 255 ? 2 : 1), 0)));
console.log('');
for (const r of rows) console.log(r.map((c, i) => pad(c, width[i])).join('  '));
for (const n of notes) console.log(`注：${n}`);
console.log(`\n结果已写入 bench/results.json`);
