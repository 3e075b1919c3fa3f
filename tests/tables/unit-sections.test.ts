/**
 * A table listing several budget units one after another under a 预算单位 column (reader output of a
 * real 2026 budget, tests/fixtures/pdf/reader-unit-sections.txt): cut into one table per unit.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runFile } from './harness.js';

const r = runFile(join(import.meta.dirname, '../fixtures/pdf/reader-unit-sections.txt'));

describe('tables with one section per budget unit', () => {
  const parts = r.tables.filter((t) => t.kind === 'general_budget_expenditure');

  it('cuts the table at each unit after the first', () => {
    expect(parts.map((t) => [t.id, t.title, t.rows.length])).toEqual([
      ['t01', '一般公共预算支出表（按功能分类）', 1],
      ['t01-2', '一般公共预算支出表（按功能分类）·深圳市人力资源和社会保障局（本级）', 38],
      ['t01-3', '一般公共预算支出表（按功能分类）·深圳市人力资源和社会保障数据管理中心', 22],
    ]);
    expect(parts[0].rows[0].cells).toEqual(['深圳市人力资源和社会保障局', '', '', '535,744.34', '132,061.73', '403,682.60']);
    expect(parts[2].rows[0].cells.slice(3)).toEqual(['4,077.84', '2,161.63', '1,916.21']);
  });

  it('keeps each unit’s classified rows with their own table', () => {
    const f = (table: string, code: string) => r.expenditure_by_function.find((x) => x.table_id === table && x.code === code);
    expect(f('t01-2', '208')).toMatchObject({ total: 19020.58, basic: 10618.91, project: 8401.67 });
    expect(f('t01-3', '208')).toMatchObject({ total: 3558.51, basic: 1642.29, project: 1916.21 });
    expect(f('t01-3', '2080108')).toMatchObject({ name: '信息化建设', total: 1292.83 });
  });

  it('leaves a table without a unit column whole', () => {
    const other = runFile(join(import.meta.dirname, '../fixtures/pdf/reader-wrapped-cells.txt'));
    expect(other.tables.every((t) => !t.id.includes('-'))).toBe(true);
  });
});
