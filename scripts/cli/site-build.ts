/**
 * `astro build`, split into parallel shards on big sites.
 *   tsx scripts/cli/site-build.ts [--shards N]
 *
 * Rendering ~100k pages is one single-threaded `astro build`. Each shard is its own `astro build`
 * with SITE_SHARD=k/N (src/lib/shard.ts: it renders every N-th page of each page list) writing to
 * its own folder; the folders are merged into SITE_OUT_DIR afterwards (scripts/postbuild/merge-shards.ts).
 *
 * Shards: --shards, else SITE_BUILD_SHARDS, else 2 when the collections hold at least
 * SHARD_THRESHOLD entries and the machine has 2 cores or more, else 1. Each shard repeats the fixed
 * work of a build (Vite bundling, reading the listings) and two render at ~3.75 ms a page instead of
 * one at ~2.9 ms (measured at 10,000 documents, bench/README.md round 4): it pays off on big sites only.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeShards } from '../postbuild/merge-shards.js';
import { publishSources } from '../emit/sources.js';
import { assertNodeVersion } from './node-version.js';

assertNodeVersion();
const SHARD_THRESHOLD = 20_000;
/** V8 heap limit of each shard process (MB). */
const SHARD_HEAP_MB = 2048;
const { values } = parseArgs({ options: { shards: { type: 'string' } } });

const outDir = resolve(process.env.SITE_OUT_DIR || 'dist');
const cacheDir = resolve(process.env.SITE_CACHE_DIR || 'node_modules/.astro');
const contentDir = resolve(process.env.SITE_CONTENT_DIR || 'content/generated');
const sourcesDir = resolve(process.env.SITE_SOURCES_DIR || 'content/sources');

/** The original files the pages link to ("查看原文"), masked or withheld by the rules in emit/sources.ts. */
async function copySources(): Promise<void> {
  if (!existsSync(sourcesDir)) return;
  const { published, withheld } = await publishSources(sourcesDir, outDir);
  console.log(`原文：发布 ${published} 个来源文件${withheld.length ? `，未发布 ${withheld.length} 个（${withheld.join('、')}）` : ''} → ${join(outDir, 'sources')}`);
}

/** Entries in the collections, from the pipeline's listings (0 when there are none). */
function entryCount(): number {
  let n = 0;
  for (const name of ['documents.jsonl', 'projects.jsonl']) {
    const p = join(contentDir, name);
    if (!existsSync(p)) continue;
    const buf = readFileSync(p);
    for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
  }
  return n;
}

function shardCount(): number {
  const asked = values.shards ?? process.env.SITE_BUILD_SHARDS;
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 1 || n > 16) {
      console.error(`分片数应为 1 到 16 的整数：${asked}`);
      process.exit(2);
    }
    return n;
  }
  return entryCount() >= SHARD_THRESHOLD && availableParallelism() >= 2 ? 2 : 1;
}

function astroBuild(env: NodeJS.ProcessEnv, label: string): Promise<number> {
  const bin = resolve('node_modules/astro/bin/astro.mjs');
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, 'build'], { env, stdio: label ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (label) {
      // keep the shards' logs apart, and short: every page line of every shard would be ~100k lines
      for (const stream of [child.stdout!, child.stderr!]) {
        let rest = '';
        stream.on('data', (chunk: Buffer) => {
          const lines = (rest + chunk.toString('utf8')).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) if (!/^\s*\S*\s+[├└]─ /.test(line)) console.log(`[${label}] ${line}`);
        });
      }
    }
    child.on('close', (code) => done(code ?? 1));
  });
}

const n = shardCount();
const started = Date.now();
if (n === 1) {
  const code = await astroBuild(process.env, '');
  if (code === 0) await copySources();
  process.exit(code);
}
// Shards after the first build inside the working directory: Astro keeps a build's server chunks in
// <outDir>/.prerender when outDir is inside the working directory, else in ./.astro, which parallel
// builds would share (and one would delete under the other).
const dirs = Array.from({ length: n }, (_, k) => (k === 0 ? outDir : resolve('node_modules/.cache/site-shards', String(k))));
for (const d of dirs) rmSync(d, { recursive: true, force: true });
console.log(`分 ${n} 片并行构建站点（${entryCount()} 个条目）…`);
const codes = await Promise.all(
  dirs.map((dir, k) =>
    astroBuild(
      {
        ...process.env,
        SITE_SHARD: `${k}/${n}`,
        SITE_OUT_DIR: dir,
        SITE_CACHE_DIR: k === 0 ? cacheDir : `${cacheDir}-shard-${k}`,
        // a shard's live data is well under 1 GB; without a cap V8 lets each heap grow towards the
        // machine's memory before collecting, and n shards would together pass the 6 GB aim
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${SHARD_HEAP_MB}`.trim(),
      },
      `分片 ${k + 1}/${n}`,
    ),
  ),
);
const failed = codes.findIndex((c) => c !== 0);
if (failed >= 0) {
  console.error(`分片 ${failed + 1}/${n} 构建失败（退出码 ${codes[failed]}）`);
  process.exit(codes[failed]);
}
try {
  const { moved, urls } = mergeShards(outDir, dirs.slice(1));
  console.log(`已合并 ${n} 个分片：移入 ${moved} 个文件或目录，站点地图 ${urls} 个网址；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒 → ${outDir}`);
  await copySources();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
