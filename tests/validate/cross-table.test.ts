/**
 * The cross-table check pairs each table with its own counterpart (the nearest comparable one), so a
 * document that repeats its set of tables — once per 预算单位, or printed twice — gets one finding per
 * disagreeing row and set, not one per pair of sets.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../scripts/validate/checks.js';
import { counterpart } from '../../scripts/validate/checks/cross-table.js';
import { emptyDoc, table } from '../fixtures/validate/records.js';

const INC_COLS = ['科目编码', '科目名称', '合计', '财政拨款'];
const EXP_COLS = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];

/** Set k: 收入总表 and 支出总表 with total 100+k; 支出总表 puts 1 万元 of 201 under 208 instead. */
function set(k: number) {
  const base = 1000 + k * 100;
  const t = 100 + k;
  const inc = table(`i${k}`, 'income', `部门收入总表（单位${k}）`, INC_COLS, [
    ['', '合计', `${t}.00`, `${t}.00`],
    ['201', '一般公共服务支出', '60.00', '60.00'],
    ['208', '社会保障和就业支出', `${t - 60}.00`, `${t - 60}.00`],
  ], base);
  const exp = table(`e${k}`, 'expenditure', `部门支出总表（单位${k}）`, EXP_COLS, [
    ['', '合计', `${t}.00`, `${t}.00`, ''],
    ['201', '一般公共服务支出', '59.00', '59.00', ''],
    ['208', '社会保障和就业支出', `${t - 59}.00`, `${t - 59}.00`, ''],
  ], base + 50);
  return [inc, exp];
}

function crossFindings(n: number, repeatSameTotals = false) {
  const tables = Array.from({ length: n }, (_, k) => set(repeatSameTotals ? 0 : k)).flat();
  // keep ids and lines distinct when every set has the same figures (a document printed n times)
  tables.forEach((t, i) => {
    t.id = `t${i}`;
    const shift = Math.floor(i / 2) * 100 + 1000 - t.source.line_start + (i % 2) * 50 + 1;
    t.rows = t.rows.map((r, j) => ({ ...r, source_line: t.source.line_start + shift + j }));
    t.source = { ...t.source, line_start: t.source.line_start + shift - 1, line_end: t.source.line_start + shift + t.rows.length - 1 };
  });
  return runChecks(emptyDoc({ tables })).filter((f) => f.check === 'cross_table');
}

describe('cross-table pairs each table with its own counterpart', () => {
  it('one set: both disagreeing rows are found, with both figures', () => {
    const f = crossFindings(1);
    expect(f.map((x) => [x.expected, x.actual])).toEqual([
      [60, 59],
      [40, 41],
    ]);
  });

  it('sets with distinct totals: 2 findings per set, each citing lines of its own set only', () => {
    for (const n of [2, 5, 8]) {
      const f = crossFindings(n);
      expect(f, `n=${n}`).toHaveLength(2 * n);
      for (const x of f) {
        // a set spans 100 lines: income at +0, expenditure at +50
        expect(Math.floor((x.source.line_start - 1000) / 100), x.message).toBe(Math.floor((x.source.line_end - 1000) / 100));
      }
    }
  });

  it('the same set printed n times (equal totals everywhere): findings grow linearly, not n²', () => {
    const counts = [1, 2, 4, 8].map((n) => crossFindings(n, true).length);
    expect(counts).toEqual([2, 4, 8, 16]);
  });

  it('counterpart: preferred candidates first, then the nearest, ties to the earlier one', () => {
    const c = [{ at: 10, ok: false }, { at: 40, ok: true }, { at: 90, ok: true }];
    expect(counterpart(50, c, (x) => x.at)?.at).toBe(40);
    expect(counterpart(15, c, (x) => x.at, (x) => x.ok)?.at).toBe(40);
    expect(counterpart(15, c, (x) => x.at, () => false)?.at).toBe(10);
    expect(counterpart(65, c, (x) => x.at)?.at).toBe(40); // 25 either way: the earlier
    expect(counterpart(65, [], (x: { at: number }) => x.at)).toBeNull();
  });
});
