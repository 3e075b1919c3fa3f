/** 基本支出 published only as its parts (a merged header over 人员支出 / 公用经费), as in many city PDFs. */
import { describe, expect, it } from 'vitest';
import { totalRow } from '../../scripts/validate/util.js';
import { checkBasicPlusProject } from '../../scripts/validate/checks/basic-plus-project.js';
import { emptyDoc, table } from '../fixtures/validate/records.js';

const columns = ['科目编码', '科目名称', '总计', '基本支出/人员支出', '基本支出/公用经费', '项目支出', '上缴上级支出'];

describe('split 基本支出 columns', () => {
  it('reads 基本支出 on the 合计 row as the exact sum of its parts', () => {
    const t = table('t01', 'expenditure', '部门支出预算总表', columns, [['', '合计', '1,000.30', '600.10', '100.10', '300.00', '0.10']], 10);
    expect(totalRow(t, '万元')).toMatchObject({ total: 1000.3, basic: 700.2, project: 300 });
  });
  it('does not flag a 合计 row that agrees, and flags one that does not', () => {
    const ok = table('t01', 'expenditure', '部门支出预算总表', columns, [['', '合计', '1,000.30', '600.10', '100.10', '300.00', '0.10'], ['201', '一般公共服务支出', '1,000.30', '600.10', '100.10', '300.00', '0.10']], 10);
    expect(checkBasicPlusProject(emptyDoc({ tables: [ok] }))).toEqual([]);
    const bad = table('t01', 'expenditure', '部门支出预算总表', columns, [['', '合计', '1,100.30', '600.10', '100.10', '300.00', '0.10'], ['201', '一般公共服务支出', '1,000.30', '600.10', '100.10', '300.00', '0.10']], 10);
    const f = checkBasicPlusProject(emptyDoc({ tables: [bad] }));
    expect(f.filter((x) => x.check === 'basic_plus_project')).toHaveLength(1);
    expect(f.find((x) => x.source.line_start === 10)).toMatchObject({ check: 'basic_plus_project', expected: 1000.3, actual: 1100.3 });
  });
});

describe('document 本年支出合计 = 基本支出 + 项目支出 + the other expenditure columns of the row they came from', () => {
  // 支出总表 合计: 201,286.11 = 26,435.02 + 3,388.68 (基本) + 171,262.41 (项目) + 200.00 (事业单位经营支出)
  const cols = ['科目编码', '科目名称', '总计', '基本支出/人员支出', '基本支出/公用经费', '项目支出', '事业单位经营支出'];
  const t = table('t03', 'expenditure', '部门支出总表', cols, [['', '合计', '201286.11', '26435.02', '3388.68', '171262.41', '200.00']], 510);
  const summary = (total: number) => table('t01', 'income_expenditure_summary', '部门收支总表', ['收入/项目', '收入/预算数', '支出/项目', '支出/预算数'], [['本年收入合计', '201286.11', '本年支出合计', String(total)]], 478);
  const doc = (total: number) =>
    emptyDoc({
      tables: [summary(total), t],
      totals: { ...emptyDoc().totals, current_year_expenditure: total, basic_expenditure: 29823.7, project_expenditure: 171262.41 },
      totals_sources: {
        current_year_expenditure: { file: 'test.txt', line_start: 478, line_end: 478 }, // 收支总表 本年支出合计
        basic_expenditure: { file: 'test.txt', line_start: 510, line_end: 510 },
        project_expenditure: { file: 'test.txt', line_start: 510, line_end: 510 },
      },
    });
  it('agrees when the 收支总表 total includes the 经营支出 column', () => {
    expect(checkBasicPlusProject(doc(201286.11))).toEqual([]);
  });
  it('does not compare a 本年支出合计 read from a sentence (it may be about one unit; table_vs_narrative compares it)', () => {
    const d = doc(201386.11);
    expect(checkBasicPlusProject({ ...d, tables: [t], totals_sources: { ...d.totals_sources, current_year_expenditure: { file: 'test.txt', line_start: 90, line_end: 90 } } })).toEqual([]);
  });
  it('still flags a total that is off', () => {
    const f = checkBasicPlusProject(doc(201386.11));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: 201286.11, actual: 201386.11 });
    expect(f[0].message).toContain('其他支出列（200）');
  });
});

describe('a merged header whose group has its own 小计 column', () => {
  it('reads 基本支出 from the 小计 column, not 小计 + its parts', () => {
    const cols = ['科目编码', '科目名称', '合计', '基本支出/小计', '基本支出/人员经费', '基本支出/公用经费', '项目支出'];
    const t = table('t01', 'expenditure', '部门支出预算总表', cols, [['', '合计', '1,508.20', '1,208.20', '997.20', '211.00', '300.00']], 10);
    expect(totalRow(t, '万元')).toMatchObject({ total: 1508.2, basic: 1208.2, project: 300 });
  });
});
