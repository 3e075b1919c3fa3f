import { describe, expect, it } from 'vitest';
import { runChecks } from '../../scripts/validate/checks.js';
import { emptyDoc, fn, project, ref, table } from '../fixtures/validate/records.js';
import { buildFromSource } from '../fixtures/validate/from-source.js';

const EXP_COLS = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];

describe('children sum (类 = Σ款, 款 = Σ项)', () => {
  const rows = (kuan2: number) => [
    fn('201', '一般公共服务支出', 100, 30, 70, 11),
    fn('20103', '政府办公厅（室）及相关机构事务', 60, 30, 30, 12),
    fn('2010301', '行政运行', 30, 30, null, 13),
    fn('2010302', '一般行政管理事务', 30, null, 30, 14),
    fn('20105', '发展与改革事务', kuan2, null, kuan2, 15),
  ];
  it('does not flag a table that adds up', () => {
    expect(runChecks(emptyDoc({ expenditure_by_function: rows(40) }))).toEqual([]);
  });
  it('flags a 类 whose 款 do not add up, with both figures and the lines', () => {
    const f = runChecks(emptyDoc({ expenditure_by_function: rows(50) }));
    const total = f.find((x) => x.check === 'children_sum' && x.message.includes('的合计'));
    expect(total).toMatchObject({ severity: 'error', expected: 100, actual: 110, source: { line_start: 11, line_end: 15 } });
    expect(total!.message).toContain('201 一般公共服务支出');
    expect(total!.message).toContain('容差 0.01 万元');
    // the project column is off by the same 10
    expect(f.some((x) => x.check === 'children_sum' && x.message.includes('项目支出') && x.expected === 70 && x.actual === 80)).toBe(true);
  });
  it('accepts a difference within 0.01 万元 and reports a larger rounding-sized one as info', () => {
    const ok = [fn('201', 'a', 10.01, null, null, 1), fn('20101', 'b', 5, null, null, 2), fn('20102', 'c', 5, null, null, 3)];
    expect(runChecks(emptyDoc({ expenditure_by_function: ok }))).toEqual([]);
    // three figures rounded to 0.01 can be off by up to 0.02 in their sum: info, not error
    const near = [fn('201', 'a', 15.02, null, null, 1), fn('20101', 'b', 5, null, null, 2), fn('20102', 'c', 5, null, null, 3), fn('20103', 'd', 5, null, null, 4)];
    expect(runChecks(emptyDoc({ expenditure_by_function: near }))[0]).toMatchObject({ check: 'children_sum', severity: 'info' });
    // (a 类 that is not the table's last group: a shortfall at the very end reads as a lost last row)
    const two = [fn('201', 'a', 10.02, null, null, 1), fn('20101', 'b', 5, null, null, 2), fn('20102', 'c', 5, null, null, 3), fn('205', 'd', 1, null, null, 4)];
    expect(runChecks(emptyDoc({ expenditure_by_function: two }))[0]).toMatchObject({ check: 'children_sum', severity: 'error' });
  });
});

describe('basic + project = total', () => {
  it('flags a row and a 合计 row that do not add up, not one that does', () => {
    const t = table('t01', 'expenditure', '部门支出总表', EXP_COLS, [['', '合计', '100.00', '40.00', '50.00'], ['201', '一般公共服务支出', '100.00', '40.00', '60.00']], 20);
    const f = runChecks(emptyDoc({ tables: [t], expenditure_by_function: [fn('201', '一般公共服务支出', 100, 40, 60, 21)] }));
    const bp = f.filter((x) => x.check === 'basic_plus_project');
    expect(bp).toHaveLength(1);
    expect(bp[0]).toMatchObject({ expected: 90, actual: 100, source: { line_start: 20 } });
  });
});

describe('project codes and project sums', () => {
  it('flags one code used by two different projects but not by two spellings of one project', () => {
    const doc = emptyDoc({
      projects: [
        project({ id: 'a', name: '赣政通平台项目', code: '36070022888802000052', sources: [ref(366)] }),
        project({ id: 'b', name: '政务大数据交换平台经费', code: '36070022888802000052', sources: [ref(461)] }),
        project({ id: 'c', name: '外包人员经费', code: '111', sources: [ref(10)] }),
        project({ id: 'd', name: '外包工作人员经费', code: '111', sources: [ref(20)] }),
      ],
    });
    const f = runChecks(doc).filter((x) => x.check === 'duplicate_project_code');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('36070022888802000052');
    expect(f[0].source).toMatchObject({ line_start: 366, line_end: 461 });
  });
  it('checks a 项目支出预算表 against its own 合计 and against the 项目支出 of the 支出总表', () => {
    const projects = [project({ id: 'a', name: '甲', budget: 10 }), project({ id: 'b', name: '乙', budget: 20 })];
    const totals = { ...emptyDoc().totals, project_expenditure: 35 };
    // no complete list: a smaller sum is not a finding
    expect(runChecks(emptyDoc({ projects, totals })).filter((x) => x.check === 'project_sum')).toEqual([]);
    // the list does not add up to its 合计
    const bad = table('t02', 'project_expenditure', '项目支出预算表', ['项目名称', '总计'], [['合计', '35.00'], ['甲', '10.00'], ['乙', '20.00']], 40);
    const f = runChecks(emptyDoc({ projects, totals, tables: [bad] })).filter((x) => x.check === 'project_sum');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', expected: 35, actual: 30 });
    expect(f[0].message).toContain('列出的 2 个项目之和与该表合计行');
    // the list adds up, but not to the 项目支出 read from the 支出总表's 合计 row
    const exp = table('t01', 'expenditure', '支出总表', ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], [['', '合计', '60.00', '20.00', '40.00']], 10);
    const good = table('t02', 'project_expenditure', '项目支出预算表', ['项目名称', '总计'], [['合计', '35.00'], ['甲', '10.00'], ['乙', '25.00']], 40);
    const g = runChecks(emptyDoc({ totals: { ...totals, project_expenditure: 40 }, totals_sources: { project_expenditure: ref(10) }, tables: [exp, good] })).filter((x) => x.check === 'project_sum');
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ severity: 'warning', expected: 40, actual: 35 });
  });
});

describe('narrative totals and balance', () => {
  it('flags a narrative total that disagrees with the table total', () => {
    const totals = { ...emptyDoc().totals, expenditure_total: 4679.36 };
    const fact = (v: number, line: number) => ({ key: 'expenditure_total', label: '支出预算总额', value: v, unit: '万元', text: `支出预算总额${v}万元`, source: ref(line) });
    const doc = emptyDoc({ totals, totals_sources: { expenditure_total: ref(290) }, facts: [fact(4679.36, 10), fact(4425.71, 12)] });
    const f = runChecks(doc);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ check: 'table_vs_narrative', severity: 'warning', expected: 4679.36, actual: 4425.71, source: { line_start: 12 } });
  });
  it('flags a summary table whose 收入总计 and 支出总计 differ', () => {
    const cols = ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'];
    const good = table('t01', 'income_expenditure_summary', '收支预算总表', cols, [['收入总计', '4,679.36', '支出总计', '4,679.36']], 5);
    expect(runChecks(emptyDoc({ tables: [good] }))).toEqual([]);
    const bad = table('t01', 'income_expenditure_summary', '收支预算总表', cols, [['收入总计', '4,679.36', '支出总计', '4,600.00']], 5);
    expect(runChecks(emptyDoc({ tables: [bad] }))[0]).toMatchObject({ check: 'income_equals_expenditure', expected: 4679.36, actual: 4600 });
  });
});

describe('on the real documents (tables read by a naive test reader)', () => {
  it('000: finds the 收入总表/支出总表 disagreements and the shared project code, nothing else', () => {
    const { doc } = buildFromSource('content/sources/000_9099790eb74de9ed.txt', '000.txt');
    const f = runChecks(doc);
    const cross = f.filter((x) => x.check === 'cross_table');
    // 201 / 20103 / 2010350 (收入 12,977.06 vs 支出 12,976.39; 事业运行 90.09 vs 89.42) and 229 / 22999 / 2299999 (600.00 vs 600.67)
    expect(cross.map((x) => [x.expected, x.actual])).toEqual([
      [12977.06, 12976.39],
      [12977.06, 12976.39],
      [90.09, 89.42],
      [600, 600.67],
      [600, 600.67],
      [600, 600.67],
    ]);
    expect(cross[0].message).toContain('201 一般公共服务支出');
    const dup = f.filter((x) => x.check === 'duplicate_project_code');
    expect(dup).toHaveLength(1);
    expect(dup[0].message).toContain('赣政通赣州分行及安全接入平台项目');
    expect(dup[0].message).toContain('赣州市政务大数据交换平台经费');
    // 7 findings: the 6 above and the shared code; the classification tables themselves add up
    expect(f).toHaveLength(7);
  });
  it('003: finds the 基本支出表 合计 row whose 人员经费 (1,053.74) is not 工资福利 904.14 + 对个人和家庭的补助 9.06', () => {
    const { doc } = buildFromSource('content/sources/003_58a7e03076f93090.txt', '003.txt');
    const f = runChecks(doc);
    expect(f.map((x) => [x.check, x.expected, x.actual])).toEqual([
      ['basic_plus_project', 1194.28, 1053.74],
      ['children_sum', 1053.74, 913.2],
    ]);
  });
});
