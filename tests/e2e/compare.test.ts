/**
 * Comparisons in the built site (headless Chromium): the department page of a department with
 * several documents (variances, functions across years, key figures, top projects) and the
 * departments-side-by-side pages (ranking, sorting, the CSV of exactly the table shown), checked
 * against the documents' own figures; axe and phone width on each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'node:http';
import { BASE, CHROMIUM_ARGS, WORK, buildSite, serve, type Built, openPage } from './harness.js';
import { parseCsv } from '../../src/lib/csv.js';
import { SERIES_DEPARTMENT_ID, seriesDocs } from '../fixtures/site/make-series.js';

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
}, 900_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (server) await new Promise((ok) => server.close(ok));
});

function open(path: string, ctx = context): Promise<Page> {
  return openPage(ctx, origin, path, consoleErrors);
}

/** documents.csv of the ingest the site was built from */
function documentsCsv(): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(join(WORK, 'out/public/data/documents.csv'), 'utf8')).filter((r) => r.some((c) => c !== ''));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const PAGES = ['compare/', 'compare/all-2022-budget/', `departments/${SERIES_DEPARTMENT_ID}/`, 'departments/gan-zhou-shi-xing-zheng-shen-pi-ju/'];

describe('departments side by side', () => {
  it('the 2022 budgets are ranked by 支出总计: 赣州市行政审批局 first with the 14,783.86 万元 its document states', async () => {
    const docs = documentsCsv().filter((d) => d.fiscal_year === '2022' && d.kind === 'budget');
    const largest = [...docs].sort((a, b) => Number(b.expenditure_total) - Number(a.expenditure_total))[0];
    expect([largest.department, largest.expenditure_total]).toEqual(['赣州市行政审批局', '14783.86']);
    const index = await open('compare/');
    expect(await index.locator('a[href$="compare/all-2022-budget/"]').count()).toBe(1);
    // 预算 and 决算 never in one scope
    expect(await index.locator('a[href*="compare/all-2024-"]').count()).toBe(0);
    await index.close();
    const page = await open('compare/all-2022-budget/');
    const first = page.locator('#compare-table tbody tr').first();
    expect(await first.locator('th a').first().textContent()).toBe('赣州市行政审批局');
    expect(await first.locator('td').nth(1).getAttribute('data-value')).toBe(largest.expenditure_total);
    expect(await page.locator('#compare-table tbody tr').count()).toBe(docs.length);
    expect(await page.textContent('main')).toContain('只比较同一年度');
    await page.close();
  });

  it('the CSV holds exactly the table’s rows and columns, in the same order, as plain numbers', async () => {
    const page = await open('compare/all-2022-budget/');
    const href = await page.getAttribute('a[download][href$=".csv"]', 'href');
    const res = await page.request.get(new URL(href!, page.url()).href);
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8')).filter((r) => r.some((c) => c !== ''));
    expect(header).toEqual(['rank', 'department', 'expenditure_total', 'basic_expenditure', 'project_expenditure', 'basic_share_pct', 'three_public_total', 'staff_authorized', 'three_public_per_staff_yuan']);
    const table = await page.$$eval('#compare-table tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children).map((c) => (c.tagName === 'TH' ? (c.querySelector('a')?.textContent ?? '') : ((c as HTMLElement).dataset.value ?? '')))),
    );
    expect(await page.locator('#compare-table thead th').count()).toBe(header.length);
    expect(rows).toEqual(table);
    expect(rows[0].slice(0, 3)).toEqual(['1', '赣州市行政审批局', '14783.86']);
    await page.close();
  });

  it('sorts by any column with the header buttons (aria-sort follows), and the static order is the ranking', async () => {
    const page = await open('compare/all-2022-budget/');
    const col = (i: number) => page.$$eval(`#compare-table tbody tr`, (trs, i) => trs.map((tr) => (tr.children[i] as HTMLElement).dataset.value ?? ''), i);
    const ranks = await col(0);
    expect(ranks).toEqual(ranks.map((_, i) => String(i + 1)));
    const btn = page.getByRole('button', { name: '项目支出（万元）' });
    await btn.click();
    const desc = (await col(4)).map(Number);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(await page.getAttribute('#compare-table thead th:nth-child(5)', 'aria-sort')).toBe('descending');
    await btn.click();
    const asc = (await col(4)).map(Number);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(await page.getAttribute('#compare-table thead th:nth-child(5)', 'aria-sort')).toBe('ascending');
    expect(await page.getAttribute('#compare-table thead th:nth-child(3)', 'aria-sort')).toBeNull();
    await page.close();
  });
});

describe('department pages', () => {
  const series = seriesDocs();
  const truth = (year: number, kind: string) => series.find((d) => d.year === year && d.kind === kind)!.truth.totals;

  it('a department with several documents: year-to-year and 决算-vs-预算 variances from the documents’ totals', async () => {
    const page = await open(`departments/${SERIES_DEPARTMENT_ID}/`);
    const row = async (caption: string, label: string) => {
      const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
      return (await table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) }).locator('td').allTextContents()).map((t) => t.replace(/,/g, ''));
    };
    const b24 = truth(2024, 'budget');
    const b25 = truth(2025, 'budget');
    const f24 = truth(2024, 'final_account');
    const yoy = await row('2025 年比 2024 年（预算）', '支出总计');
    expect(yoy.slice(0, 3).map(Number)).toEqual([b24.expenditure_total, b25.expenditure_total, Math.round((b25.expenditure_total - b24.expenditure_total) * 10000) / 10000]);
    const exec = await row('2024 年决算与预算', '支出总计');
    expect(exec.slice(0, 2).map(Number)).toEqual([b24.expenditure_total, f24.expenditure_total]);
    expect(exec[3]).toBe(`${Math.round(((100 * f24.expenditure_total) / b24.expenditure_total) * 10) / 10}%`); // 执行率
    // functions across the three documents, one column each, in time order
    const heads = await page.locator('#function-matrix thead th').allTextContents();
    expect(heads.slice(2, 5)).toEqual(['2024 年部门预算', '2024 年部门决算', '2025 年部门预算']);
    expect(await page.locator('#function-matrix tbody tr').count()).toBeGreaterThan(3);
    // key figures of the newest document
    expect(await page.locator('#key + ul .card').first().textContent()).toContain('支出总计');
    await page.close();
  });

  it('a department with one document: key figures, funding mix and top projects linking to their pages', async () => {
    const doc = documentsCsv().find((d) => d.department === '赣州市行政审批局')!;
    const page = await open('departments/gan-zhou-shi-xing-zheng-shen-pi-ju/');
    const card = page.locator('#key + ul .card', { hasText: '支出总计' });
    expect(await card.locator('.v').getAttribute('title')).toBe(`${Number(doc.expenditure_total).toLocaleString('zh-CN', { maximumFractionDigits: 4 })} 万元`);
    expect(await page.locator('#mix ~ div table').first().textContent()).toContain('基本支出');
    const links = await page.locator('#top-projects + div table tbody th a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links.slice(0, 3)) expect(existsSync(join(built.dist, l.slice(BASE.length), 'index.html')), l).toBe(true);
    const budgets = (await page.locator('#top-projects + div table tbody td:nth-child(2)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
    expect(await page.locator('a[href$="compare/all-2022-budget/"]').count()).toBe(1);
    await page.close();
  });
});

describe('accessibility and phones', () => {
  it('has no serious or critical accessibility violations', async () => {
    for (const path of PAGES) {
      const page = await open(path);
      const r = await new AxeBuilder({ page }).analyze();
      const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path}: ${v.id} ${v.nodes.length} ${v.nodes[0]?.target}`);
      expect(bad).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it('no sideways scrolling at 390 px', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 900 } });
    for (const path of PAGES) {
      const page = await open(path, phone);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      await page.close();
    }
    await phone.close();
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
