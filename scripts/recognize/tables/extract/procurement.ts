/**
 * 政府采购预算表: one item per purchase row, plus goods/works/services/total. Categories come either
 * from a 采购类别 column (货物类/物类, 工程类, 服务类) or from 货物/工程/服务 amount columns.
 */
import type { Procurement, Table } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { sumExact } from '../../../normalize/amount.js';
import { compact } from '../cells.js';
import { findCol, isTotalRow, lastSeg, readAmount, tableUnit } from './common.js';
import { defineRecognizer } from '../../registry.js';

type Cat = 'goods' | 'works' | 'services';
const CAT_LABEL: Record<Cat | 'total', string> = { goods: '货物', works: '工程', services: '服务', total: '政府采购合计' };

function categoryOf(text: string): Cat | null {
  const t = compact(text);
  if (/工程/.test(t)) return 'works';
  if (/服务/.test(t)) return 'services';
  if (/货物|物类|物品|^物$/.test(t)) return 'goods';
  return null;
}

export function extractProcurement(ctx: RecognizeContext, t: Table): Procurement[] {
  if (t.kind !== 'procurement' || t.empty) return [];
  // a 支出表 by function code whose title picked up a "政府采购项目" column group (header fragments
  // printed above the grid) is no purchase list: its 支出总计 is not the 政府采购 total
  const h = t.columns.map(compact).join('|');
  if (/科目编码|科目名称/.test(h) && /基本支出/.test(h) && /项目支出/.test(h)) return [];
  const unit = tableUnit(ctx, t);
  const out: Procurement[] = [];
  const catCol = findCol(t.columns, /采购类别|采购类型|品目类别|品目大类/);
  const catCols = t.columns
    .map((c, i) => ({ cat: /^(货物|工程|服务)(类|采购)?$/.test(lastSeg(c)) ? categoryOf(lastSeg(c)) : null, i }))
    .filter((x): x is { cat: Cat; i: number } => x.cat !== null);
  const amountCol = findCol(t.columns, /(合计|小计|总计|金额|预算数|采购预算)$/, /数量|单位|编码|名称/);
  const labelCol = (() => {
    for (const re of [/采购品名|品目名称/, /采购项目/, /项目名称/, /品目/]) {
      const i = findCol(t.columns, re, /大类|类别/);
      if (i >= 0) return i;
    }
    return 0;
  })();
  const totalRow = t.rows.find((r) => isTotalRow(r.cells));
  // subtotal rows of a grouped table ("货物" / a unit name, then its purchases): a label left of the
  // 品目 column, which itself is blank — they repeat their items' sum and are not purchases
  const isGroupRow = (r: Table['rows'][number]) => {
    if (labelCol <= 0 || (r.cells[labelCol] ?? '').trim() !== '') return false;
    const text = r.cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '' && readAmount(ctx, x.c, unit, r.source_line) === null);
    return text.length === 1 && text[0].i < labelCol;
  };
  const groupCat = new Map<Table['rows'][number], Cat | null>();
  let current: Cat | null = null;
  for (const r of t.rows) {
    if (isGroupRow(r)) {
      const c = categoryOf(r.cells[catCol >= 0 ? catCol : 0] ?? '');
      if (c) current = c;
    } else groupCat.set(r, current);
  }
  const items = t.rows.filter((r) => r !== totalRow && !isGroupRow(r) && amountCol >= 0 && readAmount(ctx, r.cells[amountCol], unit, r.source_line) !== null);

  const byCat: Record<Cat, Array<{ v: number; line: number }>> = { goods: [], works: [], services: [] };
  for (const r of items) {
    const v = readAmount(ctx, r.cells[amountCol], unit, r.source_line)!;
    const label = [r.cells[findCol(t.columns, /项目名称/)] ?? '', r.cells[labelCol] ?? '']
      .filter((x, i, a) => x && a.indexOf(x) === i)
      .join(' / ');
    out.push({ category: 'item', label: label || '采购项目', amount: v, source: ctx.ref(r.source_line) });
    const cat = (catCol >= 0 ? categoryOf(r.cells[catCol] ?? '') : null) ?? groupCat.get(r) ?? null;
    if (cat) byCat[cat].push({ v, line: r.source_line });
  }

  if (catCols.length > 0) {
    // 货物/工程/服务 columns: the total row, or an exact sum over rows
    const rows = totalRow ? [totalRow] : items;
    for (const { cat, i } of catCols) {
      const vals = rows.map((r) => readAmount(ctx, r.cells[i], unit, r.source_line));
      if (vals.some((v) => v !== null) && rows.length > 0)
        out.push({ category: cat, label: CAT_LABEL[cat], amount: sumExact(vals), source: ctx.ref(rows[0].source_line, rows[rows.length - 1].source_line) });
    }
  } else {
    for (const cat of ['goods', 'works', 'services'] as Cat[]) {
      const xs = byCat[cat];
      if (xs.length === 0) continue;
      out.push({
        category: cat,
        label: CAT_LABEL[cat],
        amount: sumExact(xs.map((x) => x.v)),
        source: ctx.ref(Math.min(...xs.map((x) => x.line)), Math.max(...xs.map((x) => x.line))),
      });
    }
  }
  const total = totalRow && amountCol >= 0 ? readAmount(ctx, totalRow.cells[amountCol], unit, totalRow.source_line) : null;
  if (total !== null) out.push({ category: 'total', label: CAT_LABEL.total, amount: total, source: ctx.ref(totalRow!.source_line) });
  else if (items.length > 0)
    out.push({
      category: 'total',
      label: CAT_LABEL.total,
      amount: sumExact(out.filter((p) => p.category === 'item').map((p) => p.amount)),
      source: ctx.ref(items[0].source_line, items[items.length - 1].source_line),
    });
  return out;
}

export const procurementRecognizer = defineRecognizer({
  id: 'procurement',
  label: '政府采购',
  deps: ['tables'],
  run: (ctx, { tables }) => tables.flatMap((t) => extractProcurement(ctx, t)),
  empty: () => [],
});
