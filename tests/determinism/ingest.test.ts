/**
 * Two ingests of the same sources give byte-identical outputs (CSV, JSON, Markdown). The second run
 * reads a copy of the sources from another folder (absolute paths must not leak), writes elsewhere and
 * bypasses the cache (a cached result must equal a fresh one).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

function ingest(sources: string, out: string, extra: string[] = []): void {
  const r = spawnSync('npx', ['tsx', 'scripts/cli/ingest.ts', '--sources', sources, '--out', out, ...extra], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ingest 失败：${r.stdout}\n${r.stderr}`);
}

describe('determinism: ingest', () => {
  it('two runs give byte-identical CSV, JSON and Markdown', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'budget-determinism-'));
    const copy = join(tmp, 'sources-copy');
    cpSync(join(ROOT, 'content/sources'), copy, { recursive: true });
    ingest(join(ROOT, 'content/sources'), join(tmp, 'a'));
    ingest(copy, join(tmp, 'b'), ['--no-cache']);
    const a = listFiles(join(tmp, 'a'));
    const b = listFiles(join(tmp, 'b'));
    expect(b).toEqual(a);
    expect(a.filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(10);
    expect(a.filter((f) => f.endsWith('.md')).length).toBeGreaterThan(5);
    expect(a.some((f) => f.endsWith('.json'))).toBe(true);
    const differ = a.filter((f) => !readFileSync(join(tmp, 'a', f)).equals(readFileSync(join(tmp, 'b', f))));
    expect(differ).toEqual([]);
    // no absolute path of either run leaks into the outputs
    const leaks = a.filter((f) => readFileSync(join(tmp, 'a', f), 'utf8').includes(tmp));
    expect(leaks).toEqual([]);
    rmSync(tmp, { recursive: true, force: true });
  }, 120_000);
});
