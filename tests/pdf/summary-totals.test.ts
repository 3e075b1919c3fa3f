/**
 * Headline 基本支出 / 项目支出 read from the 支出总表 of real 2026 budget PDFs in ../shared/pdf-samples
 * (not part of the repository; skipped when absent), as printed, with their page:
 * - 056 (深圳): a ruled 支出总表 whose 2026年政府采购项目 header cells wrap above the first header line
 *   and whose total row is labelled with the unit's name;
 * - 260 (长春): a total row labelled "总计："; its 一般公共预算支出表 under a unit cell wrapped "单位：万" / "元";
 * - 276 (湖州): 事业单位经营支出 200.00 beside 基本支出 and 项目支出 on the 合计 row.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { otherExpenditureOn } from '../../scripts/recognize/tables/extract/totals.js';
import { reconcile } from '../../scripts/validate/evaluate.js';

const dir = resolve(import.meta.dirname, '../../../shared/pdf-samples');
const has = (f: string) => existsSync(join(dir, f));
const read = async (f: string) => {
  const { document } = await ingestFile(join(dir, f), f);
  if (!document) throw new Error(`${f} not read`);
  return document;
};

describe.skipIf(!has('056.pdf'))('056.pdf 深圳市人民政府口岸办公室: 支出总表 with a 政府采购 header group', () => {
  it('reads 基本支出 and 项目支出 from the row named after the unit, page 18', { timeout: 120_000 }, async () => {
    const d = await read('056.pdf');
    const t = d.tables.find((x) => x.kind === 'expenditure');
    expect(t?.title).toBe('支出总表');
    expect(t?.source.page).toBe(18);
    expect(d.totals.basic_expenditure).toBe(5006.59);
    expect(d.totals.project_expenditure).toBe(50878.08);
    expect(d.totals.expenditure_total).toBe(55884.67);
    expect(d.totals_sources.basic_expenditure?.page).toBe(18);
    expect(d.totals_sources.project_expenditure?.line_start).toBe(d.totals_sources.basic_expenditure?.line_start);
    // the continuation pages join the table: its 类 rows add up to the total
    const top = d.expenditure_by_function.filter((x) => x.table_id === t?.id && x.level === 1);
    expect(top.map((x) => x.code)).toEqual(['201', '208', '210', '221', '229']);
    expect(reconcile(d).ok).toBe(true);
    // its 三公 table has a row per year (2025年 | 2026年 | 增减变化金额) and a column per fund: the 2026 row
    expect(d.three_public.map((x) => [x.item, x.budget, x.source.page])).toEqual([
      ['total', 43.79, 31],
      ['overseas_travel', 36.14, 31],
      ['reception', 1.65, 31],
      ['vehicles_total', 6, 31],
      ['vehicle_purchase', 0, 31],
      ['vehicle_operation', 6, 31],
    ]);
  });
});

describe.skipIf(!has('260.pdf'))('260.pdf 长春市信访局: total rows labelled "总计："', () => {
  it('reads 基本支出 1,208.20 and 项目支出 474.56 from the 支出总表, page 8', { timeout: 120_000 }, async () => {
    const d = await read('260.pdf');
    expect(d.totals.basic_expenditure).toBe(1208.2);
    expect(d.totals.project_expenditure).toBe(474.56);
    expect(d.totals_sources.basic_expenditure?.page).toBe(8);
    expect(d.totals.general_budget_expenditure).toBe(1682.76);
    const g = d.tables.find((x) => x.kind === 'general_budget_expenditure');
    expect(g?.title).toBe('本年一般公共预算支出表（预算表 5）');
    expect(reconcile(d).ok).toBe(true);
  });
});

describe.skipIf(!has('276.pdf'))('276.pdf 湖州市交通运输局: a third spending part', () => {
  it('基本支出 29,823.70 + 项目支出 171,262.41 + 事业单位经营支出 200.00 = 支出总计 201,286.11 (page 25)', { timeout: 120_000 }, async () => {
    const d = await read('276.pdf');
    expect(d.totals.basic_expenditure).toBe(29823.7);
    expect(d.totals.project_expenditure).toBe(171262.41);
    expect(d.totals.expenditure_total).toBe(201286.11);
    const src = d.totals_sources.basic_expenditure!;
    expect(src.page).toBe(25);
    expect(otherExpenditureOn(d.tables, src.line_start, d.unit)).toBe(200);
    expect(reconcile(d).ok).toBe(true);
  });
});
