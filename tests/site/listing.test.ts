/**
 * The listings the pipeline writes beside the collections ({documents,projects}.jsonl) give the site
 * exactly the light entries it would get by parsing every Markdown file, and a file edited or added
 * after the listing is read from the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../scripts/pipeline/run';
import { writeOutputs } from '../../scripts/emit/index';
import { DocumentListing, ProjectListing } from '../../scripts/model/schema';
import { lightDocument, lightProject, loadLight, readDocument, readProject } from '../../src/lib/entries';

const out = mkdtempSync(join(tmpdir(), 'site-listing-'));
const docsDir = join(out, 'content/generated/documents');
const projDir = join(out, 'content/generated/projects');
const docsFromFiles = () => loadLight(docsDir, DocumentListing, (f) => lightDocument(readDocument(f), f));
const projsFromFiles = () => loadLight(projDir, ProjectListing, (f) => lightProject(readProject(f), f));

beforeAll(async () => {
  const result = await runPipeline('content/sources', { cache: false, workers: 0 });
  await writeOutputs({ documents: result.documents, errors: result.errors }, out);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('collection listings', () => {
  it('list every file once, and equal the entries parsed from the files', () => {
    const docs = docsFromFiles();
    const projs = projsFromFiles();
    expect(docs.length).toBe(readdirSync(docsDir).filter((n) => n.endsWith('.md')).length);
    expect(projs.length).toBe(readdirSync(projDir).filter((n) => n.endsWith('.md')).length);
    const docLines = readFileSync(`${docsDir}.jsonl`, 'utf8').trim().split('\n');
    expect(docLines.length).toBe(docs.length);
    for (const d of docs) expect(d).toEqual(lightDocument(readDocument(d.file), d.file));
    for (const p of projs) expect(p).toEqual(lightProject(readProject(p.file), p.file));
    // a real figure, through the listing: 赣州市行政审批局 2022 支出总计 14,783.86 万元
    const ganzhou = docs.find((d) => d.department === '赣州市行政审批局')!;
    expect(ganzhou.totals.expenditure_total).toBe(14783.86);
    expect(ganzhou.projects.length).toBeGreaterThan(0);
  });

  it('take a file edited after the listing from the file', () => {
    const docs = docsFromFiles();
    const target = docs.find((d) => d.department === '赣州市行政审批局')!;
    const text = readFileSync(target.file, 'utf8');
    writeFileSync(target.file, text.replace(/^title: .*$/m, 'title: 改过的标题'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(target.file, later, later);
    const again = docsFromFiles().find((d) => d.id === target.id)!;
    expect(again.title).toBe('改过的标题');
    expect(again.totals).toEqual(target.totals);
    writeFileSync(target.file, text);
  });

  it('read a file the listing does not name, and fall back to the files when there is no listing', () => {
    const before = projsFromFiles();
    const first = before[0];
    copyFileSync(first.file, join(projDir, 'zz-added-by-hand.md'));
    const withAdded = projsFromFiles();
    expect(withAdded.length).toBe(before.length + 1);
    expect(withAdded.at(-1)!.file.endsWith('zz-added-by-hand.md')).toBe(true);
    rmSync(join(projDir, 'zz-added-by-hand.md'));
    rmSync(`${projDir}.jsonl`);
    expect(projsFromFiles()).toEqual(before);
  });

  it('names the listing and the line that cannot be read', () => {
    appendFileSync(`${docsDir}.jsonl`, '{"file": "x.md", "entry": {\n');
    expect(() => docsFromFiles()).toThrow(/内容索引无法解析：.*documents\.jsonl：第 \d+ 行/);
  });
});
