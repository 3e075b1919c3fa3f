/**
 * 支出经济分类 rows from the basic-expenditure table. Two layouts: one code column with 合计/人员经费/
 * 公用经费 columns (budget), or side-by-side groups of (编码, 名称, 金额) under 人员经费 / 公用经费 (决算),
 * which are unfolded into one logical row per code.
 */
import type { EconomicExpenditure, Table } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { CodeContext, readCode } from '../codes.js';
import { findCol, isPreviousOrChange, lastSeg, previousColumn, readAmount, tableUnit } from './common.js';
import { compact } from '../cells.js';
import { sumExact } from '../../../normalize/amount.js';
import { defineRecognizer } from '../../registry.js';

interface Group {
  codeCol: number;
  nameCol: number;
  total: number;
  personnel: number;
  public: number;
  /** the whole group is 人员经费 or 公用经费 (side-by-side layout) */
  side: 'personnel' | 'public' | null;
  /** the previous year's total (上年预算数/…), or -1 */
  previous: number;
}

function groups(all: string[], fiscalYear: number | null): Group[] {
  // the previous year's and the change columns hold no figure of this year
  const columns = all.map((c) => (isPreviousOrChange(c, fiscalYear) ? '' : c));
  const codeCols = columns.map((c, i) => (/(编码|代码)$/.test(lastSeg(c)) ? i : -1)).filter((i) => i >= 0);
  if (codeCols.length === 0) {
    // codes joined to names in the first column
    codeCols.push(0);
  }
  if (codeCols.length === 1) {
    const amount = /编码|代码|名称/;
    const nameCol = findCol(columns, /名称$/);
    const previous = previousColumn(all, fiscalYear);
    const personnel = findCol(columns, /人员经费/, amount);
    const pub = findCol(columns, /公用经费/, amount);
    let total = findCol(columns, /(合计|小计|总计|金额|基本支出)$/, /人员经费|公用经费|编码|代码|名称/);
    // "经济科目 | 预算": one amount column headed by the figure's kind alone is the row's total
    const rest = columns.flatMap((c, i) => (i !== codeCols[0] && i !== nameCol && i !== previous && c !== '' ? [i] : []));
    if (total < 0 && personnel < 0 && pub < 0 && rest.length === 1 && /^(?:本年|本期|\d{4}年)?(?:预算|决算|执行)数?$/.test(lastSeg(columns[rest[0]]))) total = rest[0];
    return [
      {
        codeCol: codeCols[0],
        nameCol: nameCol >= 0 ? nameCol : codeCols[0],
        total,
        personnel,
        public: pub,
        side: null,
        previous,
      },
    ];
  }
  return codeCols.map((start, g) => {
    const end = g + 1 < codeCols.length ? codeCols[g + 1] : columns.length;
    const span = columns.slice(start, end);
    const rel = (re: RegExp, not?: RegExp) => {
      const i = span.findIndex((c) => re.test(lastSeg(c)) && !(not && not.test(lastSeg(c))));
      return i >= 0 ? start + i : -1;
    };
    const nameCol = rel(/名称/);
    let total = rel(/金额|合计|小计|决算数|预算数/, /编码|名称/);
    if (total < 0 && nameCol >= 0 && nameCol + 1 < end) total = nameCol + 1;
    const joined = span.join('|');
    const side = /人员经费/.test(joined) ? 'personnel' : /公用经费|公用支出/.test(joined) ? 'public' : null;
    return { codeCol: start, nameCol: nameCol >= 0 ? nameCol : start, total, personnel: -1, public: -1, side, previous: -1 };
  });
}

export function extractEconomic(ctx: RecognizeContext, t: Table): EconomicExpenditure[] {
  if (t.kind !== 'general_budget_basic_expenditure' || t.empty) return [];
  const unit = tableUnit(ctx, t);
  const out: EconomicExpenditure[] = [];
  for (const g of groups(t.columns, ctx.fiscal_year)) {
    const codes = new CodeContext(true);
    for (const r of t.rows) {
      const coded = readCode(r.cells, [g.codeCol], g.nameCol, codes);
      if (!coded || !/^[35]/.test(coded.code)) continue;
      const at = (i: number) => (i >= 0 ? readAmount(ctx, r.cells[i], unit, r.source_line) : null);
      const total = at(g.total);
      out.push({
        table_id: t.id,
        code: coded.code,
        level: coded.level,
        name: coded.name,
        total,
        personnel: g.side === 'personnel' ? total : g.side === 'public' ? null : at(g.personnel),
        public: g.side === 'public' ? total : g.side === 'personnel' ? null : at(g.public),
        ...(g.previous >= 0 ? { previous: at(g.previous) } : {}),
        source: ctx.ref(r.source_line),
      });
    }
  }
  return out.length > 0 ? out : uncodedClasses(ctx, t, unit);
}

/** 部门预算支出经济分类 类 by name. */
const ECONOMIC_CLASS_CODES: ReadonlyMap<string, string> = new Map([
  ['工资福利支出', '301'], ['商品和服务支出', '302'], ['对个人和家庭的补助', '303'], ['债务利息及费用支出', '307'],
  ['资本性支出(基本建设)', '309'], ['资本性支出', '310'], ['对企业补助(基本建设)', '311'], ['对企业补助', '312'],
  ['对社会保障基金补助', '313'], ['其他支出', '399'],
]);

/**
 * A basic-expenditure table printing names only (浙江's 基本支出预算表: "工资福利支出 / 基本工资 / …", the
 * levels shown by indentation the text does not keep): its 类 rows, found by name in code order, taken
 * only when they add up column by column to the table's 合计 row (to the cent of each figure's
 * rounding). Its 款 are not taken: this reader codes nothing it cannot tell for sure.
 */
function uncodedClasses(ctx: RecognizeContext, t: Table, unit: ReturnType<typeof tableUnit>): EconomicExpenditure[] {
  const columns = t.columns.map((c) => (isPreviousOrChange(c, ctx.fiscal_year) ? '' : c));
  const nameCol = Math.max(0, findCol(columns, /名称$/));
  const total = findCol(columns, /(合计|小计|总计|金额|基本支出)$/, /人员|公用|编码|代码|名称/);
  const personnel = findCol(columns, /人员经费|人员支出/, /编码|代码|名称/);
  const pub = findCol(columns, /公用经费|公用支出/, /编码|代码|名称/);
  if (total < 0) return [];
  const name = (cells: string[]) => compact(cells[nameCol] ?? '').replace(/^\*+/, '').replace(/（/g, '(').replace(/）/g, ')');
  const totalRows = t.rows.filter((r) => /^(?:合计|总计)$/.test(name(r.cells)));
  if (totalRows.length !== 1) return [];
  const read = (r: Table['rows'][number]) => (i: number) => (i >= 0 ? readAmount(ctx, r.cells[i], unit, r.source_line) : null);
  const rows: EconomicExpenditure[] = [];
  let last = '';
  for (const r of t.rows) {
    const code = ECONOMIC_CLASS_CODES.get(name(r.cells));
    if (!code || code <= last) continue;
    last = code;
    const at = read(r);
    rows.push({ table_id: t.id, code, level: 1, name: name(r.cells), total: at(total), personnel: at(personnel), public: at(pub), source: ctx.ref(r.source_line) });
  }
  if (rows.length === 0 || rows.some((r) => r.total === null)) return [];
  const at = read(totalRows[0]);
  const same = (whole: number | null, parts: Array<number | null>) => Math.abs((whole ?? 0) - sumExact(parts.map((v) => v ?? 0))) <= 0.01 * parts.length + 1e-9;
  const ok = same(at(total), rows.map((r) => r.total)) && same(at(personnel), rows.map((r) => r.personnel)) && same(at(pub), rows.map((r) => r.public));
  return ok ? rows : [];
}

export const economicRecognizer = defineRecognizer({
  id: 'economic-classification',
  label: '按经济分类的基本支出',
  deps: ['tables'],
  run: (ctx, { tables }) => tables.flatMap((t) => extractEconomic(ctx, t)),
  empty: () => [],
});
