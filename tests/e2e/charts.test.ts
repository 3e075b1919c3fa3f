/**
 * End-to-end, in headless Chromium: every chart's tools (ChartFigure.astro, src/scripts/chart-tools.ts)
 * — its CSV, SVG and PNG downloads, the link that restores its state, and its embed page.
 * E2E_DIST=<folder> runs against a site already built (under BASE) instead of the harness's build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'node:http';
import { BASE, CHROMIUM_ARGS, buildSite, serve, openPage } from './harness.js';
import { parseCsv } from '../../src/lib/csv.js';

let dist: string;
let hostileDoc = '';
let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
const errors: string[] = [];

beforeAll(async () => {
  if (process.env.E2E_DIST) dist = process.env.E2E_DIST;
  else {
    const built = await buildSite();
    dist = built.dist;
    hostileDoc = built.hostile.documentId;
  }
  ({ server, origin } = await serve(dist));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (server) await new Promise((ok) => server.close(ok));
});

function open(path: string, ctx = context): Promise<Page> {
  return openPage(ctx, origin, path, errors);
}

/** the document pages of the embedded corpus that draw a Sankey (income → expenditure) */
function docsWithSankey(): string[] {
  return readdirSync(join(dist, 'documents'))
    .filter((d) => d !== 'list' && d !== hostileDoc)
    .filter((d) => readFileSync(join(dist, 'documents', d, 'index.html'), 'utf8').includes('id="sankey"'))
    .sort();
}

async function downloadBytes(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path!) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): { w: number; h: number } {
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

describe('chart tools', () => {
  it('every chart links its CSV (without script too), whose header is English and whose numbers are the plotted ones', async () => {
    const doc = docsWithSankey()[0];
    expect(doc).toBeTruthy();
    // without script: the CSV links are plain links in the HTML; the script-only buttons are hidden
    const html = readFileSync(join(dist, 'documents', doc, 'index.html'), 'utf8');
    const figures = html.match(/<figure class="chart"/g)?.length ?? 0;
    expect(figures).toBeGreaterThan(2);
    expect(html.match(/<a href="[^"]*\/charts\/documents\/[^"]+\.csv" download="[^"]+\.csv">下载数据 CSV<\/a>/g)?.length).toBe(figures);
    expect(html).toMatch(/<button type="button" data-chart-action="svg" hidden>下载 SVG<\/button>/);
    const page = await open(`documents/${doc}/`);
    const charts = await page.$$eval('figure.chart', (fs) =>
      fs.map((f) => ({
        id: f.id,
        csv: (f.querySelector('.chart-tools a[download]') as HTMLAnchorElement).href,
        // the figures of the data table, as plain numbers
        table: Array.from(f.querySelectorAll('details.chart-data td.num')).map((td) => td.textContent ?? ''),
      })),
    );
    for (const c of charts) {
      const res = await page.request.get(c.csv);
      expect(res.status(), c.csv).toBe(200);
      const bytes = await res.body();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(bytes.toString('utf8'));
      for (const h of rows[0]) expect(h).toMatch(/^[a-z][a-z0-9_]*$/);
      const vi = rows[0].indexOf('value');
      expect(vi, c.id).toBeGreaterThanOrEqual(0);
      const values = rows.slice(1).map((r) => r[vi]).filter((v) => v !== '').map(Number);
      expect(values.length, c.id).toBeGreaterThan(0);
      for (const v of values) expect(Number.isFinite(v)).toBe(true);
      // every plotted number is one the data table shows
      const shown = new Set(c.table.map((t) => Number(t.replace(/,/g, ''))).filter((n) => Number.isFinite(n)));
      for (const v of values) expect(shown.has(v), `${c.id}: ${v}`).toBe(true);
    }
    const sankey = parseCsv((await (await page.request.get(charts.find((c) => c.id === 'sankey')!.csv)).body()).toString('utf8'));
    const flows = await page.$$eval('#sankey svg.wide path title', (ts) => ts.map((t) => t.textContent ?? ''));
    expect(sankey.length - 1).toBe(flows.length);
    for (const r of sankey.slice(1)) expect(flows.some((f) => f.startsWith(`${r[0]} → ${r[1]}：`))).toBe(true);
    await page.close();
  });

  it('下载 SVG gives a standalone SVG that parses and holds the chart’s text; 下载 PNG a 2× PNG that is not blank', async () => {
    const doc = docsWithSankey()[0];
    const page = await open(`documents/${doc}/`);
    const svg = await downloadBytes(page, '#sankey button[data-chart-action="svg"]');
    expect(svg.name).toBe(`documents-${doc}-sankey.svg`);
    const text = svg.bytes.toString('utf8');
    const check = await page.evaluate((t) => {
      const d = new DOMParser().parseFromString(t, 'image/svg+xml');
      const root = d.documentElement;
      return { error: d.querySelector('parsererror') !== null, tag: root.tagName, ns: root.namespaceURI, width: root.getAttribute('width'), height: root.getAttribute('height'), font: root.getAttribute('font-family'), text: Array.from(d.querySelectorAll('text')).map((x) => x.textContent).join('|') };
    }, text);
    expect(check.error).toBe(false);
    expect(check.tag).toBe('svg');
    expect(check.ns).toBe('http://www.w3.org/2000/svg');
    expect(check.font).toMatch(/Noto Sans CJK SC|sans-serif/);
    expect(check.text).toContain('收入来源与支出去向');
    expect(check.text).toContain('财政拨款收入');
    expect(check.text).toContain('来源：预算公开数据站');
    expect(Number(check.width)).toBe(640);

    const png = await downloadBytes(page, '#sankey button[data-chart-action="png"]');
    expect(png.name).toBe(`documents-${doc}-sankey.png`);
    const size = pngSize(png.bytes);
    expect(size.w).toBe(2 * Number(check.width));
    expect(size.h).toBe(2 * Number(check.height));
    // decoded: mostly white background, but many pixels drawn in several colours
    const pixels = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) inked++;
        colours.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
      }
      return { inked: inked / (d.length / 4), colours: colours.size };
    }, png.bytes.toString('base64'));
    expect(pixels.inked).toBeGreaterThan(0.05);
    expect(pixels.inked).toBeLessThan(0.9);
    expect(pixels.colours).toBeGreaterThan(8);
    expect(await page.textContent('#sankey .chart-status')).toContain('PNG');
    await page.close();
  });

  it('the chart’s state is in the URL: the table view opens from a permalink, and 复制链接 copies the link with the state and #anchor', async () => {
    const doc = docsWithSankey()[0];
    const page = await open(`documents/${doc}/`);
    expect(await page.$eval('#three-public details.chart-data', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.click('#three-public details.chart-data summary');
    await page.waitForFunction(() => location.search.includes('three-public.table=1'));
    await page.click('#three-public button[data-chart-action="link"]');
    await expect.poll(() => page.textContent('#three-public .chart-status')).toContain('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(copied);
    expect(url.pathname).toBe(`${BASE}documents/${doc}/`);
    expect(url.searchParams.get('three-public.table')).toBe('1');
    expect(url.hash).toBe('#three-public');
    // closing it again takes the state out of the URL
    await page.click('#three-public details.chart-data summary');
    await page.waitForFunction(() => !location.search.includes('three-public.table'));
    await page.close();

    const again = await open(`documents/${doc}/${url.search}${url.hash}`);
    expect(await again.$eval('#three-public details.chart-data', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await again.$eval('#sankey details.chart-data', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    // the link scrolls to the chart
    const top = await again.$eval('#three-public', (f) => f.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(100);
    await again.close();
  });

  it('a chart’s own controls keep their state in the URL too (any named control in its figure)', async () => {
    const doc = docsWithSankey()[0];
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`controls: ${e.message}`));
    // a chart with a control of its own (as a chart component may add): put into the figure while the
    // page is parsed, before the module runs; it counts the change events it is sent
    await page.addInitScript(() => {
      const seen = new MutationObserver(() => {
        const fig = document.getElementById('sankey');
        if (!fig || fig.querySelector('select[name="view"]') || !fig.querySelector('.chart-data')) return;
        const sel = document.createElement('select');
        sel.name = 'view';
        sel.setAttribute('aria-label', '视图');
        sel.innerHTML = '<option value="a">a</option><option value="b">b</option>';
        sel.addEventListener('change', () => ((window as unknown as { changes: number }).changes = ((window as unknown as { changes?: number }).changes ?? 0) + 1));
        fig.prepend(sel);
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = 'stack';
        box.checked = true;
        box.setAttribute('aria-label', '堆叠');
        fig.prepend(box);
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${origin}${BASE}documents/${doc}/?sankey.view=b&sankey.stack=0#sankey`, { waitUntil: 'load' });
    expect(await page.inputValue('#sankey select[name="view"]')).toBe('b');
    expect(await page.isChecked('#sankey input[name="stack"]')).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { changes?: number }).changes)).toBe(1);
    // back to the defaults: the state leaves the URL
    await page.selectOption('#sankey select[name="view"]', 'a');
    await page.check('#sankey input[name="stack"]');
    await page.waitForFunction(() => !location.search.includes('sankey.'));
    expect(new URL(page.url()).hash).toBe('#sankey');
    await page.selectOption('#sankey select[name="view"]', 'b');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sankey.view') === 'b');
    await page.close();
  });

  it('the one embed page renders the chart with its title, source and licence, and the snippet points to it', async () => {
    const doc = docsWithSankey()[0];
    const page = await open(`documents/${doc}/`);
    await page.click('#sankey .chart-embed summary');
    const snippet = await page.inputValue('#sankey .chart-embed textarea');
    const src = /<iframe src="([^"]+)" title="收入来源与支出去向" width="100%" height="(\d+)"/.exec(snippet);
    expect(src, snippet).not.toBeNull();
    const url = new URL(src![1].replace(/&amp;/g, '&'));
    expect(url.pathname + url.search).toBe(`${BASE}embed/?page=documents/${doc}/&chart=sankey`);
    // with script, the snippet names the origin the page is served from
    expect(url.origin).toBe(origin);
    expect(await page.getAttribute('#sankey .chart-embed a', 'href')).toBe(url.pathname + url.search);
    await page.close();
    // one embed page for all charts, none per chart
    expect(readdirSync(join(dist, 'embed'))).toEqual(['index.html']);

    const embed = await open(`embed/${url.search}`);
    await embed.waitForSelector('figure.chart#sankey svg.svg-chart');
    expect(await embed.textContent('.chart-title')).toBe('收入来源与支出去向');
    expect(await embed.textContent('.chart-desc')).toBeTruthy();
    expect(await embed.title()).toMatch(/^收入来源与支出去向 · .+ · 预算公开数据站$/);
    const shown = await embed.$$eval('svg.svg-chart', (ss) => ss.filter((s) => s.getBoundingClientRect().width > 300).length);
    expect(shown).toBe(1);
    expect(await embed.$$eval('svg.svg-chart text', (ts) => ts.map((t) => t.textContent).join('|'))).toContain('财政拨款收入');
    // only the drawing: no tools, no data table, no second caption
    expect(await embed.$$eval('.chart-tools, .chart-data, script:not([src])', (e) => e.length)).toBe(0);
    expect(await embed.$$eval('figcaption', (e) => e.length)).toBe(1);
    const back = await embed.getAttribute('.embed-source a[target="_blank"]', 'href');
    expect(back).toBe(`${BASE}documents/${doc}/#sankey`);
    expect(await embed.getAttribute('.embed-source a[download]', 'href')).toBe(`${BASE}charts/documents/${doc}/sankey.csv`);
    expect(await embed.$$eval('a[rel="license"]', (a) => a.length)).toBe(1);
    // the stylesheet applied (the phone drawing is hidden at this width)
    expect(await embed.$eval('svg.svg-chart.narrow', (s) => getComputedStyle(s).display)).toBe('none');
    const r = await new AxeBuilder({ page: embed }).analyze();
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await embed.close();

    // embedded in a page of another site: the iframe shows it
    const host = await context.newPage();
    host.on('console', (m) => {
      if (m.type() === 'error') errors.push(`iframe host: ${m.text()}`);
    });
    await host.setContent(`<!doctype html><body>${snippet}</body>`);
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await frame!.waitForSelector('svg.svg-chart');
    expect(await frame!.textContent('.chart-title')).toBe('收入来源与支出去向');
    await host.close();
  });

  it('the embed page says clearly when its address is not a chart of this site, and links back when the chart is missing', async () => {
    for (const bad of ['?page=//evil.example/&chart=sankey', '?page=https://evil.example/&chart=sankey', '?page=documents/../../&chart=sankey', '?chart=sankey', '?page=documents/x/&chart=<b>']) {
      const embed = await open(`embed/${bad}`);
      await embed.waitForFunction(() => document.querySelector('.embed-message')?.textContent?.includes('嵌入地址无效'));
      expect(await embed.$$eval('figure, svg', (e) => e.length), bad).toBe(0);
      await embed.close();
    }
    const doc = docsWithSankey()[0];
    const missing = await open(`embed/?page=documents/${doc}/&chart=no-such-chart`);
    await missing.waitForFunction(() => document.querySelector('.embed-message')?.textContent?.includes('该页面上没有这个图表'));
    expect(await missing.getAttribute('.embed-message a', 'href')).toBe(`${BASE}documents/${doc}/#no-such-chart`);
    expect(await missing.textContent('.embed-message a')).toBe('在原页面查看图表');
    await missing.close();
    // without script: a link, and the reason
    const html = readFileSync(join(dist, 'embed', 'index.html'), 'utf8');
    expect(html).toContain('需要启用 JavaScript');
    expect(html).toMatch(/<a class="embed-back" href="[^"]+"[^>]*>[^<]+<\/a>/);
  });

  it('home page: its charts have the tools too, and the page stays light', async () => {
    const page = await open('');
    const ids = await page.$$eval('figure.chart', (fs) => fs.map((f) => f.id));
    expect(ids).toContain('by-year');
    for (const id of ids) {
      expect(await page.isVisible(`#${id} button[data-chart-action="svg"]`)).toBe(true);
      expect(await page.getAttribute(`#${id} .chart-tools a[download]`, 'href')).toBe(`${BASE}charts/${id}.csv`);
    }
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(readFileSync(join(dist, 'index.html'))).length).toBeLessThan(20_000);
    // one small module for all charts
    const scripts = await page.$$eval('script[type="module"][src]', (ss) => ss.map((s) => (s as HTMLScriptElement).src).filter((s) => s.includes('ChartFigure')));
    expect(scripts.length).toBe(1);
    const js = readFileSync(join(dist, new URL(scripts[0]).pathname.slice(BASE.length)));
    expect(gzipSync(js).length).toBeLessThan(4_000);
    await page.close();
  });

  it('phones: the tools wrap without sideways scrolling, also with the embed code open; no accessibility violations', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const doc = docsWithSankey()[0];
    const page = await open(`documents/${doc}/`, phone);
    for (const s of await page.$$('.chart-embed summary')) await s.click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const r = await new AxeBuilder({ page }).analyze();
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
    // a phone downloads the drawing it shows (drawn at phone size)
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#sankey button[data-chart-action="svg"]')]);
    const text = readFileSync((await dl.path())!, 'utf8');
    expect(/<svg[^>]* width="340"/.test(text)).toBe(true);
    await page.close();
    await phone.close();
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
