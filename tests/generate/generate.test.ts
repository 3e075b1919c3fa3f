/**
 * The synthetic corpus: deterministic, internally consistent, and — the real test — the pipeline
 * recovers each document's ground truth (department, year, kind, totals, projects, indicators).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, generateOne, type GroundTruth } from '../../scripts/generate/index.js';
import { runPipeline } from '../../scripts/pipeline/run.js';
import type { DocumentRecord } from '../../scripts/model/schema.js';

const SEED = 20240601;

describe('generator', () => {
  it('is deterministic: the same (seed, index) gives the same bytes, another seed does not', () => {
    for (const i of [0, 1, 7, 123]) {
      const a = generateOne(SEED, i);
      const b = generateOne(SEED, i);
      expect(a.text).toBe(b.text);
      expect(a.truth).toEqual(b.truth);
      expect(generateOne(SEED + 1, i).text).not.toBe(a.text);
    }
  });

  it('writes reconciling amounts: basic + project = total, income = expenditure, projects add up', () => {
    const round = (x: number) => Math.round(x * 100) / 100;
    for (let i = 0; i < 300; i++) {
      const { truth: t } = generateOne(SEED, i);
      const x = t.totals;
      expect(round(x.basic_expenditure + x.project_expenditure)).toBe(x.current_year_expenditure);
      expect(x.income_total).toBe(x.expenditure_total);
      const projects = round(t.projects.reduce((s, p) => s + (t.kind === 'final_account' ? (p.executed ?? 0) : p.budget), 0));
      expect(projects).toBe(x.project_expenditure);
      expect(t.indicator_count).toBe(t.projects.reduce((s, p) => s + p.indicator_count, 0));
    }
  });

  it('prints the tables it claims: the 合计 row of 部门支出总表 is the truth, children sum to parents', () => {
    let checked = 0;
    for (let i = 0; i < 100; i++) {
      const { text, truth } = generateOne(SEED, i);
      if (truth.layout !== 'budget_tables' || truth.unit !== '万元') continue;
      const lines = text.split('\n');
      const start = lines.indexOf('部门支出总表');
      const totalRow = lines.slice(start).find((l) => l.startsWith('\t合计\t'))!.split('\t');
      const num = (s: string) => (s ? Number(s.replace(/,/g, '')) : 0);
      expect(num(totalRow[2])).toBe(truth.totals.current_year_expenditure);
      expect(num(totalRow[3])).toBe(truth.totals.basic_expenditure);
      // Class rows (3-digit codes) add up to the 合计 row.
      const end = lines.indexOf('一般公共预算支出表', start);
      const classes = lines.slice(start, end).filter((l) => /^\d{3}\t/.test(l)).map((l) => num(l.split('\t')[2]));
      expect(Math.round(classes.reduce((a, b) => a + b, 0) * 100) / 100).toBe(truth.totals.current_year_expenditure);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('spreads over layouts, kinds, years 2015–2025, real regions and 0–60 projects', () => {
    const truths = Array.from({ length: 400 }, (_, i) => generateOne(SEED, i).truth);
    expect(new Set(truths.map((t) => t.layout)).size).toBe(5);
    expect(new Set(truths.map((t) => t.kind))).toEqual(new Set(['budget', 'final_account', 'budget_draft']));
    expect(Math.min(...truths.map((t) => t.fiscal_year))).toBeGreaterThanOrEqual(2015);
    expect(Math.max(...truths.map((t) => t.fiscal_year))).toBeLessThanOrEqual(2025);
    expect(new Set(truths.map((t) => t.province)).size).toBeGreaterThan(20);
    const counts = truths.map((t) => t.projects.length);
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBeGreaterThan(30);
    expect(Math.max(...counts)).toBeLessThanOrEqual(60);
    expect(truths.some((t) => t.unit === '元')).toBe(true);
  });
});

/* ------------------------------------------------------------------------------------------------
 * Ground-truth recovery on a few hundred documents. Each field is its own test so the report shows
 * which recognizers still miss; a field passes when ≥ 95% of the documents that state it are right.
 * ---------------------------------------------------------------------------------------------- */

const N = 250;
const PASS = 0.95;
let dir = '';
let truths: GroundTruth[] = [];
const byFile = new Map<string, DocumentRecord>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gen-corpus-'));
  const sources = join(dir, 'sources');
  const gen = generateCorpus({ n: N, seed: SEED, outDir: sources, truthDir: join(dir, 'truth') });
  truths = gen.files.map((f) => JSON.parse(readFileSync(join(dir, 'truth', f.replace(/\.txt$/, '.json')), 'utf8')) as GroundTruth);
  const r = await runPipeline(sources, { log: () => {}, cache: false });
  for (const d of r.documents) byFile.set(d.source_file, d);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const normName = (s: string) => s.replace(/[“”"'‘’\s]/g, '').replace(/项目$/, '');
const close = (a: number | null | undefined, b: number) => typeof a === 'number' && Math.abs(a - b) < 0.006;

/** Share of truths for which `ok` holds; failing examples go into the assertion message. */
function score(label: string, ok: (t: GroundTruth, d: DocumentRecord | undefined) => boolean | null): void {
  let n = 0;
  let good = 0;
  const bad: string[] = [];
  for (const t of truths) {
    const d = byFile.get(t.file);
    const r = ok(t, d);
    if (r === null) continue;
    n++;
    if (r) good++;
    else if (bad.length < 5) bad.push(`${t.file}(${t.layout})`);
  }
  const rate = n ? good / n : 1;
  expect(rate, `${label}: ${good}/${n} 正确；例如 ${bad.join(', ')}`).toBeGreaterThanOrEqual(PASS);
}

describe(`ground truth recovered on ${N} generated documents`, () => {
  it('every document parses', () => score('parsed', (t, d) => d !== undefined));
  it('department', () => score('department', (t, d) => d?.department === t.department));
  it('fiscal_year', () => score('fiscal_year', (t, d) => d?.fiscal_year === t.fiscal_year));
  it('kind', () => score('kind', (t, d) => d?.kind === t.kind));
  it('province', () => score('province', (t, d) => d?.province === t.province));
  for (const key of ['income_total', 'expenditure_total', 'basic_expenditure', 'project_expenditure', 'fiscal_appropriation', 'operating_expenses', 'three_public_total', 'procurement_total'] as const) {
    it(`totals.${key}`, () => score(key, (t, d) => close(d?.totals[key], t.totals[key])));
  }
  it('project count', () => score('project count', (t, d) => d?.projects.length === t.projects.length));
  it('project names and budgets', () =>
    score('project budgets', (t, d) => {
      if (!t.projects.length) return null;
      const got = new Map((d?.projects ?? []).map((p) => [normName(p.name), p]));
      return t.projects.every((p) => close(got.get(normName(p.name))?.budget, p.budget));
    }));
  it('indicator count per project', () =>
    score('indicators', (t, d) => {
      if (!t.indicator_count) return null;
      const got = new Map((d?.projects ?? []).map((p) => [normName(p.name), p]));
      return t.projects.every((p) => (got.get(normName(p.name))?.indicators.length ?? 0) === p.indicator_count);
    }));
});
