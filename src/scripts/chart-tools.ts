/**
 * Every chart's tools (ChartFigure.astro), one small module loaded once per page:
 *  - 下载 SVG: the drawing shown, serialized with its styles inlined, fonts named, title and source added;
 *  - 下载 PNG: the same SVG drawn on a canvas at 2×;
 *  - 复制链接: the page URL with this chart's state and #<chart id>;
 *  - 复制嵌入代码: the <iframe> snippet (readable without script in 嵌入代码).
 * State in the URL: `?<chart id>.<name>=<value>` for every control inside the chart's figure that has a
 * `name` (or anywhere with `data-chart-for="<chart id>"`), and for `<details data-chart-state="name">`
 * (open = 1). It is restored on load (firing `input`/`change`/`toggle`, so a chart's own script
 * redraws) and written back with history.replaceState on every change.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** properties set by style sheets that an exported SVG must carry itself */
const INLINE = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility'];

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function say(fig: HTMLElement, text: string): void {
  const s = fig.querySelector<HTMLElement>('.chart-status');
  if (s) s.textContent = text;
}

/** the drawing on screen (wide or phone variant), else the first */
function shownSvg(fig: HTMLElement): SVGSVGElement | null {
  const all = Array.from(fig.querySelectorAll<SVGSVGElement>('svg.svg-chart'));
  return all.find((s) => s.getBoundingClientRect().width > 0) ?? all[0] ?? null;
}

/** Lines of at most `room` px at `font` px (CJK 1em, other characters ~0.6em). */
function wrap(text: string, room: number, font: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const c of Array.from(text)) {
    const cw = /[\u2E80-\uFFFF]/.test(c) ? font : font * 0.6;
    if (w + cw > room && line) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += c;
    w += cw;
  }
  if (line) lines.push(line);
  return lines;
}

function textEl(x: number, y: number, size: number, fill: string, text: string, bold = false): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('font-size', String(size));
  t.setAttribute('fill', fill);
  if (bold) t.setAttribute('font-weight', '700');
  t.textContent = text;
  return t;
}

/** A standalone SVG of the chart: white background, title above, source below, styles inlined. */
export function exportSvg(fig: HTMLElement): { text: string; width: number; height: number } | null {
  const svg = shownSvg(fig);
  if (!svg) return null;
  const vb = svg.viewBox.baseVal;
  const width = vb && vb.width ? vb.width : svg.getBoundingClientRect().width;
  const h = vb && vb.height ? vb.height : svg.getBoundingClientRect().height;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // what style sheets gave each element, as presentation attributes (a style attribute would break
  // the page's CSP, and a standalone SVG has no style sheet): where the element has no attribute of its
  // own and the value is not simply inherited from its parent
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const styles = new Map<Element, CSSStyleDeclaration>();
  from.forEach((el, i) => {
    if (el.namespaceURI !== SVG_NS || el.tagName === 'title' || el.tagName === 'desc') return;
    const cs = getComputedStyle(el);
    styles.set(el, cs);
    if (i === 0) return;
    const parent = el.parentElement ? styles.get(el.parentElement) : undefined;
    for (const p of INLINE) {
      const v = cs.getPropertyValue(p);
      if (!v || el.hasAttribute(p) || (parent && parent.getPropertyValue(p) === v)) continue;
      to[i].setAttribute(p, v);
    }
  });
  const font = getComputedStyle(svg).fontFamily || 'sans-serif';
  const title = fig.querySelector('.chart-title')?.textContent?.trim() ?? '';
  const context = document.title.replace(/ · 预算公开数据站$/, '');
  const titleLines = wrap(title, width - 4, 15);
  const contextLines = context && context !== '预算公开数据站' ? wrap(context, width - 4, 12) : [];
  const top = 8 + contextLines.length * 16 + titleLines.length * 20 + 8;
  const source = `来源：预算公开数据站 ${location.origin}${location.pathname}#${fig.id}`;
  const sourceLines = wrap(source, width - 4, 11);
  const bottom = 8 + sourceLines.length * 14 + 4;
  const total = top + h + bottom;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(total));
  out.setAttribute('viewBox', `0 ${-top} ${width} ${total}`);
  out.setAttribute('font-family', font);
  out.setAttribute('role', 'img');
  const bg = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: '0', y: String(-top), width: String(width), height: String(total), fill: '#fff' })) bg.setAttribute(k, v);
  out.append(bg);
  let y = -top + 8;
  for (const l of contextLines) out.append(textEl(0, (y += 16) - 3, 12, '#555', l));
  for (const l of titleLines) out.append(textEl(0, (y += 20) - 4, 15, '#222', l, true));
  const body = document.createElementNS(SVG_NS, 'g');
  // what the drawing's root passes down to its shapes
  const rootStyle = styles.get(svg);
  if (rootStyle) for (const p of INLINE) if (rootStyle.getPropertyValue(p)) body.setAttribute(p, rootStyle.getPropertyValue(p));
  body.append(...Array.from(clone.childNodes));
  out.append(body);
  y = h + 8;
  for (const l of sourceLines) out.append(textEl(0, (y += 14) - 3, 11, '#555', l));
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`, width, height: total };
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The SVG drawn on a canvas at 2× (the SVG as a data: URL: the page's CSP allows data: images). */
export async function exportPng(fig: HTMLElement): Promise<Blob | null> {
  const svg = exportSvg(fig);
  if (!svg) return null;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(svg.width * 2);
  canvas.height = Math.round(svg.height * 2);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((ok) => canvas.toBlob(ok, 'image/png'));
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The state-bearing elements of a chart, with the URL key of each. */
function stateElements(fig: HTMLElement): Array<{ key: string; el: Control | HTMLDetailsElement }> {
  const id = fig.id;
  const out: Array<{ key: string; el: Control | HTMLDetailsElement }> = [];
  for (const d of Array.from(fig.querySelectorAll<HTMLDetailsElement>('details[data-chart-state]'))) out.push({ key: `${id}.${d.dataset.chartState}`, el: d });
  const controls = [
    ...Array.from(fig.querySelectorAll<Control>('input[name], select[name], textarea[name]')),
    ...Array.from(document.querySelectorAll<Control>(`[data-chart-for="${CSS.escape(id)}"][name]`)),
  ];
  for (const c of controls) out.push({ key: `${id}.${c.name}`, el: c });
  return out;
}

/** An element's state as text: details and checkboxes 1/0, a radio its value when checked (else null), else the value. */
function current(el: Control | HTMLDetailsElement): string | null {
  if (el instanceof HTMLDetailsElement) return el.open ? '1' : '0';
  if (el instanceof HTMLInputElement && el.type === 'checkbox') return el.checked ? '1' : '0';
  if (el instanceof HTMLInputElement && el.type === 'radio') return el.checked ? el.value : null;
  return el.value;
}

/** What an element puts in the URL: its state when it differs from the page's default, else null. */
function valueOf(el: Control | HTMLDetailsElement, initial: string | null): string | null {
  const v = current(el);
  return v === initial ? null : v;
}

function restore(el: Control | HTMLDetailsElement, value: string): void {
  if (el instanceof HTMLDetailsElement) {
    el.open = value !== '0';
    return;
  }
  if (el instanceof HTMLInputElement && el.type === 'radio') {
    if (el.value !== value || el.checked) return;
    el.checked = true;
  } else if (el instanceof HTMLInputElement && el.type === 'checkbox') {
    const on = value !== '0';
    if (el.checked === on) return;
    el.checked = on;
  } else {
    if (el.value === value) return;
    el.value = value;
  }
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** This chart's state as query parameters on the current URL, and its anchor. */
export function chartUrl(fig: HTMLElement, initial: Map<Element, string | null>): string {
  const url = new URL(location.href);
  for (const k of Array.from(url.searchParams.keys())) if (k.startsWith(`${fig.id}.`)) url.searchParams.delete(k);
  for (const { key, el } of stateElements(fig)) {
    const v = valueOf(el, initial.get(el) ?? null);
    if (v !== null) url.searchParams.set(key, v);
  }
  url.hash = fig.id;
  return url.href;
}

function setUp(fig: HTMLElement): void {
  const name = fig.dataset.chartFile || fig.id;
  const els = stateElements(fig);
  const initial = new Map<Element, string | null>();
  for (const { el } of els) initial.set(el, current(el));
  const params = new URLSearchParams(location.search);
  for (const { key, el } of els) {
    const v = params.get(key);
    if (v !== null) restore(el, v);
  }
  const write = () => {
    // the anchor stays as it is: only the query changes
    const url = new URL(chartUrl(fig, initial));
    url.hash = location.hash;
    if (url.href !== location.href) history.replaceState(history.state, '', url.href);
  };
  // delegated, so controls a chart's script adds later are followed too ('toggle' does not bubble)
  fig.addEventListener('change', write);
  fig.addEventListener('toggle', write, true);
  document.addEventListener('change', (e) => {
    if (e.target instanceof Element && e.target.getAttribute('data-chart-for') === fig.id) write();
  });

  // the snippet names the configured site (SITE_URL); where the page is served is surer
  const snippet = fig.querySelector<HTMLTextAreaElement>('.chart-embed textarea');
  const preview = fig.querySelector<HTMLAnchorElement>('.chart-embed a[href]');
  if (snippet && preview) snippet.value = snippet.value.replace(/^<iframe src="[^"]*"/, `<iframe src="${preview.href.replace(/"/g, '&quot;')}"`);

  for (const b of Array.from(fig.querySelectorAll<HTMLButtonElement>('button[data-chart-action]'))) {
    b.hidden = false;
    b.addEventListener('click', async () => {
      const action = b.dataset.chartAction;
      try {
        if (action === 'svg') {
          const svg = exportSvg(fig);
          if (svg) download(new Blob([svg.text], { type: 'image/svg+xml' }), `${name}.svg`);
          say(fig, '已生成 SVG 文件');
        } else if (action === 'png') {
          const png = await exportPng(fig);
          if (png) download(png, `${name}.png`);
          say(fig, png ? '已生成 PNG 图片' : '无法生成 PNG 图片');
        } else if (action === 'link') {
          const url = chartUrl(fig, initial);
          say(fig, (await copy(url)) ? '已复制本图表的链接' : `本图表的链接：${url}`);
        } else if (action === 'embed') {
          const text = fig.querySelector<HTMLTextAreaElement>('.chart-embed textarea');
          if (!text) return;
          if (await copy(text.value)) say(fig, '已复制嵌入代码');
          else {
            text.select();
            say(fig, '请按 Ctrl+C 复制已选中的代码');
          }
        }
      } catch {
        say(fig, '操作失败，请重试');
      }
    });
  }
  if (location.hash === `#${fig.id}` && Array.from(params.keys()).some((k) => k.startsWith(`${fig.id}.`))) fig.scrollIntoView();
}

for (const fig of Array.from(document.querySelectorAll<HTMLElement>('figure.chart[id]'))) setUp(fig);
