/**
 * The careful reader's checks against figures the document's own tables print (#14.6): a change from
 * the previous year the text states, against the 上年 column beside the same figure (headline totals,
 * function lines), and a 决算's comparison with its budget against the budget_execution lines.
 *
 * Embedded documents are altered as in reader-checks.test.ts (copies kept under
 * tests/fixtures/checks/altered/). The real PDFs in ../shared (skipped when absent) cannot be copied
 * into the repository: their lines are altered as the reader returns them, in memory.
 */
import { existsSync } from 'node:fs';
import { alter, lineOf } from '../fixtures/checks/alter.js';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourceLine } from '../../scripts/segment/ir.js';
import type { DocumentRecord, Finding } from '../../scripts/model/schema.js';

/** Line edits applied to what the reader returns (a PDF altered in memory); empty: read as published. */
let edits: Array<[RegExp | string, string]> = [];
vi.mock('../../scripts/pipeline/read-scan.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../scripts/pipeline/read-scan.js')>();
  return {
    ...orig,
    readForIngest: async (...args: Parameters<typeof orig.readForIngest>) => {
      const r = await orig.readForIngest(...args);
      if (!r.ok || edits.length === 0) return r;
      const lines: SourceLine[] = r.lines.map((l) => ({ ...l }));
      for (const [from, to] of edits) {
        const hit = lines.find((l) => (typeof from === 'string' ? l.text.includes(from) : from.test(l.text)));
        expect(hit, `a line contains ${String(from)}`).toBeDefined();
        hit!.text = hit!.text.replace(from, to);
      }
      return { ...r, lines };
    },
  };
});

const { ingestFile } = await import('../../scripts/pipeline/ingest-file.js');
const { checkDocument } = await import('../../scripts/validate/checks.js');
const { readSource } = await import('../../scripts/read/source.js');
const { segment } = await import('../../scripts/segment/segment.js');

const SOURCES = 'content/sources';
const SAMPLES = resolve(import.meta.dirname, '../../../shared/pdf-samples');
const has = (f: string) => existsSync(join(SAMPLES, f));

afterEach(() => {
  edits = [];
});


async function ingest(path: string, name: string): Promise<DocumentRecord> {
  const r = await ingestFile(path, name);
  expect(r.document, `${name} is read`).not.toBeNull();
  return r.document!;
}

const of = (d: DocumentRecord, check: string): Finding[] => d.findings.filter((f) => f.check === check);

describe.skipIf(!has('156.pdf'))('国家信访局 2026 budget (pdf-samples/156): changes stated against its 2025年执行数 column', () => {
  const pdf = join(SAMPLES, '156.pdf');

  it('as published: 15 function lines read, none contradicts the table (其他信访事务支出 “增加 2,022.94” is against the column net of 中央基建: no finding)', async () => {
    const d = await ingest(pdf, '156.pdf');
    expect(d.function_changes).toHaveLength(15);
    const other = d.function_changes!.find((c) => c.code === '2014099')!;
    expect(other).toMatchObject({ value: 3623.98, change: 2022.94 });
    expect(d.expenditure_by_function.find((r) => r.code === '2014099' && r.previous != null)).toMatchObject({ total: 3623.98, previous: 25143.24 });
    expect(of(d, 'narrative_direction')).toEqual([]);
  });

  it('行政运行 “比2025年执行数减少271.14万元” while the table prints 5,555.07 → 5,826.21 is an error', async () => {
    edits = [
      ['比2025年执行数增加271.14', '比2025年执行数减少271.14'],
      ['万元，增幅 4.88%，主要是财政核定经费增加', '万元，减幅 4.88%，主要是财政核定经费增加'],
    ];
    const d = await ingest(pdf, '156.pdf');
    const f = of(d, 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', expected: 271.14, actual: -271.14, source: { line_start: 316, line_end: 318 } });
    expect(f[0].message).toBe(
      '说明文字称一般公共服务支出（类）信访事务（款）行政运行（项） 5826.21 万元比上年减少 271.14 万元，但《一般公共预算支出表》中上年为 5555.07 万元、本年为 5826.21 万元（说明第 316 行，表第 146 行），实为增加 271.14 万元',
    );
  });

  it('信访业务 “与2025年执行数相同” while the table prints 2,014.50 → 2,114.66 is info', async () => {
    edits = [
      ['比2025年执行数增加100.16', '与2025年执行数相同。'],
      ['万元，增幅 4.97%，主要是信访工作任务增加，相关支出相', '主要是信访工作任务增加，相关支出相'],
    ];
    const d = await ingest(pdf, '156.pdf');
    const f = of(d, 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', expected: 100.16, actual: 0, source: { line_start: 328 } });
    expect(f[0].message).toContain('信访业务（项） 2114.66 万元与上年持平，但《一般公共预算支出表》中上年为 2014.5 万元、本年为 2114.66 万元');
  });

  it('a headline figure: 一般公共预算支出 16,474.82 万元 “比2025年执行数增加20,766.6万元” against the 合计 row (上年 37,241.42) is an error', async () => {
    edits = [
      ['国家信访局 2026 年一般公共预算当年财政拨款', '国家信访局 2026 年一般公共预算支出'],
      ['比 2025 年执行数减少 20,766.6 万元，减幅', '比 2025 年执行数增加 20,766.6 万元，增幅'],
    ];
    const d = await ingest(pdf, '156.pdf');
    expect(d.totals_previous).toEqual({ general_budget_expenditure: 37241.42 });
    const f = of(d, 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', expected: -20766.6, actual: 20766.6, source: { line_start: 302 } });
    expect(f[0].message).toContain('16474.82 万元比上年增加 20766.6 万元，但《一般公共预算支出表》中上年为 37241.42 万元、本年为 16474.82 万元');
    expect(f[0].message).toContain('实为减少 20766.6 万元');
  });

  it('a headline figure with only a percentage: “比2025年执行数增长55.76%” against 37,241.42 → 16,474.82 is an error', async () => {
    edits = [
      ['国家信访局 2026 年一般公共预算当年财政拨款', '国家信访局 2026 年一般公共预算支出'],
      ['比 2025 年执行数减少 20,766.6 万元，减幅', '比 2025 年执行数增长'],
      ['扣除中央基建后比2025年执行数增加2,775.6万元，', ''],
      ['增幅 20.26%。主要原因', '主要原因'],
    ];
    const d = await ingest(pdf, '156.pdf');
    expect(d.facts.find((x) => x.key === 'general_budget_expenditure')).toMatchObject({ value: 16474.82, change: null, change_pct: 55.76 });
    const f = of(d, 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', expected: -55.76, actual: 55.76, source: { line_start: 302 } });
    expect(f[0].message).toContain('16474.82 万元比上年增长 55.76%，但《一般公共预算支出表》中上年为 37241.42 万元、本年为 16474.82 万元');
    expect(f[0].message).toContain('实为下降 55.76%');
  });

  it('a change the text gives against another base (扣除中央基建后 +2,775.6 万元) is not judged against the 执行数 column', async () => {
    edits = [
      ['国家信访局 2026 年一般公共预算当年财政拨款', '国家信访局 2026 年一般公共预算支出'],
      ['比 2025 年执行数减少 20,766.6 万元，减幅', '比 2025 年执行数增长'],
    ];
    const d = await ingest(pdf, '156.pdf');
    expect(d.facts.find((x) => x.key === 'general_budget_expenditure')).toMatchObject({ value: 16474.82, change: 2775.6 });
    expect(of(d, 'narrative_direction')).toEqual([]);
  });

  it('a figure of another scope (一般公共预算当年财政拨款, not the 支出表 合计) is not compared', async () => {
    edits = [['比 2025 年执行数减少 20,766.6 万元，减幅', '比 2025 年执行数增加 20,766.6 万元，增幅']];
    const d = await ingest(pdf, '156.pdf');
    expect(of(d, 'narrative_direction')).toEqual([]);
  });

  it('a misread table gives no finding: reading issues → a parse note, OCR → nothing', async () => {
    const change: Array<[string, string]> = [['比2025年执行数增加271.14', '比2025年执行数减少271.14']];
    edits = change;
    const d = await ingest(pdf, '156.pdf');
    expect(of(d, 'narrative_direction')).toHaveLength(1);
    // the same document checked again with its 一般公共预算支出表 marked as not read completely, then as OCR-read
    const read = await readSource(pdf);
    if (!read.ok) throw new Error(read.reason);
    const lines = read.lines.map((l) => ({ ...l, text: change.reduce((t, [a, b]) => t.replace(a, b), l.text) }));
    const seg = segment('156.pdf', lines);
    const tableId = d.expenditure_by_function.find((r) => r.code === '2014001' && r.previous != null)!.table_id;
    const mark = (extra: object) => ({ ...d, tables: d.tables.map((t) => (t.id === tableId ? { ...t, ...extra } : t)) });
    const unsure = checkDocument(mark({ reading_issues: ['测试：列未能识别'] }), seg);
    expect(unsure.findings.filter((f) => f.check === 'narrative_direction')).toEqual([]);
    expect(unsure.parse_notes.filter((n) => n.check === 'narrative_direction').map((n) => n.source.line_start)).toEqual([316]);
    const ocr = checkDocument(mark({ ocr: true }), seg);
    expect(ocr.findings.filter((f) => f.check === 'narrative_direction')).toEqual([]);
  });

  it('the same change with another size (a different base) is not judged', async () => {
    edits = [['比2025年执行数增加271.14', '比2025年执行数减少71.14']];
    const d = await ingest(pdf, '156.pdf');
    expect(of(d, 'narrative_direction')).toEqual([]);
  });
});

describe('a 决算’s comparison with its budget against the budget_execution lines (上饶 2021, embedded)', () => {
  it('“决算数大于年初预算数” while 7.11 < 8 is a warning (the figures told before it in the paragraph)', async () => {
    const name = 'execution-word-order.txt';
    const path = alter('002_3e97706fd429c0f0.txt', name, [['决算数较年初预算减少的主要原因是：压缩一般性支出', '公务接待费支出决算数大于年初预算数，主要原因是：压缩一般性支出']]);
    const d = await ingest(path, name);
    const f = of(d, 'narrative_direction');
    expect(f).toHaveLength(1);
    const line = lineOf(path, '公务接待费支出决算数大于年初预算数');
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 8, actual: 7.11, source: { line_start: line, line_end: line } });
    expect(f[0].message).toContain('决算数“大于”年初预算数，但所述决算数 7.11 万元与年初预算数 8 万元相比为减少（差 -0.89 万元；金额见第');
  });

  it('“决算数为B万元，完成年初预算A万元的P%” with P off B ÷ A is a warning', async () => {
    const name = 'execution-rate-actual-first.txt';
    const path = alter('002_3e97706fd429c0f0.txt', name, [
      ['本部门2021年度财政拨款支出年初预算数为5922.19万元，决算数为1664.55万元，完成年初预算的28%', '本部门2021年度财政拨款支出决算数为1664.55万元，完成年初预算5922.19万元的38%'],
    ]);
    const d = await ingest(path, name);
    expect(d.budget_execution?.find((l) => l.scope === 'fiscal_appropriation_expenditure')).toMatchObject({ initial_budget: 5922.19, actual: 1664.55, stated_rate: 38 });
    const f = of(d, 'narrative_percentage');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 28.11, actual: 38, source: { line_start: lineOf(path, '完成年初预算5922.19万元的38%') } });
    expect(f[0].message).toContain('财政拨款支出决算数 1664.55 万元 ÷ 年初预算数 5922.19 万元应为 28.1%，文中为 38%（第 349 行）');
  });

  it('the unaltered 决算 gives no finding from these comparisons', async () => {
    const d = await ingest(join(SOURCES, '002_3e97706fd429c0f0.txt'), '002_3e97706fd429c0f0.txt');
    expect(d.budget_execution?.length).toBeGreaterThan(0);
    expect(of(d, 'narrative_direction')).toEqual([]);
    expect(of(d, 'narrative_percentage')).toEqual([]);
  });
});

describe.skipIf(!has('230.pdf'))('佛山市轨道交通局 2019 决算 (pdf-samples/230): “三公” 决算 0.16 against a budget of 0', () => {
  const pdf = join(SAMPLES, '230.pdf');
  it('as published (“决算数大于预算数”, “完成预算 0 万元的 0%”): no finding', async () => {
    const d = await ingest(pdf, '230.pdf');
    expect(d.budget_execution?.find((l) => l.label === '“三公”经费财政拨款支出')).toMatchObject({ initial_budget: 0, actual: 0.16 });
    expect(of(d, 'narrative_direction')).toEqual([]);
    expect(of(d, 'narrative_percentage')).toEqual([]);
  });
  it('“三公”经费支出的决算数小于预算数 is a warning, the figures from the paragraph before', async () => {
    edits = [['“三公”经费支出的决算数大于预算数', '“三公”经费支出的决算数小于预算数']];
    const d = await ingest(pdf, '230.pdf');
    const f = of(d, 'narrative_direction');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 0, actual: 0.16, source: { line_start: 386, line_end: 393 } });
    expect(f[0].message).toContain('说明文字称“三公”经费财政拨款支出决算数“小于”年初预算数，但所述决算数 0.16 万元与年初预算数 0 万元相比为增加');
  });
});
