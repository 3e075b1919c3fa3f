/** Formatting and URL helpers shared by pages (pure; unit-tested in tests/site). */
import { departmentPlausible } from '../../scripts/recognize/document/department';

/** Internal link under the configured base path; `path` has no leading slash. */
export function href(base: string, path = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

const fmt2 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 4 });

/** 万元 amount for people: "12,564.56 万元"; null → "未披露". */
export function wan(v: number | null | undefined, unit = '万元'): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '未披露';
  return `${fmt2.format(v)} ${unit}`;
}

const fmtYi = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A large 万元 amount in 亿元 (1 亿元 = 10,000 万元), rounded to 0.01 亿元, for headline cards and
 * sentences; amounts under 1 亿元 stay in 万元. Pages show the exact 万元 figure beside it (title).
 */
export function large(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '未披露';
  return Math.abs(v) >= 10000 ? `${fmtYi.format(v / 10000)} 亿元` : wan(v);
}

/**
 * The project's implementing unit, when it names an organisation other than the department: the unit
 * tells apart projects of one name in titles and lists. A 实施主体 cell that holds a sentence or a
 * description instead of a unit is not shown as one.
 */
export function projectUnit(p: { implementing_unit: string | null }, department: string): string | null {
  const u = p.implementing_unit?.trim();
  // the same test the pipeline applies to department names: an organ's name, not a sentence
  return u && u !== department && departmentPlausible(u) ? u : null;
}

/** Plain number without unit, '' for null (table cells). */
export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  return fmt2.format(v);
}

export function pct(part: number | null | undefined, whole: number | null | undefined): string {
  if (part == null || whole == null || whole === 0) return '';
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** Region label from the most specific known level. */
export function region(d: { province: string | null; city: string | null; county: string | null }): string {
  return [d.province, d.city, d.county].filter((x): x is string => Boolean(x)).join(' ') || '未注明地区';
}

/** The region used for filtering: the city if known, else the province. */
export function regionKey(d: { province: string | null; city: string | null }): string {
  return d.city ?? d.province ?? '未注明地区';
}

/** Shorten a label for a chart; the full text stays in the data table and <title>. */
export function shorten(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** Anchor id for a table on a document page (stable, ASCII). */
export function tableAnchor(tableId: string): string {
  return `table-${tableId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A path segment that is safe ASCII (ids are slugs already; anything else is hex-escaped). */
export function safeSlug(s: string): string {
  return /^[A-Za-z0-9._-]+$/.test(s) ? s : Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function byteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
