/** Target parsing and name/target splitting, with texts as printed in the sample documents. */
import { describe, expect, it } from 'vitest';
import { parseTarget, splitNameTarget } from '../../scripts/recognize/indicators/target.js';
import { classifyLevel, inferLevel1, splitGluedLevels } from '../../scripts/recognize/indicators/levels.js';

describe('parseTarget', () => {
  it.each([
    ['≥20个', '>=', 20, null, '个'], // 000 line 297
    ['=100%', '=', 100, null, '%'], // 000 line 304
    ['>=90%', '>=', 90, null, '%'], // 000 line 352
    ['<=20万元', '<=', 20, null, '万元'], // 000 line 493
    ['$\\geq 90\\%$', '>=', 90, null, '%'], // 000 line 691 (LaTeX)
    ['\\leq 5%', '<=', 5, null, '%'], // 000 line 754
    ['97%-100%', 'range', 97, 100, '%'], // 003 line 642
    ['111个', '=', 111, null, '个'], // 003 line 557
    ['95%以上', '>=', 95, null, '%'], // 002 line 490
    ['≥95%以上', '>=', 95, null, '%'], // 002 line 437
    ['每周巡检次数不少于2次', '>=', 2, null, '次'], // 002 line 434
    ['全年至少保障180次', '>=', 180, null, '次'], // 002 line 436
    ['≥30万人次', '>=', 30, null, '万人次'], // 003 line 543
    ['不超过5天', '<=', 5, null, '天'],
    ['8369.34平方米', '=', 8369.34, null, '平方米'], // 003 line 634
  ])('%s', (raw, operator, value, value_max, unit) => {
    expect(parseTarget(raw)).toEqual({ operator, value, value_max, unit });
  });

  it.each(['较上年呈下降', '长期', '有效保障', '及时', '', '设备运行良好,无故障'])('qualitative: %s', (raw) => {
    expect(parseTarget(raw)).toEqual({ operator: 'qualitative', value: null, value_max: null, unit: null });
  });
});

describe('splitNameTarget (narrative indicator lines)', () => {
  it.each([
    ['服务应用系统数量 ≥ 20 个', '服务应用系统数量', '≥20个'],
    ['核心应用覆盖率 $\\geq 60\\%$', '核心应用覆盖率', '≥60%'],
    ['服务云平台数量=3个', '服务云平台数量', '=3个'],
    ['午餐补助人数25人', '午餐补助人数', '25人'],
    ['设备购置及运行维护8.4万元', '设备购置及运行维护', '8.4万元'],
    ['项目持续发挥作用的期限长期', '项目持续发挥作用的期限', '长期'],
    ['全市信息化建设项目成本较上年呈下降', '全市信息化建设项目成本', '较上年呈下降'],
    ['网上审批办件量', '网上审批办件量', ''],
    ['赣服通”经开区分厅3.0版项目建设数量', '赣服通”经开区分厅3.0版项目建设数量', ''],
  ])('%s', (text, name, target) => {
    expect(splitNameTarget(text)).toEqual({ name, target });
  });
});

describe('level vocabulary', () => {
  it('classifies 一级/二级 names, with weights stripped', () => {
    expect(classifyLevel('产出指标(50分)')).toBe('l1');
    expect(classifyLevel('项目效益')).toBe('l1');
    expect(classifyLevel('数量')).toBe('l2');
    expect(classifyLevel('经济成本指标')).toBe('l2');
    expect(classifyLevel('可持续影响')).toBe('l2');
    expect(classifyLevel('满意度')).toBe('ambiguous');
    expect(classifyLevel('年度绩效指标')).toBe('label');
    expect(classifyLevel('服务应用系统数量')).toBeNull();
  });
  it('splits glued cells and infers 一级 from 二级', () => {
    expect(splitGluedLevels('社会公众或服务对象满意度指标服务对象满意度')).toEqual(['社会公众或服务对象满意度指标', '服务对象满意度']);
    expect(inferLevel1('数量指标')).toBe('产出指标');
    expect(inferLevel1('经济成本指标')).toBe('成本指标');
    expect(inferLevel1('社会效益指标')).toBe('效益指标');
    expect(inferLevel1('服务对象满意度指标')).toBe('满意度指标');
  });
});
