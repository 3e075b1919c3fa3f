/** Layouts not in the five samples: a 项目支出预算表 in 元, "一、…项目" / "（一）项目概述：" lists. */
import { describe, expect, it } from 'vitest';
import { byName, fixtureText, runProjects } from './helpers.js';

describe('county agriculture fixture (tables in 元, Chinese-numeral lists)', () => {
  const { projects, warnings } = runProjects('county-agriculture.txt', fixtureText('projects', 'county-agriculture.txt'));

  it('merges the table row and the narrative description of each project', () => {
    expect(projects.map((p) => p.name)).toEqual(['高标准农田建设项目', '农机购置补贴工作经费']);
    expect(warnings).toEqual([]);
  });

  it('converts 元 to 万元 exactly and keeps 项目类型 as frequency', () => {
    const p = byName(projects, '“高标准农田建设”项目');
    expect(p.budget).toBe(120);
    expect(p.frequency).toBe('延续性项目');
    expect(p.implementing_unit).toBe('县农业农村局');
    expect(byName(projects, '农机购置补贴工作经费（县本级）').budget).toBe(15);
  });

  it('does not take the procurement table row for a project budget', () => {
    const p = byName(projects, '农机购置补贴工作经费');
    expect(p.sources.some((s) => s.line_start === 13)).toBe(false);
  });

  it('parses word operators in inline indicators', () => {
    const p = byName(projects, '高标准农田建设项目');
    expect(p.indicators.map((i) => [i.level3, i.operator, i.value, i.unit])).toEqual([
      ['新建高标准农田面积', '>=', 5000, '亩'],
      ['工程验收合格率', '>=', 95, '%'],
      ['项目完成时间2024年12月底前', 'qualitative', null, null],
      ['受益农户满意度', '>=', 90, '%'],
    ]);
    const q = byName(projects, '农机购置补贴工作经费');
    expect(q.indicators[0]).toMatchObject({ level1: '产出指标', level2: '成本指标', operator: '<=', value: 15, unit: '万元' });
  });
});

describe('bad input', () => {
  it('never throws and finds nothing in unrelated text', () => {
    const { projects } = runProjects('x.txt', '项目名称：\n\t\t\n1）项目概述\n一级指标\t三级指标\n\t\t≥\n(1) 年度预算安排：abc万元');
    expect(Array.isArray(projects)).toBe(true);
  });
});
