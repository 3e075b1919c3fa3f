/**
 * Tables whose merged group headers the PDF text layer prints above the grid, so the flattened header
 * loses them (fixture: reader output of two real 2026 budgets, names neutralised,
 * tests/fixtures/tables/reader-lost-headers.txt):
 * - 三公 with columns "单位名称 | 计 | 用 | 小计 | 公务用车购置费 | …": the bare 小计 is the 公务用车 subtotal,
 *   the leading amount column is the 合计 (749.83 = 171.80 + 526.50 + 51.53, not 698.30) and the lone
 *   fragment "用" between them is 因公出国(境)费;
 * - 三公 whose header cells wrap into two segments ("公务接/待费", "“三公”经/费合计");
 * - 一般公共预算支出表 with "合计 | 小计 | 人员经费 | 日常公用支出 | 项目支出": the 小计 is 基本支出.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runText } from './harness.js';
import { classifyTable } from '../../scripts/recognize/tables/kind.js';
import { orphanBasicColumn } from '../../scripts/recognize/tables/cells.js';
import { codedRows, totalRow } from '../../scripts/validate/util.js';
import { runChecks } from '../../scripts/validate/checks.js';
import { emptyDoc, table } from '../fixtures/validate/records.js';

const text = readFileSync(join(FIXTURES, 'reader-lost-headers.txt'), 'utf8');
const parts = text.split(/\n(?=表\d+：)/);
const items = (part: string) => runText(part).three_public.map((x) => [x.item, x.budget]);

describe('三公 tables whose group headers were lost', () => {
  it('the fixture has the three tables', () => {
    expect(parts).toHaveLength(3);
    expect(runText(text).tables.map((t) => t.kind)).toEqual(['three_public', 'general_budget_expenditure', 'three_public']);
  });

  it('bare 小计 before 购置/运行 is the 公务用车 subtotal; the leading column ("计") is the 合计', () => {
    const r = runText(parts[0]);
    expect(r.tables[0].columns.slice(0, 4)).toEqual(['单位名称', '计', '用', '小计']);
    // "用" (因公出国(境)费用, blank here) sits where 因公出国 always sits: between 合计 and 公务用车
    expect(items(parts[0])).toEqual([
      ['total', 749.83],
      ['overseas_travel', null],
      ['vehicles_total', 698.3],
      ['vehicle_purchase', 171.8],
      ['vehicle_operation', 526.5],
      ['reception', 51.53],
    ]);
    expect(r.totals.three_public_total?.value).toBe(749.83);
  });

  it('header cells wrapped into two segments are joined before naming the item', () => {
    expect(items(parts[2])).toEqual([
      ['total', 873.2],
      ['overseas_travel', null],
      ['vehicles_total', 846.1],
      ['vehicle_purchase', 421.3],
      ['vehicle_operation', 424.8],
      ['reception', 27.1],
    ]);
  });

  it('both reconcile: no 三公 finding', () => {
    for (const p of [parts[0], parts[2]]) {
      const r = runText(p);
      expect(runChecks(emptyDoc({ tables: r.tables, three_public: r.three_public })).filter((x) => x.check === 'three_public_sum')).toEqual([]);
    }
  });
});

describe('一般公共预算支出表 whose 基本支出 group header was lost', () => {
  const r = runText(parts[1]);
  const t = r.tables[0];

  it('is a 一般公共预算支出表, not a 基本支出表, because it has a 项目支出 column', () => {
    expect(t.kind).toBe('general_budget_expenditure');
    expect(classifyTable('2026年市级部门一般公共预算支出表', ['科目编码', '科目名称', '合计', '小计', '人员经费', '公用经费', '项目支出'])).toBe('general_budget_expenditure');
    // without 项目支出 the 人员经费/公用经费 columns mark the economic basic table
    expect(classifyTable('一般公共预算支出表', ['科目编码', '科目名称', '合计', '人员经费', '公用经费'])).toBe('general_budget_basic_expenditure');
  });

  it('reads the bare 小计 before 人员经费 / 日常公用支出 as 基本支出, so 合计 = 基本 + 项目', () => {
    expect(orphanBasicColumn(t.columns)).toBe(2);
    expect(totalRow(t, '万元')).toMatchObject({ total: 432513.7, basic: 82479.29, project: 350034.42 });
    const f = runChecks(emptyDoc({ tables: [t] }));
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    // a 小计 elsewhere (under 公务用车, or without 人员/公用 beside it) is not 基本支出
    expect(orphanBasicColumn(['合计', '小计', '公务用车购置费', '公务用车运行维护费'])).toBe(-1);
    expect(orphanBasicColumn(['合计', '基本支出/小计', '基本支出/人员经费', '基本支出/公用经费'])).toBe(-1);
  });

  it('never reads an amount such as "226,000.00" as the code 226', () => {
    const cols = ['功能分类科目名称', '合计', '项目支出'];
    const rows = codedRows(table('t01', 'general_budget_expenditure', 't', cols, [['', '226,000.00', '226,000.0'], ['城乡社区支出', '', '0'], ['201一般公共服务支出', '5.00', '5.00']], 10), '万元');
    expect(rows.map((x) => [x.code, x.name, x.total])).toEqual([['201', '一般公共服务支出', 5]]);
  });
});

describe('因公出国 recognised by its place when its header is a fragment', () => {
  it('reads a non-zero 因公出国 from the column between 合计 and 公务用车, so the items add up', () => {
    const t = [
      '一般公共预算“三公”经费支出表',
      '单位：万元',
      '单位名称\t计\t用\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费',
      '合计\t30.00\t10.00\t15.00\t5.00\t10.00\t5.00',
    ].join('\n');
    const r = runText(t);
    expect(r.three_public.map((x) => [x.item, x.budget])).toEqual([
      ['total', 30],
      ['overseas_travel', 10],
      ['vehicles_total', 15],
      ['vehicle_purchase', 5],
      ['vehicle_operation', 10],
      ['reception', 5],
    ]);
    expect(runChecks(emptyDoc({ three_public: r.three_public }))).toEqual([]);
  });
});

describe('财政拨款支出表 beside 一般公共预算支出表 (both with 人员经费/公用经费 and 项目支出 columns)', () => {
  const part = (title: string, total: string, project: string) =>
    [title, '单位：万元', '科目编码\t科目名称\t合计\t小计\t基本支出/人员经费\t基本支出/公用经费\t项目支出', `\t合计\t${total}\t3,305.86\t3,115.12\t190.74\t${project}`, `206\t科学技术支出\t${total}\t3,305.86\t3,115.12\t190.74\t${project}`, ''].join('\n');
  const r = runText(part('财政拨款支出表（功能科目）', '372,917.67', '369,611.81') + '\n' + part('一般公共预算支出表', '196,278.67', '192,972.81'));

  it('both are function tables of the 一般公共预算支出 kind, not 基本支出表', () => {
    expect(r.tables.map((t) => t.kind)).toEqual(['general_budget_expenditure', 'general_budget_expenditure']);
  });

  it('the 一般公共预算支出 total comes from the table that says 一般公共预算, not the wider 财政拨款 one', () => {
    expect(r.totals.general_budget_expenditure?.value).toBe(196278.67);
  });
});

describe('机关运行经费 from a table of its own', () => {
  it('reads the 合计 row of 一般公共预算机关运行经费支出预算表', () => {
    const r = runText(['一般公共预算机关运行经费支出预算表', '单位：万元', '科目编码\t科目名称\t机关运行经费支出', '合计\t\t226.80', '2011301\t行政运行\t226.80', ''].join('\n'));
    expect(r.totals.operating_expenses?.value).toBe(226.8);
  });
});

describe('a table of contents laid out as a grid', () => {
  it('is not taken for the 政府采购 table it lists', () => {
    expect(classifyTable('目录', ['第一部分/第二部分/第三部分', '部门概况/部门预算收支总体情况/政府采购预算情况'])).toBe('other');
    expect(classifyTable('政府采购预算表', ['项目名称', '合计'])).toBe('procurement');
  });
});
