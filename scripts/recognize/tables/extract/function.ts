/**
 * 支出功能分类 rows (类/款/项) from expenditure-by-function tables: 支出总表, 一般公共预算支出表,
 * and the 政府性基金/国有资本经营 expenditure tables when they have rows. Total/basic/project columns.
 */
import type { FunctionExpenditure, Table } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { CodeContext, isFunctionCode, readCode } from '../codes.js';
import { codeLayout, findCol, isPreviousOrChange, previousColumn, readAmount, tableUnit } from './common.js';
import { compact, orphanBasicColumn } from '../cells.js';
import { sumExact } from '../../../normalize/amount.js';
import { defineRecognizer } from '../../registry.js';

export const FUNCTION_KINDS = new Set(['expenditure', 'general_budget_expenditure', 'government_fund', 'state_capital']);

export function amountColumns(all: string[], fiscalYear: number | null = null, finalAccount = false) {
  const named = /编码|代码|名称|行次|栏次/;
  // the previous year's columns (上年预算数/…, 2025年执行数/…), the change columns (增减额) and a 决算's
  // budget columns (年初预算数, 调整预算数) hold no 决算/预算 figure of this year: a 合计 or 基本支出 is
  // never taken from them
  const budgets = finalAccount ? budgetColumns(all, fiscalYear) : { initial: -1, final: -1 };
  const columns = all.map((c, i) => (isPreviousOrChange(c, fiscalYear) || (budgets.initial >= 0 || budgets.final >= 0) && BUDGET_COLUMN.test(compact(c)) ? '' : c));
  const joined = columns.map((c) => c.replace(/\//g, ''));
  // 基本支出 published only as its parts ("基本支出/人员支出", "基本支出/日常公用支出"), without its own total
  const parts = columns.map((c, i) => (/^基本支出\/(?!合计|小计)/.test(compact(c)) ? i : -1)).filter((i) => i >= 0);
  const ownBasic = columns.some((c) => /^基本支出(\/(合计|小计))?$/.test(compact(c)));
  return {
    total: findCol(columns, /(合计|总计|小计)$/, named),
    // matched by the header's joined text: a cell wrapped mid-word ("项目支/出") is still its column,
    // never the next one that happens to say 项目支出 (上年结转结余/项目支出)
    basic: ((b) => (b >= 0 ? b : orphanBasicColumn(columns)))(findCol(joined, /基本支出/, named)),
    project: findCol(joined, /项目支出/, named),
    /** columns to add up for 基本支出 when it has no column of its own (else empty) */
    basicParts: !ownBasic && parts.length >= 2 ? parts : [],
    /** the 上年结转结余 group's own 基本支出/项目支出 beside the 当年预算 group's, under one 合计 */
    carry: carryGroup(columns, joined, named),
    /** the previous year's total (上年预算数/上年执行数/…), or -1 */
    previous: previousColumn(all, fiscalYear),
    /** a 决算's 年初预算数 and 调整(全年)预算数 columns, or -1 */
    budgets,
  };
}

/**
 * A table splitting its 合计 into a 当年预算 group and a 上年结转(结余) group, each with its own 基本支出
 * and 项目支出 ("合计 | 当年预算/小计 | 当年预算/基本支出 | … | 上年结转结余/基本支出 | …"): the carry-over
 * group's columns, whose figures belong in the row's 基本支出 and 项目支出 as much as the first group's.
 * null for any other shape.
 */
function carryGroup(columns: string[], joined: string[], named: RegExp): { basic: number; project: number } | null {
  const top = (i: number) => compact(columns[i]).split('/')[0];
  const total = findCol(columns, /(合计|总计|小计)$/, named);
  if (total < 0 || columns[total].includes('/')) return null;
  const find = (re: RegExp, group: RegExp) => joined.flatMap((c, i) => (re.test(c) && !named.test(c) && group.test(top(i)) && !/人员|公用/.test(c) ? [i] : []));
  const current = /^(?:当年|本年)/;
  const carry = /^上年结转|^结转结余/;
  const [cb, cp, kb, kp] = [find(/基本支出/, current), find(/项目支出/, current), find(/基本支出/, carry), find(/项目支出/, carry)];
  if (cb.length !== 1 || cp.length !== 1 || kb.length !== 1 || kp.length !== 1) return null;
  return { basic: kb[0], project: kp[0] };
}

/** 基本支出 of a row: its column, or the exact sum of its part columns. */
export function basicOf(cols: ReturnType<typeof amountColumns>, at: (i: number) => number | null): number | null {
  const own = cols.basicParts.length === 0 ? at(cols.basic) : ((vals) => (vals.every((v) => v === null) ? null : sumExact(vals)))(cols.basicParts.map(at));
  return cols.carry ? withCarry(own, at(cols.carry.basic)) : own;
}

/** 项目支出 of a row: its column (plus the 上年结转 group's when the table has one). */
export function projectOf(cols: ReturnType<typeof amountColumns>, at: (i: number) => number | null): number | null {
  const own = at(cols.project);
  return cols.carry ? withCarry(own, at(cols.carry.project)) : own;
}

const withCarry = (own: number | null, carry: number | null) => (own === null && carry === null ? null : sumExact([own, carry]));

/**
 * A 决算 table printing the budgets beside the 决算数 ("年初预算数 | 调整预算数 | 决算数", "全年预算数"):
 * the columns of 年初预算 and of the final (调整/全年) budget, each -1 when not printed. A budget's own
 * 预算数 columns are not these: only a table that also prints a 决算数 (or 执行数) column has them.
 */
export function budgetColumns(columns: string[], fiscalYear: number | null = null): { initial: number; final: number } {
  const none = { initial: -1, final: -1 };
  const ok = (c: string) => !isPreviousOrChange(c, fiscalYear) && !/%|率/.test(compact(c));
  if (!columns.some((c) => ok(c) && /决算数|决算$|执行数/.test(compact(c)))) return none;
  return {
    initial: columns.findIndex((c) => ok(c) && /年初预算/.test(compact(c))),
    final: columns.findIndex((c) => ok(c) && /调整(?:后)?预算|全年预算|变动后预算/.test(compact(c))),
  };
}

const BUDGET_COLUMN = /年初预算|调整(?:后)?预算|全年预算|变动后预算/;

export function extractFunction(ctx: RecognizeContext, t: Table): FunctionExpenditure[] {
  if (!FUNCTION_KINDS.has(t.kind) || t.empty) return [];
  const { codeCols, nameCol } = codeLayout(t.columns);
  const cols = amountColumns(t.columns, ctx.fiscal_year, ctx.kind === 'final_account');
  if (cols.total < 0 && cols.basic < 0 && cols.project < 0) return [];
  const budgets = cols.budgets;
  const unit = tableUnit(ctx, t);
  const has7 = t.rows.some((r) => codeCols.some((i) => /^\d{7}$/.test((r.cells[i] ?? '').trim())));
  const codes = new CodeContext(has7);
  const out: FunctionExpenditure[] = [];
  for (const r of t.rows) {
    const coded = readCode(r.cells, codeCols, nameCol, codes);
    if (!coded || !isFunctionCode(coded.code)) continue;
    const at = (i: number) => (i >= 0 ? readAmount(ctx, r.cells[i], unit, r.source_line) : null);
    out.push({
      table_id: t.id,
      table_kind: t.kind,
      code: coded.code,
      level: coded.level,
      name: coded.name,
      total: at(cols.total),
      basic: basicOf(cols, at),
      project: projectOf(cols, at),
      ...(cols.previous >= 0 ? { previous: at(cols.previous) } : {}),
      ...(budgets.initial >= 0 ? { initial_budget: at(budgets.initial) } : {}),
      ...(budgets.final >= 0 ? { final_budget: at(budgets.final) } : {}),
      source: ctx.ref(r.source_line),
    });
  }
  return out.length > 0 ? out : uncodedClasses(ctx, t, nameCol, cols, unit);
}

/**
 * 支出功能分类 类 by name (2019 onwards, with the names earlier years printed for the same code).
 * The 类 are few and their names unique; 款 and 项 names repeat under many 类 (行政运行, 其他…支出),
 * so only a 类 can be told from its name.
 */
export const FUNCTION_CLASS_CODES: ReadonlyMap<string, string> = new Map([
  ['一般公共服务支出', '201'], ['外交支出', '202'], ['国防支出', '203'], ['公共安全支出', '204'], ['教育支出', '205'],
  ['科学技术支出', '206'], ['文化旅游体育与传媒支出', '207'], ['文化体育与传媒支出', '207'], ['社会保障和就业支出', '208'],
  ['社会保险基金支出', '209'], ['卫生健康支出', '210'], ['医疗卫生与计划生育支出', '210'], ['节能环保支出', '211'],
  ['城乡社区支出', '212'], ['农林水支出', '213'], ['交通运输支出', '214'], ['资源勘探工业信息等支出', '215'],
  ['资源勘探信息等支出', '215'], ['商业服务业等支出', '216'], ['金融支出', '217'], ['援助其他地区支出', '219'],
  ['自然资源海洋气象等支出', '220'], ['国土海洋气象等支出', '220'], ['住房保障支出', '221'], ['粮油物资储备支出', '222'],
  ['国有资本经营预算支出', '223'], ['灾害防治及应急管理支出', '224'], ['预备费', '227'], ['其他支出', '229'],
  ['转移性支出', '230'], ['债务还本支出', '231'], ['债务付息支出', '232'], ['债务发行费用支出', '233'],
]);

/**
 * A function table printing names only, no codes, its 类/款/项 told apart by indentation the text
 * does not keep ("一般公共服务支出 / 社会工作事务 / 其他社会工作事务支出", 浙江's 支出预算表): its 类 rows,
 * found by name in code order. Taken only when they add up, column by column, to the table's 合计 row
 * (to the cent of each figure's rounding) — else a 款 named like a 类 or a row lost at a page break would be misread, and nothing is
 * taken. 款 and 项 are not taken: their codes cannot be told from their names.
 */
function uncodedClasses(ctx: RecognizeContext, t: Table, nameCol: number, cols: ReturnType<typeof amountColumns>, unit: ReturnType<typeof tableUnit>): FunctionExpenditure[] {
  if (cols.total < 0) return [];
  const name = (cells: string[]) => compact(cells[nameCol] ?? '').replace(/^\*+/, '');
  const totalRows = t.rows.filter((r) => /^(?:合计|总计)$/.test(name(r.cells)));
  if (totalRows.length !== 1) return [];
  const rows: FunctionExpenditure[] = [];
  let last = '';
  for (const r of t.rows) {
    const code = FUNCTION_CLASS_CODES.get(name(r.cells));
    // in code order: a 款 or 项 of the same name right under its 类 (其他支出 / 其他支出) is not another 类
    if (!code || code <= last) continue;
    last = code;
    const at = (i: number) => (i >= 0 ? readAmount(ctx, r.cells[i], unit, r.source_line) : null);
    rows.push({ table_id: t.id, table_kind: t.kind, code, level: 1, name: name(r.cells), total: at(cols.total), basic: basicOf(cols, at), project: projectOf(cols, at), ...(cols.previous >= 0 ? { previous: at(cols.previous) } : {}), source: ctx.ref(r.source_line) });
  }
  if (rows.length === 0 || rows.some((r) => r.total === null)) return [];
  const tr = totalRows[0];
  const at = (i: number) => (i >= 0 ? readAmount(ctx, tr.cells[i], unit, tr.source_line) : null);
  // each printed figure is rounded to the cent: the parts may miss their 合计 by a cent each, no more
  const same = (whole: number | null, parts: Array<number | null | undefined>) => Math.abs((whole ?? 0) - sumExact(parts.map((v) => v ?? 0))) <= 0.01 * parts.length + 1e-9;
  const ok =
    same(at(cols.total), rows.map((r) => r.total)) &&
    same(basicOf(cols, at), rows.map((r) => r.basic)) &&
    same(projectOf(cols, at), rows.map((r) => r.project)) &&
    (cols.previous < 0 || same(at(cols.previous), rows.map((r) => r.previous)));
  return ok ? rows : [];
}

export const functionRecognizer = defineRecognizer({
  id: 'function-classification',
  label: '按功能分类的支出',
  deps: ['tables'],
  run: (ctx, { tables }) => tables.flatMap((t) => extractFunction(ctx, t)),
  empty: () => [],
});
