/** Chart geometry and chart inputs, checked against figures the sample documents state. */
import { describe, expect, it } from 'vitest';
import { barChart, sankeyChart, treemapChart, BAR_WIDTH } from '../../src/lib/charts';
import { functionItems, incomeFlows, economicSplit, indicatorTypes } from '../../src/lib/document';
import { href, wan, shorten, safeSlug } from '../../src/lib/format';
import { functionCodes } from '../../src/lib/functions';
import { parseCsv } from '../../src/lib/csv';
import { buildSample } from '../fixtures/site/make-sample';

const sample = buildSample();
const ganzhou = sample.documents.find((d) => d.department === '赣州市行政审批局')!;

describe('chart inputs from a document', () => {
  it('treemap uses the 类 level of the general-budget table (201 一般公共服务支出 12,381.29 万元)', () => {
    const fn = functionItems(ganzhou.expenditure_by_function);
    expect(fn.level).toBe('按类');
    // the chart says which money it shows: this one is the general budget, not all funds
    expect(fn.scope).toBe('一般公共预算');
    expect(fn.items.find((i) => i.code === '201')?.value).toBe(12381.29);
    expect(fn.items.map((i) => i.code)).toEqual(['201', '208', '210', '221']);
  });

  it('sankey flows only use stated totals and balance the basic/project split', () => {
    const flows = incomeFlows(ganzhou.totals);
    expect(flows.find((f) => f.source === '财政拨款收入')?.value).toBe(12564.56);
    // 14,783.86 − 12,564.56 = 2,219.30 from other sources and carry-over
    expect(flows.find((f) => f.source === '其他收入及结转')?.value).toBeCloseTo(2219.3, 4);
    expect(flows.find((f) => f.target === '基本支出')?.value).toBe(1053.02);
    expect(flows.find((f) => f.target === '项目支出')?.value).toBe(13730.84);
    expect(incomeFlows({ ...ganzhou.totals, basic_expenditure: null, project_expenditure: null })).toEqual([]);
  });

  it('personnel vs public sums the 类 rows (685.22 / 152.96 万元)', () => {
    const rows = economicSplit(ganzhou.basic_expenditure_by_economic);
    expect(rows).toEqual([
      { label: '人员经费', values: [685.22] },
      { label: '公用经费', values: [152.96] },
    ]);
  });

  it('indicator types count per 一级指标', () => {
    const yun = sample.projects.filter((p) => p.name === '云计算服务基本服务费');
    const t = indicatorTypes(yun);
    expect(t[0]).toEqual({ label: '产出指标', values: [4] });
  });

  it('function codes gather one row per document and code', () => {
    const codes = functionCodes(sample.documents);
    const c = codes.find((x) => x.code === '2010302')!;
    expect(c.name).toBe('一般行政管理事务');
    expect(c.rows[0].total).toBe(4937.63);
  });
});

describe('geometry', () => {
  it('bars are proportional and labels sit on their own lines', () => {
    const g = barChart([{ label: '基本支出', values: [1053.02] }, { label: '项目支出', values: [13730.84] }], [{ name: '金额' }]);
    const [a, b] = g.bars;
    expect(b.w).toBeCloseTo(BAR_WIDTH - 8, 5);
    expect(a.w / b.w).toBeCloseTo(1053.02 / 13730.84, 5);
    // no label overlaps a bar row
    for (const l of g.labels) for (const bar of g.bars) expect(l.y <= bar.y || l.y - 13 >= bar.y + bar.h).toBe(true);
    expect(g.bars.map((x) => x.text)).toEqual(['1,053.02', '13,730.84']);
  });

  it('null values draw no bar but say 未披露', () => {
    const g = barChart([{ label: '公务接待费', values: [null] }], [{ name: '预算数' }]);
    expect(g.bars[0].w).toBe(0);
    expect(g.bars[0].text).toBe('未披露');
  });

  it('treemap areas are proportional and never overlap', () => {
    const items = functionItems(ganzhou.expenditure_by_function).items;
    const g = treemapChart(items);
    const area = (r: { w: number; h: number }) => r.w * r.h;
    const big = g.rects.find((r) => r.title.startsWith('201 '))!;
    const small = g.rects.find((r) => r.title.startsWith('221 '))!;
    expect(area(big) / area(small)).toBeGreaterThan(100);
    for (const r of g.rects) for (const s of g.rects) if (r !== s) expect(r.x + r.w <= s.x + 0.01 || s.x + s.w <= r.x + 0.01 || r.y + r.h <= s.y + 0.01 || s.y + s.h <= r.y + 0.01).toBe(true);
    // small rectangles get no label rather than an overlapping one
    expect(small.lines.length).toBeLessThanOrEqual(1);
  });

  it('sankey nodes keep labels outside the columns', () => {
    const g = sankeyChart(incomeFlows(ganzhou.totals));
    expect(g.nodes.map((n) => n.name).sort()).toEqual(['其他收入及结转', '基本支出', '支出总额', '财政拨款收入', '项目支出'].sort());
    expect(g.links.length).toBe(4);
    for (const n of g.nodes) expect(n.x).toBeGreaterThanOrEqual(150);
  });
});

describe('format helpers', () => {
  it('builds links under a sub-path', () => {
    expect(href('/budget-site/', 'projects/')).toBe('/budget-site/projects/');
    expect(href('/budget-site', '/data/x.csv')).toBe('/budget-site/data/x.csv');
    expect(href('/')).toBe('/');
  });
  it('formats amounts and unknowns', () => {
    expect(wan(12564.56)).toBe('12,564.56 万元');
    expect(wan(null)).toBe('未披露');
    expect(shorten('一二三四五六', 4)).toBe('一二三…');
    expect(safeSlug('2010302')).toBe('2010302');
    expect(safeSlug('赣州')).toMatch(/^[0-9a-f]+$/);
  });
  it('parses CSV with BOM, quotes and newlines', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x,1","y ""q""\nz"\n')).toEqual([
      ['a', 'b'],
      ['x,1', 'y "q"\nz'],
    ]);
  });
});

describe('empty input', () => {
  it('draws nothing rather than a bogus shape', () => {
    expect(treemapChart([]).rects).toEqual([]);
    expect(treemapChart([{ code: '201', name: 'x', value: 0 }]).rects).toEqual([]);
    expect(barChart([], []).bars).toEqual([]);
  });
});

describe('large amounts and terms', async () => {
  const { large } = await import('../../src/lib/format');
  const { termFor, TERMS } = await import('../../src/lib/glossary');
  it('shows 1 亿元 and more in 亿元, smaller amounts in 万元', () => {
    expect(large(1499316.18)).toBe('149.93 亿元');
    expect(large(10000)).toBe('1.00 亿元');
    expect(large(9999.99)).toBe('9,999.99 万元');
    expect(large(null)).toBe('未披露');
  });
  it('finds the explanation of a figure by the label pages use', () => {
    expect(termFor('本年收入合计')?.term).toBe('本年收入');
    expect(termFor('一般公共预算支出')?.id).toBe('general-budget');
    expect(termFor('某某')).toBeUndefined();
    expect(new Set(TERMS.map((t) => t.id)).size).toBe(TERMS.length);
  });
});

describe('projectUnit', async () => {
  const { projectUnit } = await import('../../src/lib/format');
  it('shows a unit that names an organisation other than the department', () => {
    expect(projectUnit({ implementing_unit: '广州市道路养护中心' }, '广州市交通运输局')).toBe('广州市道路养护中心');
    expect(projectUnit({ implementing_unit: '广州市交通运输局' }, '广州市交通运输局')).toBeNull();
    expect(projectUnit({ implementing_unit: '线上(政务服务网、“赣服通”)，线下（实体政务服务大厅）。' }, '某局')).toBeNull();
    expect(projectUnit({ implementing_unit: '“赣服通”经开分厅3.0版。' }, '某局')).toBeNull();
    expect(projectUnit({ implementing_unit: null }, '某局')).toBeNull();
  });
});

describe('phraseFirst (search results)', async () => {
  const { phraseFirst } = await import('../../src/lib/phrase');
  const r = (name: string, content = '') => ({ url: name, excerpt: '', content, meta: { name } });
  it('puts results holding the whole query first (title, then text), keeping Pagefind’s order within each group', () => {
    const out = phraseFirst([r('外派人员经费'), r('包年服务费', '含外包'), r('业务外包经费'), r('信息化运维', '运维外 包服务')], '外包');
    expect(out.map((x) => x.url)).toEqual(['业务外包经费', '包年服务费', '信息化运维', '外派人员经费']);
  });
  it('leaves one-character queries alone', () => {
    const list = [r('乙'), r('甲')];
    expect(phraseFirst(list, '甲')).toBe(list);
  });
});
