/**
 * Build shards (scripts/cli/site-build.ts runs several `astro build`s in parallel on big sites):
 * with SITE_SHARD="k/n" a build renders only the k-th of every n entries of each getStaticPaths list.
 * Pages without such a list render in every shard; they are identical and kept once when the shards
 * are merged. Without SITE_SHARD every page is rendered.
 */
function parseShard(value: string | undefined): { index: number; count: number } {
  if (!value) return { index: 0, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2])) throw new Error(`SITE_SHARD 应写成“序号/分片数”，例如 0/2（序号从 0 开始）：${value}`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

const current = parseShard(process.env.SITE_SHARD);

/** The part of a page list this build renders. */
export function shard<T>(paths: T[], { index, count } = current): T[] {
  return count <= 1 ? paths : paths.filter((_, i) => i % count === index);
}

export { parseShard };
