/**
 * A project-per-block 绩效目标表 whose name cell wraps and is centred in a tall block (amounts on a line
 * between the name's halves), with 资金使用单位 subtotal rows and a 合计 row: ../shared/pdf-more/088.pdf
 * (outside the repository; skipped when absent). Figures are the document's own.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../scripts/pipeline/ingest-file.js';
import { sumExact } from '../../scripts/normalize/amount.js';

const dir = resolve(import.meta.dirname, '../../../shared/pdf-more');
const has = (f: string) => existsSync(join(dir, f));

describe.skipIf(!has('088.pdf'))('real PDFs: 绩效目标表 with names centred in tall blocks', () => {
  it('088 广州市生态环境局 项目支出绩效目标表: 300 projects adding up to the 合计 37,367.86', { timeout: 180_000 }, async () => {
    const { document } = await ingestFile(join(dir, '088.pdf'), '088.pdf');
    const ps = document!.projects;
    expect(ps.length).toBe(300);
    // Each project's figure is rounded to 0.01 万元: 300 roundings leave 0.13 over the printed 合计.
    expect(Math.abs(sumExact(ps.map((p) => p.budget ?? 0)) - 37367.86)).toBeLessThan(0.5);
    // The same project for each district, told apart by the bracket: one project each.
    const yuexiu = ps.find((p) => p.name === '广州市镇（街）园区环保监督检查员经费（越秀区）');
    expect(yuexiu).toMatchObject({ budget: 238, implementing_unit: '广州市生态环境局' });
    expect(yuexiu?.annual_goal).toMatch(/^通过开展广州市建立镇（街）园区环境保护监督检查员队伍.*全面提升基层环保工作水平。$/);
    expect(ps.find((p) => p.name === '广州市镇（街）园区环保监督检查员经费（海珠区）')?.budget).toBe(619.5);
    // Subtotal rows name the implementing unit, wrapped or not, and are no projects.
    expect(ps.some((p) => /^广州市生态环境局(越秀|天河)?(分局|环境监测站)?$/.test(p.name))).toBe(false);
    const tianhe = ps.filter((p) => p.implementing_unit === '广州市生态环境局天河分局');
    expect(sumExact(tianhe.map((p) => p.budget ?? 0))).toBeCloseTo(1292.42, 2);
    // A three-line name centred on its amounts, and a two-line name over a page's blank line.
    expect(ps.find((p) => p.name === '广州市生态环境局2025年全运会比赛场馆及驻地周边环境风险源监测管控和应急管理项目')?.budget).toBe(48);
    expect(ps.find((p) => p.name === '广州市固体废物管理中心2025年广州市固体废物管理一体化平台建设项目')?.budget).toBe(38.98);
    expect(ps.find((p) => p.name === '典型园区VOCs排放监测系统集成及应用示范')?.budget).toBe(8.16);
    // Every project has its goal; indicator text run over the goal column's lines stays out of it.
    expect(ps.filter((p) => p.annual_goal).length).toBe(300);
    expect(ps.filter((p) => /指标值|－产出指标/.test(p.annual_goal ?? '')).length).toBe(0);
    const gz = ps.find((p) => p.name === '工作经费' && p.budget === 73.88);
    expect(gz?.annual_goal).toMatch(/^通过开展出国境交流和培训.*促进环境保护工作质量提高。$/);
  });
});
