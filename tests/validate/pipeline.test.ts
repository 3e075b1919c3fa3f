/** The checks on the real pipeline output for the five sample documents. */
import { describe, expect, it, beforeAll } from 'vitest';
import { runPipeline } from '../../scripts/pipeline/run.js';
import type { DocumentRecord } from '../../scripts/model/schema.js';

let docs: DocumentRecord[];
const byFile = (prefix: string) => docs.find((d) => d.source_file.startsWith(prefix))!;

beforeAll(async () => {
  docs = (await runPipeline('content/sources', { log: () => {} })).documents;
});

describe('checks on the real documents', () => {
  it('000: 收入总表 vs 支出总表 disagree on 201 (12,977.06 vs 12,976.39), 2010350 and 229 (600.00 vs 600.67); one code names two projects', () => {
    const f = byFile('000_').findings;
    const cross = f.filter((x) => x.check === 'cross_table').map((x) => [x.expected, x.actual]);
    expect(cross).toEqual([
      [12977.06, 12976.39],
      [12977.06, 12976.39],
      [90.09, 89.42],
      [600, 600.67],
      [600, 600.67],
      [600, 600.67],
    ]);
    const dup = f.filter((x) => x.check === 'duplicate_project_code');
    expect(dup).toHaveLength(1);
    expect(dup[0].message).toContain('36070022888802000052');
    // the classification tables themselves add up: no children_sum / basic_plus_project errors
    expect(f.filter((x) => x.check === 'children_sum' || x.check === 'basic_plus_project')).toEqual([]);
  });
  it('003: 人员经费 合计 1,053.74 ≠ 913.20 in the 基本支出表, and the narrative 一般公共预算安排支出 4,425.71 ≠ table 4,679.36', () => {
    const f = byFile('003_').findings;
    expect(f.filter((x) => x.severity === 'error').map((x) => [x.check, x.expected, x.actual])).toEqual([
      ['basic_plus_project', 1194.28, 1053.74],
      ['children_sum', 1053.74, 913.2],
    ]);
    const n = f.filter((x) => x.check === 'table_vs_narrative');
    expect(n.map((x) => [x.expected, x.actual])).toContainEqual([4679.36, 4425.71]);
  });
  it('002: only rounding-sized differences (info), e.g. 工资福利支出 281.27 vs Σ款 281.25', () => {
    const f = byFile('002_').findings;
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(f.some((x) => x.expected === 281.27 && x.actual === 281.25)).toBe(true);
  });
  it('every finding names its source file and a line', () => {
    for (const d of docs) for (const x of d.findings) {
      expect(x.source.file).toBe(d.source_file);
      expect(x.source.line_start).toBeGreaterThan(0);
      expect(x.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('disclosure: 000 does not publish 收支总表 / 财政拨款收支总表; 003 publishes every required table', () => {
    const s = (p: string) => Object.fromEntries(byFile(p).disclosure.map((x) => [x.item, x.status]));
    expect(s('000_').table_income_expenditure_summary).toBe('missing');
    expect(s('000_').table_fiscal_appropriation_summary).toBe('missing');
    const d3 = byFile('003_').disclosure.filter((x) => x.group === 'table' && x.required);
    expect(d3.every((x) => x.status !== 'missing')).toBe(true);
  });
});
