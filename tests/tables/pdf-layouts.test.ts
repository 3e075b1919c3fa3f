/**
 * Table layouts that PDF text layers produce (fixture: reader output copied from real 2026 budgets,
 * tests/fixtures/pdf/reader-wrapped-cells.txt): an amount wrapped around its row in a narrow cell,
 * a centred 基本支出 group header beside top-level columns, and a long unit name in a tall cell.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runFile } from './harness.js';
import { joinSplitNumbers, joinWrappedLabels } from '../../scripts/recognize/tables/grid.js';

const r = runFile(join(import.meta.dirname, '../fixtures/pdf/reader-wrapped-cells.txt'));

describe('PDF table layouts', () => {
  it('puts an amount wrapped above and below its row back together (576,171.1 / 1 → 576,171.11)', () => {
    const t = r.tables.find((x) => x.kind === 'expenditure')!;
    const total = t.rows.find((x) => x.cells[0] === '合计')!;
    expect(total.cells).toEqual(['合计', '665,964.37', '73,924.43', '15868.83', '576,171.11', '', '', '']);
    // the fragment lines are gone: the row after 合计 is the first 类
    expect(t.rows[1].cells[0]).toBe('一般公共服务支出');
  });

  it('keeps 项目支出 and 事业单位经营支出 out of a centred 基本支出 group', () => {
    const t = r.tables.find((x) => x.kind === 'expenditure')!;
    expect(t.columns.slice(2, 6)).toEqual(['基本支出/人员支出', '基本支出/日常公用支出', '项目支出', '事业单位/经营支出']);
  });

  it('adds up 基本支出 from its parts when it has no column of its own', () => {
    expect(r.totals.basic_expenditure?.value).toBe(89793.26); // 73,924.43 + 15,868.83
    expect(r.totals.project_expenditure?.value).toBe(576171.11);
    expect(r.totals.current_year_expenditure?.value).toBe(665964.37);
  });

  it('joins a unit name wrapped around its amounts into one row', () => {
    const t = r.tables.find((x) => x.kind === 'income')!;
    const row = t.rows.find((x) => x.cells[1] === '2,893.45')!;
    expect(row.cells[0]).toBe('广州市卫生健康技术鉴定和人才评价中心');
    expect(row.cells[2]).toBe('2,845.37');
    expect(t.rows.some((x) => x.cells[0] === '中心')).toBe(false);
    expect(r.totals.income_total?.value).toBe(3324258.76);
  });

  it('leaves ordinary rows alone', () => {
    const rows = [
      { cells: ['一般公共服务支出', '1.00', ''], raw: [], line: 1 },
      { cells: ['', '2', ''], raw: [], line: 2 },
      { cells: ['国防支出', '3.00', ''], raw: [], line: 3 },
    ].map((x) => ({ ...x, raw: x.cells }));
    expect(joinSplitNumbers(rows)).toEqual(rows);
    // a label row followed by a row with its own label is not joined
    const labelled = [
      { cells: ['一、基本支出', '', ''], raw: ['一、基本支出', '', ''], line: 1 },
      { cells: ['工资福利支出', '5.00', ''], raw: ['工资福利支出', '5.00', ''], line: 2 },
    ];
    expect(joinWrappedLabels(labelled)).toEqual(labelled);
  });
});
