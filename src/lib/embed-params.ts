/**
 * The one embed page's address (src/pages/embed/index.astro): `<base>embed/?page=<page>&chart=<id>`,
 * `<page>` the chart's page below the base ('' for the home page, else ending in '/'), `<id>` the
 * chart's figure id. Shared by the build (ChartFigure's links) and the page's script (which checks them).
 */

/** a page path below the base: simple segments, each ending in '/'; no scheme, no '//', no '..' */
const PAGE = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\/)*$/;
/** a chart id: a simple HTML id */
const CHART = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The query of the embed page's address for a chart (`page=…&chart=…`, slashes kept readable). */
export function embedQuery(page: string, chart: string): string {
  return `page=${encodeURIComponent(page).replace(/%2F/g, '/')}&chart=${encodeURIComponent(chart)}`;
}

/** The page and chart an embed address names, or null when either is not a same-site page / simple id. */
export function embedParams(search: string): { page: string; chart: string } | null {
  const q = new URLSearchParams(search);
  const page = q.get('page');
  const chart = q.get('chart');
  if (page === null || chart === null) return null;
  if (!PAGE.test(page) || page.includes('..') || !CHART.test(chart)) return null;
  return { page, chart };
}
