/**
 * Headline totals with their source rows. Summary tables (收支总表) are read by unfolding their
 * side-by-side groups into (label, amount) pairs: income on the left, expenditure on the right.
 * Fallbacks: the 收入总表 / 支出总表 total rows, the 一般公共预算支出表 total, the 三公 and 采购 totals.
 */
import type { MoneyUnit, Procurement, SourceRef, Table, ThreePublic, Totals } from '../../../model/schema.js';
import type { DocumentKind } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { moneyToWan, sumExact } from '../../../normalize/amount.js';
import { compact, isNumberCell, stripNumbering } from '../cells.js';
import { findCol, isPreviousOrChange, isTotalRow, previousColumn, readAmount, tableUnit, totalRowOf } from './common.js';
import { amountColumns, basicOf, projectOf } from './function.js';
import { defineRecognizer } from '../../registry.js';

/**
 * Each total with its source row, the previous year's figure when that row prints one beside it, and
 * (a 决算) the 年初预算数 / 调整预算数 it prints beside its 决算数.
 */
export type TableTotals = Partial<Record<keyof Totals, { value: number; source: SourceRef } & Beside>>;
interface Beside {
  previous?: number;
  initial_budget?: number;
  final_budget?: number;
}
/** Only the figures printed (null and undefined dropped). */
const beside = (b: { [K in keyof Beside]?: number | null }): Beside =>
  Object.fromEntries(Object.entries(b).filter(([, v]) => v !== null && v !== undefined)) as Beside;

/** The three parts of 财政拨款 income, as a summary table names them when it prints no 财政拨款 line. */
const FISCAL_PARTS = [/^一般公共预算(?:拨款)?(?:收入)?$/, /^政府性基金(?:预算)?(?:拨款)?(?:收入)?$/, /^国有资本经营(?:预算)?(?:拨款)?(?:收入)?$/];

interface Pair {
  label: string;
  value: number | null;
  /** the previous year's figure printed beside it (a 上年预算数 / 2025年 column of its group), when printed */
  previous?: number | null;
  /** a 决算's budgets printed beside its 决算数 in the same group (年初预算数, 调整/全年预算数) */
  initial_budget?: number | null;
  final_budget?: number | null;
  side: 'income' | 'expenditure';
  line: number;
}

/** Unfold a side-by-side summary table: each text cell is a label, the next amount cell its value. */
export function unfoldPairs(ctx: RecognizeContext, t: Table): Pair[] {
  const unit = tableUnit(ctx, t);
  const skip = t.columns.map((c) => /行次|栏次/.test(c));
  // a group starts at each label column; its side comes from the header ("收入"/"支出"), else its order
  const labelCols = t.columns
    .map((_, i) => i)
    .filter((i) => !skip[i] && t.rows.some((r) => /[\u4e00-\u9fa5]/.test(r.cells[i] ?? '') && !isNumberCell(r.cells[i] ?? '')));
  const out: Pair[] = [];
  labelCols.forEach((lc, g) => {
    const next = labelCols[g + 1] ?? t.columns.length;
    // the group's amount: its first column, past a previous year's and a change column ("上年预算数 | 本年预算数 | 增减")
    // and, in a 决算, past its budget columns ("年初预算数 | 调整预算数 | 决算数")
    let vc = -1;
    let pc = -1;
    const final = ctx.kind === 'final_account' && t.columns.slice(lc + 1, next).some((c) => /决算/.test(compact(c)));
    let ic = -1;
    let fc = -1;
    for (let i = lc + 1; i < next; i++) {
      if (skip[i]) continue;
      if (isPreviousOrChange(t.columns[i], ctx.fiscal_year)) {
        if (pc < 0 && previousColumn([t.columns[i]], ctx.fiscal_year) === 0) pc = i;
        continue;
      }
      if (final && /年初预算/.test(compact(t.columns[i]))) {
        if (ic < 0) ic = i;
        continue;
      }
      if (final && /调整(?:后)?预算|全年预算/.test(compact(t.columns[i]))) {
        if (fc < 0) fc = i;
        continue;
      }
      if (vc < 0) vc = i;
    }
    if (vc < 0) return;
    const h = t.columns.slice(lc, next).join('|');
    const side = /支出/.test(h) ? 'expenditure' : /收入/.test(h) ? 'income' : g === 0 ? 'income' : 'expenditure';
    for (const r of t.rows) {
      const label = stripNumbering(r.cells[lc] ?? '');
      if (!label) continue;
      const at = (i: number) => (i >= 0 ? readAmount(ctx, r.cells[i], unit, r.source_line) : undefined);
      out.push({ label, value: readAmount(ctx, r.cells[vc], unit, r.source_line), side, line: r.source_line, ...beside({ previous: at(pc), initial_budget: at(ic), final_budget: at(fc) }) });
    }
  });
  return out;
}

export function collectTotals(
  ctx: RecognizeContext,
  tables: Table[],
  three: ThreePublic[],
  procurement: Procurement[],
  kind: DocumentKind,
): TableTotals {
  const out: TableTotals = {};
  const set = (k: keyof Totals, value: number | null, line_start: number, line_end = line_start, also: { [K in keyof Beside]?: number | null } = {}) => {
    if (value === null || out[k]) return;
    out[k] = { value, source: ctx.ref(line_start, line_end), ...beside(also) };
  };

  // 1. 收支总表
  for (const t of tables.filter((x) => x.kind === 'income_expenditure_summary' && !x.empty)) {
    const pairs = unfoldPairs(ctx, t);
    const find = (side: Pair['side'], re: RegExp) => pairs.find((p) => p.side === side && re.test(p.label) && p.value !== null);
    const put = (k: keyof Totals, p: Pair | undefined) => p && set(k, p.value, p.line, p.line, { previous: p.previous, initial_budget: p.initial_budget, final_budget: p.final_budget });
    put('income_total', find('income', /^(收入)?总计$/));
    put('current_year_income', find('income', /^本年收入(合计|小计)$/));
    put('expenditure_total', find('expenditure', /^(支出)?总计$/));
    put('current_year_expenditure', find('expenditure', /^本年支出(合计|小计)$/));
    // 财政拨款收入: the 财政拨款 income lines of the summary, summed exactly
    // (广州 prints it as "一、预算拨款": 财政拨款 by another name)
    const fiscal = pairs.filter((p) => p.side === 'income' && /财政拨款|^预算拨款(?:收入)?$/.test(p.label) && !/结转|结余|上年/.test(p.label) && p.value !== null);
    if (fiscal.length > 0) set('fiscal_appropriation', sumExact(fiscal.map((p) => p.value)), Math.min(...fiscal.map((p) => p.line)), Math.max(...fiscal.map((p) => p.line)));
    else {
      // no 财政拨款 line, only its parts: 一般公共预算 + 政府性基金 + 国有资本经营预算 拨款收入
      const parts = FISCAL_PARTS.map((re) => pairs.filter((p) => p.side === 'income' && re.test(p.label)));
      if (parts.every((ps) => ps.length <= 1) && parts[0].length === 1 && parts.flat().every((p) => p.value !== null)) {
        const ps = parts.flat();
        set('fiscal_appropriation', sumExact(ps.map((p) => p.value)), Math.min(...ps.map((p) => p.line)), Math.max(...ps.map((p) => p.line)));
      }
    }
  }

  // 2. 收入总表: 合计 row (includes 上年结转 when that column exists)
  for (const t of tables.filter((x) => x.kind === 'income' && !x.empty)) {
    const row = totalRowOf(t, ctx.department, tables);
    if (!row) continue;
    const unit = tableUnit(ctx, t);
    const totalCol = findCol(t.columns, /(合计|总计)$/, /编码|名称/);
    const carryCol = findCol(t.columns, /上年结转|结转结余|上年结余/);
    const fiscalCol = findCol(t.columns, /财政拨款(收入)?(\/小计|\/合计)?$/);
    const total = totalCol >= 0 ? readAmount(ctx, row.cells[totalCol], unit, row.source_line) : null;
    set('income_total', total, row.source_line);
    const carry = carryCol >= 0 ? readAmount(ctx, row.cells[carryCol], unit, row.source_line) : null;
    if (!carry) set('current_year_income', total, row.source_line);
    if (fiscalCol >= 0) set('fiscal_appropriation', readAmount(ctx, row.cells[fiscalCol], unit, row.source_line), row.source_line);
    else {
      // separate 一般公共预算/政府性基金/国有资本 拨款 columns
      let cols = t.columns.map((c, i) => (/财政拨款|拨款收入/.test(c) && !/非财政/.test(c) ? i : -1)).filter((i) => i >= 0);
      // or columns named only 一般公共预算 / 政府性基金预算 / 国有资本经营预算, matched by their joined
      // text ("本年收入/国有资/本经营预算"), never under 上年结转
      if (cols.length === 0) {
        const joined = t.columns.map((c) => compact(c).replace(/\//g, ''));
        const at = FISCAL_PARTS.map((re) => joined.flatMap((c, i) => (!/结转|结余/.test(c) && re.test(c.replace(/^.*?(?=一般公共预算|政府性基金|国有资本经营)/, '')) ? [i] : [])));
        if (at.every((x) => x.length <= 1) && at[0].length === 1) cols = at.flat();
      }
      const vals = cols.map((i) => readAmount(ctx, row.cells[i], unit, row.source_line));
      if (vals.some((v) => v !== null)) set('fiscal_appropriation', sumExact(vals), row.source_line);
    }
  }

  // 3. 支出总表 (all funds): 合计 row → basic / project / 本年支出合计
  for (const t of tables.filter((x) => x.kind === 'expenditure' && !x.empty)) {
    const row = totalRowOf(t, ctx.department, tables);
    if (!row) continue;
    const unit = tableUnit(ctx, t);
    const cols = amountColumns(t.columns, ctx.fiscal_year, ctx.kind === 'final_account');
    const at = (i: number) => (i >= 0 ? readAmount(ctx, row.cells[i], unit, row.source_line) : null);
    set('basic_expenditure', basicOf(cols, at), row.source_line);
    set('project_expenditure', projectOf(cols, at), row.source_line);
    const total = at(cols.total);
    // a 上年 column gives the previous year's total (never its 基本/项目 split: it prints one figure)
    // and a 决算's 年初/调整预算 columns its total's budgets
    const also = { previous: at(cols.previous), initial_budget: at(cols.budgets.initial), final_budget: at(cols.budgets.final) };
    set('current_year_expenditure', total, row.source_line, row.source_line, also);
    const carryCol = findCol(t.columns, /结转下年|年末结转/);
    if (!(carryCol >= 0 && at(carryCol))) set('expenditure_total', total, row.source_line, row.source_line, also);
  }

  // 4. 一般公共预算支出表 total — a 财政拨款支出表 (same kind, wider scope: also 政府性基金 …) only when
  //    no table says 一般公共预算
  const general = tables.filter((x) => x.kind === 'general_budget_expenditure' && !x.empty);
  const saysGeneral = (t: Table) => /一般公共预算/.test(compact(t.title));
  for (const t of [...general.filter(saysGeneral), ...general.filter((x) => !saysGeneral(x))]) {
    const row = totalRowOf(t, ctx.department, tables);
    if (!row) continue;
    const cols = amountColumns(t.columns, ctx.fiscal_year, ctx.kind === 'final_account');
    const at = (i: number) => (i >= 0 ? readAmount(ctx, row.cells[i], tableUnit(ctx, t), row.source_line) : null);
    const also = { previous: at(cols.previous), initial_budget: at(cols.budgets.initial), final_budget: at(cols.budgets.final) };
    if (cols.total >= 0) set('general_budget_expenditure', at(cols.total), row.source_line, row.source_line, also);
  }

  // 5. 财政拨款收支总表: 本年收入合计 is the 财政拨款 income when nothing else said it
  for (const t of tables.filter((x) => x.kind === 'fiscal_appropriation_summary' && !x.empty)) {
    const p = unfoldPairs(ctx, t).find((x) => x.side === 'income' && /^本年收入(合计|小计)?$/.test(x.label) && x.value !== null);
    if (p) set('fiscal_appropriation', p.value, p.line);
  }

  // 6. 三公: the budget total (final accounts: the 决算数)
  const total3 = three.find((x) => x.item === 'total');
  if (total3) {
    const v = kind === 'final_account' ? (total3.actual ?? total3.budget) : (total3.budget ?? total3.actual);
    set('three_public_total', v, total3.source.line_start, total3.source.line_end);
  } else {
    // a published-empty 三公 table whose note says there is no such spending: the document says zero
    const empty = tables.find((x) => x.kind === 'three_public' && x.empty && x.note && /无.*三公|没有.*三公|三公.*为零|三公.*为0/.test(compact(x.note)));
    if (empty) set('three_public_total', 0, empty.source.line_start, empty.source.line_end);
  }

  // 7. 机关运行经费 published as a column of the 三公 table ("“三公”经费和机关运行经费预算表") or as a
  //    table of its own ("一般公共预算机关运行经费支出预算表"): its 合计 row, or its only row
  for (const t of tables.filter((x) => (x.kind === 'three_public' || /机关运行(经)?费/.test(compact(x.title))) && !x.empty)) {
    const col = t.columns.findIndex((c) => /机关运行(经)?费/.test(compact(c)));
    if (col < 0) continue;
    const data = t.rows.filter((r) => r.cells.some((c) => isNumberCell(c)));
    const row = data.find((r) => isTotalRow(r.cells)) ?? (t.kind === 'three_public' && data.length === 1 ? data[0] : undefined);
    if (row) set('operating_expenses', readAmount(ctx, row.cells[col], tableUnit(ctx, t), row.source_line), row.source_line);
  }

  // 8. 政府采购
  const proc = procurement.find((p) => p.category === 'total');
  if (proc) set('procurement_total', proc.amount, proc.source.line_start, proc.source.line_end);
  return out;
}

/** Spending parts a 支出总表 prints beside 基本支出 and 项目支出 (all of them add up to 支出总计). */
const OTHER_PARTS = /^(?!.*(?:政府采购|其中))(?:.*经营支出|.*上缴上级支出|.*对附属单位补助支出)$/;

/**
 * The other spending parts (事业单位经营支出, 上缴上级支出, 对附属单位补助支出) printed on the row a
 * table gave 基本支出 from, summed exactly in 万元: 基本支出 + 项目支出 + these = 支出总计. 0 when the row
 * has none (or is not a table row).
 */
export function otherExpenditureOn(tables: Table[], line: number, unit: MoneyUnit): number {
  const t = tables.find((x) => x.rows.some((r) => r.source_line === line));
  const row = t?.rows.find((r) => r.source_line === line);
  if (!t || !row) return 0;
  // the header as one text: a wrapped name ("对附属单/位补助支/出") or its group ("事业单位/经营支出")
  const vals = t.columns.flatMap((c, i) => (OTHER_PARTS.test(compact(c).replace(/\//g, '')) ? [moneyToWan(row.cells[i] ?? '', t.unit ?? unit)] : []));
  return vals.some((v) => v !== null) ? sumExact(vals) : 0;
}

export const tableTotalsRecognizer = defineRecognizer({
  id: 'table-totals',
  label: '表格中的收支总数',
  deps: ['tables', 'three-public', 'procurement'],
  run: (ctx, i) => collectTotals(ctx, i.tables, i['three-public'].items, i.procurement, ctx.kind),
  empty: () => ({}),
});
