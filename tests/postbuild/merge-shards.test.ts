/** Merging build shards: disjoint files move over, shared files must agree, sitemaps are united. */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mergeShards, mergeSitemaps } from '../../scripts/postbuild/merge-shards';

const root = mkdtempSync(join(tmpdir(), 'merge-shards-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
const sitemap = (paths: string[]) => `${HEAD}${paths.map((p) => `<url><loc>https://x.test/budget/${p}</loc></url>`).join('')}</urlset>`;
const index = '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.test/budget/sitemap-0.xml</loc></sitemap></sitemapindex>';

function tree(dir: string, files: Record<string, string>) {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
}

describe('merging build shards', () => {
  it('moves each shard’s pages, keeps shared identical files once and unites the sitemaps', () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    tree(a, { 'index.html': 'home', '_astro/x.css': 'css', 'projects/p1/index.html': 'p1', 'sitemap-0.xml': sitemap(['', 'projects/p1/']), 'sitemap-index.xml': index });
    tree(b, { 'index.html': 'home', '_astro/x.css': 'css', 'projects/p2/index.html': 'p2', 'documents/d2/index.html': 'd2', 'sitemap-0.xml': sitemap(['', 'documents/d2/', 'projects/p2/']), 'sitemap-index.xml': index });
    const r = mergeShards(a, [b]);
    expect(r.urls).toBe(4);
    expect(readFileSync(join(a, 'projects/p2/index.html'), 'utf8')).toBe('p2');
    expect(readFileSync(join(a, 'documents/d2/index.html'), 'utf8')).toBe('d2');
    expect(readFileSync(join(a, 'projects/p1/index.html'), 'utf8')).toBe('p1');
    expect(existsSync(b)).toBe(false);
    expect(readFileSync(join(a, 'sitemap-0.xml'), 'utf8')).toBe(sitemap(['', 'documents/d2/', 'projects/p1/', 'projects/p2/']));
    expect(readFileSync(join(a, 'sitemap-index.xml'), 'utf8')).toBe(index);
  });

  it('splits a big sitemap like the sitemap integration does', () => {
    const a = join(root, 'c');
    tree(a, { 'sitemap-0.xml': sitemap(['a/', 'b/', 'c/']), 'sitemap-index.xml': index });
    expect(mergeSitemaps([a], a, 2)).toBe(3);
    expect(readFileSync(join(a, 'sitemap-1.xml'), 'utf8')).toBe(sitemap(['c/']));
    expect(readFileSync(join(a, 'sitemap-index.xml'), 'utf8')).toContain('<loc>https://x.test/budget/sitemap-1.xml</loc>');
  });

  it('refuses shards that disagree on a shared file, naming it', () => {
    const a = join(root, 'd');
    const b = join(root, 'e');
    tree(a, { 'index.html': 'home', 'about/index.html': '关于 A' });
    tree(b, { 'index.html': 'home', 'about/index.html': '关于 B' });
    expect(() => mergeShards(a, [b])).toThrow(/分片构建结果不一致（1 个文件内容不同）：about\/index\.html/);
  });
});
