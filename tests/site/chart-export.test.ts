/** Every chart's CSV (the plotted numbers), its file and embed locations, and the embed page's address. */
import { describe, expect, it } from 'vitest';
import { barChart, sankeyChart, treemapChart } from '../../src/lib/charts';
import { barCsv, chartLinks, csvNumber, csvText, embedHeight, embedSnippet, sankeyCsv, tableCsv, treemapCsv } from '../../src/lib/chart-export';
import { functionItems, incomeFlows, economicSplit } from '../../src/lib/document';
import { parseCsv } from '../../src/lib/csv';
import { embedParams } from '../../src/lib/embed-params';
import { buildSample } from '../fixtures/site/make-sample';

const sample = buildSample();
const ganzhou = sample.documents.find((d) => d.department === '赣州市行政审批局')!;
const parsed = (csv: ReturnType<typeof barCsv>) => parseCsv(csvText(csv));

describe('chart CSV: exactly the plotted numbers', () => {
  it('treemap: one row per drawn rectangle, its value (201 一般公共服务支出 12381.29)', () => {
    const items = functionItems(ganzhou.expenditure_by_function).items;
    const rows = parsed(treemapCsv(items));
    expect(rows[0]).toEqual(['code', 'name', 'value', 'unit']);
    const drawn = treemapChart(items).rects;
    expect(rows.slice(1).map((r) => [`${r[0]} ${r[1]}`, Number(r[2])])).toEqual(drawn.map((r) => [r.name, r.value]));
    expect(rows[1]).toEqual(['201', '一般公共服务支出', '12381.29', '万元']);
    expect(rows.map((r) => r[0])).toEqual(['code', '201', '208', '210', '221']);
  });

  it('treemap leaves out what it cannot draw (zero and negative amounts)', () => {
    const rows = parsed(treemapCsv([{ code: '201', name: 'A', value: 5 }, { code: '202', name: 'B', value: 0 }, { code: '203', name: 'C', value: -1 }]));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['201']);
  });

  it('sankey: one row per drawn flow (财政拨款收入 → 支出总额 12564.56; 其他收入及结转 2219.3 without float noise)', () => {
    const flows = incomeFlows(ganzhou.totals);
    const rows = parsed(sankeyCsv(flows));
    expect(rows[0]).toEqual(['source', 'target', 'value', 'unit']);
    const drawn = sankeyChart(flows).links.length;
    expect(rows.length - 1).toBe(drawn);
    expect(rows).toContainEqual(['财政拨款收入', '支出总额', '12564.56', '万元']);
    expect(rows).toContainEqual(['其他收入及结转', '支出总额', '2219.3', '万元']);
    expect(rows).toContainEqual(['支出总额', '基本支出', '1053.02', '万元']);
    expect(rows).toContainEqual(['支出总额', '项目支出', '13730.84', '万元']);
  });

  it('bars: one row per bar, label × series, the value each bar is drawn from; 未披露 stays empty', () => {
    const econ = economicSplit(ganzhou.basic_expenditure_by_economic);
    const rows = parsed(barCsv(econ, [{ name: '金额' }]));
    expect(rows).toEqual([
      ['label', 'series', 'value', 'unit'],
      ['人员经费', '金额', '685.22', '万元'],
      ['公用经费', '金额', '152.96', '万元'],
    ]);
    const input = [{ label: '公务接待费', values: [3, 2.5] }, { label: '因公出国(境)费', values: [null, 0] }];
    const series = [{ name: '预算数' }, { name: '决算数' }];
    const two = parsed(barCsv(input, series));
    const g = barChart(input, series);
    expect(two.length - 1).toBe(g.bars.length);
    expect(two.slice(1).map((r) => (r[2] === '' ? null : Number(r[2])))).toEqual(input.flatMap((r) => r.values));
    expect(two[3]).toEqual(['因公出国(境)费', '预算数', '', '万元']);
    expect(parsed(barCsv([{ label: '产出指标', values: [49] }], [{ name: '指标个数' }], '个'))[1]).toEqual(['产出指标', '指标个数', '49', '个']);
  });

  it('numbers are plain (no grouping, no float noise); text cells are quoted and protected like the other downloads', () => {
    expect(csvNumber(12381.29)).toBe('12381.29');
    expect(csvNumber(14783.86 - 12564.56)).toBe('2219.3');
    expect(csvNumber(1234567.1234)).toBe('1234567.1234');
    expect(csvNumber(-0)).toBe('0');
    const text = csvText({ header: ['label', 'value'], rows: [['=cmd()', 1], ['a,"b"', null], ['-5 不是数字', -5]] });
    expect(text.startsWith('\uFEFFlabel,value\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['label', 'value'], ["'=cmd()", '1'], ['a,"b"', ''], ["'-5 不是数字", '-5']]);
  });

  it('a chart that passes only its table gets its numbers read back, headers in English', () => {
    const csv = tableCsv(['项目', '金额（万元）'], [['基本支出', '1,053.02'], ['项目支出', '未披露']]);
    expect(csv.header).toEqual(['column_1', 'column_2']);
    expect(csv.rows).toEqual([['基本支出', 1053.02], ['项目支出', null]]);
  });
});

describe('chart files and the embed page', () => {
  it('a chart on a page has its CSV under charts/ and the one embed page names page and chart in its query', () => {
    const l = chartLinks('/budget-site/', '/budget-site/documents/abc-2022-budget/', 'sankey', 'https://example.org');
    expect(l.csvHref).toBe('/budget-site/charts/documents/abc-2022-budget/sankey.csv');
    expect(l.csvFile).toBe('charts/documents/abc-2022-budget/sankey.csv');
    expect(l.embedHref).toBe('/budget-site/embed/?page=documents/abc-2022-budget/&chart=sankey');
    expect(l.embedUrl).toBe('https://example.org/budget-site/embed/?page=documents/abc-2022-budget/&chart=sankey');
    expect(l.chartUrl).toBe('https://example.org/budget-site/documents/abc-2022-budget/#sankey');
    expect(l.fileName).toBe('documents-abc-2022-budget-sankey');
    expect(embedParams(new URL(l.embedUrl).search)).toEqual({ page: 'documents/abc-2022-budget/', chart: 'sankey' });
    const home = chartLinks('/', '/', 'by-year', undefined);
    expect([home.csvHref, home.embedHref, home.fileName]).toEqual(['/charts/by-year.csv', '/embed/?page=&chart=by-year', 'by-year']);
    expect(embedParams('?page=&chart=by-year')).toEqual({ page: '', chart: 'by-year' });
  });

  it('the embed page takes only a same-site page below the base and a simple chart id', () => {
    for (const bad of [
      '?page=//evil.example/&chart=sankey',
      '?page=https://evil.example/&chart=sankey',
      '?page=javascript:alert(1)&chart=sankey',
      '?page=documents/../../etc/&chart=sankey',
      '?page=../&chart=sankey',
      '?page=/documents/x/&chart=sankey',
      '?page=documents//x/&chart=sankey',
      '?page=documents/x&chart=sankey',
      '?page=documents/x/&chart=a b',
      '?page=documents/x/&chart=x"><script>',
      '?page=documents/x/',
      '?chart=sankey',
      '',
    ]) expect(embedParams(bad), bad).toBeNull();
    expect(embedParams('?chart=tree-2&page=projects/p-1.2/')).toEqual({ page: 'projects/p-1.2/', chart: 'tree-2' });
  });

  it('the snippet is an escaped <iframe> of the embed page', () => {
    const links = chartLinks('/b/', '/b/documents/x/', 'sankey', 'https://example.org');
    const drawing = '<svg viewBox="0 0 640 300" class="svg-chart wide"><text>财政拨款收入</text></svg>';
    const snippet = embedSnippet(links, '收入"来源"', embedHeight(drawing));
    expect(snippet).toMatch(/^<iframe src="https:\/\/example\.org\/b\/embed\/\?page=documents\/x\/&amp;chart=sankey" title="收入&quot;来源&quot;" width="100%" height="\d+"/);
    expect(embedHeight(drawing)).toBeGreaterThan(300);
  });
});
