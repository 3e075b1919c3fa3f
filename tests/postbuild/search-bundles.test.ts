/** Which Pagefind bundle a page goes to, and which scope a first search gets. */
import { describe, expect, it } from 'vitest';
import { type BundleInfo, bundleKeyOf, compareBundleKeys, firstQueryBytes, planManifest, queryChunkBytes, stripExcluded } from '../../scripts/postbuild/search-bundles';

const page = (year: string) => `<html lang="zh-CN"><body><article data-pagefind-body><h1>x</h1><div hidden data-pagefind-ignore><span hidden data-pagefind-filter="year">${year}</span></div></article></body></html>`;
/** `chunks`: the bytes of the bundle's two largest index chunks */
const bundle = (key: string, pages: number, meta: number, chunks = 80_000): BundleInfo => ({ key, label: key, path: `${key}/`, pages, meta_bytes: meta, query_chunk_bytes: chunks, avg_fragment_bytes: 1_200 });

describe('search bundles', () => {
  it('puts a page in the bundle of its year, pages with no year together, and skips pages not indexed', () => {
    expect(bundleKeyOf(page('2023'))).toBe('2023');
    expect(bundleKeyOf(page('年份不详'))).toBe('unknown');
    expect(bundleKeyOf('<html><body><h1>关于</h1></body></html>')).toBeNull();
  });

  it('orders bundles newest first, unknown last', () => {
    expect(['2021', 'unknown', '2023', '2015'].sort(compareBundleKeys)).toEqual(['2023', '2021', '2015', 'unknown']);
  });

  it('searches all years first while that fits the 300 KB budget', () => {
    const small = planManifest([bundle('2021', 30, 400, 40_000), bundle('2023', 40, 500, 40_000), bundle('2022', 20, 300, 40_000)], 60_000);
    expect(small.default).toBe('all');
    expect(small.bundles.map((b) => b.key)).toEqual(['2023', '2022', '2021']);
    expect(small.first_query_all_bytes).toBe(firstQueryBytes(60_000, small.bundles));
    expect(small.first_query_all_bytes).toBeLessThan(300 * 1024);
    // a query loads up to two chunks per bundle: the same site with 90 KB in its two largest chunks starts with its newest year
    const denser = planManifest([bundle('2021', 30, 400, 90_000), bundle('2023', 40, 500, 90_000), bundle('2022', 20, 300, 90_000)], 60_000);
    expect(denser.first_query_all_bytes).toBe(60_000 + 1_200 + 3 * 90_000 + 1_200 * 5);
    expect(denser.default).toBe('2023');
  });

  it('counts the two largest index chunks of a bundle (a two-word query loads at most those)', () => {
    expect(queryChunkBytes([30_000, 67_409, 12_000, 46_906])).toBe(67_409 + 46_906);
    expect(queryChunkBytes([5_000])).toBe(5_000);
    expect(queryChunkBytes([])).toBe(0);
  });

  it('starts with the newest year when all years would exceed the budget', () => {
    const years = Array.from({ length: 11 }, (_, i) => bundle(String(2015 + i), 11_000, 110_000));
    const big = planManifest([...years, bundle('unknown', 10, 200)], 60_000);
    expect(big.default).toBe('2025');
    expect(big.first_query_all_bytes).toBeGreaterThan(1_000_000);
    expect(big.first_query_default_bytes).toBe(60_000 + 110_000 + 80_000 + 1_200 * 5);
    expect(big.first_query_default_bytes).toBeLessThan(300 * 1024);
  });
});

describe('leaving out what the index excludes before Pagefind parses it', () => {
  it('removes the source tables and charts with their content, and nothing else', () => {
    const html = '<article><h1>标题</h1><table class="src-table"><tr><td><table><tr><td>内表</td></tr></table>12,345.67</td></tr></table><p>正文</p><figure class="chart" id="x"><svg><g><text>图</text></g></svg><figcaption>说明</figcaption></figure><table><tr><td>项目表</td></tr></table></article>';
    expect(stripExcluded(html, ['.src-table', 'table.src-table', 'figure.chart'])).toBe('<article><h1>标题</h1><p>正文</p><table><tr><td>项目表</td></tr></table></article>');
  });

  it('leaves an unbalanced element in place for Pagefind’s own exclusion', () => {
    const cut = '<p>a</p><figure class="chart wide"><svg>';
    expect(stripExcluded(cut, ['figure.chart'])).toBe(cut);
  });
});

describe('the combined bundle of small sites', () => {
  it('is what “all years” costs when there is one', () => {
    const years = [bundle('2023', 40, 500), bundle('2022', 20, 300)];
    const all = bundle('all', 60, 700, 100_000);
    const m = planManifest(years, 60_000, undefined, all);
    expect(m.default).toBe('all');
    expect(m.all?.key).toBe('all');
    expect(m.first_query_all_bytes).toBe(60_000 + 700 + 100_000 + 1_200 * 5);
    expect(['2021', 'all', '2023'].sort(compareBundleKeys)).toEqual(['all', '2023', '2021']);
  });
});
