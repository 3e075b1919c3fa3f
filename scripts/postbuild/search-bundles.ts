/**
 * Search bundles: one Pagefind index per fiscal year instead of one for the whole site.
 *
 * Why: Pagefind's memory while indexing and the metadata a browser loads before its first query both
 * grow with the number of indexed pages (~10 bytes of metadata per page). At 10,000 documents one
 * index of ~110k pages needed more than 19.5 GB to build and ~1.2 MB before the first result. A year
 * holds a tenth of that. The search page searches one year, or merges every year's bundle
 * (Pagefind's mergeIndex) for "all years".
 *
 * Which scope a first visit gets is decided from the bundles' real sizes: all years while a first
 * query over all of them stays within FIRST_QUERY_BUDGET, else the newest year.
 */

/** Bytes a first search may fetch (issue 6's aim). */
export const FIRST_QUERY_BUDGET = 300 * 1024;

/** Key of the bundle for pages whose document states no year. */
export const UNKNOWN_YEAR = 'unknown';
/** Key of the combined bundle of every page, built for sites small enough to index at once. */
export const ALL_YEARS = 'all';
/**
 * Up to this many indexed pages, one more bundle holds every page (~1.3 GB while indexing 10k pages):
 * "all years" is then one index, ranked as one, rather than merged year bundles, whose scores come
 * from separate indexes and which cost one metadata file and one index chunk each per query.
 */
export const COMBINED_MAX_PAGES = 20_000;

export interface BundleInfo {
  /** "2023", or "unknown" */
  key: string;
  /** what the search page shows: "2023 年", "年份不详" */
  label: string;
  /** folder under pagefind/, with a trailing slash */
  path: string;
  pages: number;
  /** bytes of the bundle's metadata file, which every query over the bundle loads first */
  meta_bytes: number;
  /** bytes of its CHUNKS_PER_QUERY largest index chunks: the most a query of that many words loads from it */
  query_chunk_bytes: number;
  /** average bytes of one result fragment */
  avg_fragment_bytes: number;
}

export interface BundleManifest {
  version: 1;
  /** "all" or a bundle key: the scope a search starts with when the address names none */
  default: string;
  /** newest year first, "unknown" last */
  bundles: BundleInfo[];
  /** the combined bundle of every page, when the site is small enough for one (else "all" merges the years) */
  all: BundleInfo | null;
  /** gzip bytes of pagefind.js + worker + wasm, fetched once whatever the scope */
  core_bytes: number;
  /** estimated bytes of a first query over all years, and over the default scope */
  first_query_all_bytes: number;
  first_query_default_bytes: number;
}

const YEAR_FACET = /data-pagefind-filter="year"[^>]*>\s*([^<]*?)\s*</;

/**
 * The bundle a page belongs to: the year facet every indexed page carries (SearchFacets.astro).
 * null for pages that are not indexed (no data-pagefind-body).
 */
export function bundleKeyOf(html: string): string | null {
  if (!html.includes('data-pagefind-body')) return null;
  const m = YEAR_FACET.exec(html);
  const year = m?.[1] ?? '';
  return /^\d{4}$/.test(year) ? year : UNKNOWN_YEAR;
}

/** The combined bundle first, then newest year first, then pages with no year. */
export function compareBundleKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === ALL_YEARS) return -1;
  if (b === ALL_YEARS) return 1;
  if (a === UNKNOWN_YEAR) return 1;
  if (b === UNKNOWN_YEAR) return -1;
  return Number(b) - Number(a);
}

export function bundleLabel(key: string): string {
  return key === UNKNOWN_YEAR ? '年份不详' : key === ALL_YEARS ? '全部年份' : `${key} 年`;
}

/**
 * Index chunks a query loads from each bundle. Pagefind loads the chunk of each word of a query, and
 * Chinese queries are usually two words or more: 一网通办 fetched two chunks in Chromium (312 KB on
 * a 1,000-document site whose estimate with one chunk was 292 KB).
 */
export const CHUNKS_PER_QUERY = 2;

/** The bytes of the CHUNKS_PER_QUERY largest of a bundle's index chunks. */
export function queryChunkBytes(chunkSizes: number[]): number {
  return [...chunkSizes].sort((a, b) => b - a).slice(0, CHUNKS_PER_QUERY).reduce((s, n) => s + n, 0);
}

/** Estimated bytes of a first query over these bundles: core files, every metadata file, its two largest chunks each, five fragments. */
export function firstQueryBytes(core: number, bundles: BundleInfo[], resultsShown = 5): number {
  if (bundles.length === 0) return core;
  const meta = bundles.reduce((s, b) => s + b.meta_bytes, 0);
  const chunks = bundles.reduce((s, b) => s + b.query_chunk_bytes, 0);
  const fragment = bundles.reduce((s, b) => s + b.avg_fragment_bytes * b.pages, 0) / Math.max(1, bundles.reduce((s, b) => s + b.pages, 0));
  return Math.round(core + meta + chunks + fragment * resultsShown);
}

/** The manifest: all years by default while that fits the budget, else the newest year with pages. */
export function planManifest(bundles: BundleInfo[], coreBytes: number, budget = FIRST_QUERY_BUDGET, combined: BundleInfo | null = null): BundleManifest {
  const sorted = [...bundles].sort((a, b) => compareBundleKeys(a.key, b.key));
  const all = firstQueryBytes(coreBytes, combined ? [combined] : sorted);
  const newest = sorted.find((b) => b.key !== UNKNOWN_YEAR) ?? sorted[0];
  const useAll = all <= budget || !newest || sorted.length === 1;
  return {
    version: 1,
    default: useAll ? ALL_YEARS : newest.key,
    bundles: sorted,
    all: combined,
    core_bytes: coreBytes,
    first_query_all_bytes: all,
    first_query_default_bytes: useAll ? all : firstQueryBytes(coreBytes, [newest]),
  };
}

/**
 * The page without the elements the index leaves out (`<tag class="cls">` with its content, nested
 * elements of the same tag counted), for the selectors written as `tag.class`. Pagefind's
 * excludeSelectors gives the same index, but Pagefind still parses what it excludes: on document
 * pages (their source tables) that was half of the indexing time. Anything not understood is left in
 * place, where excludeSelectors still drops it.
 */
export function stripExcluded(html: string, selectors: string[]): string {
  let out = html;
  for (const sel of selectors) {
    const m = /^([a-z][a-z0-9]*)\.([A-Za-z0-9_-]+)$/.exec(sel);
    if (m) out = stripElements(out, m[1], m[2]);
  }
  return out;
}

function stripElements(html: string, tag: string, cls: string): string {
  const open = new RegExp(`<${tag}\\b[^>]*\\bclass="(?:[^"]*\\s)?${cls}(?:\\s[^"]*)?"[^>]*>`, 'g');
  const any = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  let out = '';
  let from = 0;
  for (;;) {
    open.lastIndex = from;
    const start = open.exec(html);
    if (!start) break;
    any.lastIndex = start.index + start[0].length;
    let depth = 1;
    let end = -1;
    for (let t = any.exec(html); t; t = any.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    if (end < 0) break; // unbalanced: leave the rest to excludeSelectors
    out += html.slice(from, start.index);
    from = end;
  }
  return out + html.slice(from);
}
