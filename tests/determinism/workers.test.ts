/**
 * The worker pool (workers load an esbuild bundle of the pipeline, not tsx) must give the same
 * records as parsing in this thread, in input order.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

describe('determinism: worker pool', () => {
  it('2 workers and in-process parsing give identical results for the real documents', async () => {
    process.env.INGEST_MIN_POOL_FILES = '1';
    const { ingestParallel } = await import('../../scripts/pipeline/parallel.js');
    const files = readdirSync('content/sources').filter((f) => f.endsWith('.txt')).sort();
    const tasks = files.map((f) => ({ path: join('content/sources', f), rel: f }));
    const pooled = await ingestParallel(tasks, { workers: 2, cacheDir: null, ingest: {} });
    const serial = await ingestParallel(tasks, { workers: 0, cacheDir: null, ingest: {} });
    expect(pooled.workers).toBe(2);
    expect(serial.workers).toBe(0);
    expect(pooled.results.map((r) => r.document?.source_file)).toEqual(files);
    expect(pooled.results.every((r) => r.document !== null)).toBe(true);
    expect(JSON.stringify(pooled.results)).toBe(JSON.stringify(serial.results));
  }, 180_000);

  it('workers mask and render as this thread does', async () => {
    process.env.INGEST_MIN_POOL_FILES = '1';
    const { ingestParallel } = await import('../../scripts/pipeline/parallel.js');
    const files = readdirSync('content/sources').filter((f) => f.endsWith('.txt')).sort();
    const tasks = files.map((f) => ({ path: join('content/sources', f), rel: f }));
    const collect = async (workers: number) => {
      const out: unknown[] = new Array(tasks.length);
      const r = await ingestParallel(tasks, { workers, cacheDir: null, ingest: {}, mask: true, render: true, onResult: (i, result, _hit, rendered) => (out[i] = { result, rendered }) });
      expect(r.results).toEqual([]);
      return out as Array<{ result: { document: unknown }; rendered: { id: string; markdown: unknown[] } | null }>;
    };
    const pooled = await collect(2);
    const serial = await collect(0);
    expect(pooled.every((x) => x.rendered !== null && x.rendered.markdown.length > 0)).toBe(true);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(serial));
    // a mobile number in a source never reaches a record or a rendered file
    expect(JSON.stringify(pooled)).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  }, 180_000);
});
