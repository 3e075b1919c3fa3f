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
