/**
 * Projects, goals and indicators from real budget PDFs in ../shared/pdf-samples (not part of the
 * repository; skipped when absent). Figures are the documents' own: the stated number of 一级项目 with
 * 绩效目标, the table rows' amounts and goal texts, the forms' indicators.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { sumExact } from '../../scripts/normalize/amount.js';
import type { Project } from '../../scripts/model/schema.js';

const dir = resolve(import.meta.dirname, '../../../shared/pdf-samples');
const has = (f: string) => existsSync(join(dir, f));
if (!has('147.pdf')) console.warn(`跳过真实 PDF 项目测试：未找到 ${dir}`);

async function projectsOf(f: string): Promise<Project[]> {
  const { document } = await ingestFile(join(dir, f), f);
  expect(document, f).not.toBeNull();
  return document!.projects;
}
const withGoal = (ps: Project[]) => ps.filter((p) => p.annual_goal);

describe.skipIf(!has('260.pdf'))('real PDFs: 绩效目标表 with a row per indicator', () => {
  it('260 长春市信访局 预算表 11: the 4 projects of its 474.56 万元 项目支出, 4 indicators each', { timeout: 120_000 }, async () => {
    const ps = await projectsOf('260.pdf');
    // p14 预算表 9 and p16 预算表 11: 30.00 + 116.00 + 312.00 + 16.56 = 474.56, the 项目支出 of 支出总表.
    expect(ps.map((p) => [p.name, p.budget, p.indicators.length])).toEqual([
      ['2026年信访专项经费', 30, 4],
      ['2026年信访接待中心运行费', 116, 4],
      ['2026年驻京经费', 312, 4],
      ['信访局临聘人员经费', 16.56, 4],
    ]);
    // 预算表 9 names three of them without 年: one project each, the other name kept as an alias.
    expect(ps.find((p) => p.name === '2026年驻京经费')?.aliases).toEqual(['2026驻京经费']);
    // centred: the 产出指标 row above the name belongs to this project
    expect(ps.find((p) => p.name === '2026年信访接待中心运行费')?.indicators[0]).toMatchObject({ level1: '产出指标', level3: '专项检查开展次数', target_raw: '>=12次', weight: 40 });
    expect(ps.find((p) => p.name === '2026年驻京经费')?.annual_goal).toBe('1、支付2026年驻京房租费249.8万元。2、报销驻京人员差旅费26万元。3、在京租赁车辆29万元。4、购买办公用品4万元。5、会事期间在京开会2次。6、降低我市进京上访量，维护我市良好形象。');
    expect(ps.every((p) => p.implementing_unit === '长春市信访局')).toBe(true);
  });
});

describe.skipIf(!has('147.pdf'))('real PDFs: project tables with a 绩效目标 column', () => {
  it('147 杭州市交通运输局 表11: the 24 一级项目 the text announces, each unit\'s 日常保障运行 apart', { timeout: 120_000 }, async () => {
    const ps = await projectsOf('147.pdf');
    const g = withGoal(ps);
    // p16: "共计24个一级项目"; the 24 rows of 表11 add up to 568,419.11 (the text states 568,368.51).
    expect(g.length).toBe(24);
    expect(sumExact(g.map((p) => p.budget))).toBe(568419.11);
    const daily = ps.filter((p) => p.name === '日常保障运行');
    expect(daily.find((p) => p.implementing_unit === '杭州市交通运输局')?.budget).toBe(64.9);
    expect(daily.find((p) => p.implementing_unit === '杭州市道路运输管理服务中心')?.budget).toBe(696.43);
    expect(ps.find((p) => p.name === '智慧交通研究与服务')?.annual_goal).toBe('通过对交通数据汇集及测试优化等研究方式，提升数字交通研究能力。');
    expect(ps.some((p) => /（类）/.test(p.name))).toBe(false);
  });

  it('149 杭州市司法局 表11: 31 一级项目, 28,506.17 万元', { timeout: 120_000 }, async () => {
    const g = withGoal(await projectsOf('149.pdf'));
    expect(g.length).toBe(31);
    // The rows add up to 28,506.18; the text rounds its total to 28,506.17.
    expect(Math.abs(sumExact(g.map((p) => p.budget)) - 28506.17)).toBeLessThan(0.015);
  });

  it('276 湖州市交通运输局 / 278 湖州市财政局 项目支出绩效表 (项目总体绩效目标; rows printed with spaces)', { timeout: 120_000 }, async () => {
    const g276 = withGoal(await projectsOf('276.pdf'));
    // p14: "共计 17 个一级项目"; p39: the table's 合计 row 171,462.41.
    expect(g276.length).toBe(17);
    expect(sumExact(g276.map((p) => p.budget))).toBe(171462.41);
    // p12: "共计 7 个一级项目".
    expect(withGoal(await projectsOf('278.pdf')).length).toBe(7);
  });

  it('056 深圳市口岸办 重点项目绩效目标: 5 projects (two-row header)', { timeout: 120_000 }, async () => {
    const ps = await projectsOf('056.pdf');
    expect(withGoal(ps).length).toBe(5); // p10: "报 5 个项目绩效目标"
    const p = ps.find((x) => x.name === '口岸管理业务');
    expect(p?.budget).toBe(40000.7);
    expect(p?.implementing_unit).toBe('深圳市人民政府口岸办公室');
    expect(p?.annual_goal).toMatch(/^保质保量完成口岸管养工作/);
  });

  it('098 广州市交通运输局 项目支出及其他支出预算表: unit rows are units, not projects', { timeout: 120_000 }, async () => {
    const ps = await projectsOf('098.pdf');
    expect(withGoal(ps).length).toBeGreaterThan(100);
    const trip = ps.find((p) => p.name === '因公出国（境）经费');
    expect(trip?.budget).toBe(40);
    expect(trip?.implementing_unit).toBe('广州市交通运输局');
    expect(trip?.annual_goal).toMatch(/^通过开展组织相关业务干部组成公务团组出国（境）交流学习/);
    expect(ps.find((p) => p.name === '公共交通财政补贴')?.budget).toBe(300000);
    expect(ps.some((p) => p.name === '广州市交通运输局' || p.name === '广州市交通管理总站')).toBe(false);
  });
});

describe.skipIf(!has('221.pdf'))('real PDFs: 项目绩效目标表 forms', () => {
  it('221 泉州市人民政府办公室: forms named by their titles yield budgets, goals and indicators', { timeout: 120_000 }, async () => {
    const ps = await projectsOf('221.pdf');
    expect(ps.filter((p) => p.indicators.length > 0).length).toBe(8);
    const p = ps.find((x) => x.name === '市行政中心保安服务项目');
    expect(p?.budget).toBe(4200);
    expect(p?.annual_goal).toBe('有效保障市行政中心保安服务，提升机关事务服务水平。');
    expect(p?.indicators.find((i) => i.level3 === '保安服务满意率')).toMatchObject({ level1: '满意度指标', operator: '>=', value: 90, unit: '%' });
    expect(p?.indicators.find((i) => i.level3 === '服务响应及时率')).toMatchObject({ level1: '产出指标', level2: '时效指标' });
  });
});
