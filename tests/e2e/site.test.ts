/**
 * End-to-end: the built site under /budget-site/, crawled for broken links, then driven in real
 * headless Chromium (search, filters, charts, CSV downloads, console errors, injected payloads, axe).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'node:http';
import { BASE, CHROMIUM_ARGS, SAMPLE_PDF, WORK, astroBuild, buildSite, filesBelow, serve, type Built, openPage } from './harness.js';
import { hasCjkFont } from '../fixtures/pdf/cjk-font.js';
import { parseCsv } from '../../src/lib/csv.js';

let built: Built;
let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
const consoleErrors: string[] = [];

beforeAll(async () => {
  built = await buildSite();
  ({ server, origin } = await serve(built.dist));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext();
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (server) await new Promise((ok) => server.close(ok));
});

function open(path: string): Promise<Page> {
  return openPage(context, origin, path, consoleErrors);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

describe('built site under a sub-path', () => {
  it('has every page kind', () => {
    for (const p of ['index.html', '404.html', 'search/index.html', 'projects/index.html', 'data/index.html', 'disclosure/index.html', 'about/index.html', 'functions/index.html', 'sitemap-index.xml']) {
      expect(existsSync(join(built.dist, p)), p).toBe(true);
    }
    expect(readdirSync(join(built.dist, 'documents')).length).toBeGreaterThan(0);
    expect(readdirSync(join(built.dist, 'projects')).length).toBeGreaterThan(1);
  });

  it('crawls every internal link and asset with zero broken', async () => {
    const seen = new Set<string>();
    const pages = new Map<string, string>();
    const broken: string[] = [];
    const queue = [BASE];
    const ids = new Map<string, Set<string>>();
    const fragments: Array<[string, string, string]> = [];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await fetch(origin + path, { redirect: 'manual' });
      if (res.status !== 200) {
        broken.push(`${path} → ${res.status}`);
        continue;
      }
      if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      const html = await res.text();
      pages.set(path, html);
      ids.set(path, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
      for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const raw = m[1].replace(/&amp;/g, '&');
        const u = new URL(raw, origin + path);
        if (u.origin !== origin) {
          // absolute links to the configured site (canonical, og:url) are checked by path
          if (u.hostname === '127.0.0.1') expect(u.pathname.startsWith(BASE), raw).toBe(true);
          continue;
        }
        expect(u.pathname.startsWith(BASE), `${path}: ${raw}`).toBe(true);
        if (u.hash.length > 1) fragments.push([path, u.pathname, decodeURIComponent(u.hash.slice(1))]);
        if (!seen.has(u.pathname)) queue.push(u.pathname);
      }
    }
    for (const [from, to, id] of fragments) {
      if (ids.has(to) && !ids.get(to)!.has(id)) broken.push(`${from} → ${to}#${id}（锚点不存在）`);
    }
    expect(broken).toEqual([]);
    expect(pages.size).toBeGreaterThan(10);
    // only tables the pipeline is sure of: no untitled grids with made-up 列1… headers, no 目录 as a table
    for (const [path, html] of pages) {
      expect(html, path).not.toContain('未命名表格');
      expect(html, path).not.toMatch(/<th scope="col">列\d+<\/th>/);
    }
    // every document and project page is reachable by links from the home page (lists are paginated)
    const built_pages = htmlFiles(built.dist).map((f) => BASE + f.slice(built.dist.length + 1).replace(/index\.html$/, ''));
    const records = built_pages.filter((p) => /\/(documents|projects)\/[^/]+\/$/.test(p) && !/\/list\/$/.test(p));
    expect(records.length).toBeGreaterThan(5);
    expect(records.filter((p) => !seen.has(p))).toEqual([]);
    // every link path is ASCII (no percent-encoded Chinese slugs)
    for (const p of seen) expect(p, p).toMatch(/^[\x21-\x7e]+$/);
  });

  it.skipIf(!hasCjkFont)('a document read from a PDF links its original, and the links resolve (查看原文 PDF, 原文第 N 页)', async () => {
    const pages = htmlFiles(join(built.dist, 'documents')).filter((f) => readFileSync(f, 'utf8').includes(`sources/${SAMPLE_PDF}`));
    expect(pages.length).toBeGreaterThan(0);
    const page = await open(pages[0].slice(built.dist.length + 1).replace(/index\.html$/, ''));
    const hrefs = await page.$$eval('a[href*="/sources/"]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const pdfLinks = hrefs.filter((h) => h.includes(SAMPLE_PDF));
    expect(pdfLinks.length).toBeGreaterThan(0);
    expect(pdfLinks.some((h) => /#page=\d+$/.test(h))).toBe(true);
    for (const url of new Set(hrefs.map((h) => h.split('#')[0]))) {
      const res = await page.request.get(url);
      expect(res.status(), url).toBe(200);
      if (url.endsWith('.pdf')) {
        expect(res.headers()['content-type']).toContain('application/pdf');
        expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
    }
    await page.close();
  });

  it('builds deterministically: a second build of the same input, in two parallel shards, is byte-identical', () => {
    const second = join(WORK, 'dist-2');
    rmSync(second, { recursive: true, force: true });
    astroBuild(second, join(WORK, 'astro-cache-2'), 2);
    const a = filesBelow(built.dist);
    expect(filesBelow(second)).toEqual(a);
    expect(a.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
    const differ = a.filter((f) => !readFileSync(join(built.dist, f)).equals(readFileSync(join(second, f))));
    expect(differ).toEqual([]);
    rmSync(second, { recursive: true, force: true });
  }, 300_000);

  it('publishes no unmasked mobile number and no raw payload anywhere in dist', () => {
    const files = (function walk(d: string): string[] {
      return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    })(built.dist).filter((f) => /\.(html|csv|json|md|txt|xml)$/.test(f));
    for (const f of files) {
      const t = readFileSync(f, 'utf8');
      expect(t.match(/(?<!\d)1[3-9]\d{9}(?!\d)/)?.[0] ?? null, f).toBeNull();
    }
    for (const f of htmlFiles(built.dist)) {
      // quoted attribute values may hold '<' safely (quotes are escaped); look at markup only
      const t = readFileSync(f, 'utf8').replace(/="[^"]*"/g, '=""');
      expect(t.includes('<script>window.__pwned'), f).toBe(false);
      expect(/<img src=x onerror/.test(t), f).toBe(false);
      expect(/<script(?![^>]*\bsrc=)[^>]*>/.test(t), `${f} 含内联脚本`).toBe(false);
    }
  });
});

describe('in headless Chromium', () => {
  const queries: Array<[string, RegExp]> = [
    ['赣服通', /赣服通/],
    ['外包', /外包/],
    ['一网通办', /一网通办/],
    ['云计算', /云计算/],
    ['12345', /12345/],
  ];
  for (const [q, re] of queries) {
    it(`search “${q}” finds the matching projects`, async () => {
      const page = await open(`search/?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('#search-results li', { timeout: 20_000 });
      const items = await page.$$eval('#search-results li', (lis) => lis.map((li) => ({ title: li.querySelector('.r-title')?.textContent ?? '', meta: li.querySelector('.meta')?.textContent ?? '', type: (li as HTMLElement).dataset.type })));
      const projects = items.filter((i) => i.type === '项目');
      expect(projects.some((p) => re.test(p.title)), JSON.stringify(items)).toBe(true);
      // results show department, year and budget
      const hit = projects.find((p) => re.test(p.title))!;
      expect(hit.meta).toMatch(/\d{4} 年/);
      expect(hit.meta).toMatch(/预算 [\d,.]+ 万元/);
      // ranking: a project named after the query comes before every page that only shares characters
      // with it (Pagefind cuts 赣服通 into 赣|服|通; pages full of 赣州 used to rank first)
      expect(items[0].type, JSON.stringify(items.slice(0, 3))).toBe('项目');
      expect(items[0].title, JSON.stringify(items.slice(0, 3))).toMatch(re);
      const firstOther = items.findIndex((i) => !re.test(i.title));
      const lastNamed = items.map((i) => re.test(i.title)).lastIndexOf(true);
      if (firstOther !== -1) expect(lastNamed, JSON.stringify(items.map((i) => i.title))).toBeLessThan(firstOther);
      await page.close();
    });
  }

  it('search filters narrow the results', async () => {
    const page = await open(`search/?q=${encodeURIComponent('一网通办')}`);
    await page.waitForSelector('#search-results li');
    const before = await page.$$eval('#search-results li', (l) => l.length);
    // filter menus are filled when the reader turns to them (the first query does not fetch them)
    expect(await page.$$eval('select[name="region"] option', (os) => os.length)).toBe(1);
    await page.focus('select[name="region"]');
    await page.waitForSelector('#search-form[data-filters-ready]');
    const options = await page.$$eval('select[name="region"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(1);
    await page.selectOption('select[name="type"]', '项目');
    await page.waitForFunction(() => !document.querySelector('#search-status')?.textContent?.includes('正在'));
    await page.waitForTimeout(300);
    const projectsOnly = await page.$$eval('#search-results li', (l) => l.map((x) => (x as HTMLElement).dataset.type));
    expect(projectsOnly.every((t) => t === '项目')).toBe(true);
    let narrowed = false;
    for (const region of options) {
      await page.selectOption('select[name="region"]', region);
      await page.waitForTimeout(400);
      const links = await page.$$eval('#search-results li a.r-title', (l) => l.map((x) => (x as HTMLAnchorElement).href));
      if (links.length < before) narrowed = true;
      // every result is a page of that region (its lead line names the region)
      for (const href of links.slice(0, 5)) {
        const html = await (await fetch(href)).text();
        expect(html, href).toContain(`data-pagefind-filter="region">${region}<`);
      }
    }
    expect(narrowed).toBe(true);
    await page.close();
  });

  it('search reaches every result, 30 at a time (显示更多结果)', async () => {
    const page = await open(`search/?q=${encodeURIComponent('预算')}`);
    await page.waitForSelector('#search-results li');
    const status = (await page.textContent('#search-status')) ?? '';
    const total = Number(/找到 (\d+) 条结果/.exec(status)?.[1]);
    expect(total).toBeGreaterThan(30);
    expect(await page.$$eval('#search-results li', (l) => l.length)).toBe(30);
    for (let shown = 30; shown < total; shown = Math.min(total, shown + 30)) {
      await page.click('#search-more');
      await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length === n, Math.min(total, shown + 30));
    }
    expect(await page.isHidden('#search-more')).toBe(true);
    const urls = await page.$$eval('#search-results li a.r-title', (l) => l.map((a) => (a as HTMLAnchorElement).href));
    expect(new Set(urls).size).toBe(total);
    expect(await page.textContent('#search-status')).not.toContain('显示前');
    await page.close();
  });

  it('search runs over one year’s bundle or over all years', async () => {
    // one Pagefind bundle per year; this small corpus searches all years first (it fits the budget)
    const manifest = JSON.parse(readFileSync(join(built.dist, 'pagefind/bundles.json'), 'utf8')) as { default: string; bundles: Array<{ key: string; pages: number }> };
    expect(manifest.default).toBe('all');
    expect(manifest.bundles.map((b) => b.key)).toEqual(expect.arrayContaining(['2023', '2022', '2021']));
    const page = await open(`search/?q=${encodeURIComponent('一网通办')}`);
    await page.waitForSelector('#search-results li');
    expect(await page.$eval('select[name="year"]', (s) => (s as HTMLSelectElement).value)).toBe('all');
    const allYears = await page.$$eval('#search-results li .meta', (l) => l.map((x) => x.textContent ?? ''));
    expect(new Set(allYears.map((m) => /(\d{4}) 年/.exec(m)?.[1])).size).toBeGreaterThan(1);
    // choosing a year loads that year's bundle only
    await Promise.all([page.waitForURL(/year=2022/), page.selectOption('select[name="year"]', '2022')]);
    await page.waitForSelector('#search-results li');
    expect(await page.textContent('#search-status')).toMatch(/^在2022 年中找到 \d+ 条结果/);
    const oneYear = await page.$$eval('#search-results li .meta', (l) => l.map((x) => x.textContent ?? ''));
    expect(oneYear.length).toBeGreaterThan(0);
    for (const m of oneYear) expect(m).toContain('2022 年');
    // and offers the way back to all years, keeping the query
    const back = await page.getAttribute('#search-all-years', 'href');
    expect(back).toContain('year=all');
    expect(back).toContain(`q=${encodeURIComponent('一网通办')}`);
    await page.close();
  });

  it('project pages show each indicator’s 分值 and 说明 when the document gives them', async () => {
    // 江汉区 (budget): explanations, no weights; 上饶 (final account): actual values, weights and scores
    const jh = await open('projects/jiang-han-qu-xing-zheng-shen-pi-ju-2022-budget--jiang-han-qu-zheng-wu-fu-wu-yi-wang-tong-ban-xiang-mu/');
    const jhHead = await jh.locator('table').first().locator('thead th').allTextContents();
    expect(jhHead).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '说明']);
    const row = jh.locator('table').first().locator('tbody tr', { hasText: '项目建设完成率' }).first();
    expect(await row.locator('td').last().textContent()).toBe('合同规定内容或计划建设内容均建设完成');
    await jh.close();
    const sr = await open('projects/shang-rao-shi-da-shu-ju-fa-zhan-guan-li-ju-2021-final-account--da-lou-zhi-neng-hua-wei-bao/');
    expect(await sr.locator('table').first().locator('thead th').allTextContents()).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分']);
    await sr.close();
  });

  it('projects explorer filters and sorts the static table', async () => {
    const page = await open('projects/');
    const visible = () => page.$$eval('#project-table tbody tr', (rs) => rs.filter((r) => !(r as HTMLElement).hidden).length);
    const total = await visible();
    expect(total).toBeGreaterThan(2);
    const budgets = await page.$$eval('#project-table tbody tr', (rs) => rs.map((r) => Number((r as HTMLElement).dataset.budget || -1)));
    expect([...budgets].sort((a, b) => b - a)).toEqual(budgets);
    const deps = await page.$$eval('select[name="department"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await page.selectOption('select[name="department"]', deps[0]);
    const n = await visible();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(total);
    await page.click('th[data-sort="budget"] button');
    const asc = await page.$$eval('#project-table tbody tr', (rs) => rs.map((r) => Number((r as HTMLElement).dataset.budget || -Infinity)));
    expect([...asc].sort((a, b) => a - b)).toEqual(asc);
    await page.close();
  });

  it('document pages show charts as SVG with text alternatives and tables with CSV downloads that parse', async () => {
    const docs = readdirSync(join(built.dist, 'documents')).filter((d) => d !== built.hostile.documentId && d !== 'list');
    let charts = 0;
    let csvChecked = 0;
    for (const id of docs) {
      const page = await open(`documents/${id}/`);
      const svgs = await page.$$eval('figure.chart svg[role="img"]', (ss) =>
        ss.map((s) => ({ title: s.querySelector('title')?.textContent ?? '', desc: s.querySelector('desc')?.textContent ?? '', label: s.getAttribute('aria-labelledby') ?? '', table: s.closest('figure')?.querySelectorAll('details table tbody tr').length ?? 0 })),
      );
      for (const s of svgs) {
        expect(s.title.length).toBeGreaterThan(0);
        expect(s.desc.length).toBeGreaterThan(0);
        expect(s.label.split(' ').length).toBe(2);
        expect(s.table).toBeGreaterThan(0);
      }
      charts += svgs.length;
      // the tables' downloads (each chart's own CSV is checked in tests/e2e/charts.test.ts)
      const links = await page.$$eval('a[download][href$=".csv"]:not(figure.chart a)', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      const tables = await page.$$eval('section.table-block', (s) => s.length);
      expect(links.length).toBeLessThanOrEqual(tables);
      for (const href of links.slice(0, 3)) {
        const res = await page.request.get(href);
        expect(res.status()).toBe(200);
        const bytes = await res.body();
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows = parseCsv(bytes.toString('utf8'));
        expect(rows.length).toBeGreaterThan(1);
        const width = rows[0].length;
        expect(rows.every((r) => r.length === width)).toBe(true);
        csvChecked++;
      }
      await page.close();
    }
    expect(charts).toBeGreaterThan(3);
    expect(csvChecked).toBeGreaterThan(0);
  });

  it('data page downloads start with a BOM and parse', async () => {
    const page = await open('data/');
    const links = await page.$$eval('a[download][href$=".csv"]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(2);
    for (const href of links) {
      const res = await page.request.get(href);
      const bytes = await res.body();
      expect([...bytes.subarray(0, 3)], href).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(bytes.toString('utf8'));
      expect(rows[0].length).toBeGreaterThan(1);
    }
    await page.close();
  });

  it('keeps injected payloads inert', async () => {
    for (const path of [`documents/${built.hostile.documentId}/`, `projects/${built.hostile.projectId}/`, 'projects/', `search/?q=${encodeURIComponent('安全测试')}`]) {
      const page = await open(path);
      await page.waitForTimeout(path.startsWith('search') ? 1500 : 100);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.$$eval('img[src="x"]', (x) => x.length)).toBe(0);
      expect(await page.$$eval('a[href^="javascript:"]', (x) => x.length)).toBe(0);
      await page.close();
    }
    const page = await open(`projects/${built.hostile.projectId}/`);
    expect(await page.textContent('h1')).toContain('<script>');
    await page.close();
  });

  it('has no serious or critical accessibility violations', async () => {
    const doc = readdirSync(join(built.dist, 'documents')).find((d) => d !== built.hostile.documentId && d !== 'list')!;
    const proj = readdirSync(join(built.dist, 'projects')).find((d) => d.includes('--') && !d.startsWith('hostile'))!;
    for (const path of ['', 'documents/list/', 'departments/list/', `documents/${doc}/`, `projects/${proj}/`, `search/?q=${encodeURIComponent('一网通办')}`]) {
      const page = await open(path);
      if (path.startsWith('search')) await page.waitForSelector('#search-results li');
      const r = await new AxeBuilder({ page }).analyze();
      const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path}: ${v.id} ${v.nodes.length} ${v.nodes[0]?.target}`);
      expect(bad).toEqual([]);
      await page.close();
    }
  }, 180_000);

  it('phones: no sideways scrolling and chart text at least 12px on screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const docs = readdirSync(join(built.dist, 'documents')).filter((d) => d !== built.hostile.documentId && d !== 'list');
    const proj = readdirSync(join(built.dist, 'projects')).find((d) => d.includes('--') && !d.startsWith(built.hostile.documentId))!;
    const small: string[] = [];
    for (const path of ['', 'projects/', 'documents/list/', 'departments/list/', `search/?q=${encodeURIComponent('一网通办')}`, `projects/${proj}/`, ...docs.map((d) => `documents/${d}/`)]) {
      const page = await phone.newPage();
      page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
      await page.goto(origin + BASE + path, { waitUntil: 'load' });
      if (path.startsWith('search')) await page.waitForSelector('#search-results li');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      // rendered size = nominal font-size × the SVG's scale on screen; only visible charts count
      const sizes = await page.$$eval('svg.svg-chart text', (ts) =>
        ts
          .filter((t) => (t as SVGGraphicsElement).getBoundingClientRect().width > 0)
          .map((t) => Number(t.getAttribute('font-size')) * ((t as SVGGraphicsElement).getScreenCTM()?.a ?? 1)),
      );
      for (const px of sizes) if (px < 12) small.push(`${path}: ${px.toFixed(1)}px`);
      await page.close();
    }
    await phone.close();
    expect(small).toEqual([]);
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
