/**
 * “三公”经费 in its two layouts: items as columns (budget: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车…)
 * or items as rows with 年初预算数 / 决算数 columns (final accounts), followed there by the 相关统计数
 * rows (团组数, 人次, 公务用车保有量, 接待批次/人次) which become StatCounts.
 */
import type { StatCount, Table, ThreePublic, ThreePublicItem } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { numberOrNull, sumExact } from '../../../normalize/amount.js';
import { compact, stripNumbering } from '../cells.js';
import { findCol, isTotalRow, readAmount, tableUnit } from './common.js';

const ITEM_LABELS: Record<ThreePublicItem, string> = {
  total: '“三公”经费合计',
  overseas_travel: '因公出国(境)费',
  vehicles_total: '公务用车购置及运行维护费',
  vehicle_purchase: '公务用车购置费',
  vehicle_operation: '公务用车运行维护费',
  reception: '公务接待费',
};

/** Which 三公 item a label names; null for sub-items (国内接待费, 外事接待费) and anything else. */
export function itemOf(label: string): ThreePublicItem | null {
  const l = compact(label).replace(/[“”"]/g, '');
  if (/国内|外事|国\(境\)外接待|国（境）外接待|团组|人次|批次|数[（(]|保有量/.test(l)) return null;
  if (/出国/.test(l)) return 'overseas_travel';
  if (/接待/.test(l)) return 'reception';
  if (/购置及运行|购置和运行|公务用车.*小计|^公务用车费?$/.test(l)) return 'vehicles_total';
  if (/车.*购置|购置费$|^购置$/.test(l)) return 'vehicle_purchase';
  if (/运行/.test(l)) return 'vehicle_operation';
  if (/三公|^(合计|总计|小计)$/.test(l)) return 'total';
  return null;
}

/** Column name → item: the last header segment, with "小计" naming its parent group. */
function columnItem(column: string): ThreePublicItem | null {
  const segs = column.split('/').map(compact);
  let last = segs[segs.length - 1];
  if (/^(小计|合计)$/.test(last) && segs.length > 1) last = segs[segs.length - 2] + '小计';
  if (/^(合计|总计)$/.test(last)) return 'total';
  return itemOf(last);
}

const STAT_KEYS: Array<[RegExp, string]> = [
  [/外事接待批次/, 'foreign_affairs_reception_batches'],
  [/外事接待人次/, 'foreign_affairs_reception_people'],
  [/国[（(]境[)）]外.*接待批次/, 'overseas_reception_batches'],
  [/国[（(]境[)）]外.*接待人次/, 'overseas_reception_people'],
  [/接待批次/, 'domestic_reception_batches'],
  [/接待人次/, 'domestic_reception_people'],
  [/团组/, 'overseas_groups'],
  [/出国.*人次|出国.*人数/, 'overseas_people'],
  [/购置数/, 'vehicles_purchased'],
  [/保有量/, 'vehicles_held'],
];

export function extractThreePublic(ctx: RecognizeContext, t: Table): { items: ThreePublic[]; stats: StatCount[] } {
  const items: ThreePublic[] = [];
  const stats: StatCount[] = [];
  if (t.kind !== 'three_public' || t.empty) return { items, stats };
  const unit = tableUnit(ctx, t);
  const actualCol = findCol(t.columns, /决算数|执行数|实际/);
  const budgetCol = findCol(t.columns, /预算数|预算/, /决算/);

  if (actualCol >= 0 || (budgetCol >= 0 && t.columns.every((c) => columnItem(c) === null || columnItem(c) === 'total'))) {
    // items as rows
    const seen = new Set<string>();
    for (const r of t.rows) {
      const label = r.cells.find((c) => /[\u4e00-\u9fa5]/.test(c)) ?? '';
      const stat = STAT_KEYS.find(([re]) => re.test(compact(label)));
      if (stat && /[（(](个|人|辆|次|批)[)）]|数$|量/.test(compact(label))) {
        const col = actualCol >= 0 ? actualCol : budgetCol;
        const v = numberOrNull(r.cells[col] ?? '');
        if (v !== null && !seen.has(stat[1])) {
          seen.add(stat[1]);
          stats.push({ key: stat[1], label: stripNumbering(label), value: v, source: ctx.ref(r.source_line) });
        }
        continue;
      }
      const item = itemOf(stripNumbering(label));
      if (!item || seen.has(item)) continue;
      seen.add(item);
      items.push({
        item,
        label: stripNumbering(label),
        budget: budgetCol >= 0 ? readAmount(ctx, r.cells[budgetCol], unit, r.source_line) : null,
        actual: actualCol >= 0 ? readAmount(ctx, r.cells[actualCol], unit, r.source_line) : null,
        source: ctx.ref(r.source_line),
      });
    }
    return { items, stats };
  }

  // items as columns: the total row, the only row, or an exact sum over unit rows
  const cols = t.columns.map((c, i) => ({ item: columnItem(c), i, c })).filter((x) => x.item !== null);
  if (cols.length === 0) return { items, stats };
  const dataRows = t.rows.filter((r) => r.cells.some((c) => numberOrNull(c) !== null));
  const totalRow = dataRows.find((r) => isTotalRow(r.cells));
  const use = totalRow ? [totalRow] : dataRows;
  if (use.length === 0) return { items, stats };
  const seen = new Set<string>();
  for (const { item, i, c } of cols) {
    if (!item || seen.has(item)) continue;
    seen.add(item);
    const vals = use.map((r) => readAmount(ctx, r.cells[i], unit, r.source_line));
    const budget = vals.every((v) => v === null) ? null : sumExact(vals);
    items.push({
      item,
      label: item === 'total' ? ITEM_LABELS.total : compact(c.split('/').pop() ?? c) || ITEM_LABELS[item],
      budget,
      actual: null,
      source: ctx.ref(use[0].source_line, use[use.length - 1].source_line),
    });
  }
  return { items, stats };
}
