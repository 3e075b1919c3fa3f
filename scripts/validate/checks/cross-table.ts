/**
 * The same figure must agree across tables:
 * - 收入总表 and 支出总表 classify the same money by function; when their 合计 agree (a balanced
 *   budget), each function code must agree too.
 * - 一般公共预算支出表 vs the 一般公共预算 column of 财政拨款收支总表 (类 rows and 本年支出合计).
 * - 一般公共预算支出表's 基本支出 合计 vs 一般公共预算基本支出表's 合计.
 */
import type { Finding, Table } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { moneyToWan } from '../../normalize/amount.js';
import { compare, mismatch, sum, totalRow, type CheckDoc } from '../util.js';
import { economicTables, functionTables, tableName, type TableRows } from './rows.js';

const ref = (file: string, a: number, b = a) => ({ file, line_start: Math.min(a, b), line_end: Math.max(a, b) });

/** Where a table starts in the source (its first row when the table record is missing). */
function position(t: TableRows): number {
  return t.table?.source.line_start ?? Math.min(Number.MAX_SAFE_INTEGER, ...t.rows.map((r) => r.line));
}

/**
 * The counterpart of a table (at line `at`) among `candidates` (at `pos`): among those `preferred`
 * when any are (e.g. whose 合计 agrees), the nearest in the document (ties: the earlier one). A
 * document that repeats its set of tables (per 预算单位, or printed twice) thus compares each table
 * once, with its own set, so findings grow with the number of tables, not with its square.
 */
export function counterpart<T>(at: number, candidates: T[], pos: (c: T) => number, preferred: (c: T) => boolean = () => true): T | null {
  const pool = candidates.some(preferred) ? candidates.filter(preferred) : candidates;
  let best: T | null = null;
  let bestD = Infinity;
  let bestP = Infinity;
  for (const c of pool) {
    const p = pos(c);
    const d = Math.abs(p - at);
    if (d < bestD || (d === bestD && p < bestP)) {
      best = c;
      bestD = d;
      bestP = p;
    }
  }
  return best;
}

function tableTotal(doc: CheckDoc, t: TableRows): number | null {
  const tr = t.table ? totalRow(t.table, doc.unit) : null;
  if (tr?.total != null) return tr.total;
  const top = t.rows.filter((r) => r.level === 1);
  return top.length ? sum(top.map((r) => r.values.total)) : null;
}

function incomeVsExpenditure(doc: CheckDoc, fts: TableRows[]): Finding[] {
  const out: Finding[] = [];
  const incomes = fts.filter((t) => t.kind === 'income');
  const exps = fts.filter((t) => t.kind === 'expenditure');
  // Totals and code maps once per table, not per pair (a long document has hundreds of each).
  const totalOf = new Map(fts.map((t) => [t, tableTotal(doc, t)]));
  for (const inc of incomes) {
    const ti = totalOf.get(inc) ?? null;
    if (ti === null) continue;
    const byCode = new Map(inc.rows.map((r) => [r.code, r]));
    // Final accounts (and budgets with 结转) may legitimately differ by function; compare rows only
    // when the two tables add up to the same 合计 — and only with the nearest such 支出表.
    const agreeing = exps.filter((exp) => {
      const te = totalOf.get(exp) ?? null;
      return te !== null && compare(ti, te).agrees;
    });
    const exp = counterpart(position(inc), agreeing, position);
    if (exp) {
      const te = totalOf.get(exp)!;
      for (const e of exp.rows) {
        const i = byCode.get(e.code);
        if (!i || i.values.total == null || e.values.total == null) continue;
        if (i.values.total === e.values.total) continue; // equal: mismatch() would return null
        const what = `${tableName(exp)}与${tableName(inc)}不一致：${e.code} ${e.name} 支出为 ${e.values.total} 万元（第 ${e.line} 行），收入为 ${i.values.total} 万元（第 ${i.line} 行）；两表合计均为 ${te} 万元，同一科目应相等`;
        const f = mismatch('cross_table', 'error', what, i.values.total, e.values.total, ref(doc.source_file, e.line, i.line));
        if (f) out.push(f);
      }
    }
  }
  return out;
}

/** Strip 序号 (一、 1.), codes and a trailing 支出 so 201一般公共服务支出 matches 一、一般公共服务支出. */
function functionKey(s: string): string {
  return compact(s)
    .replace(/^[一二三四五六七八九十]+、|^\d{3}(?=\D)|^[（(]?\d+[)）.、]/, '')
    .replace(/支出$/, '');
}

/** From 财政拨款收支总表: label → value in its 一般公共预算 column (the first such column right of the label). */
function fiscalGeneralColumn(table: Table, unit: '万元' | '元'): Map<string, { value: number; line: number }> {
  const out = new Map<string, { value: number; line: number }>();
  const general = table.columns.map((c, i) => ({ i, c: compact(c) })).filter((x) => /一般公共预算/.test(x.c) && !/收入/.test(x.c));
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      const key = functionKey(cell);
      if (!key || /^\d|^[\d.,]+$/.test(key)) return;
      const col = general.find((g) => g.i > i);
      if (!col) return;
      const v = moneyToWan(row.cells[col.i] ?? '', table.unit ?? unit);
      if (v !== null && !out.has(key)) out.set(key, { value: v, line: row.source_line });
    });
  }
  return out;
}

function generalVsFiscal(doc: CheckDoc, fts: TableRows[]): Finding[] {
  const out: Finding[] = [];
  const fiscal = doc.tables
    .filter((t) => t.kind === 'fiscal_appropriation_summary' && !t.empty)
    .map((table) => ({ table, col: fiscalGeneralColumn(table, doc.unit) }))
    .filter((x) => x.col.size > 0);
  // a 财政拨款支出表 (same kind, but 政府性基金 … too) is not compared with the 一般公共预算 column
  const general = fts.filter((t) => t.kind === 'general_budget_expenditure' && !(/财政拨款/.test(t.table?.title ?? '') && !/一般公共预算/.test(t.table?.title ?? '')));
  for (const g of general) {
    const gTotal = g.table ? totalRow(g.table, doc.unit) : null;
    // its own 财政拨款收支总表: the nearest, preferring one whose 一般公共预算 本年支出合计 agrees
    const agrees = (x: (typeof fiscal)[number]) => {
      const hit = x.col.get('本年支出合计');
      return gTotal?.total != null && hit !== undefined && compare(hit.value, gTotal.total).agrees;
    };
    const pick = counterpart(position(g), fiscal, (x) => x.table.source.line_start, agrees);
    if (!pick) continue;
    const { table: f, col } = pick;
    for (const r of g.rows.filter((x) => x.level === 1)) {
      const hit = col.get(functionKey(r.name));
      if (!hit || r.values.total == null) continue;
      const what = `${tableName(g)}与《${f.title}》一般公共预算列不一致：${r.code} ${r.name}（第 ${r.line} 行 vs 第 ${hit.line} 行）`;
      const x = mismatch('cross_table', 'error', what, hit.value, r.values.total, ref(doc.source_file, r.line, hit.line));
      if (x) out.push(x);
    }
    const hit = col.get('本年支出合计');
    if (gTotal?.total != null && hit) {
      const what = `${tableName(g)}合计与《${f.title}》一般公共预算本年支出合计不一致（第 ${gTotal.line} 行 vs 第 ${hit.line} 行）`;
      const x = mismatch('cross_table', 'error', what, hit.value, gTotal.total, ref(doc.source_file, gTotal.line, hit.line));
      if (x) out.push(x);
    }
  }
  return out;
}

function generalBasicVsEconomic(doc: CheckDoc, fts: TableRows[]): Finding[] {
  const out: Finding[] = [];
  const general = fts.filter((t) => t.kind === 'general_budget_expenditure');
  const econ = [
    ...economicTables(doc),
    ...doc.tables
      .filter((t) => t.kind === 'general_budget_basic_expenditure' && !doc.basic_expenditure_by_economic.some((r) => r.table_id === t.id))
      .map((table) => ({ table, table_id: table.id, kind: table.kind, rows: [] })),
  ];
  // each 基本支出表's 合计: its 合计 row; side-by-side layouts have no single 合计: Σ 类
  const valued = econ
    .map((e) => {
      const et = e.table ? totalRow(e.table, doc.unit) : null;
      let value: number | null = et?.total ?? null;
      let line = et?.line ?? 0;
      if (value === null && e.rows.length > 0) {
        const top = e.rows.filter((r) => r.level === 1);
        value = sum(top.map((r) => r.values.total));
        line = top[0]?.line ?? 0;
      }
      return { ...e, value, line };
    })
    .filter((e): e is typeof e & { value: number } => e.value !== null && e.line !== 0);
  for (const g of general) {
    const gt = g.table ? totalRow(g.table, doc.unit) : null;
    if (gt?.basic == null) continue;
    const basic = gt.basic;
    // its own 基本支出表: the nearest, preferring one whose 合计 agrees
    const e = counterpart(position(g), valued, position, (x) => compare(basic, x.value).agrees);
    if (e) {
      const { value, line } = e;
      const what = `${tableName(g)}的基本支出合计与${tableName(e)}的合计不一致（第 ${gt.line} 行 vs 第 ${line} 行）`;
      const x = mismatch('cross_table', 'error', what, gt.basic, value, ref(doc.source_file, gt.line, line), Math.max(1, e.rows.filter((r) => r.level === 1).length));
      if (x) out.push(x);
    }
  }
  return out;
}

export function checkCrossTable(doc: CheckDoc): Finding[] {
  const fts = functionTables(doc);
  return [...incomeVsExpenditure(doc, fts), ...generalVsFiscal(doc, fts), ...generalBasicVsEconomic(doc, fts)];
}
