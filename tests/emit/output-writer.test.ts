/**
 * The streaming emitter: documents rendered one at a time (as the parse workers do) and handed to
 * OutputWriter in any order must give the same bytes as rendering a whole run in one place, and a
 * run over an earlier run's outputs must leave exactly this run's files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { OutputWriter, outputPaths, writeOutputs } from '../../scripts/emit/index.js';
import { listFiles } from './files.js';
import { renderDocument } from '../../scripts/emit/render.js';
import { csvBody, csvHeader, toCsv, type Cell } from '../../scripts/emit/csv.js';
import { DOCUMENT_DATASETS } from '../../scripts/emit/datasets.js';
import { runPipeline, type RunResult } from '../../scripts/pipeline/run.js';
import type { DocumentRecord } from '../../scripts/model/schema.js';

const relativeFiles = (dir: string) => listFiles(dir).map((p) => relative(dir, p));

function expectSameTree(a: string, b: string): void {
  const fa = relativeFiles(a);
  expect(fa).toEqual(relativeFiles(b));
  for (const f of fa) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
}

describe('CSV pieces', () => {
  it('a header and the bodies of row groups, concatenated, are the CSV of all the rows', () => {
    const groups: Cell[][][] = [[['a', 1, null], ['多行\n文本', 2.5, true]], [], [['=x', -3, false]], [['"引号"', 0, '']]];
    const header = ['name', 'value', 'flag'];
    expect(csvHeader(header) + groups.map(csvBody).join('')).toBe(toCsv(header, groups.flat()));
    expect(csvBody([])).toBe('');
  });
});

describe('OutputWriter', () => {
  let docs: DocumentRecord[];
  let whole: string;
  beforeAll(async () => {
    docs = (await runPipeline('content/sources', { log: () => {}, cache: false, workers: 0 })).documents;
    whole = mkdtempSync(join(tmpdir(), 'emit-whole-'));
    await writeOutputs({ documents: docs, errors: [] }, whole);
  });

  it('gives the same bytes whatever order the rendered documents arrive in', async () => {
    const out = mkdtempSync(join(tmpdir(), 'emit-shuffled-'));
    const w = new OutputWriter(out);
    for (const d of [...docs].reverse()) await w.add(renderDocument(d));
    await w.finish([]);
    expectSameTree(whole, out);
    // each run-wide CSV is the header plus every document's rows, in id order
    const projects = DOCUMENT_DATASETS.find((ds) => ds.path === 'projects.csv')!;
    const text = readFileSync(join(outputPaths(out).data, 'projects.csv'), 'utf8');
    expect(text.split('\r\n').length - 2).toBe(docs.reduce((n, d) => n + d.projects.length, 0));
    expect(text.startsWith(csvHeader(projects.fields.map((f) => f.name)))).toBe(true);
  });

  it('writes datapackage.json exactly as JSON.stringify would, one resource per CSV', () => {
    const text = readFileSync(join(outputPaths(whole).data, 'datapackage.json'), 'utf8');
    const pkg = JSON.parse(text) as { resources: Array<{ path: string }> };
    expect(text).toBe(`${JSON.stringify(pkg, null, 2)}\n`);
    const csvs = relativeFiles(outputPaths(whole).data).filter((f) => f.endsWith('.csv'));
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(csvs);
    expect(pkg.resources).toHaveLength(DOCUMENT_DATASETS.length + 1 + docs.reduce((n, d) => n + d.tables.length, 0));
  });

  it('over an earlier run, leaves exactly this run’s files (stale files and emptied folders removed)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'emit-over-'));
    const { collections, data } = outputPaths(out);
    // an earlier, larger run: a document and its tables that no longer exist, and a stray file
    mkdirSync(join(data, 'tables', 'gone-2020-budget'), { recursive: true });
    writeFileSync(join(data, 'tables', 'gone-2020-budget', 't01.csv'), 'old');
    writeFileSync(join(data, 'notes.txt'), 'old');
    mkdirSync(join(collections, 'projects'), { recursive: true });
    writeFileSync(join(collections, 'projects', 'gone-2020-budget-x.md'), 'old');
    // and this run's own files with other content
    mkdirSync(join(collections, 'documents'), { recursive: true });
    writeFileSync(join(collections, 'documents', `${docs[0].id}.md`), 'old');
    await writeOutputs({ documents: docs, errors: [] }, out);
    expectSameTree(whole, out);
    expect(existsSync(join(data, 'tables', 'gone-2020-budget'))).toBe(false);
  });
});

describe('runPipeline with onDocument (the CLI path)', () => {
  let dir: string;
  let streamed: string;
  let result: RunResult;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'emit-dups-'));
    const sources = readdirSync('content/sources').filter((f) => f.endsWith('.txt')).sort();
    for (const f of sources) copyFileSync(join('content/sources', f), join(dir, f));
    // an exact copy (skipped) and a changed copy of the same disclosure (same id: renamed)
    const first = readFileSync(join('content/sources', sources[0]), 'utf8');
    writeFileSync(join(dir, 'zz-copy.txt'), first);
    writeFileSync(join(dir, 'zz-variant.txt'), `${first}\n附注：本文件为更正稿。\n`);
    streamed = mkdtempSync(join(tmpdir(), 'emit-streamed-'));
    const w = new OutputWriter(streamed);
    result = await runPipeline(dir, { log: () => {}, cache: false, workers: 0, keepDocuments: false, onDocument: (_d, r) => w.add(r) });
    await w.finish(result.errors);
  });

  it('writes what rendering the kept records in one place writes, duplicates included', async () => {
    const kept = await runPipeline(dir, { log: () => {}, cache: false, workers: 0 });
    expect(result.documents).toEqual([]);
    expect(result.summary).toEqual({
      documents: kept.documents.length,
      projects: kept.documents.reduce((n, d) => n + d.projects.length, 0),
      findings: kept.documents.reduce((n, d) => n + d.findings.length, 0),
    });
    const whole = mkdtempSync(join(tmpdir(), 'emit-kept-'));
    await writeOutputs({ documents: kept.documents, errors: kept.errors }, whole);
    expectSameTree(whole, streamed);
  });

  it('skips the exact copy and renders the changed copy under its own id', () => {
    expect(result.summary.documents).toBe(6);
    expect(result.errors.some((e) => e.file === 'zz-copy.txt' && e.action === 'skipped')).toBe(true);
    const renamed = result.errors.find((e) => e.file === 'zz-variant.txt' && e.action === 'flagged' && e.message.includes('编号为'))!;
    const id = /编号为 (\S+)$/.exec(renamed.message)![1];
    const md = readFileSync(join(outputPaths(streamed).collections, 'documents', `${id}.md`), 'utf8');
    const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(md)![1]) as { id: string; source_file: string; projects: Array<{ id: string }> };
    expect(front.id).toBe(id);
    expect(front.source_file).toBe('zz-variant.txt');
    expect(front.projects.length).toBeGreaterThan(0);
    for (const p of front.projects) {
      expect(p.id.startsWith(id)).toBe(true);
      expect(existsSync(join(outputPaths(streamed).collections, 'projects', `${p.id}.md`))).toBe(true);
    }
  });
});
