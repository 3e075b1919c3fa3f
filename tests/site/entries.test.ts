/** Reading the Markdown collections for the site: full entries round-trip, light entries keep what lists need. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frontMatter, lightDocument, lightProject, readDocument, readProject } from '../../src/lib/entries';
import { writeSample } from '../fixtures/site/make-sample';

const dir = mkdtempSync(join(tmpdir(), 'site-entries-'));
const sample = writeSample(dir);
const docsDir = join(dir, 'content/generated/documents');
const projDir = join(dir, 'content/generated/projects');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('collection entries', () => {
  it('reads every document back exactly as the model wrote it', () => {
    const files = readdirSync(docsDir).filter((n) => n.endsWith('.md'));
    expect(files.length).toBe(sample.documents.length);
    for (const d of sample.documents) expect(readDocument(join(docsDir, `${d.id}.md`))).toEqual(d);
    const ganzhou = readDocument(join(docsDir, `${sample.documents.find((d) => d.department === '赣州市行政审批局')!.id}.md`));
    expect(ganzhou.totals.expenditure_total).toBe(14783.86);
  });

  it('reads every project back exactly', () => {
    for (const p of sample.projects) expect(readProject(join(projDir, `${p.id}.md`))).toEqual(p);
  });

  it('light entries keep list fields and drop the tables', () => {
    const d = sample.documents.find((x) => x.department === '赣州市行政审批局')!;
    const l = lightDocument(d, '/x.md');
    expect(l.totals).toEqual(d.totals);
    expect(l.table_count).toBe(d.tables.length);
    expect(l.table_count).toBeGreaterThan(0);
    expect('tables' in l).toBe(false);
    expect(l.projects.map((p) => p.name)).toEqual(d.projects.map((p) => p.name));
    const p = sample.projects[0];
    const lp = lightProject(p, '/y.md');
    expect(lp.indicators.length).toBe(p.indicators.length);
    expect(lp.budget).toBe(p.budget);
  });

  it('keeps dates as the text the document printed and rejects files that break the model', () => {
    expect(frontMatter('---\nstart_date: 2022-01-01\nn: 1.50\n---\nbody')).toEqual({ start_date: '2022-01-01', n: 1.5 });
    expect(frontMatter('no front matter')).toBeNull();
    const bad = join(dir, 'bad.md');
    writeFileSync(bad, '---\nid: x\ntitle: 1\n---\n');
    expect(() => readDocument(bad)).toThrow(/不符合数据模型.*bad\.md/);
  });
});
