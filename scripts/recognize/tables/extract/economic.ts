/**
 * 支出经济分类 rows from the basic-expenditure table. Two layouts: one code column with 合计/人员经费/
 * 公用经费 columns (budget), or side-by-side groups of (编码, 名称, 金额) under 人员经费 / 公用经费 (决算),
 * which are unfolded into one logical row per code.
 */
import type { EconomicExpenditure, Table } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { CodeContext, readCode } from '../codes.js';
import { findCol, isPreviousOrChange, lastSeg, previousColumn, readAmount, tableUnit } from './common.js';
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
  return out;
}

export const economicRecognizer = defineRecognizer({
  id: 'economic-classification',
  label: '按经济分类的基本支出',
  deps: ['tables'],
  run: (ctx, { tables }) => tables.flatMap((t) => extractEconomic(ctx, t)),
  empty: () => [],
});
