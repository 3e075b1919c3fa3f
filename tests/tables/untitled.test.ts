/**
 * Tables the pipeline is not sure of (issue #13): a table of contents laid out as a grid is the
 * outline's, not a table; a grid with no title of its own takes one from its context (the table it
 * continues, the section heading above it), and one with none is kept, titled honestly and marked.
 */
import { describe, expect, it } from 'vitest';
import { segment, toLines } from '../../scripts/segment/segment.js';
import { makeContext } from '../../scripts/recognize/context.js';
import { recognizeOutline } from '../../scripts/recognize/document/outline.js';
import { isContentsGrid } from '../../scripts/recognize/tables/contents.js';
import { UNTITLED } from '../../scripts/recognize/tables/index.js';
import type { TableBlock } from '../../scripts/segment/ir.js';
import { runText } from './harness.js';

/** Tables and outline over one text, with who claimed each line. */
function run(text: string) {
  const r = runText(text);
  const seg = segment('test.txt', toLines(text));
  const claims = new Map<number, string>();
  recognizeOutline(makeContext(seg, { kind: 'budget', fiscal_year: 2026, unit: '万元', department: '' }, claims, []));
  return { ...r, outlineClaims: claims };
}

const grid = (rows: string[][]): TableBlock => ({ type: 'table', rows: rows.map((cells, i) => ({ cells, line: i + 1 })), line_start: 1, line_end: rows.length }) as unknown as TableBlock;

describe('a table of contents is not a table', () => {
  it('dot leaders and page numbers under 目录: no table, every line read as outline', () => {
    const text = [
      '2026年某市某局部门预算',
      '目录',
      '第一部分 部门概况……………………\t1',
      '第二部分 部门预算收支总体情况……………\t4',
      '第三部分 部门预算支出具体情况……………\t7',
      '第四部分 名词解释………………………\t12',
      '',
      '第一部分 部门概况',
      '一、部门职责',
      '负责全市相关工作。',
    ].join('\n');
    const r = run(text);
    expect(r.tables).toEqual([]);
    for (const l of [3, 4, 5, 6]) expect(r.outlineClaims.get(l), `line ${l}`).toBe('outline');
  });

  it('第…部分 entries with section names and no amounts, even without a 目录 line', () => {
    const text = ['第一部分\t部门概况', '第二部分\t部门预算收支总体情况', '第三部分\t部门预算支出具体情况', '第四部分\t政府采购预算情况'].join('\n');
    const r = run(text);
    expect(r.tables).toEqual([]);
    expect(r.outlineClaims.get(1)).toBe('outline');
  });

  it('is not fooled by a list of units, a money table or page numbers that go down', () => {
    expect(isContentsGrid(grid([['序号', '单位名称'], ['1', '某市某局（本级）'], ['2', '某市某中心']]))).toBe(false);
    expect(isContentsGrid(grid([['一、工资福利支出', '1,234.50'], ['二、商品和服务支出', '12.30']]))).toBe(false);
    expect(isContentsGrid(grid([['一、因公出国（境）费', '12'], ['二、公务接待费', '3'], ['三、公务用车购置及运行费', '8']]))).toBe(false);
    expect(isContentsGrid(grid([['第一部分', '部门概况'], ['第二部分', '收支总表', '128.00']]))).toBe(false);
  });
});

describe('a grid with no title of its own', () => {
  it('continues the table above when only spilled text lies between them (same width, no heading)', () => {
    const text = [
      '项目支出绩效目标表',
      '单位：万元',
      '项目名称\t预算数\t绩效目标',
      '办公设备购置\t18.00\t保障机关正常办公',
      '信息化运维\t73.88\t系统全年稳定运行',
      '提高工作效率，保障局机关正常办',
      '公，完善设备配置，',
      '设备到位率；实施周期指标值：100%，',
      '年度指标值：100%;',
      '验收合格率；年度指标值：100%，',
      '环境监测经费\t252.98\t完成监测任务',
    ].join('\n');
    const r = runText(text);
    expect(r.tables.map((t) => t.title)).toEqual(['项目支出绩效目标表', '项目支出绩效目标表']);
    expect(r.tables[1].kind).toBe(r.tables[0].kind);
    expect(r.tables[1].rows[0].cells).toContain('环境监测经费');
    expect(r.tables.some((t) => t.reading_issues)).toBe(false);
  });

  it('takes the section heading above as title and the header printed as a line of text', () => {
    const text = [
      '七、重点项目预算绩效目标情况',
      '2026年，本部门重点项目绩效目标情况如下：',
      '项目 预算数（单位：万元） 绩效目标',
      '市长质量奖\t650\t对作出卓越贡献的企业给予奖励',
      '发展资金\t1,765.05\t促进知识产权高质量发展',
    ].join('\n');
    const r = runText(text);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({ title: '重点项目预算绩效目标情况', columns: ['项目', '预算数（单位：万元）', '绩效目标'] });
    expect(r.tables[0].rows.map((x) => x.cells[1])).toEqual(['650', '1,765.05']);
    expect(r.claims.get(3)).toBe('tables');
  });

  it('a continuation grid without a title takes the header of the table it continues, not its repeated header rows', () => {
    const text = [
      '七、重点项目预算绩效目标情况',
      '2026年，本部门重点项目绩效目标情况如下：',
      '项目 预算数（单位：万元） 绩效目标',
      '市长质量奖\t650\t对作出卓越贡献的企业给予奖励',
      '发展资金\t1,765.05\t促进知识产权高质量发展',
      '预算数（单位：万',
      '项目\t\t绩效目标',
      '\t元）\t',
      '计量检定装备建设项目\t1,595.4\t加强普惠性计量服务能力',
    ].join('\n');
    const r = runText(text);
    expect(r.tables.map((t) => t.title)).toEqual(['重点项目预算绩效目标情况', '重点项目预算绩效目标情况']);
    expect(r.tables[1].columns).toEqual(['项目', '预算数（单位：万元）', '绩效目标']);
    expect(r.tables[1].rows.map((x) => x.cells)).toEqual([['计量检定装备建设项目', '1,595.4', '加强普惠性计量服务能力']]);
  });

  it('takes a section heading printed as the first row of the grid, and reads the header below it', () => {
    const text = [
      '第七部分\t重点项目预算绩效情况说明\t\t',
      '2026年，本单位重点项目绩效目标情况如下：\t\t\t',
      '二级预算单位名称\t一级项目名称\t预算数（万元）\t绩效目标',
      '某市某局（本级）\t产业服务保障\t4,985.83\t推进制造业高质量发展',
      '某市某局（本级）\t运行保障\t1,289.38\t保障机关日常运转',
    ].join('\n');
    const r = runText(text);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].title).toBe('重点项目预算绩效情况说明');
    expect(r.tables[0].columns).toEqual(['二级预算单位名称', '一级项目名称', '预算数（万元）', '绩效目标']);
    expect(r.tables[0].rows).toHaveLength(2);
  });

  it('with nothing to go by, is kept, titled honestly and marked uncertain', () => {
    const text = ['某某工作报告。', '', '甲单位\t100.00\t200.00', '乙单位\t300.00\t400.00'].join('\n');
    const r = runText(text);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].title).toBe(UNTITLED);
    expect(r.tables[0].rows).toHaveLength(2);
    expect(r.tables[0].reading_issues).toContain('未找到表格标题');
  });
});
