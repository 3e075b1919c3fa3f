/**
 * The embed page (src/pages/embed/index.astro): reads `page` and `chart` from its address, fetches
 * that page of the site (same origin), and shows `figure#<chart>`'s drawing, title and description with
 * the source line linking back to the chart on its page, the CSV link and the licence line.
 */
import { embedParams } from '../lib/embed-params';

const body = document.body;
const main = document.querySelector('main')!;
const base = body.dataset.base || '/';
const message = main.querySelector<HTMLElement>('.embed-message')!;
const text = message.querySelector<HTMLElement>('.embed-message-text')!;
const back = message.querySelector<HTMLAnchorElement>('.embed-back')!;

function say(what: string, backHref?: string): void {
  text.textContent = what;
  if (backHref) {
    back.href = backHref;
    back.textContent = '在原页面查看图表';
  } else back.remove();
  message.hidden = false;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  e.textContent = content;
  return e;
}

function link(url: string, label: string, attrs: Record<string, string>): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = url;
  a.textContent = label;
  for (const [k, v] of Object.entries(attrs)) a.setAttribute(k, v);
  return a;
}

async function show(): Promise<void> {
  const params = embedParams(location.search);
  if (!params) {
    say('嵌入地址无效：参数 page 须为本站页面的相对路径（不含协议、“//”或“..”），chart 须为图表编号。');
    return;
  }
  const pageUrl = new URL(base + params.page, location.href);
  const backHref = `${pageUrl.pathname}#${params.chart}`;
  say('正在载入图表……', backHref);
  let html: string;
  try {
    const res = await fetch(pageUrl.href, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(String(res.status));
    html = await res.text();
  } catch {
    say('无法载入图表所在的页面。', backHref);
    return;
  }
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const source = doc.getElementById(params.chart);
  if (!source || !source.matches('figure.chart')) {
    say('该页面上没有这个图表。', backHref);
    return;
  }
  const title = source.querySelector('.chart-title')?.textContent ?? '';
  const desc = source.querySelector('.chart-desc')?.textContent ?? '';
  const context = (doc.title || '').replace(/\s*·\s*预算公开数据站$/, '');

  const fig = document.createElement('figure');
  fig.className = 'chart';
  fig.id = params.chart;
  const cap = document.createElement('figcaption');
  if (context && context !== '预算公开数据站') cap.append(el('span', 'embed-context', context));
  cap.append(el('span', 'chart-title', title), el('span', 'chart-desc', desc));
  fig.append(cap);
  // the drawing: what the figure holds besides its caption, tools and data table
  for (const n of Array.from(source.childNodes)) {
    if (n instanceof Element && (n.matches('figcaption, .chart-tools, .chart-data, script') || n.querySelector('script'))) continue;
    fig.append(document.importNode(n, true));
  }
  const p = el('p', 'embed-source', '来源：');
  p.append(link(backHref, '预算公开数据站', { target: '_blank', rel: 'noopener' }), '（据各部门公开的预算、决算文件）');
  if (body.dataset.date) p.append(` · 数据日期 ${body.dataset.date}`);
  const csv = source.querySelector<HTMLAnchorElement>('.chart-tools a[download]');
  const csvHref = csv?.getAttribute('href');
  if (csv && csvHref) p.append(' · ', link(new URL(csvHref, pageUrl).pathname, '数据 CSV', { download: csv.getAttribute('download') ?? '' }));
  p.append(' · 许可：', link(body.dataset.licenceUrl ?? '', body.dataset.licenceName ?? '', { rel: 'license', target: '_blank' }));
  fig.append(p);
  message.remove();
  main.append(fig);
  document.title = `${title}${context && context !== '预算公开数据站' ? ` · ${context}` : ''} · 预算公开数据站`;
}

void show();
