/**
 * Shared helpers for the reconciliation checks: exact decimal comparison with a stated rounding
 * tolerance, finding construction, and reading codes / totals straight from a published table when
 * no recognizer produced structured rows for it.
 */
import Decimal from 'decimal.js';
import type { DocumentRecord, Finding, Severity, SourceRef, Table } from '../model/schema.js';
import { compact } from '../normalize/text.js';
import { moneyToWan } from '../normalize/amount.js';
import { orphanBasicColumn } from '../recognize/tables/cells.js';

export type CheckDoc = Omit<DocumentRecord, 'findings' | 'parse_notes' | 'disclosure'>;

/** Published figures are rounded to 0.01 万元; two figures closer than this agree. */
export const TOLERANCE = 0.01;
export const TOLERANCE_TEXT = '容差 0.01 万元';

export interface Comparison {
  diff: number; // actual - expected, exact
  /** within TOLERANCE */
  agrees: boolean;
  /** outside TOLERANCE but explainable by rounding each of `terms` figures to 0.01 (≤ 0.005 each) */
  rounding: boolean;
}

/** Compare exactly; `terms` is how many rounded figures were added up to get `expected`. */
export function compare(expected: number, actual: number, terms = 1): Comparison {
  const diff = new Decimal(actual).minus(new Decimal(expected));
  const abs = diff.abs();
  const agrees = abs.lte(TOLERANCE);
  const rounding = !agrees && abs.lte(new Decimal(0.005).times(terms + 1));
  return { diff: diff.toNumber(), agrees, rounding };
}

export function sum(values: Array<number | null | undefined>): number {
  let acc = new Decimal(0);
  for (const v of values) if (v !== null && v !== undefined) acc = acc.plus(new Decimal(v));
  return acc.toNumber();
}

/** Plain decimal text for messages (no float noise, no thousands separators). */
export function fmt(n: number): string {
  return new Decimal(n).toFixed();
}

export function lineText(ref: SourceRef): string {
  return ref.line_start === ref.line_end ? `第 ${ref.line_start} 行` : `第 ${ref.line_start}–${ref.line_end} 行`;
}

export function finding(
  check: string,
  severity: Severity,
  message: string,
  expected: number | null,
  actual: number | null,
  source: SourceRef,
): Finding {
  return { check, severity, message, expected, actual, source };
}

/**
 * Turn a mismatch into a finding, or null when the figures agree. A difference that rounding of the
 * summed figures can explain becomes `info` so it is visible but not an accusation.
 */
export function mismatch(
  check: string,
  severity: Severity,
  what: string,
  expected: number,
  actual: number,
  source: SourceRef,
  terms = 1,
): Finding | null {
  const c = compare(expected, actual, terms);
  if (c.agrees) return null;
  const diff = `${c.diff > 0 ? '+' : ''}${fmt(c.diff)}`;
  if (c.rounding) {
    return finding(check, 'info', `${what}：应为 ${fmt(expected)} 万元，实为 ${fmt(actual)} 万元（差 ${diff} 万元，超出${TOLERANCE_TEXT}，但在 ${terms} 个数四舍五入的误差范围内）`, expected, actual, source);
  }
  return finding(check, severity, `${what}：应为 ${fmt(expected)} 万元，实为 ${fmt(actual)} 万元（差 ${diff} 万元，${TOLERANCE_TEXT}）`, expected, actual, source);
}

/* ---------------------------------------------------------------- reading published tables */

const TOTAL_LABEL = /^(?:栏次)?(?:合计|总计|本年支出合计|本年收入合计|合计数)$/;

export type AmountRole = 'total' | 'basic' | 'project' | 'personnel' | 'public';

const ROLE_PATTERNS: Record<AmountRole, RegExp> = {
  total: /(?:^|\/)(?:合计|总计|小计|本年支出合计|本年收入合计|金额|预算数|决算数)$/,
  basic: /基本支出$/,
  project: /项目支出$/,
  personnel: /人员经费$/,
  // 公用经费, or 日常公用支出 as 浙江's 基本支出预算表 head it
  public: /(?:公用经费|公用支出)$/,
};

/** Column index for an amount role by its (flattened) header, or -1. */
export function roleColumn(table: Table, role: AmountRole): number {
  const i = table.columns.findIndex((c) => ROLE_PATTERNS[role].test(compact(c)));
  // 基本支出 whose group header was lost: "小计 | 人员经费 | 公用经费"
  return i < 0 && role === 'basic' ? orphanBasicColumn(table.columns) : i;
}

function isSerialColumn(table: Table, i: number): boolean {
  return /行次|栏次/.test(compact(table.columns[i] ?? ''));
}

/** The first amount cell after column `after` (skipping 行次 columns), in 万元. */
export function firstAmountAfter(table: Table, cells: string[], after: number, unit: '万元' | '元'): { value: number; col: number } | null {
  for (let i = after + 1; i < cells.length; i++) {
    if (isSerialColumn(table, i)) continue;
    const v = moneyToWan(cells[i], unit);
    if (v === null) continue;
    // a bare 1–3 digit integer followed by another number is a 行次 (row number), not an amount
    if (/^\d{1,3}$/.test(compact(cells[i]))) {
      const next = cells.slice(i + 1).find((c) => c.trim() !== '');
      if (next !== undefined && moneyToWan(next, unit) !== null) continue;
    }
    return { value: v, col: i };
  }
  return null;
}

export interface TableTotalRow {
  total: number | null;
  basic: number | null;
  project: number | null;
  personnel: number | null;
  public: number | null;
  line: number;
}

/** The 合计 row of a classification table (a label cell 合计/总计 and no code), or null. */
export function totalRow(table: Table, docUnit: '万元' | '元'): TableTotalRow | null {
  const unit = table.unit ?? docUnit;
  for (const row of table.rows) {
    const idx = row.cells.findIndex((c) => TOTAL_LABEL.test(compact(c)));
    if (idx < 0 || idx > 3) continue;
    if (row.cells.slice(0, idx).some((c) => /^\d{3,}/.test(compact(c)))) continue;
    const at = (role: AmountRole) => {
      const col = roleColumn(table, role);
      if (col >= 0 && col < row.cells.length) return moneyToWan(row.cells[col], unit);
      // 基本支出 published only as its parts ("基本支出/人员支出", "基本支出/公用经费"): their sum
      if (role === 'basic' || role === 'project') return groupSum(table, row.cells, role === 'basic' ? '基本支出' : '项目支出', unit);
      return null;
    };
    const totalCol = roleColumn(table, 'total');
    const total = totalCol > idx ? moneyToWan(row.cells[totalCol] ?? '', unit) : (firstAmountAfter(table, row.cells, idx, unit)?.value ?? null);
    return { total, basic: at('basic'), project: at('project'), personnel: at('personnel'), public: at('public'), line: row.source_line };
  }
  return null;
}

/** Sum of the columns grouped under one merged header ("基本支出/…"), or null when there are none. */
function groupSum(table: Table, cells: string[], group: string, unit: '万元' | '元'): number | null {
  const members = table.columns.map((c, i) => [compact(c), i] as const).filter(([c]) => c.startsWith(`${group}/`));
  // a group with its own 小计/合计 column: that column is the group's figure (its parts are in it)
  const subtotal = members.find(([c]) => /\/(?:小计|合计)$/.test(c));
  if (subtotal) return moneyToWan(cells[subtotal[1]] ?? '', unit);
  const values = members.map(([, i]) => moneyToWan(cells[i] ?? '', unit));
  return values.some((v) => v !== null) ? sum(values) : null;
}

export interface CodedRow {
  code: string;
  level: 1 | 2 | 3;
  name: string;
  total: number | null;
  line: number;
}

/**
 * Classification rows read directly from a table: codes written in full (201 / 20103 / 2010301),
 * split (201 / 03 / 2010301, the 款 given as two digits under its 类) or joined to the name
 * (201一般公共服务支出). Total = the first amount after the name.
 */
export function codedRows(table: Table, docUnit: '万元' | '元'): CodedRow[] {
  const unit = table.unit ?? docUnit;
  const out: CodedRow[] = [];
  let cls = '';
  for (const row of table.rows) {
    const first = row.cells.findIndex((c) => c.trim() !== '');
    if (first < 0) continue;
    const c0 = compact(row.cells[first]);
    let code = '';
    let name = '';
    let nameIdx = first;
    const joined = /^(\d{3}|\d{5}|\d{7})([\u4e00-\u9fa5（(].*)$/.exec(c0); // not "226,000.00"
    if (/^(\d{3}|\d{5}|\d{7})$/.test(c0)) {
      code = c0;
      nameIdx = row.cells.findIndex((c, i) => i > first && c.trim() !== '' && !/^[\d.,\s-]+$/.test(c));
      name = nameIdx >= 0 ? row.cells[nameIdx].trim() : '';
    } else if (/^\d{2}$/.test(c0) && cls) {
      code = cls + c0;
      nameIdx = row.cells.findIndex((c, i) => i > first && c.trim() !== '' && !/^[\d.,\s-]+$/.test(c));
      name = nameIdx >= 0 ? row.cells[nameIdx].trim() : '';
    } else if (joined) {
      code = joined[1];
      name = joined[2];
    } else continue;
    if (code.length === 3) cls = code;
    if (nameIdx < 0) nameIdx = first;
    const level = (code.length === 3 ? 1 : code.length === 5 ? 2 : 3) as 1 | 2 | 3;
    out.push({ code, level, name, total: firstAmountAfter(table, row.cells, nameIdx, unit)?.value ?? null, line: row.source_line });
  }
  return out;
}

/** Label of a table for messages: its title, else its kind. */
export function tableLabel(t: Table): string {
  return t.title ? `《${t.title}》` : t.kind;
}

export function labelCells(): RegExp {
  return TOTAL_LABEL;
}

/* ---------------------------------------------------------------- reading problems */

/** Placeholder names the grid gives columns whose header it could not read. */
const UNNAMED_COLUMN = /^列\d+$/;
/** Kinds whose figures the checks add up. */
const SUMMED_KINDS = new Set<Table['kind']>([
  'income_expenditure_summary', 'income', 'expenditure', 'fiscal_appropriation_summary', 'general_budget_expenditure',
  'general_budget_basic_expenditure', 'government_fund', 'state_capital', 'procurement', 'project_expenditure', 'three_public',
]);

const baseTitle = (t: string) => t.split('·')[0];
const issuesCache = new WeakMap<CheckDoc, Map<string, string[]>>();

/**
 * Why the structure of a table as read is uncertain, for maintainers (empty: read as published, as
 * far as can be told). A check must not call the published document inconsistent on the strength of
 * such a table. Signals: what a table recognizer marked (`reading_issues`); columns whose header was
 * not understood; the table split into pieces across pages (a piece right after it with the same
 * title); body rows that are the header printed again; amounts on a row with no name (a wrapped row
 * not put back together).
 */
export function readingIssues(doc: CheckDoc, table: Table): string[] {
  let byId = issuesCache.get(doc);
  if (!byId) {
    byId = new Map();
    issuesCache.set(doc, byId);
  }
  const known = byId.get(table.id);
  if (known) return known;
  const out = [...(table.reading_issues ?? [])];
  if (!table.empty && SUMMED_KINDS.has(table.kind)) {
    // a column of figures with no header: which figure it is, is unknown (an empty one does not matter)
    const unnamed = table.columns.filter((c, i) => UNNAMED_COLUMN.test(compact(c)) && table.rows.some((r) => moneyToWan(r.cells[i] ?? '', '万元') !== null)).length;
    if (unnamed > 0) out.push(`有 ${unnamed} 列金额的表头未能识别`);
    if (continuationOf(doc, table) || continuedBy(doc, table)) out.push('表格跨页分成了几段读取，可能有行未接上');
    let repeated = 0;
    let nameless = 0;
    let data = false;
    for (const row of table.rows) {
      const cells = row.cells.map(compact).filter((c) => c !== '');
      if (cells.length === 0) continue;
      const amounts = cells.filter((c) => moneyToWan(c, '万元') !== null);
      const first = !data;
      if (amounts.some((c) => /[.,]/.test(c))) data = true;
      if (first) continue; // rows before the first figures are (the rest of) the header
      // no amounts, a 合计/总计 among short header fragments ("位）", "合计"): the header again
      if (amounts.length === 0 && cells.some((c) => /^(?:合计|总计|小计)$/.test(c)) && cells.every((c) => c.length <= 12 && !/\d/.test(c))) repeated++;
      // amounts with no name at all (not a 栏次 row "1 2 3", not a 类/款/项 code)
      if (amounts.length === cells.length && amounts.some((c) => /[.,]/.test(c)) && !/^\d{3,7}$/.test(cells[0])) nameless++;
    }
    if (repeated > 0) out.push(`表头在表中重复出现 ${repeated} 次（跨页表头被当成了数据行）`);
    if (nameless > 0) out.push(`有 ${nameless} 行只有金额、没有名称（折行未能合并）`);
  }
  byId.set(table.id, out);
  return out;
}

/** Tables in document order, a table's split-off unit sections (t05-2 …) not counted as pieces. */
function neighbours(doc: CheckDoc, table: Table): { prev: Table | null; next: Table | null } {
  const i = doc.tables.indexOf(table);
  const isSection = (t: Table | undefined) => !!t && /-\d+$/.test(t.id);
  let p = i - 1;
  while (p >= 0 && isSection(doc.tables[p])) p--;
  let n = i + 1;
  while (n < doc.tables.length && isSection(doc.tables[n])) n++;
  return { prev: p >= 0 ? doc.tables[p] : null, next: n < doc.tables.length ? doc.tables[n] : null };
}

/** A piece right after `a` carrying its title (or its title·something) and kind: `a` goes on there. */
function samePiece(a: Table, b: Table): boolean {
  if (a.kind !== b.kind || /-\d+$/.test(b.id)) return false;
  const base = baseTitle(a.title);
  return (b.title === base || b.title.startsWith(`${base}·`)) && b.source.line_start - a.source.line_end <= 40;
}

function continuedBy(doc: CheckDoc, table: Table): boolean {
  const { next } = neighbours(doc, table);
  return next !== null && samePiece(table, next);
}

function continuationOf(doc: CheckDoc, table: Table): boolean {
  if (/-\d+$/.test(table.id)) return false;
  const { prev } = neighbours(doc, table);
  return prev !== null && samePiece(prev, table);
}

/** The table whose lines include `line`, or null. */
export function tableAt(doc: CheckDoc, line: number): Table | null {
  return doc.tables.find((t) => t.source.line_start <= line && line <= t.source.line_end) ?? null;
}
