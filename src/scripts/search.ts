/**
 * Search page: Pagefind's JS API with our own result list (name, department, year, budget), filters
 * and budget sort. Loaded as a bundled file, so the CSP needs no inline script.
 */
import { phraseFirst, type PfResultData } from '../lib/phrase';

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: Record<string, unknown>): Promise<{ results: Array<{ data(): Promise<PfResultData> }> } | null>;
}

const root = document.querySelector<HTMLElement>('#search');
const form = document.querySelector<HTMLFormElement>('#search-form');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
/** results shown per step: each shown result fetches its own fragment */
const PAGE = 30;

/** Pagefind excerpts contain only <mark> around hits; rebuild them as text nodes, never as HTML. */
function excerptNodes(excerpt: string): Node[] {
  const out: Node[] = [];
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let marked = false;
  const decode = (s: string) => new DOMParser().parseFromString(`<!doctype html><body>${s}`, 'text/html').body.textContent ?? '';
  for (const p of parts) {
    if (p === '<mark>') marked = true;
    else if (p === '</mark>') marked = false;
    else if (p) {
      const text = document.createTextNode(decode(p.replace(/<[^>]*>/g, '')));
      if (marked) {
        const m = document.createElement('mark');
        m.appendChild(text);
        out.push(m);
      } else out.push(text);
    }
  }
  return out;
}

/**
 * Ranking: a project whose name holds the query should come first. Pagefind cuts a Chinese query such
 * as 赣服通 into single characters, so pages with many 赣 (赣州…) used to win on term frequency. The
 * project heading carries data-pagefind-weight=10, and a high termSimilarity favours pages where the
 * matched words are the whole query over pages that only share characters with it (measured on the
 * e2e queries; a `name` meta weight was tried and made it worse: it boosts any name holding 赣).
 */
const RANKING = { termSimilarity: 5 };

function money(v: string | undefined): string {
  if (!v) return '';
  const n = Number(v);
  return Number.isFinite(n) ? `${n.toLocaleString('zh-CN', { maximumFractionDigits: 4 })} 万元` : '';
}

/** pagefind/bundles.json, written by scripts/cli/search-index.ts: one Pagefind bundle per fiscal year. */
interface Bundle {
  key: string;
  label: string;
  path: string;
  pages: number;
}
interface BundleManifest {
  default: string;
  bundles: Bundle[];
  /** one bundle of every page on small sites; else "all" merges the year bundles */
  all: Bundle | null;
}

/** The bundles a scope searches: one year, or every year ("all"). */
function bundlesOf(manifest: BundleManifest, scope: string): Bundle[] {
  if (scope !== 'all') return manifest.bundles.filter((b) => b.key === scope);
  return manifest.all ? [manifest.all] : manifest.bundles;
}

async function main() {
  if (!root || !form || !status || !list) return;
  const base = root.dataset.base ?? '/';
  const params = new URLSearchParams(location.search);
  for (const el of Array.from(form.elements) as HTMLInputElement[]) if (el.name && params.get(el.name)) el.value = params.get(el.name) ?? '';
  const headerQ = document.querySelector<HTMLInputElement>('#site-q');
  if (headerQ && params.get('q')) headerQ.value = params.get('q') ?? '';

  // Scope: the year select chooses which bundles are loaded. A first visit gets the manifest's default
  // (all years while that is small enough to fetch, else the newest year; see scripts/postbuild/search-bundles.ts).
  const scopeSel = form.querySelector<HTMLSelectElement>('select[data-scope]');
  const pfRoot = root.dataset.bundle ?? `${base}pagefind/`;
  let pf: Pagefind;
  let manifest: BundleManifest;
  let scope: string;
  try {
    const res = await fetch(`${pfRoot}bundles.json`);
    if (!res.ok) throw new Error(String(res.status));
    manifest = (await res.json()) as BundleManifest;
    if (!manifest.bundles.length) throw new Error('empty');
    const wanted = params.get('year') ?? '';
    scope = wanted === 'all' || manifest.bundles.some((b) => b.key === wanted) ? wanted : manifest.default;
    if (scopeSel) {
      scopeSel.replaceChildren(
        new Option(`全部年份（${manifest.bundles.length} 个年度）`, 'all'),
        ...manifest.bundles.map((b) => new Option(b.label, b.key)),
      );
      scopeSel.value = scope;
    }
    const [first, ...rest] = bundlesOf(manifest, scope);
    pf = (await import(/* @vite-ignore */ `${pfRoot}${first.path}pagefind.js`)) as Pagefind;
    await pf.options({ baseUrl: base, ranking: RANKING });
    await pf.init();
    for (const b of rest) await pf.mergeIndex(`${pfRoot}${b.path}`, { baseUrl: base, ranking: RANKING });
  } catch {
    status.textContent = '搜索索引尚未生成（运行 npm run build 后可用）。';
    return;
  }
  // Another scope needs other bundles: load the page again with it.
  scopeSel?.addEventListener('change', (e) => {
    e.stopPropagation();
    const url = new URL(location.href);
    const f = new FormData(form);
    url.search = new URLSearchParams([...(f.entries() as Iterable<[string, string]>)].filter(([, v]) => v)).toString();
    location.assign(url);
  });
  // Filter options are loaded only when the reader turns to the filters (or the URL already uses one):
  // pf.filters() fetches every filter index, which a plain keyword search does not need.
  const selects = Array.from(form.querySelectorAll<HTMLSelectElement>('select[data-filter]'));
  let filtersLoaded: Promise<void> | null = null;
  const loadFilters = () =>
    (filtersLoaded ??= pf.filters().then((filters) => {
      for (const sel of selects) {
        const key = sel.dataset.filter ?? '';
        const wanted = sel.value;
        for (const o of Array.from(sel.querySelectorAll('option[data-from-url]'))) o.remove();
        for (const value of Object.keys(filters[key] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
          const o = document.createElement('option');
          o.value = value;
          o.textContent = `${value}（${filters[key][value]}）`;
          sel.appendChild(o);
        }
        sel.value = wanted;
      }
      form.dataset.filtersReady = '1';
    }));
  for (const sel of selects) {
    const key = sel.dataset.filter ?? '';
    const wanted = params.get(key);
    // keep a filter given in the URL selectable before the options arrive
    if (wanted) {
      const o = document.createElement('option');
      o.value = wanted;
      o.textContent = wanted;
      o.dataset.fromUrl = '1';
      sel.appendChild(o);
      sel.value = wanted;
    }
    sel.addEventListener('focus', () => void loadFilters(), { once: true });
    sel.addEventListener('pointerdown', () => void loadFilters(), { once: true });
  }
  if (selects.some((s) => params.get(s.dataset.filter ?? ''))) void loadFilters();

  let seq = 0;
  const run = async () => {
    const my = ++seq;
    const f = new FormData(form);
    const q = String(f.get('q') ?? '').trim();
    const chosen: Record<string, string> = {};
    for (const k of selects.map((s) => s.dataset.filter ?? '')) if (f.get(k)) chosen[k] = String(f.get(k));
    const sortKey = String(f.get('sort') ?? '');
    const opts: Record<string, unknown> = { filters: chosen };
    if (sortKey) opts.sort = { budget: sortKey === 'budget-asc' ? 'asc' : 'desc' };
    const url = new URL(location.href);
    url.search = new URLSearchParams([...(f.entries() as Iterable<[string, string]>)].filter(([, v]) => v)).toString();
    history.replaceState(null, '', url);
    if (more) more.hidden = true;
    if (!q && Object.keys(chosen).length === 0 && !sortKey) {
      list.replaceChildren();
      status.textContent = '输入关键词开始搜索。';
      return;
    }
    status.textContent = '正在搜索…';
    const res = await pf.search(q || null, opts);
    if (my !== seq) return;
    const results = res?.results ?? [];
    const data = await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
    if (my !== seq) return;
    const where = scope === 'all' ? '' : `在${manifest.bundles.find((b) => b.key === scope)?.label ?? scope}中`;
    const counted = () => (results.length > list.children.length ? `，显示前 ${list.children.length} 条` : '');
    // a budget sort keeps Pagefind's order; a keyword search puts whole-phrase matches first
    list.replaceChildren(...(sortKey ? data : phraseFirst(data, q)).map(resultItem));
    const summary = document.createTextNode(results.length ? `${where}找到 ${results.length} 条结果${counted()}` : `${where}没有找到结果，换个关键词试试。`);
    status.replaceChildren(summary);
    if (scope !== 'all' && manifest.bundles.length > 1) {
      const all = new URL(url);
      all.searchParams.set('year', 'all');
      const a = document.createElement('a');
      a.href = all.toString();
      a.id = 'search-all-years';
      a.textContent = '在全部年份中搜索';
      status.append('（', a, '）');
    }
    // the rest of the results, a step at a time, as long as the reader asks
    if (more) {
      more.hidden = results.length <= list.children.length;
      more.onclick = async () => {
        const from = list.children.length;
        more.disabled = true;
        const next = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
        more.disabled = false;
        if (my !== seq) return;
        list.append(...(sortKey ? next : phraseFirst(next, q)).map(resultItem));
        summary.textContent = `${where}找到 ${results.length} 条结果${counted()}`;
        more.hidden = results.length <= list.children.length;
        // keyboard and screen-reader users land on the first new result
        (list.children[from]?.querySelector('a') as HTMLAnchorElement | null)?.focus();
      };
    }
  };
  const resultItem = (d: PfResultData): HTMLLIElement => {
    const li = document.createElement('li');
    li.className = 'result';
    li.dataset.type = d.meta.type ?? '';
    const a = document.createElement('a');
    a.href = d.url;
    a.className = 'r-title';
    a.textContent = d.meta.name ?? d.meta.title ?? d.url;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = [d.meta.type, d.meta.department, d.meta.year && `${d.meta.year} 年`, money(d.meta.budget) && `${d.meta.type === '项目' ? '预算' : '支出'} ${money(d.meta.budget)}`].filter(Boolean).join(' · ');
    const ex = document.createElement('p');
    ex.className = 'r-excerpt';
    ex.append(...excerptNodes(d.excerpt));
    li.append(a, meta, ex);
    return li;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  form.addEventListener('change', () => void run());
  let t: number | undefined;
  form.querySelector('#search-q')?.addEventListener('input', () => {
    clearTimeout(t);
    t = window.setTimeout(() => void run(), 250);
  });
  await run();
}

void main();

export {};
