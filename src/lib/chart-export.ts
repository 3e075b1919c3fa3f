/**
 * What every chart offers besides its drawing (ChartFigure.astro): a CSV of exactly the plotted
 * numbers, the address of its embed page, and the <iframe> snippet. Build-time only.
 *
 * For a chart `<id>` on the page `<base><page>/`:
 *   <base>charts/<page>/<id>.csv             the plotted numbers (UTF-8 with BOM, English headers, plain
 *                                            numbers), written into the build's output folder while the
 *                                            page is rendered (a chart is only known to the page that draws it)
 *   <base>embed/?page=<page>/&chart=<id>     the one embed page (src/pages/embed/index.astro), which
 *                                            fetches the page and shows the chart, title, source and licence
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { href } from './format';
import { embedQuery } from './embed-params';
import type { BarRow, BarSeries, Flow, TreeItem } from './charts';

export type CsvCell = string | number | null;
/** A chart's data as a CSV: English snake_case header, one row per plotted value. */
export interface ChartCsv {
  header: string[];
  rows: CsvCell[][];
}

/** A plotted number as plain text: no grouping, at most 4 decimals (万元 from 元 is exact to 4), no float noise. */
export function csvNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  const r = Number(v.toFixed(4));
  return String(r === 0 ? 0 : r);
}

function csvCell(c: CsvCell): string {
  if (c === null) return '';
  let s = typeof c === 'number' ? csvNumber(c) : c;
  // CSV-injection protection for text cells, as the site's other downloads (numbers are never altered)
  if (typeof c === 'string' && /^[=+\-@\t\r\n]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 text with a BOM and CRLF line ends (as the other downloads: Excel opens it correctly). */
export function csvText(csv: ChartCsv): string {
  return `\uFEFF${[csv.header, ...csv.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Bars: one row per bar (row label × series); a value the document does not state is left empty. */
export function barCsv(rows: BarRow[], series: BarSeries[], unit = '万元'): ChartCsv {
  return {
    header: ['label', 'series', 'value', 'unit'],
    rows: rows.flatMap((r) => r.values.map((v, j) => [r.label, series[j]?.name ?? '', v, unit])),
  };
}

/** Treemap: the plotted (positive) items, largest first, as drawn. */
export function treemapCsv(items: TreeItem[], unit = '万元'): ChartCsv {
  return {
    header: ['code', 'name', 'value', 'unit'],
    rows: items.filter((i) => i.value > 0).sort((a, b) => b.value - a.value).map((i) => [i.code, i.name, i.value, unit]),
  };
}

/** Sankey: the plotted (positive) flows. */
export function sankeyCsv(flows: Flow[], unit = '万元'): ChartCsv {
  return { header: ['source', 'target', 'value', 'unit'], rows: flows.filter((f) => f.value > 0).map((f) => [f.source, f.target, f.value, unit]) };
}

/** '1,234.5' → 1234.5; '' / '未披露' → null; other text stays text (for charts that pass only their table). */
function parsedCell(c: string | number): CsvCell {
  if (typeof c === 'number') return c;
  const t = c.trim();
  if (/^-?[\d,]+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return t === '' || t === '未披露' ? null : t;
}

/** A chart that gives no CSV of its own: its data table, numbers read back as plain numbers. */
export function tableCsv(columns: string[], rows: Array<Array<string | number>>): ChartCsv {
  return { header: columns.map((c, i) => (/^[a-z][a-z0-9_]*$/.test(c) ? c : `column_${i + 1}`)), rows: rows.map((r) => r.map(parsedCell)) };
}

export interface ChartLinks {
  /** the page's path under the base, '' for the home page, else ending in '/' */
  page: string;
  /** site-relative URLs (with the base) */
  pageHref: string;
  /** absolute URL of the chart on its page (…#id) */
  chartUrl: string;
  csvHref: string;
  embedHref: string;
  /** absolute URL of the embed page, for the <iframe> snippet */
  embedUrl: string;
  /** download file name without extension: page and chart, ASCII */
  fileName: string;
  /** output file, relative to the build's output folder */
  csvFile: string;
}

/** Where a chart's CSV and its embed page live, from the page's URL path and the chart's id. */
export function chartLinks(base: string, pathname: string, id: string, site: URL | string | undefined): ChartLinks {
  const b = base.endsWith('/') ? base : `${base}/`;
  let page = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  page = page.replace(/index\.html$/, '');
  if (page && !page.endsWith('/')) page += '/';
  const csvPath = `charts/${page}${id}.csv`;
  const embedHref = href(b, `embed/?${embedQuery(page, id)}`);
  const slug = page.replace(/\/+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
  return {
    page,
    pageHref: href(b, page),
    chartUrl: site ? new URL(`${href(b, page)}#${id}`, site).href : `${href(b, page)}#${id}`,
    csvHref: href(b, csvPath),
    embedHref,
    embedUrl: site ? new URL(embedHref, site).href : embedHref,
    fileName: slug ? `${slug}-${id}` : id,
    csvFile: csvPath,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Height (px) an <iframe> needs for the chart at a ~640 px wide column, from the drawing's viewBox. */
export function embedHeight(html: string): number {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(html);
  const w = m ? Number(m[1]) : 640;
  const h = m ? Number(m[2]) : 360;
  const shown = Math.min(608, w * 1.2);
  const legend = (html.match(/<li>/g) ?? []).length;
  return Math.round((h * shown) / w + 150 + Math.ceil(legend / 2) * 24);
}

/** The <iframe> to paste into another page. */
export function embedSnippet(links: ChartLinks, title: string, height: number): string {
  return `<iframe src="${esc(links.embedUrl)}" title="${esc(title)}" width="100%" height="${height}" style="border:0;max-width:48rem" loading="lazy"></iframe>`;
}

/** The build's output folder (the same setting astro.config.mjs reads). */
export function outDir(): string {
  return resolve(process.env.SITE_OUT_DIR || 'dist');
}

/** Write a chart's CSV into the output folder. */
export function writeChartFiles(out: string, links: ChartLinks, csv: ChartCsv): void {
  const p = join(out, links.csvFile);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, csvText(csv));
}
