import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { recognizeProfile } from '../../scripts/recognize/document/profile.js';
import { D000, D001, D002, D003, D004, FIXTURES, load } from './helpers.js';

const profile = (path: string) => {
  const l = load(path);
  return { ...recognizeProfile(l.ctx), claims: l.claims, warnings: l.warnings };
};

describe('recognizeProfile on the sample documents', () => {
  it('赣州: 15 duties, 3 budget units, staffing 82/113/84, 离休0+退休9', () => {
    const p = profile(D000);
    expect(p.responsibilities).toHaveLength(15);
    expect(p.responsibilities[0]).toMatch(/^贯彻执行国家、省、市有关行政审批/);
    // item (十一) is broken across lines 58/60 and must be one item
    expect(p.responsibilities[10]).toContain('指导监督各部门政务数据安全保障工作');
    expect(p.budget_units).toEqual(['赣州市行政审批局', '赣州市12345政务服务便民热线管理中心', '赣州市大数据发展服务中心']);
    expect(p.staffing).toMatchObject({ authorized: 82, actual: 113, in_service: 84, retired: 9 });
    expect(p.staffing.source).toMatchObject({ line_start: 74, line_end: 74 });
    expect(p.claims.get(74)).toBe('profile');
  });
  it('南昌经开区: 7 duties, a single unit (the department), 16/6/6/0', () => {
    const p = profile(D001);
    expect(p.responsibilities).toHaveLength(7);
    expect(p.responsibilities[6]).toBe('完成区党工委、管委会交办的其他任务。');
    expect(p.budget_units).toEqual(['南昌经济技术开发区行政审批服务保障中心']);
    expect(p.staffing).toMatchObject({ authorized: 16, actual: 6, in_service: 6, retired: 0 });
  });
  it('上饶 决算: 9 duties, 汇编范围 unit list, 实有35 在职30, pension-fund retirees not counted', () => {
    const p = profile(D002);
    expect(p.responsibilities).toHaveLength(9);
    expect(p.budget_units).toEqual(['上饶市大数据发展管理局']);
    expect(p.staffing).toMatchObject({ authorized: null, actual: 35, in_service: 30, retired: 0 });
    expect(p.staffing.source).toMatchObject({ line_start: 73, line_end: 75 });
  });
  it('江汉区: 16 duties, 机关 + 2 subordinate units, 编制41 在职33 离退休3', () => {
    const p = profile(D003);
    expect(p.responsibilities).toHaveLength(16);
    expect(p.responsibilities[9]).toContain('统筹指导协调全区政府和公共服务数据资源的整合应用及共享开放');
    expect(p.budget_units).toEqual(['江汉区行政审批局', '江汉区行政审批服务中心', '江汉区政务服务电子信息中心']);
    expect(p.staffing).toMatchObject({ authorized: 41, actual: null, in_service: 33, retired: 3 });
    expect(p.warnings).toEqual([]);
  });
  it('西湖区: 7 duties, 1 unit, 18/18/18, 离休0+退休4', () => {
    const p = profile(D004);
    expect(p.responsibilities).toHaveLength(7);
    expect(p.budget_units).toEqual(['南昌市西湖区政务服务数据管理局']);
    expect(p.staffing).toMatchObject({ authorized: 18, actual: 18, in_service: 18, retired: 4 });
  });
});

describe('recognizeProfile on other layouts', () => {
  it('wrapped duty items and a unit list in a Beijing document', () => {
    const p = profile(join(FIXTURES, 'document/beijing-draft.txt'));
    expect(p.responsibilities).toEqual(['贯彻执行国家财政方针政策。', '负责编制区级预算草案并组织执行，承担区级财政收支管理。']);
    expect(p.budget_units).toEqual(['北京市朝阳区财政局', '北京市朝阳区财政国库支付中心']);
    expect(p.staffing).toMatchObject({ authorized: 120, actual: 131, in_service: 110, retired: 21 });
  });
});
