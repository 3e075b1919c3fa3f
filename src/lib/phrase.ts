/** Search result ordering that Pagefind cannot do for Chinese (pure; unit-tested in tests/site). */
export interface PfResultData {
  url: string;
  excerpt: string;
  content?: string;
  meta: Record<string, string>;
}

/**
 * Pagefind ranks a Chinese query by its characters, so 外派 or 包年 can come before 外包. Among the
 * results a page has fetched anyway, the ones holding the whole query come first — in the title, then
 * in the text — each group in Pagefind's order. No extra request is made.
 */
export function phraseFirst(results: PfResultData[], query: string): PfResultData[] {
  const phrase = query.replace(/\s+/g, '');
  if (Array.from(phrase).length < 2) return results;
  const has = (s: string | undefined) => (s ?? '').replace(/\s+/g, '').includes(phrase);
  const rank = (d: PfResultData) => (has(d.meta.name ?? d.meta.title) ? 0 : has(d.content) || has(d.excerpt.replace(/<[^>]*>/g, '')) ? 1 : 2);
  return results
    .map((d, i) => ({ d, i, r: rank(d) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.d);
}
