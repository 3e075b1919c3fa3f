/**
 * Summary-table layouts whose headline totals were missed (issue #12, layout points 1 and 3), from
 * reader output of real 2026 budgets with names neutralised (tests/fixtures/tables/summary-layouts.txt):
 * - a 支出总表 whose header has a 2026年政府采购项目 group (its upper lines printed above the grid) and
 *   whose total row is labelled with the unit's name (a leading 预算单位 column) instead of 合计;
 * - the same layout listing several units: the department's row is the total, a unit's row never is;
 * - 类 | 款 | 项 code columns under one spanning 科目编码 cell, the amount headers on the row below;
 * - a total row labelled "总计：" and a unit cell wrapped as "单位：万" / "元";
 * - a 支出总表 with a third spending part (事业单位经营支出) beside 基本支出 and 项目支出;
 * - no 财政拨款 line or column, only its parts (issue #12 layout point 5), headers broken mid-word;
 * - rows going on after a running page header/footer line (layout point 7);
 * - a “三公” table with one row per year (2025年 | 2026年 | 增减变化金额) and one sub-column per fund.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runText } from './harness.js';
import { otherExpenditureOn } from '../../scripts/recognize/tables/extract/totals.js';

const parts = new Map(
  readFileSync(join(FIXTURES, 'summary-layouts.txt'), 'utf8')
    .split(/^=== /m)
    .filter(Boolean)
    .map((p) => [p.slice(0, p.indexOf('\n')), p.slice(p.indexOf('\n') + 1)] as const),
);
const part = (k: string) => {
  const p = parts.get(k);
  if (!p) throw new Error(`no fixture part ${k}`);
  return p;
};
const value = (r: ReturnType<typeof runText>, k: keyof ReturnType<typeof runText>['totals']) => r.totals[k]?.value ?? null;
/** Line number (1-based) of the first fixture line starting with `text`. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('支出总表 with a 政府采购 header group and a total row named after the unit', () => {
  const text = part('spilled');
  const r = runText(text, { department: '深圳市某某局' });

  it('is a 支出总表 (the 政府采购项目 header fragments above it are not its title)', () => {
    expect(r.tables.map((t) => [t.kind, t.title])).toEqual([['expenditure', '支出总表']]);
  });

  it('takes 基本支出, 项目支出 and 支出总计 from the row named after the department', () => {
    const line = lineOf(text, '深圳市某某局\t');
    expect(value(r, 'basic_expenditure')).toBe(5006.59);
    expect(value(r, 'project_expenditure')).toBe(50878.08);
    expect(value(r, 'current_year_expenditure')).toBe(55884.67);
    expect(r.totals.basic_expenditure?.source.line_start).toBe(line);
  });

  it('reads the coded rows as 支出功能分类', () => {
    expect(r.expenditure_by_function.map((x) => [x.code, x.total, x.basic, x.project]).slice(0, 3)).toEqual([
      ['201', 46284, 3053.34, 43230.66],
      ['20109', 46161.69, 3053.34, 43108.35],
      ['2010901', 3053.34, 3053.34, 0],
    ]);
  });

  it('with another department name the single unit row is still the total (the table lists one unit)', () => {
    expect(value(runText(text, { department: '某某局' }), 'basic_expenditure')).toBe(5006.59);
  });
});

describe('支出总表 listing several units', () => {
  it('the department row is the total', () => {
    const r = runText(part('units'), { department: '深圳市某某局' });
    expect(value(r, 'basic_expenditure')).toBe(600);
    expect(value(r, 'project_expenditure')).toBe(900);
    expect(value(r, 'current_year_expenditure')).toBe(1500);
  });

  it('without a department row no unit row is taken for the whole (no figure rather than a wrong one)', () => {
    const r = runText(part('units-no-total'), { department: '深圳市某某局' });
    expect(value(r, 'basic_expenditure')).toBeNull();
    expect(value(r, 'project_expenditure')).toBeNull();
    expect(value(r, 'current_year_expenditure')).toBeNull();
  });
});

describe('支出总表 whose units continue on the next page as a table of its own', () => {
  it('the first page\'s single unit row is not taken for the whole', () => {
    const r = runText(part('units-over-pages'), { department: '深圳市某某局' });
    expect(r.tables.map((t) => t.title)).toEqual(['支出总表', '支出总表']);
    expect(value(r, 'basic_expenditure')).toBeNull();
    expect(value(r, 'current_year_expenditure')).toBeNull();
  });
});

describe('类 | 款 | 项 columns under one spanning 科目编码 header', () => {
  const r = runText(part('split-codes'));

  it('the code header spans the code columns only, not the name and amount columns', () => {
    expect(r.tables[0].columns).toEqual(['科目编码/类', '科目编码/款', '科目编码/项', '科目名称', '合计', '基本支出', '项目支出']);
    expect(value(r, 'general_budget_expenditure')).toBe(100);
  });

  it('rebuilds the code hierarchy from the three columns', () => {
    expect(r.expenditure_by_function.map((x) => [x.code, x.level, x.name, x.total, x.basic, x.project])).toEqual([
      ['201', 1, '一般公共服务支出', 100, 60, 40],
      ['20103', 2, '政府办公厅（室）及相关机构事务', 100, 60, 40],
      ['2010301', 3, '行政运行', 60, 60, 0],
      ['2010302', 3, '一般行政管理事务', 40, 0, 40],
    ]);
  });
});

describe('total row labelled "总计：" under a unit cell wrapped as "单位：万" / "元"', () => {
  const r = runText(part('colon-total'), { unit: '元' });

  it('keeps the title and reads the unit as 万元', () => {
    expect(r.tables.map((t) => [t.kind, t.title, t.unit])).toEqual([['general_budget_expenditure', '本年一般公共预算支出表（预算表 5）', '万元']]);
  });

  it('the code header does not swallow the name and amount columns', () => {
    expect(r.tables[0].columns.slice(0, 3)).toEqual(['科目编/码', '功能分类科目名称', '合计']);
  });

  it('takes the total from the "总计：" row', () => {
    expect(value(r, 'general_budget_expenditure')).toBe(1682.76);
    expect(r.expenditure_by_function.map((x) => x.code)).toEqual(['201', '20140', '2014001', '2014002', '208']);
  });
});

describe('支出总表 with 事业单位经营支出 beside 基本支出 and 项目支出', () => {
  const text = part('other-parts');
  const r = runText(text);

  it('reads 基本支出 as 人员支出 + 公用经费 and 项目支出 from the 合计 row', () => {
    expect(value(r, 'basic_expenditure')).toBe(29823.7);
    expect(value(r, 'project_expenditure')).toBe(171262.41);
    expect(value(r, 'current_year_expenditure')).toBe(201286.11);
  });

  it('names the other spending part on that row, so 基本 + 项目 + 其他 = 支出总计', () => {
    const line = r.totals.basic_expenditure!.source.line_start;
    expect(line).toBe(lineOf(text, '\t合计'));
    expect(otherExpenditureOn(r.tables, line, '万元')).toBe(200);
    // a row with no other part
    expect(otherExpenditureOn(r.tables, line + 1, '万元')).toBe(0);
  });
});

describe('财政拨款 printed only as its parts', () => {
  it('收支总表: 一般公共预算 + 政府性基金 + 国有资本经营预算 拨款收入, summed exactly', () => {
    const text = part('fiscal-parts');
    const r = runText(text);
    expect(value(r, 'fiscal_appropriation')).toBe(372917.67);
    expect(r.totals.fiscal_appropriation?.source).toMatchObject({ line_start: lineOf(text, '一、一般公共预算'), line_end: lineOf(text, '三、国有资本经营') });
    expect(value(r, 'income_total')).toBe(984760.87);
  });

  it('收支总表 naming it "一、预算拨款": its printed figure, not the sum of the 收入总表 columns (456,990.37 + 175,075.32)', () => {
    const text = part('fiscal-other-name');
    const r = runText(text);
    expect(value(r, 'fiscal_appropriation')).toBe(632065.7);
    expect(r.totals.fiscal_appropriation?.source.line_start).toBe(lineOf(text, '一、预算拨款'));
  });

  it('收入总表: the part columns matched by their joined text ("一般公共预/算", "国有资/本经营预算"), not the 上年结转 ones', () => {
    const r = runText(part('fiscal-parts-income'));
    expect(r.tables[0].kind).toBe('income');
    expect(value(r, 'fiscal_appropriation')).toBe(850);
    expect(value(r, 'income_total')).toBe(1000);
  });
});

describe('支出总表 whose 合计 splits into a 当年预算 and a 上年结转结余 group', () => {
  it('基本支出 and 项目支出 are the two groups\' together, as the 合计 is', () => {
    const r = runText(part('carry-group'));
    expect(value(r, 'current_year_expenditure')).toBe(1300);
    expect(value(r, 'basic_expenditure')).toBe(800);
    expect(value(r, 'project_expenditure')).toBe(500);
    expect(r.expenditure_by_function.map((x) => [x.code, x.total, x.basic, x.project])).toEqual([
      ['201', 1300, 800, 500],
      ['20101', 1300, 800, 500],
    ]);
  });
});

describe('rows continuing after a running page header and a page number', () => {
  const text = part('running-header');
  const r = runText(text);

  it('belong to the same table; the next titled table stays apart', () => {
    expect(r.tables.map((t) => [t.kind, t.title, t.rows.length])).toEqual([
      ['expenditure', '支出总表', 8],
      ['general_budget_expenditure', '一般公共预算支出表', 1],
    ]);
    const first = r.expenditure_by_function.filter((x) => x.table_id === r.tables[0].id);
    expect(first.map((x) => x.code)).toEqual(['201', '20105', '2010501', '2010505', '213', '21301', '2130199']);
  });

  it('the furniture lines are read as such', () => {
    for (const start of ['- 5 -', '某某市统计局']) expect(r.claims.get(lineOf(text, start))).toBe('tables');
  });
});

describe('“三公” table by year, each item split into fund sub-columns', () => {
  const text = part('three-public-years');
  // (the harness reads every text as a 2022 document)
  const items = (department: string) => {
    const r = runText(text, { department });
    return r.three_public.map((x) => [x.item, x.budget, x.source.line_start]);
  };

  it("reads the department's own row of the document's year, adding the funds up; never a sum over the years", () => {
    const line = lineOf(text, '\t2022年\t299.23');
    expect(items('深圳市某某局')).toEqual([
      ['total', 299.23, line],
      ['overseas_travel', 120.2, line],
      ['reception', 24.23, line],
      ['vehicles_total', 154.8, line],
      ['vehicle_purchase', 54, line],
      ['vehicle_operation', 100.8, line],
    ]);
    expect(value(runText(text, { department: '深圳市某某局' }), 'three_public_total')).toBe(299.23);
  });

  it('when no unit block is the department, gives nothing rather than one unit or a sum', () => {
    expect(items('某某局')).toEqual([]);
  });
});
