import { describe, expect, it } from 'vitest';
import { cleanDepartmentCandidate, departmentPlausible } from '../../scripts/recognize/document/department.js';

describe('departmentPlausible', () => {
  it('accepts official names of many kinds', () => {
    for (const n of [
      '北京市信访办公室',
      '中国共产党北京市委员会宣传部',
      '中共深圳市委宣传部',
      '深圳市建筑工务署',
      '国家信访局',
      '南昌经济技术开发区行政审批服务保障中心',
      '无锡市交通运输局（本级）',
      '杭州市西湖区某某街道',
      '某某县某某镇',
    ]) {
      expect(departmentPlausible(n), n).toBe(true);
    }
  });
  it('refuses sentences, headings, unit labels and file names', () => {
    for (const n of ['收入19,828.57万元比', '广州市生态环境局单位：万元', '北京市信访办公室部门', '|019.pdf|预算数据/002_北京/', '做好', '部门预算情况说明', '2026年度', null]) {
      expect(departmentPlausible(n), String(n)).toBe(false);
    }
  });
});

describe('cleanDepartmentCandidate', () => {
  it('cuts a glued unit label, a stray 部门 and spaces', () => {
    expect(cleanDepartmentCandidate('广州市生态环境局 单位：万元')).toBe('广州市生态环境局');
    expect(cleanDepartmentCandidate('广州市生态环境局  金额单位:元')).toBe('广州市生态环境局');
    expect(cleanDepartmentCandidate('北京市信访办公室部门')).toBe('北京市信访办公室');
    expect(cleanDepartmentCandidate('北京市 教育委员会 部门')).toBe('北京市教育委员会');
    expect(cleanDepartmentCandidate('附件1：某某市某某局')).toBe('某某市某某局');
    expect(cleanDepartmentCandidate('《某某市某某局')).toBe('某某市某某局');
  });
  it('keeps a name that ends in 部 or has no organ word before 部门', () => {
    expect(cleanDepartmentCandidate('中共深圳市委宣传部')).toBe('中共深圳市委宣传部');
    expect(cleanDepartmentCandidate('宣传部部门')).toBe('宣传部');
  });
});

describe('departmentPlausible, edges', () => {
  it('a unit whose line of work is budgets is a name; a budget title is not', () => {
    expect(departmentPlausible('某某市财政局预算评审中心')).toBe(true);
    expect(departmentPlausible('某某市财政局部门预算')).toBe(false);
    expect(departmentPlausible('某某局预算公开')).toBe(false);
  });
  it('a region alone is not a department', () => {
    for (const n of ['南昌市', '杭州市西湖区', '江西省南昌市西湖区']) expect(departmentPlausible(n), n).toBe(false);
    expect(departmentPlausible('南昌市人民政府')).toBe(true);
  });
});
