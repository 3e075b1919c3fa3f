/**
 * Chart geometry computed at build time with D3 (no DOM). Each function returns plain shapes that an
 * .astro component turns into inline <svg>; text alternatives come from the same input rows.
 * Layouts avoid overlapping labels at any width: bar labels sit on their own line above the bars,
 * treemap/sankey labels are only drawn where the shape is large enough (the data table has them all).
 */
import { scaleLinear } from 'd3-scale';
import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import { sankey, sankeyLinkHorizontal, sankeyJustify } from 'd3-sankey';
import { shorten, num } from './format';

/** Dark, colour-blind-safe hues: white text on each has contrast ≥ 4.5:1. */
export const PALETTE = ['#1f5f8b', '#a34f00', '#1b6e50', '#8a3a6f', '#4a4a9c', '#9c3a20', '#52621c', '#545454'];
export const SERIES = ['#1f6fb0', '#d18a1c', '#3a9a6b', '#b0527f'];

export const WIDTH = 640;
/** Bar charts are narrower so their text stays readable when scaled down to a phone. */
export const BAR_WIDTH = 400;
/**
 * Phone variants are drawn at about the CSS width of a phone's content column (~340–360px), so
 * their SVG text renders at its nominal size (14–15px) instead of being scaled down to ~9px.
 */
export const NARROW_WIDTH = 340;

export interface BarSeries {
  name: string;
  color?: string;
}
export interface BarRow {
  label: string;
  values: Array<number | null>;
}
export interface BarShape {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  text: string;
  textX: number;
  textAnchor: 'start' | 'end';
  textFill: string;
  title: string;
}
export interface BarChartGeometry {
  width: number;
  height: number;
  labels: Array<{ x: number; y: number; text: string; full: string }>;
  bars: BarShape[];
  legend: Array<{ x: number; y: number; color: string; name: string }>;
}

/** Horizontal grouped bars; each row's label on its own line, one bar per series below it. */
export function barChart(rows: BarRow[], series: BarSeries[], unit = '万元', width = BAR_WIDTH): BarChartGeometry {
  const barH = 16;
  const gap = 4;
  const labelH = 18;
  const legendH = series.length > 1 ? 26 : 0;
  const rowH = labelH + series.length * (barH + gap) + 10;
  const max = Math.max(0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const x = scaleLinear().domain([0, max || 1]).range([0, width - 8]);
  const bars: BarShape[] = [];
  const labels: BarChartGeometry['labels'] = [];
  rows.forEach((r, i) => {
    const top = legendH + i * rowH;
    labels.push({ x: 0, y: top + 13, text: shorten(r.label, Math.floor((width + 60) / 14)), full: r.label });
    r.values.forEach((v, j) => {
      const color = series[j]?.color ?? SERIES[j % SERIES.length];
      const w = v === null ? 0 : Math.max(v > 0 ? 1 : 0, x(Math.max(0, v)));
      const y = top + labelH + j * (barH + gap);
      const text = v === null ? '未披露' : `${num(v)}`;
      // value inside the bar when there is room, otherwise right after it
      const inside = w > width * 0.6;
      bars.push({
        x: 0,
        y,
        w,
        h: barH,
        color,
        text,
        textX: inside ? w - 4 : w + 4,
        textAnchor: inside ? 'end' : 'start',
        textFill: inside ? '#fff' : '#222',
        title: `${r.label} · ${series[j]?.name ?? ''}：${v === null ? '未披露' : `${num(v)} ${unit}`}`,
      });
    });
  });
  const legend = series.length > 1 ? series.map((s, j) => ({ x: j * 110, y: 4, color: s.color ?? SERIES[j % SERIES.length], name: s.name })) : [];
  return { width, height: legendH + rows.length * rowH, labels, bars, legend };
}

export interface TreeItem {
  code: string;
  name: string;
  value: number;
}
export interface TreeRect {
  name: string;
  value: number;
  share: string;
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  title: string;
  lines: string[];
}

/** Squarified treemap of positive values; a label only where at least ~5 characters fit. */
export function treemapChart(items: TreeItem[], height = 360, width = WIDTH, fontSize = 16): { width: number; height: number; rects: TreeRect[] } {
  const positive = items.filter((i) => i.value > 0);
  // with no children d3 would return the root itself as the only leaf
  if (positive.length === 0) return { width, height, rects: [] };
  const total = positive.reduce((s, i) => s + i.value, 0);
  type Node = { name: string; children?: TreeItem[]; value?: number };
  const root = hierarchy<Node | TreeItem>({ name: 'root', children: positive })
    .sum((d) => ('code' in d ? d.value : 0))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  treemap<Node | TreeItem>().size([width, height]).paddingInner(2).tile(treemapSquarify)(root);
  const rects: TreeRect[] = root.leaves().map((leaf, i) => {
    const d = leaf.data as TreeItem;
    const l = leaf as unknown as { x0: number; x1: number; y0: number; y1: number };
    const w = l.x1 - l.x0;
    const h = l.y1 - l.y0;
    const chars = Math.floor((w - 8) / (fontSize + 1));
    const share = total ? `${((100 * d.value) / total).toFixed(1)}%` : '';
    const line = fontSize * 1.25;
    // a number line needs ~0.6em per digit; fall back to the share alone when the value does not fit
    const value = `${num(d.value)}（${share}）`;
    const second = value.length * fontSize * 0.62 <= w - 8 ? value : share;
    const lines = chars >= 4 && h >= line * 2 + 8 ? [shorten(d.name, chars), second] : share.length * fontSize * 0.62 <= w - 8 && h >= line + 4 ? [share] : [];
    return { name: `${d.code} ${d.name}`.trim(), value: d.value, share, x: l.x0, y: l.y0, w, h, color: PALETTE[i % PALETTE.length], title: `${d.code} ${d.name}：${num(d.value)} 万元（${share}）`, lines };
  });
  return { width, height, rects };
}

/** Rough rendered width of a label: CJK characters take 1em, digits and Latin ~0.6em. */
export function textWidth(s: string, font: number): number {
  return Array.from(s).reduce((w, c) => w + (/[\u2E80-\uFFFF]/.test(c) ? font : font * 0.6), 0);
}

/**
 * Label lines beside a Sankey node, fitted to the side column: name and value on two lines when the
 * node is tall enough, else one line (with the value when it fits); nothing for slivers.
 */
function nodeLines(name: string, value: number, h: number, room: number, font: number): string[] {
  if (h < font + 2) return [];
  const v = num(Math.round(value));
  let chars = Array.from(name).length;
  while (chars > 2 && textWidth(shorten(name, chars), font) > room) chars--;
  const label = shorten(name, chars);
  if (h >= font * 2 + 4) return [label, v];
  const one = `${label} ${v}`;
  return textWidth(one, font) <= room ? [one] : [label];
}

export interface Flow {
  source: string;
  target: string;
  value: number;
}
export interface SankeyGeometry {
  width: number;
  height: number;
  nodes: Array<{ x: number; y: number; w: number; h: number; name: string; label: string; lines: string[]; labelX: number; labelY: number; anchor: 'start' | 'end'; color: string; value: number }>;
  links: Array<{ d: string; width: number; color: string; title: string }>;
}

/** Income sources → expenditure; labels outside the node columns, hidden for slivers under 12px. */
export function sankeyChart(flows: Flow[], height = 300, width = WIDTH, side = 150, font = 16): SankeyGeometry {
  const positive = flows.filter((f) => f.value > 0);
  const names = Array.from(new Set(positive.flatMap((f) => [f.source, f.target])));
  const layout = sankey<{ name: string }, { value: number }>()
    .nodeWidth(14)
    .nodePadding(14)
    .nodeAlign(sankeyJustify)
    .extent([
      [side, 8],
      [width - side, height - 8],
    ]);
  const graph = layout({
    nodes: names.map((name) => ({ name })),
    links: positive.map((f) => ({ source: names.indexOf(f.source), target: names.indexOf(f.target), value: f.value })),
  });
  const link = sankeyLinkHorizontal();
  const nodes = graph.nodes.map((n, i) => {
    const x0 = n.x0 ?? 0;
    const x1 = n.x1 ?? 0;
    const y0 = n.y0 ?? 0;
    const y1 = n.y1 ?? 0;
    const left = x0 < width / 2;
    return {
      x: x0,
      y: y0,
      w: x1 - x0,
      h: y1 - y0,
      name: n.name,
      label: y1 - y0 >= 16 ? `${shorten(n.name, 5)} ${num(Math.round(n.value ?? 0))}` : '',
      lines: nodeLines(n.name, n.value ?? 0, y1 - y0, side - 10, font),
      labelX: left ? x0 - 6 : x1 + 6,
      labelY: (y0 + y1) / 2 + 4,
      anchor: (left ? 'end' : 'start') as 'start' | 'end',
      color: PALETTE[i % PALETTE.length],
      value: n.value ?? 0,
    };
  });
  const links = graph.links.map((l) => {
    const s = l.source as { name: string; index?: number };
    const t = l.target as { name: string };
    return {
      d: link(l) ?? '',
      width: Math.max(1, l.width ?? 1),
      color: PALETTE[(s.index ?? 0) % PALETTE.length],
      title: `${s.name} → ${t.name}：${num(l.value)} 万元`,
    };
  });
  return { width, height, nodes, links };
}
