/**
 * Department, year and kind from the cover layouts real disclosures use (text as PDF readers give it):
 * titles wrapped mid-word or over three lines, a bare year, a stray 部门 after the name, a unit label
 * glued to the name, the name on a 部门名称 / 预算单位 label line, a 单位预算 naming its unit, and
 * sentences that look like titles but are not (they must never become a department).
 */
import { describe, expect, it } from 'vitest';
import { recognizeMeta } from '../../scripts/recognize/document/meta.js';
import { segment, toLines } from '../../scripts/segment/segment.js';

const meta = (text: string) => recognizeMeta(segment('cover.txt', toLines(text)));
const TOC = '目录\n第一部分 部门概况\n一、主要职能\n';

describe('cover titles wrapped by the converter', () => {
  it('mid-word: "…委员会部" / "门预算"', () => {
    expect(meta(`2026年广州市人民政府国有资产监督管理委员会部\n门预算\n${TOC}`)).toMatchObject({
      department: '广州市人民政府国有资产监督管理委员会',
      fiscal_year: 2026,
      kind: 'budget',
      title_lines: [1, 2],
    });
  });

  it('inside a parenthesis: "…交通管理局（本" / "级）部门预算"', () => {
    expect(meta(`2026 年深圳市公安局交通管理局（本\n级）部门预算\n${TOC}`)).toMatchObject({
      department: '深圳市公安局交通管理局',
      fiscal_year: 2026,
      kind: 'budget',
    });
  });

  it('one character carried over: "…（本级）部门预" / "算"', () => {
    expect(meta(`2026 年深圳市司法局（本级）部门预\n算\n${TOC}`)).toMatchObject({ department: '深圳市司法局', fiscal_year: 2026 });
  });

  it('three lines: "2026年" / "××委员会部" / "门预算"', () => {
    expect(meta(`2026年\n广州市人民政府国有资产监督管理委员会部\n门预算\n${TOC}`)).toMatchObject({
      department: '广州市人民政府国有资产监督管理委员会',
      fiscal_year: 2026,
      kind: 'budget',
      title_lines: [1, 3],
    });
  });

  it('a 单位预算 names its unit, not the city: "2026 年度" / "无锡市教育局（本级）" / "单位预算公开"', () => {
    expect(meta(`2026 年度\n无锡市教育局（本级）\n单位预算公开\n无锡市教育局（本级）2026 年度单位预算公开\n${TOC}`)).toMatchObject({
      department: '无锡市教育局',
      fiscal_year: 2026,
      kind: 'budget',
    });
    expect(meta(`2026 年度\n无锡市应急管理综合行政执法监督局\n单位预算公开\n${TOC}`).department).toBe('无锡市应急管理综合行政执法监督局');
  });
});

describe('names with something attached', () => {
  it('a stray 部门 after the name: "北京市信访办公室部门 2026 年度部门预算"', () => {
    expect(meta(`北京市信访办公室部门 2026 年度部门预算\n信息公开\n${TOC}`)).toMatchObject({
      department: '北京市信访办公室',
      fiscal_year: 2026,
      kind: 'budget',
    });
    expect(meta(`北京市统计局部门 2026 年度\n部门预算信息公开\n${TOC}`).department).toBe('北京市统计局');
  });

  it('a bare year: "××委员会 2026 部门预算情况的说明"', () => {
    expect(meta('北京市人民政府国有资产监督管理委员会\n2026 部门预算情况的说明\n一、部门情况说明\n')).toMatchObject({
      department: '北京市人民政府国有资产监督管理委员会',
      fiscal_year: 2026,
      kind: 'budget',
    });
  });

  it('a unit label on the name line: "部门名称：广州市生态环境局 单位：万元" under a 绩效目标表 caption', () => {
    expect(
      meta('广州市生态环境局2026年项目支出绩效目标表（含转移支付项目）\n\n部门名称：广州市生态环境局 单位：万元\n项目名称\t总计\t财政拨款\n合计\t37,367.86\t35,790.09\n'),
    ).toMatchObject({ department: '广州市生态环境局', fiscal_year: 2026, kind: 'budget' });
  });

  it('a "预算单位：" label in its own table cell', () => {
    expect(meta('预算单位：\t长春市信访局\t\t单位：万元\n项目\t金额\n合计\t12.00\n').department).toBe('长春市信访局');
  });
});

describe('sentences are not titles', () => {
  it('"收入 19,828.57 万元比 2025 年初预算数…" never becomes a department', () => {
    const m = meta(
      '一、部门情况说明\n北京市人民政府国有资产监督管理委员会是市政府直属特设机构。\n二、收入预算情况说明\n2026 年收入预算 515,665.27 万元，其中:一般公共预算\n收入 19,828.57 万元比 2025 年初预算数 20,292.85 万元减\n少 464.28 万元。\n',
    );
    expect(m.department).toBe('北京市人民政府国有资产监督管理委员会');
    expect(m.title).toBeNull();
  });

  it('a notice about budgets names no department', () => {
    const m = meta('关于做好2026年部门预算公开工作的通知\n各区财政局：\n现将有关事项通知如下。\n');
    expect(m.department).toBeNull();
  });

  it('a 草案 elsewhere in the text does not make a budget a 预算草案', () => {
    const m = meta('第一部分 广州市某某局概况\n一、主要职责\n（七）起草有关地方性法规草案；\n第二部分 2026年部门预算表\n一、收支总体情况表\n');
    expect(m.kind).toBe('budget');
  });
});

describe('more cover wordings', () => {
  it('a year in Chinese numerals: "××局二〇二六年部门预算"', () => {
    expect(meta(`杭州市某某局二〇二六年部门预算\n${TOC}`)).toMatchObject({ department: '杭州市某某局', fiscal_year: 2026, kind: 'budget' });
  });

  it('"××局关于 2025 年度部门决算的说明"', () => {
    expect(meta(`泉州市某某局关于 2025 年度部门决算的说明\n${TOC}`)).toMatchObject({ department: '泉州市某某局', fiscal_year: 2025, kind: 'final_account' });
  });

  it('a title without the department, the name alone on the next cover line', () => {
    expect(meta(`2026年部门预算\n\n广州市某某管理局\n二〇二六年三月\n${TOC}`)).toMatchObject({ department: '广州市某某管理局', fiscal_year: 2026, kind: 'budget' });
  });

  it('a finance bureau\'s notice about budget publication is not a disclosure title', () => {
    expect(meta('某某市财政局关于做好2026年部门预算公开工作的通知\n各部门：\n现就有关事项通知如下。\n').department).toBeNull();
  });
});

describe('no cover title at all', () => {
  it('a table caption is not a title, but gives the year; the label line gives the department', () => {
    const m = meta('表3：2026年市级部门支出预算总表\n部门名称：杭州市交通运输局\t单位：万元\n项目\t合计\t基本支出\n合计\t100.00\t60.00\n');
    expect(m).toMatchObject({ title: null, department: '杭州市交通运输局', fiscal_year: 2026, kind: 'budget' });
  });

  it('"2025 年初预算数" in the text is not the fiscal year', () => {
    const m = meta('一、收入预算情况说明\n收入预算 120.00 万元，比 2025 年初预算数增加 20.00 万元。\n');
    expect(m.fiscal_year).toBeNull();
  });
});

describe('region of party and CPPCC organs', () => {
  it('the region after 中国共产党 / 中共 / 中国人民政治协商会议', async () => {
    const { inferRegion } = await import('../../scripts/recognize/document/region.js');
    expect(inferRegion('中国共产党北京市委员会宣传部', '')).toEqual({ province: '北京市', city: '北京市', county: null });
    expect(inferRegion('中共深圳市委宣传部', '')).toMatchObject({ province: '广东省', city: '深圳市' });
    expect(inferRegion('中国人民政治协商会议南昌市委员会', '')).toMatchObject({ province: '江西省', city: '南昌市' });
    expect(inferRegion('国家信访局', '')).toEqual({ province: null, city: null, county: null });
  });
});

describe('covers with the year apart from the title', () => {
  it('a line holding only the year, then the whole title', () => {
    expect(meta(`    2026年\n广州市规划和自然资源委员会部门预算信息公开\n${TOC}`)).toMatchObject({
      department: '广州市规划和自然资源委员会',
      fiscal_year: 2026,
      kind: 'budget',
      title_lines: [1, 2],
    });
  });

  it('an undated title: the department from it, the year from the contents (never from the cover date)', () => {
    const m = meta('二〇二六年三月\n广州市规划和自然资源委员会部门预算信息公开\n目录\n第二部分 2026年部门预算表\n');
    expect(m).toMatchObject({ department: '广州市规划和自然资源委员会', fiscal_year: 2026, kind: 'budget' });
    const split = meta('广州市某某局\n部门预算\n二〇二六年三月\n目录\n');
    expect(split).toMatchObject({ department: '广州市某某局', fiscal_year: null, kind: 'budget' });
  });
});
