/**
 * Projects from the five real documents: counts after merging, names, budgets, codes, indicators.
 * Every expected value below was looked up in content/sources/*.txt (line numbers in comments).
 */
import { describe, expect, it } from 'vitest';
import { byName, runProjects, sourceText } from './helpers.js';
import { Project as ProjectSchema } from '../../scripts/model/schema.js';

const F000 = '000_9099790eb74de9ed.txt';
const F001 = '001_61b0ae60a82e587b.txt';
const F002 = '002_3e97706fd429c0f0.txt';
const F003 = '003_58a7e03076f93090.txt';
const F004 = '004_621bbfa1d5d95dac.txt';

const run = (f: string, kind: 'budget' | 'final_account' = 'budget') => runProjects(f, sourceText(f), { kind });

describe('000 赣州市行政审批局 2022 (绩效目标表 forms + 项目支出情况说明)', () => {
  const { projects, claims } = run(F000);

  it('finds the 7 projects once each, valid against the schema', () => {
    expect(projects.map((p) => p.name)).toEqual([
      '云计算服务基本服务费',
      '“12345”热线平台经费',
      '赣政通赣州分行及安全接入平台项目',
      '赣州市行政审批局专项经费',
      '赣州市政务大数据交换平台经费',
      '平台建设专项费',
      '“亲清赣商”平台建设',
    ]);
    for (const p of projects) expect(ProjectSchema.safeParse(p).success).toBe(true);
    expect(new Set(projects.map((p) => p.id)).size).toBe(7);
  });

  it('云计算服务基本服务费: code, budget, form + narrative merged (lines 277–282, 647–659)', () => {
    const p = byName(projects, '云计算服务基本服务费');
    expect(p.code).toBe('360700228888020000521');
    expect(p.budget).toBe(5392);
    expect(p.total_budget).toBe(5392);
    expect(p.frequency).toBe('当年项目');
    expect(p.category).toBe('业务类');
    expect(p.start_date).toBe('2022-01-01');
    expect(p.implementing_unit).toBe('赣州市行政审批局');
    expect(p.aliases).toContain('云计算服务基本服务费项目');
    expect(p.id).toBe('doc--yun-ji-suan-fu-wu-ji-ben-fu-wu-fei');
    const lines = p.sources.map((s) => s.line_start);
    expect(lines).toContain(277);
    expect(lines).toContain(659);
    // 16 indicators in the table (297–312); the narrative restates them and adds no duplicate.
    expect(p.indicators).toHaveLength(16);
    const first = p.indicators.find((i) => i.level3 === '服务应用系统数量')!;
    expect(first).toMatchObject({ level1: '产出指标', level2: '数量', target_raw: '≥20个', operator: '>=', value: 20, unit: '个' });
    // "云服务投入成本\t\t下降" — merged cells shifted left (line 307).
    expect(p.indicators.find((i) => i.level3 === '云服务投入成本')).toMatchObject({ level2: '成本', target_raw: '下降', operator: 'qualitative' });
  });

  it('keeps two different projects that share code 36070022888802000052', () => {
    const shared = projects.filter((p) => p.code === '36070022888802000052');
    expect(shared.map((p) => [p.name, p.budget])).toEqual([
      ['赣政通赣州分行及安全接入平台项目', 350],
      ['赣州市政务大数据交换平台经费', 1008],
    ]);
  });

  it('merges the narrative spelling 分厅 with the form spelling 分行 (same budget 350)', () => {
    expect(byName(projects, '赣政通赣州分厅及安全接入平台项目').name).toBe('赣政通赣州分行及安全接入平台项目');
  });

  it('reads shifted rows "成本\\t平台维护成本\\t<=20万元" (line 493)', () => {
    const p = byName(projects, '赣州市政务大数据交换平台经费');
    expect(p.indicators.find((i) => i.level3 === '平台维护成本')).toMatchObject({
      level1: '产出指标',
      level2: '成本',
      operator: '<=',
      value: 20,
      unit: '万元',
    });
  });

  it('budgets of all forms (lines 282, 327, 371, 416, 466, 511, 556)', () => {
    expect(projects.map((p) => p.budget)).toEqual([5392, 1078.88, 350, 1992.5, 1008, 1400, 500]);
  });

  it('claims the form and indicator lines', () => {
    expect(claims.get(277)).toBe('projects');
    expect(claims.get(297)).toBe('indicators');
    expect(claims.get(663)).toBe('indicators');
  });
});

describe('001 南昌经开区 2022 (narrative only, a passage printed twice)', () => {
  const { projects } = run(F001);

  it('finds 7 projects and no duplicate from the repeated passage (lines 129–140)', () => {
    expect(projects).toHaveLength(7);
    const p = byName(projects, '中心大厅运行管理日常工作运转项目');
    expect(p.budget).toBe(70);
    expect(p.period).toBe('2022-01-01至2022-12-31');
    expect(p.indicators).toHaveLength(6);
    expect(p.indicators.at(-1)).toMatchObject({ level3: '办件群众满意度', operator: '>=', value: 95, unit: '%' });
    const repeated = byName(projects, '行政服务中心信息化建设设备购置及运行维护项目');
    expect(repeated.budget).toBe(50);
    expect(repeated.sources.some((s) => s.line_start === 133)).toBe(true);
    expect(byName(projects, '“赣服通”经开分厅3.0版项目').budget).toBe(63.107);
  });

  it('reads targets written without an operator ("午餐补助人数25人", line 66)', () => {
    const p = byName(projects, '中心大厅窗口人员中餐费项目');
    expect(p.indicators.find((i) => i.level3 === '午餐补助人数')).toMatchObject({ operator: '=', value: 25, unit: '人' });
    expect(p.indicators.find((i) => i.level3 === '每人每月控制数')).toMatchObject({ value: 608, unit: '元' });
  });

  it('sums to the documented 项目支出 (70+18.4+20.2+8.4+50+63.107+69.8)', () => {
    const total = projects.reduce((a, p) => a + Math.round((p.budget ?? 0) * 1000), 0) / 1000;
    expect(total).toBe(299.907);
  });
});

describe('002 上饶市大数据发展管理局 2021 决算 (绩效自评表, 评价报告)', () => {
  const { projects } = run(F002, 'final_account');

  it('finds the 2 evaluated projects once each', () => {
    expect(projects).toHaveLength(2);
  });

  it('智能化维保: 年初 220, 全年 220, 执行 215, 得分 99.8 (lines 413, 428, 448)', () => {
    const p = byName(projects, '智能化维保');
    expect(p).toMatchObject({ initial_budget: 220, budget: 220, executed: 215, self_evaluation_score: 99.8 });
    expect(p.indicators).toHaveLength(13);
    expect(p.indicators[0]).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      level3: '按时进行线路、设备、管道巡检工作',
      operator: '>=',
      value: 2,
      unit: '次',
      actual_raw: '每周巡检次数3次',
      weight: 10,
      score: 10,
    });
  });

  it('赣服通 4.0: table, summary and report merge; 500 / 428 / 321, score 95 (lines 455, 471, 506, 754)', () => {
    const p = byName(projects, '“赣服通”上饶分厅4.0版项目');
    expect(p).toMatchObject({ initial_budget: 500, budget: 428, executed: 321, self_evaluation_score: 95 });
    expect(p.aliases).toEqual(expect.arrayContaining(['赣服通', '“赣服通”上饶分行 4.0 版项目']));
    expect(p.indicators.find((i) => i.level3 === '企业满意度')).toMatchObject({ actual_raw: '92%', weight: 5, score: 4.5 });
  });
});

describe('003 江汉区行政审批局 2022 (预算表, 整体绩效目标表, 申报表, name variants)', () => {
  const { projects } = run(F003);

  it('finds 8 projects with their budgets (项目支出预算表 lines 357–364)', () => {
    const budgets = Object.fromEntries(projects.map((p) => [p.name, p.budget]));
    expect(budgets).toEqual({
      审批大厅日常运转经费: 750,
      文明创建及法律顾问经费: 21.5,
      行政审批工作经费: 120.32,
      一网通办工作经费: 381.22,
      '江汉区政务服务“一网通办”项目': 55.62,
      信息化建设项目: 39.88,
      置装经费: 114.33,
      外包工作人员经费: 2142.75,
    });
  });

  it('merges 外包人员经费/外包工作人员经费 and 置装经费/置装费', () => {
    expect(byName(projects, '外包人员经费').name).toBe('外包工作人员经费');
    expect(byName(projects, '置装费').name).toBe('置装经费');
  });

  it('reads checkbox HTML and 申报表 indicators (lines 608–648)', () => {
    const p = byName(projects, '审批大厅日常运转经费');
    expect(p.category).toBe('特定目标类本级支出项目');
    expect(p.frequency).toBe('常年项目');
    expect(p.implementing_unit).toBe('办公室');
    expect(p.indicators.find((i) => i.level3 === '预算执行率')).toMatchObject({ operator: 'range', value: 97, value_max: 100, unit: '%' });
    expect(p.indicators.find((i) => i.level3 === '群众满意度')).toMatchObject({
      level1: '社会公众或服务对象满意度指标',
      level2: '服务对象满意度',
      operator: '>=',
      value: 90,
    });
  });
});

describe('004 西湖区政务服务数据管理局 2023 (one cell per line, two descriptions per project)', () => {
  const { projects } = run(F004);

  it('finds 5 projects totalling 230.6 万元 (line 87)', () => {
    expect(projects.map((p) => [p.name, p.budget])).toEqual([
      ['“一窗通办”及窗口工作经费项目', 53],
      ['“一网通办”工作经费项目', 36],
      ['窗口聘用人员工作经费项目', 72],
      ['便民服务中心工作经费项目', 12],
      ['全区互联网包年项目', 57.6],
    ]);
  });

  it('rebuilds the one-cell-per-line indicator table (lines 98–151)', () => {
    const p = byName(projects, '“一窗通办”及窗口工作经费项目');
    expect(p.indicators).toHaveLength(10);
    expect(p.indicators[0]).toMatchObject({ level1: '成本指标', level2: '经济成本指标', level3: '总成本控制', value: 53, unit: '万元' });
    expect(p.indicators.find((i) => i.level3 === '办理行政许可服务事项')).toMatchObject({ level2: '数量指标', operator: '=', value: 126, unit: '项' });
    expect(p.indicators.at(-1)).toMatchObject({ level1: '满意度指标', level3: '群众满意度', value: 98 });
  });

  it('merges 窗口聘用人员经费项目 with 窗口聘用人员工作经费项目 (same 72 万元)', () => {
    expect(byName(projects, '窗口聘用人员经费项目').name).toBe('窗口聘用人员工作经费项目');
  });
});
