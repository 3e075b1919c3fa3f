/** 项目绩效目标表 forms named by their title, as the PDF reader prints them (glued header cells, rows as text). */
import { describe, expect, it } from 'vitest';
import { byName, fixtureText, runProjects } from '../projects/helpers.js';

describe('forms titled "<项目>绩效目标表" without a 项目名称 row', () => {
  const { projects } = runProjects('titled-form.txt', fixtureText('indicators', 'titled-form.txt'));

  it('finds the two projects (not the section headings) with budget and goal', () => {
    expect(projects.map((p) => [p.name, p.budget])).toEqual([
      ['市行政中心保安服务项目', 4200],
      ['市行政中心钢结构修缮项目', 121.6],
      ['驻沪办房屋修缮经费项目', 28.5],
    ]);
    expect(byName(projects, '市行政中心保安服务项目').annual_goal).toBe('有效保障市行政中心保安服务，提升机关事务服务水平。');
    expect(byName(projects, '市行政中心钢结构修缮项目').annual_goal).toBe('对市行政中心钢结构建筑进行全面检查，对腐蚀严重的地方进行油漆补涂施工。');
  });

  it('reads the indicators, including rows printed as one line of text', () => {
    const p = byName(projects, '市行政中心保安服务项目');
    expect(p.indicators.map((i) => [i.level1, i.level2, i.level3, i.operator, i.value, i.unit])).toEqual([
      ['成本指标', '经济成本指标', '保安服务费标准控制率', '<=', 100, '%'],
      // 时效指标 met before the centred 产出指标 cell: it belongs to 产出, not to 成本.
      ['产出指标', '时效指标', '服务响应及时率', '>=', 90, '%'],
      ['产出指标', '数量指标', '保安服务覆盖率', '>=', 90, '%'],
      ['效益指标', null, '安全事故发生数', '=', 0, '起'],
      ['满意度指标', null, '保安服务满意率', '>=', 90, '%'],
    ]);
    expect(byName(projects, '市行政中心钢结构修缮项目').indicators.map((i) => [i.level2, i.level3, i.target_raw])).toEqual([
      ['质量指标', '安全施工达标率', '=100%'],
    ]);
  });

  it('keeps the funding column out of a goal printed on the same line', () => {
    const p = byName(projects, '驻沪办房屋修缮经费项目');
    expect(p.annual_goal).toBe('对1007室重新铺设管线，墙壁、天花板进行修缮。');
    expect(p.indicators.map((i) => [i.level1, i.level2, i.level3, i.value, i.unit])).toEqual([['产出指标', '数量指标', '修缮房间数', 1, '间']]);
  });
});

describe('lines that only mention a 绩效目标表', () => {
  it('do not open a form', () => {
    const text = ['各项目绩效目标详见附件项目绩效目标表', '2026年部门整体支出绩效目标表', '十三、项目支出预算绩效目标表', '其他一级项目绩效目标表'].join('\n');
    expect(runProjects('x.txt', text).projects).toEqual([]);
  });
});
