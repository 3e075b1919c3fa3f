import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { recognizeMeta } from '../../scripts/recognize/document/meta.js';
import { inferRegion } from '../../scripts/recognize/document/region.js';
import { segment, toLines } from '../../scripts/segment/segment.js';
import { D000, D001, D002, D003, D004, FIXTURES, load } from './helpers.js';

const meta = (path: string) => recognizeMeta(load(path).seg);
const fullText = (path: string) => {
  const { seg } = load(path);
  return seg.blocks.map((b) => (b.type === 'table' ? '' : b.text)).join('\n');
};

describe('recognizeMeta on the sample documents', () => {
  it('赣州: strips 机关 from the title department, 2022 budget in 万元', () => {
    expect(meta(D000)).toMatchObject({
      title: '赣州市行政审批局机关 2022 年部门预算',
      department: '赣州市行政审批局',
      fiscal_year: 2022,
      kind: 'budget',
      unit: '万元',
      title_lines: [3, 3],
    });
  });
  it('南昌经开区: joins a title broken across two lines', () => {
    expect(meta(D001)).toMatchObject({
      title: '南昌经济技术开发区行政审批服务保障中心2022年部门预算',
      department: '南昌经济技术开发区行政审批服务保障中心',
      fiscal_year: 2022,
      kind: 'budget',
      title_lines: [1, 2],
    });
  });
  it('上饶: Markdown title without city prefix → full name from the body; 决算', () => {
    expect(meta(D002)).toMatchObject({
      department: '上饶市大数据发展管理局',
      fiscal_year: 2021,
      kind: 'final_account',
      unit: '万元',
    });
  });
  it('江汉区: "2022 年预算" is a budget', () => {
    expect(meta(D003)).toMatchObject({ department: '江汉区行政审批局', fiscal_year: 2022, kind: 'budget', unit: '万元' });
  });
  it('西湖区: 预算草案 with the department on the line above', () => {
    expect(meta(D004)).toMatchObject({
      department: '南昌市西湖区政务服务数据管理局',
      fiscal_year: 2023,
      kind: 'budget_draft',
      title_lines: [1, 2],
    });
  });
});

describe('inferRegion', () => {
  it('resolves the five documents', () => {
    expect(inferRegion('赣州市行政审批局', fullText(D000))).toEqual({ province: '江西省', city: '赣州市', county: null });
    expect(inferRegion('南昌经济技术开发区行政审批服务保障中心', fullText(D001))).toEqual({
      province: '江西省',
      city: '南昌市',
      county: '南昌经济技术开发区',
    });
    expect(inferRegion('上饶市大数据发展管理局', fullText(D002))).toEqual({ province: '江西省', city: '上饶市', county: null });
    expect(inferRegion('江汉区行政审批局', fullText(D003))).toEqual({ province: '湖北省', city: '武汉市', county: '江汉区' });
    expect(inferRegion('南昌市西湖区政务服务数据管理局', fullText(D004))).toEqual({ province: '江西省', city: '南昌市', county: '西湖区' });
  });
  it('settles an ambiguous district by the text, and keeps only the county without evidence', () => {
    expect(inferRegion('西湖区文化广电旅游体育局', '杭州市西湖区 浙江省')).toEqual({ province: '浙江省', city: '杭州市', county: '西湖区' });
    expect(inferRegion('西湖区政务服务数据管理局', '南昌市 江西省')).toEqual({ province: '江西省', city: '南昌市', county: '西湖区' });
    expect(inferRegion('西湖区某局', '')).toEqual({ province: null, city: null, county: '西湖区' });
  });
  it('municipalities, zones, county-level cities and unknown names', () => {
    expect(inferRegion('北京市朝阳区财政局', '')).toEqual({ province: '北京市', city: '北京市', county: '朝阳区' });
    expect(inferRegion('上海市财政局', '')).toEqual({ province: '上海市', city: '上海市', county: null });
    expect(inferRegion('重庆市万州区财政局', '')).toEqual({ province: '重庆市', city: '重庆市', county: '万州区' });
    expect(inferRegion('赣州高新区管委会', '')).toEqual({ province: '江西省', city: '赣州市', county: '赣州高新区' });
    expect(inferRegion('瑞金市财政局', '')).toEqual({ province: '江西省', city: '赣州市', county: '瑞金市' });
    expect(inferRegion('江西省财政厅', '')).toEqual({ province: '江西省', city: null, county: null });
    expect(inferRegion('某某事务中心', '没有地名')).toEqual({ province: null, city: null, county: null });
  });
});

describe('recognizeMeta on other layouts', () => {
  it('a Beijing 预算草案 with a two-line title and tables in 元', () => {
    const m = recognizeMeta(load(join(FIXTURES, 'document/beijing-draft.txt')).seg);
    expect(m).toMatchObject({ department: '北京市朝阳区财政局', fiscal_year: 2024, kind: 'budget_draft', unit: '元', title_lines: [1, 2] });
  });
  it('a Markdown 决算 title whose body names the city', () => {
    const path = join(FIXTURES, 'document/west-lake.txt');
    const m = recognizeMeta(load(path).seg);
    expect(m).toMatchObject({ department: '杭州市西湖区文化广电旅游体育局', fiscal_year: 2023, kind: 'final_account' });
    expect(inferRegion(m.department!, fullText(path))).toEqual({ province: '浙江省', city: '杭州市', county: '西湖区' });
  });
  it('year first: "2022年××局部门预算"', () => {
    const seg = segment('x.txt', toLines('2022年南昌市财政局部门预算\n\n正文。'));
    expect(recognizeMeta(seg)).toMatchObject({ department: '南昌市财政局', fiscal_year: 2022, kind: 'budget' });
  });
  it('garbage gives nulls, not a crash', () => {
    const seg = segment('x.txt', toLines('\u0000\u0001乱码\n\t\t\n'));
    expect(recognizeMeta(seg)).toMatchObject({ title: null, department: null, fiscal_year: null, kind: null });
  });
});
