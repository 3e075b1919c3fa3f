/**
 * Merging the outputs of parallel `astro build` shards (scripts/cli/site-build.ts) into one site.
 *
 * Each shard rendered a disjoint part of the big page lists (src/lib/shard.ts) and every page without
 * a list. A file only one shard wrote is moved over; a file several shards wrote must be identical
 * (static pages, the hashed CSS/JS), except the sitemaps, whose URLs are united. Anything else that
 * differs is an error: builds are deterministic, so a difference means the shards did not build the
 * same site.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** @astrojs/sitemap writes at most this many URLs per sitemap file (its default entryLimit). */
export const SITEMAP_ENTRY_LIMIT = 45_000;
const SITEMAP_PART = /^sitemap-\d+\.xml$/;
const SITEMAP_INDEX = 'sitemap-index.xml';

/** rename, or copy and delete when the two paths are on different file systems */
function move(src: string, dest: string): void {
  try {
    renameSync(src, dest);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(src, dest, { recursive: true });
    rmSync(src, { recursive: true, force: true });
  }
}

function sameFile(a: string, b: string): boolean {
  const sa = statSync(a);
  const sb = statSync(b);
  return sa.size === sb.size && readFileSync(a).equals(readFileSync(b));
}

/** Move every file of `from` into `into` (see the module comment); returns the number moved. */
export function mergeTree(from: string, into: string, conflicts: string[] = []): number {
  let moved = 0;
  for (const name of readdirSync(from).sort()) {
    const src = join(from, name);
    const dest = join(into, name);
    if (statSync(src).isDirectory()) {
      if (!existsSync(dest)) {
        move(src, dest);
        moved++;
      } else moved += mergeTree(src, dest, conflicts);
    } else if (!existsSync(dest)) {
      mkdirSync(into, { recursive: true });
      move(src, dest);
      moved++;
    } else if (!sameFile(src, dest)) conflicts.push(dest);
  }
  return moved;
}

/** The <url> entries of a sitemap file, and the text before the first of them. */
export function sitemapUrls(xml: string): { head: string; urls: string[] } {
  const first = xml.indexOf('<url>');
  const urls = xml.match(/<url>[\s\S]*?<\/url>/g) ?? [];
  const head = first >= 0 ? xml.slice(0, first) : xml.replace(/<\/urlset>\s*$/, '');
  return { head, urls };
}

const locOf = (url: string) => /<loc>([^<]*)<\/loc>/.exec(url)?.[1] ?? url;

/**
 * One set of sitemaps from several shards' sitemaps: every URL once, in the integration's order, split into files of
 * SITEMAP_ENTRY_LIMIT, with an index naming them (same layout as @astrojs/sitemap).
 */
export function mergeSitemaps(dirs: string[], into: string, limit = SITEMAP_ENTRY_LIMIT): number {
  const seen = new Map<string, string>();
  let head = '';
  let indexLoc = '';
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => SITEMAP_PART.test(n)).sort()) {
      const got = sitemapUrls(readFileSync(join(dir, name), 'utf8'));
      head ||= got.head;
      for (const u of got.urls) if (!seen.has(locOf(u))) seen.set(locOf(u), u);
    }
    if (!indexLoc && existsSync(join(dir, SITEMAP_INDEX))) indexLoc = /<loc>([^<]*)<\/loc>/.exec(readFileSync(join(dir, SITEMAP_INDEX), 'utf8'))?.[1] ?? '';
  }
  if (!head) return 0;
  for (const name of readdirSync(into).filter((n) => SITEMAP_PART.test(n))) rmSync(join(into, name));
  // the order @astrojs/sitemap uses (generate-sitemap.js), so one build and merged shards agree
  const urls = [...seen.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((k) => seen.get(k)!);
  const prefix = indexLoc.replace(/sitemap-\d+\.xml$/, '');
  const parts: string[] = [];
  for (let i = 0; i * limit < Math.max(urls.length, 1); i++) {
    const name = `sitemap-${i}.xml`;
    writeFileSync(join(into, name), `${head}${urls.slice(i * limit, (i + 1) * limit).join('')}</urlset>`);
    parts.push(`<sitemap><loc>${prefix}${name}</loc></sitemap>`);
  }
  writeFileSync(join(into, SITEMAP_INDEX), `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${parts.join('')}</sitemapindex>`);
  return urls.length;
}

/** Merge shard outputs into the first one; throws, naming the files, when shards disagree. */
export function mergeShards(main: string, others: string[]): { moved: number; urls: number } {
  const urls = mergeSitemaps([main, ...others], main);
  let moved = 0;
  const conflicts: string[] = [];
  for (const dir of others) {
    for (const name of readdirSync(dir)) if (SITEMAP_PART.test(name) || name === SITEMAP_INDEX) rmSync(join(dir, name));
    moved += mergeTree(dir, main, conflicts);
    rmSync(dir, { recursive: true, force: true });
  }
  if (conflicts.length) {
    const shown = conflicts.slice(0, 5).map((c) => relative(main, c)).join('、');
    throw new Error(`分片构建结果不一致（${conflicts.length} 个文件内容不同）：${shown}`);
  }
  return { moved, urls };
}
