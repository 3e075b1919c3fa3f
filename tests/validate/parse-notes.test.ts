/**
 * Findings must be true: a mismatch that comes from a table read incompletely (split across pages,
 * its last row on a page that was not joined, a row printed twice, group subtotal rows, a header not
 * understood) is a parse note for maintainers, never a finding; a table that really does not add up
 * is still a finding. Figures are those of real published tables (see
 * tests/fixtures/evaluate/findings-review.md).
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../scripts/validate/checks.js';
import type { EconomicExpenditure, FunctionExpenditure } from '../../scripts/model/schema.js';
import { emptyDoc, fn, project, ref, table } from '../fixtures/validate/records.js';

const EXP_COLS = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];

/** Function rows and the table they come from, both from the same cells. */
function fnTable(id: string, title: string, rows: Array<[string, string, string, string, string]>, firstLine: number) {
  const t = table(id, 'expenditure', title, EXP_COLS, rows.map((r) => [...r]), firstLine);
  const n = (s: string) => (s === '' ? null : Number(s.replace(/,/g, '')));
  const fns: FunctionExpenditure[] = rows.map((r, i) => ({ ...fn(r[0], r[1], n(r[2]), n(r[3]), n(r[4]), firstLine + i, id), table_kind: 'expenditure' }));
  return { t, fns };
}

function econ(code: string, name: string, total: number, personnel: number, pub: number, line: number): EconomicExpenditure {
  return { table_id: 't07', code, level: code.length === 3 ? 1 : 2, name, total, personnel, public: pub, source: ref(line) };
}

describe('children sum: misreads become parse notes', () => {
  it('a 款 short by exactly its last 项, at the very end of the table (a last row on the next page not joined): a note, no finding', () => {
    // 无锡市统计局 支出总表: 2210203 购房补贴 167.18 is printed alone on the next page
    const { t, fns } = fnTable('t03', '支出总表', [
      ['201', '一般公共服务支出', '2,404.17', '1,429.11', '975.06'],
      ['20105', '统计信息事务', '2,404.17', '1,429.11', '975.06'],
      ['2010501', '行政运行', '1,429.11', '1,429.11', ''],
      ['2010502', '一般行政管理事务', '975.06', '', '975.06'],
      ['221', '住房保障支出', '465.13', '465.13', ''],
      ['22102', '住房改革支出', '465.13', '465.13', ''],
      ['2210201', '住房公积金', '149.63', '149.63', ''],
      ['2210202', '提租补贴', '148.32', '148.32', ''],
    ], 143);
    const r = checkDocument(emptyDoc({ tables: [t], expenditure_by_function: fns }));
    expect(r.findings).toEqual([]);
    expect(r.parse_notes.length).toBeGreaterThan(0);
    expect(r.parse_notes.every((n) => n.check === 'children_sum')).toBe(true);
    expect(r.parse_notes[0].message).toContain('22102 住房改革支出');
    expect(r.parse_notes[0].message).toContain('表格末尾可能有行');
    expect(r.parse_notes[0].message).toContain('167.18');
  });

  it('the same 科目 row printed twice (a 项 coded as its 款): counted once, a note, no finding', () => {
    // 无锡市发展和改革委员会 支出总表: 219 援助其他地区支出 502.00 / 21999 其他支出 502.00 twice
    const { t, fns } = fnTable('t03', '支出总表', [
      ['219', '援助其他地区支出', '502.00', '', '502.00'],
      ['21999', '其他支出', '502.00', '', '502.00'],
      ['21999', '其他支出', '502.00', '', '502.00'],
      ['221', '住房保障支出', '1,348.62', '1,348.62', ''],
      ['22102', '住房改革支出', '1,348.62', '1,348.62', ''],
    ], 242);
    const r = checkDocument(emptyDoc({ tables: [t], expenditure_by_function: fns }));
    expect(r.findings).toEqual([]);
    expect(r.parse_notes.map((n) => n.message).join('\n')).toContain('重复出现的科目行');
  });

  it('a table split across pages into pieces: its mismatches are notes', () => {
    // 201's second 款 went to the next piece: in the first piece 201 looks short
    const a = fnTable('t03', '支出总表', [
      ['201', '一般公共服务支出', '100.00', '40.00', '60.00'],
      ['20101', '人大事务', '40.00', '40.00', ''],
      ['205', '教育支出', '1.00', '1.00', ''],
      ['20502', '普通教育', '1.00', '1.00', ''],
    ], 10);
    const b = fnTable('t04', '支出总表', [['20103', '政府办公厅（室）及相关机构事务', '60.00', '', '60.00']], 20);
    const r = checkDocument(emptyDoc({ tables: [a.t, b.t], expenditure_by_function: [...a.fns, ...b.fns] }));
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.parse_notes.some((n) => n.message.includes('跨页分成了几段'))).toBe(true);
  });

  it('a genuinely inconsistent table still gives its findings (长春市信访局 基本支出表: 301 and 302 do not add up)', () => {
    const cols = ['科目编码', '支出经济分类科目名称', '合计', '人员经费', '公用经费'];
    const rows: Array<[string, string, number, number, number]> = [
      ['301', '工资福利支出', 911.21, 911.21, 0],
      ['30101', '基本工资', 297.5, 297.5, 0], ['30102', '津贴补贴', 179.46, 179.46, 0], ['30103', '奖金', 194.78, 194.78, 0],
      ['30108', '机关事业单位基本养老保险缴费', 105.8, 105.8, 0], ['30110', '职工基本医疗保险缴费', 32.65, 32.65, 0],
      ['30112', '其他社会保障缴费', 3.36, 3.36, 0], ['30113', '住房公积金', 93.27, 93.27, 0], ['30114', '医疗费', 4.4, 4.4, 0],
      ['30199', '其他工资福利支出', 9.74, 9.74, 0],
      ['302', '商品和服务支出', 211, 0, 211],
      ['30201', '办公费', 34.82, 0, 34.82], ['30202', '印刷费', 1.5, 0, 1.5], ['30207', '邮电费', 1, 0, 1], ['30208', '取暖费', 23.37, 0, 23.37],
      ['30208', '物业管理费', 36.18, 0, 36.18], ['30211', '差旅费', 10, 0, 10], ['30213', '维护（护）费', 12.61, 0, 12.61],
      ['30216', '培训费', 3.98, 0, 3.98], ['30217', '公务接待费', 0.86, 0, 0.86], ['30228', '工会经费', 13.28, 0, 13.28],
      ['30229', '福利费', 10.35, 0, 10.35], ['30231', '公务用车运行维护费', 6.75, 0, 6.75], ['30239', '其他交通费用', 54.08, 0, 54.08],
      ['30299', '其他商品和服务支出', 12.59, 0, 12.59],
      ['303', '对个人和家庭的补助', 85.98, 85.98, 0],
      ['30302', '退休费', 78.88, 78.88, 0], ['30307', '医疗费补助', 7.1, 7.1, 0],
    ];
    const t = table('t07', 'general_budget_basic_expenditure', '本年一般公共预算基本支出表(预算表 6)', cols, rows.map((r) => [r[0], r[1], r[2].toFixed(2), r[3].toFixed(2), r[4].toFixed(2)]), 194);
    const r = checkDocument(emptyDoc({ tables: [t], basic_expenditure_by_economic: rows.map((x, i) => econ(x[0], x[1], x[2], x[3], x[4], 194 + i)) }));
    const errors = r.findings.filter((f) => f.check === 'children_sum' && f.severity === 'error');
    expect(errors.map((f) => [f.source.line_start, f.expected, f.actual])).toEqual([
      [194, 911.21, 920.96],
      [194, 911.21, 920.96],
      [204, 211, 221.37],
      [204, 211, 221.37],
    ]);
    expect(r.parse_notes).toEqual([]);
  });
});

describe('project lists', () => {
  const COLS = ['支出项目类别（资金使用单位）', '总计', '财政拨款/一般公共预算'];
  it('reads a list grouped by 资金使用单位 (the unit subtotal, then its projects) as adding up', () => {
    // 广州市信访局 部门预算项目支出及其他支出预算表
    const t = table('t12', 'project_expenditure', '部门预算项目支出及其他支出预算表', COLS, [
      ['合计', '739.30', '739.30'],
      ['广州市信访局', '739.30', '739.30'],
      ['物业管理费', '99.00', '99.00'],
      ['市人民来访接待厅专项经费', '145.00', '145.00'],
      ['机构运行辅助经费', '28.00', '28.00'],
      ['社工服务外包项目', '45.00', '45.00'],
      ['云客服服务外包项目', '252.28', '252.28'],
      ['信访工作专项经费', '100.00', '100.00'],
      ['广州市信访局2025-2026年信息化运维项目', '40.41', '40.41'],
      ['信访宣传经费', '5.00', '5.00'],
      ['广州市信访局2026-2027年信息化运维项目', '24.61', '24.61'],
    ], 347);
    const r = checkDocument(emptyDoc({ tables: [t] }));
    expect(r.findings).toEqual([]);
    expect(r.parse_notes).toEqual([]);
  });

  it('projects the recognizer missed are a note about the reading, not a finding about the document', () => {
    const t = table('t02', 'project_expenditure', '项目支出预算表', ['项目名称', '总计'], [['合计', '35.00'], ['甲', '10.00'], ['乙', '25.00']], 40);
    const projects = [project({ id: 'a', name: '甲', budget: 10 })];
    const r = checkDocument(emptyDoc({ tables: [t], projects, totals: { ...emptyDoc().totals, project_expenditure: 35 } }));
    expect(r.findings).toEqual([]);
    expect(r.parse_notes).toHaveLength(1);
    expect(r.parse_notes[0]).toMatchObject({ check: 'project_sum' });
    expect(r.parse_notes[0].message).toContain('项目未能全部识别');
  });

  it('a list whose projects do not add up to its own 合计 is still a finding (杭州市公安局 表10: 106,313.00 listed, 合计 106,512.00)', () => {
    const amounts = [6192.04, 2751.23, 2558.71, 28772.44, 8296.51, 3087.7, 5274.75, 4309.4, 16304.29, 794.83, 1876.67, 5870.33, 93.01, 232.83, 1149.24, 66.75, 394.63, 356.88, 18.59, 18.9, 2171.02, 9357.02, 2927.52, 1482.24, 25.9, 31.49, 1232.96, 104.03, 7.2, 30.19, 89.79, 204.64, 229.27];
    const t = table('t10', 'project_expenditure', '表10：2026年市级部门项目支出预算表', ['单位名称', '项目名称', '总计'], [['', '合计', '106,512.00'], ...amounts.map((a, i) => ['杭州市公安局', `项目${i + 1}`, a.toFixed(2)])], 694);
    const r = checkDocument(emptyDoc({ tables: [t] }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ check: 'project_sum', severity: 'warning', expected: 106512, actual: 106313 });
    expect(r.parse_notes).toEqual([]);
  });
});

describe('a table marked by its recognizer', () => {
  it('reading_issues turn a mismatch from that table into a note naming the problem', () => {
    const t = table('t01', 'expenditure', '部门支出总表', EXP_COLS, [['', '合计', '100.00', '40.00', '50.00'], ['201', '一般公共服务支出', '100.00', '40.00', '60.00']], 20);
    t.reading_issues = ['有 2 行未能读取'];
    const r = checkDocument(emptyDoc({ tables: [t], expenditure_by_function: [fn('201', '一般公共服务支出', 100, 40, 60, 21)] }));
    expect(r.findings).toEqual([]);
    // the 合计 row's 项目支出 50 is neither 40 + 60 … nor the 201 row's 60
    expect(r.parse_notes.map((n) => n.check).sort()).toEqual(['basic_plus_project', 'children_sum']);
    expect(r.parse_notes[0]).toMatchObject({ check: 'basic_plus_project', source: { line_start: 20 } });
    for (const n of r.parse_notes) expect(n.message).toContain('《部门支出总表》未能完整读取（有 2 行未能读取）');
  });
});

describe('columns read wrongly', () => {
  it('a part read from the wrong column (the figure that fits is in another column of the row): a note', () => {
    // 长春市信访局 预算表5: "项目支/出" split over two header lines, so 项目支出 came from 上年结转's column
    const cols = ['科目编/码', '功能分类科目名称', '合计', '当年预算/小计', '当年预算/基本支出/小计', '当年预算/项目支/出', '上年结转结余/项目支出'];
    const t = table('t06', 'general_budget_expenditure', '本年一般公共预算支出表（预算表 5）', cols, [['201', '一般公共服务支出', '1378.41', '1378.41', '903.85', '474.56', '0.00']], 170);
    const r = checkDocument(emptyDoc({ tables: [t], expenditure_by_function: [{ ...fn('201', '一般公共服务支出', 1378.41, 903.85, 0, 170, 't06'), table_kind: 'general_budget_expenditure' }] }));
    expect(r.findings).toEqual([]);
    expect(r.parse_notes).toHaveLength(1);
    expect(r.parse_notes[0].message).toContain('另一列写有使其相符的 474.56 万元');
  });

  it('a narrative figure printed in another column of the table row the total came from: a note', () => {
    // 广州市民政局: 财政拨款安排“三公”经费 334.21 is the 合计 column; 316.31 the 一般公共预算 column
    const t = table('t08', 'three_public', '财政拨款安排的行政经费及“三公”经费预算表', ['项目', '合计', '一般公共预算', '政府性基金预算'], [['“三公”经费', '334.21', '316.31', '17.90']], 461);
    const fact = { key: 'three_public_total', label: '财政拨款安排三公经费', value: 334.21, unit: '万元', text: '2026年本部门财政拨款安排“三公”经费334.21万元', source: ref(976) };
    const r = checkDocument(emptyDoc({ tables: [t], facts: [fact], totals: { ...emptyDoc().totals, three_public_total: 316.31 }, totals_sources: { three_public_total: ref(461) } }));
    expect(r.findings).toEqual([]);
    expect(r.parse_notes.map((n) => n.check)).toEqual(['table_vs_narrative']);
  });

  it('a sentence about one unit of the department is not compared with the department totals; one about the department is', () => {
    const totals = { ...emptyDoc().totals, income_total: 571347.93 };
    const sub = { key: 'income_total', label: '部门预算收入', value: 5127.91, unit: '万元', text: '深圳市社会保险基金管理局龙华分局部门预算收入5,127.91 万元，包括在职人员经费 2,781.70 万元', source: ref(475) };
    const own = { ...sub, text: '测试局部门预算收入5,127.91 万元', source: ref(480) };
    const r = checkDocument(emptyDoc({ facts: [sub, own], totals, totals_sources: { income_total: ref(1095) } }));
    expect(r.findings.map((f) => f.source.line_start)).toEqual([480]);
  });
});
