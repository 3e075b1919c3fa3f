/**
 * Build the Pagefind search bundles after the Astro build (Node API; the npm package ships the
 * extended binary, which segments Chinese). Language comes from <html lang="zh-CN">.
 *   tsx scripts/cli/search-index.ts [--dist dist] [--jobs N]
 *
 * One bundle per fiscal year under dist/pagefind/<year>/ plus dist/pagefind/bundles.json, which the
 * search page reads to offer the years and pick its first scope (scripts/postbuild/search-bundles.ts
 * explains why). Pagefind's indexer uses one core, so the bundles are built by N child processes
 * (each with its own Pagefind service), largest bundles first; N = --jobs, else SEARCH_INDEX_JOBS,
 * else the number of cores (at most 2: each job holds one year's index, ~1.3 GB at 10,000 pages).
 *
 * Only document and project pages are indexed (their <article data-pagefind-body>). Inside them the
 * copies of the source tables and the charts' data are left out: they are numbers already published
 * as tables and CSV, and they made up most of the index (every amount is a distinct term) and of the
 * fragment a result loads. Project names, document titles, departments, text passages, findings,
 * table titles and glossary stay searchable.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ALL_YEARS, type BundleInfo, COMBINED_MAX_PAGES, FIRST_QUERY_BUDGET, bundleKeyOf, bundleLabel, compareBundleKeys, planManifest, queryChunkBytes, stripExcluded } from '../postbuild/search-bundles.js';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: process.env.SITE_OUT_DIR || 'dist' },
    jobs: { type: 'string' },
    /** internal: build the bundles of this plan file (written by the parent) and report them */
    plan: { type: 'string' },
  },
});
const dist = resolve(values.dist!);
const out = join(dist, 'pagefind');
// `.search-skip` marks boilerplate that is the same on every page of a kind (the indicator table's
// header, caption and 一级/二级指标 cells, source line numbers): it only slowed indexing and crowded results.
const EXCLUDE_SELECTORS = ['table.src-table', 'figure.chart', 'thead.search-skip', 'caption.search-skip', 'td.search-skip', 'span.search-skip'];
/** Folders of the build that hold no pages to index. */
const SKIP_DIRS = new Set(['pagefind', 'sources', 'data', '_astro', 'charts', 'embed']);

interface Plan {
  bundles: Array<{ key: string; files: string[] }>;
  report: string;
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`没有找到构建结果：${dist}（请先运行 astro build）`);
    process.exit(2);
  }
  const started = Date.now();
  const groups = new Map<string, string[]>();
  for (const file of htmlFiles(dist)) {
    const key = bundleKeyOf(pageHead(file));
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(file);
    else groups.set(key, [file]);
  }
  rmSync(out, { recursive: true, force: true });
  const pageCount = [...groups.values()].reduce((n, files) => n + files.length, 0);
  if (groups.size > 1 && pageCount <= COMBINED_MAX_PAGES) groups.set(ALL_YEARS, [...groups.values()].flat().sort());
  const jobs = jobCount(groups.size);
  // largest bundles first, each to the job with the fewest pages so far
  const plans: Plan[] = Array.from({ length: jobs }, () => ({ bundles: [], report: '' }));
  const load = plans.map(() => 0);
  for (const [key, files] of [...groups].sort((a, b) => b[1].length - a[1].length || compareBundleKeys(a[0], b[0]))) {
    const j = load.indexOf(Math.min(...load));
    plans[j].bundles.push({ key, files });
    load[j] += files.length;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'search-index-'));
  try {
    const results = await Promise.all(
      plans.map(async (plan, j) => {
        const planFile = join(tmp, `plan-${j}.json`);
        plan.report = join(tmp, `report-${j}.json`);
        writeFileSync(planFile, JSON.stringify(plan));
        const code = await child(planFile);
        if (code !== 0 || !existsSync(plan.report)) {
          console.error(`搜索索引子进程 ${j + 1}/${jobs} 失败（退出码 ${code}）`);
          process.exit(1);
        }
        return JSON.parse(readFileSync(plan.report, 'utf8')) as BundleInfo[];
      }),
    );
    const built = results.flat();
    const bundles = built.filter((b) => b.key !== ALL_YEARS);
    const combined = built.find((b) => b.key === ALL_YEARS) ?? null;
    const manifest = planManifest(bundles, coreBytes(join(out, built[0]?.path ?? '')), FIRST_QUERY_BUDGET, combined);
    writeFileSync(join(out, 'bundles.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    const total = bundles.reduce((s, b) => s + b.pages, 0);
    console.log(
      `搜索索引：${total} 个页面，${bundles.length} 个年度分包${combined ? '和 1 个全部年份的合包' : ''}，${jobs} 个进程，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒 → ${out}；` +
        `默认搜索范围：${manifest.default === 'all' ? '全部年份' : bundleLabel(manifest.default)}（首次搜索约 ${Math.round(manifest.first_query_default_bytes / 1024)} KB）`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function jobCount(bundles: number): number {
  const asked = values.jobs ?? process.env.SEARCH_INDEX_JOBS;
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 1 || n > 16) {
      console.error(`搜索索引进程数应为 1 到 16 的整数：${asked}`);
      process.exit(2);
    }
    return Math.max(1, Math.min(n, bundles));
  }
  return Math.max(1, Math.min(2, availableParallelism(), bundles));
}

/** The same script as a child process (tsx's loader flags are in execArgv). */
function child(planFile: string): Promise<number> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((done) => {
    const p = spawn(process.execPath, [...process.execArgv, self, '--dist', dist, '--plan', planFile], { stdio: 'inherit' });
    p.on('close', (code) => done(code ?? 1));
  });
}

/** Every .html file of the build, in a stable order. */
function htmlFiles(dir: string, top = true): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (top && SKIP_DIRS.has(entry.name)) continue;
    const p = join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith('.html')) files.push(p);
    else if (entry.isDirectory()) files.push(...htmlFiles(p, false));
  }
  return files;
}

const HEAD_BYTES = 8 * 1024;
const headBuffer = Buffer.alloc(HEAD_BYTES);

/**
 * Enough of a page to find its bundle: the facets sit near the top of the article (~2.7 KB into a
 * page), so the first 8 KB usually hold them; otherwise the whole file is read.
 */
function pageHead(file: string): string {
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, headBuffer, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const head = headBuffer.toString('utf8', 0, n);
  if (n < HEAD_BYTES || /data-pagefind-filter="year"[^>]*>[^<]*</.test(head)) return head;
  return readFileSync(file, 'utf8');
}

function urlOf(file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

/** What every query loads whatever its scope; servers (GitHub Pages) send the scripts gzip'd. */
function coreBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  const gz = (n: string) => (existsSync(join(dir, n)) ? gzipSync(readFileSync(join(dir, n))).length : 0);
  const wasm = readdirSync(dir).filter((n) => /^wasm\..*\.pagefind$/.test(n)).map((n) => statSync(join(dir, n)).size);
  return gz('pagefind.js') + gz('pagefind-worker.js') + gz('pagefind-entry.json') + Math.max(0, ...wasm);
}

/** Child: build the planned bundles one after another in this process's Pagefind service. */
async function buildBundles(plan: Plan): Promise<void> {
  const pagefind = await import('pagefind');
  const sizes = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(ext)).map((n) => statSync(join(dir, n)).size) : []);
  const infos: BundleInfo[] = [];
  for (const { key, files } of plan.bundles) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: EXCLUDE_SELECTORS });
    if (!index) {
      console.error(`无法创建搜索索引：${errors.join('；')}`);
      process.exit(1);
    }
    // a bounded number of files in flight: the service is one process, the HTML is read as it goes
    for (let i = 0; i < files.length; i += 64) {
      const batch = files.slice(i, i + 64);
      const added = await Promise.all(batch.map((f) => index.addHTMLFile({ url: urlOf(f), content: stripExcluded(readFileSync(f, 'utf8'), EXCLUDE_SELECTORS) })));
      for (const [j, a] of added.entries()) if (a.errors.length) console.error(`索引警告：${relative(dist, batch[j])}：${a.errors.join('；')}`);
    }
    const dir = join(out, key);
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length) {
      console.error(`写入搜索索引失败（${bundleLabel(key)}）：${written.errors.join('；')}`);
      process.exit(1);
    }
    await index.deleteIndex();
    const fragments = sizes(join(dir, 'fragment'), '.pf_fragment');
    infos.push({
      key,
      label: bundleLabel(key),
      path: `${key}/`,
      pages: files.length,
      meta_bytes: sizes(dir, '.pf_meta').reduce((s, n) => s + n, 0),
      query_chunk_bytes: queryChunkBytes(sizes(join(dir, 'index'), '.pf_index')),
      avg_fragment_bytes: fragments.length ? Math.round(fragments.reduce((s, n) => s + n, 0) / fragments.length) : 0,
    });
    console.log(`搜索索引 ${bundleLabel(key)}：${files.length} 个页面`);
  }
  await pagefind.close();
  writeFileSync(plan.report, JSON.stringify(infos));
}

if (values.plan) await buildBundles(JSON.parse(readFileSync(values.plan, 'utf8')) as Plan);
else await main();
