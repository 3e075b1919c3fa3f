/**
 * “三公”经费 in its two layouts: items as columns (budget: 合计 | 因公出国(境)费 | 公务接待费 | 公务用车…)
 * or items as rows with 年初预算数 / 决算数 columns (final accounts), followed there by the 相关统计数
 * rows (团组数, 人次, 公务用车保有量, 接待批次/人次) which become StatCounts.
 */
import type { StatCount, Table, ThreePublic, ThreePublicItem } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { numberOrNull, sumExact } from '../../../normalize/amount.js';
import { compact, stripNumbering } from '../cells.js';
import { findCol, isPreviousOrChange, isTotalRow, lastSeg, previousColumn, readAmount, tableUnit } from './common.js';
import { defineRecognizer } from '../../registry.js';

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
  if (/国内|外事|国\(境\)外接待|国（境）外接待|团组|人次|批次|数[（(]|保有量|机关运行/.test(l)) return null;
  if (/出国/.test(l)) return 'overseas_travel';
  if (/接待/.test(l)) return 'reception';
  if (/购置及运行|购置和运行|公务用车.*小计|^公务用车费?$/.test(l)) return 'vehicles_total';
  if (/车.*购置|购置费$|^购置$/.test(l)) return 'vehicle_purchase';
  if (/运行/.test(l)) return 'vehicle_operation';
  if (/三公|^(合计|总计|小计)$/.test(l)) return 'total';
  return null;
}

/** A fund sub-column under an item ("因公出国(境)费/一般公共预算"): the item is 财政拨款 over all funds. */
const FUND = /^(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)(?:拨款)?$/;
const isFundColumn = (column: string) => FUND.test(lastSeg(column)) && column.includes('/');

/** Column name → item: the last header segment, with "小计" naming its parent group. */
function columnItem(column: string): ThreePublicItem | null {
  const all = column.split('/').map(compact).filter((x) => x !== '');
  // the item of a fund sub-column is its group's ("总计/一般公共预算" is the 合计)
  const segs = all.length > 1 && FUND.test(all[all.length - 1]) ? all.slice(0, -1) : all;
  if (segs.length === 0) return null;
  let last = segs[segs.length - 1];
  if (/^(小计|合计)$/.test(last) && segs.length > 1) {
    // the group the 小计 sums: the outermost header segment naming an item ("公务用车购置及运行费/…/小计")
    const group = segs.slice(0, -1).map((g) => itemOf(g + '小计')).find((x) => x !== null && x !== 'total');
    if (group) return group;
    last = segs[segs.length - 2] + '小计';
  }
  if (/^(合计|总计)$/.test(last)) return 'total';
  const own = itemOf(last);
  if (own !== null) return own;
  // a header cell wrapped over two header rows arrives as two segments ("公务接/待费", "“三公”经/费合计")
  for (let k = 2; k <= segs.length; k++) {
    const joined = itemOf(segs.slice(-k).join(''));
    if (joined !== null) return joined;
  }
  return null;
}

/**
 * Items of the columns, repairing headers whose merged group titles were lost (printed above the grid):
 * a bare 小计 directly followed by the 购置/运行维护 columns is the 公务用车 subtotal, not the 合计;
 * when no column is then the 合计, the leading amount column left of every item column is (its header
 * reduced to a fragment such as "计"); and a lone unnamed column between 合计 and 公务用车 is 因公出国.
 */
function columnItems(columns: string[]): Array<{ item: ThreePublicItem | null; i: number; c: string }> {
  const out = columns.map((c, i) => ({ item: columnItem(c), i, c }));
  const isVehiclePart = (x: { item: ThreePublicItem | null } | undefined) => x?.item === 'vehicle_purchase' || x?.item === 'vehicle_operation';
  for (let k = 0; k < out.length; k++) {
    const x = out[k];
    if (x.item === 'total' && /^小计$/.test(compact(x.c)) && isVehiclePart(out[k + 1]) && !out.some((y) => y.item === 'vehicles_total')) x.item = 'vehicles_total';
  }
  if (!out.some((x) => x.item === 'total')) {
    const firstItem = out.findIndex((x) => x.item !== null);
    const label = out.findIndex((x) => /名称|单位|项目|科目/.test(compact(x.c)));
    const lead = out.find((x) => x.i > label && x.i < firstItem && !/名称|单位|编码|代码|行次|栏次/.test(compact(x.c)));
    if (firstItem > 0 && label >= 0 && lead) lead.item = 'total';
  }
  // the items come in the fixed order 合计 | 因公出国(境)费 | 公务用车… | 公务接待费: a single unnamed
  // column (a fragment such as "用") between the 合计 and the 公务用车 columns is 因公出国(境)费
  const total = out.find((x) => x.item === 'total');
  const firstVehicle = out.find((x) => x.item === 'vehicles_total' || x.item === 'vehicle_purchase' || x.item === 'vehicle_operation');
  if (total && firstVehicle && !out.some((x) => x.item === 'overseas_travel')) {
    const between = out.filter((x) => x.i > total.i && x.i < firstVehicle.i);
    if (between.length === 1 && between[0].item === null && compact(between[0].c) !== '' && !/名称|单位|编码|代码|行次|栏次/.test(compact(between[0].c))) between[0].item = 'overseas_travel';
  }
  return out;
}

/** A row naming a year or the change between two ("2026年", "增减变化金额") in a 三公 table by year. */
const YEAR_ROW = /^(?:19|20)\d{2}年(?:度)?(?:预算数?)?$|^增减|^变化|^比上年/;

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
  // the previous year's columns (上年预算数, 2025年决算数) and the change columns are not this year's
  const current = t.columns.map((c) => (isPreviousOrChange(c, ctx.fiscal_year) ? '' : c));
  const actualCol = findCol(current, /决算数|执行数|实际/);
  const budgetCol = findCol(current, /预算数|预算/, /决算/);
  const previousCol = previousColumn(t.columns, ctx.fiscal_year);

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
        ...(previousCol >= 0 ? { previous: readAmount(ctx, r.cells[previousCol], unit, r.source_line) } : {}),
        source: ctx.ref(r.source_line),
      });
    }
    return { items, stats };
  }

  // items as columns: the total row, the only row, or an exact sum over unit rows
  const all = columnItems(t.columns).filter((x) => x.item !== null);
  // a group of the previous year's columns ("2025年预算数/合计 …") gives each item's previous figure
  const isPrevious = (c: string) => previousColumn([c], ctx.fiscal_year) === 0;
  const cols = all.filter((x) => !isPreviousOrChange(x.c, ctx.fiscal_year));
  const previousCols = all.filter((x) => isPrevious(x.c));
  if (cols.length === 0) return { items, stats };
  const dataRows = t.rows.filter((r) => r.cells.some((c) => numberOrNull(c) !== null));
  const totalRow = dataRows.find((r) => isTotalRow(r.cells));
  let use = totalRow ? [totalRow] : dataRows;
  // the previous year's row of a table by year ("2025年" above "2026年")
  let previousRow: Table['rows'][number] | undefined;
  // rows by year ("2025年 | 2026年 | 增减变化金额"): the document's year only, never a sum over them
  const yearCell = (r: Table['rows'][number]) => r.cells.map(compact).find((c) => YEAR_ROW.test(c));
  if (!totalRow && dataRows.some((r) => yearCell(r) !== undefined)) {
    // with a unit column listing several units, the department's own block (named as the department)
    let unitName = '';
    const own: Array<{ r: Table['rows'][number]; unit: string }> = [];
    const before: Array<{ r: Table['rows'][number]; unit: string }> = [];
    for (const r of dataRows) {
      const first = compact(r.cells[0] ?? '');
      if (first && !YEAR_ROW.test(first) && !/^[\d.,-]+$/.test(first)) unitName = first;
      if (ctx.fiscal_year !== null && yearCell(r) === `${ctx.fiscal_year}年`) own.push({ r, unit: unitName });
      if (ctx.fiscal_year !== null && yearCell(r) === `${ctx.fiscal_year - 1}年`) before.push({ r, unit: unitName });
    }
    const pick = own.length === 1 ? own : own.filter((x) => x.unit !== '' && x.unit === compact(ctx.department));
    use = pick.length === 1 ? [pick[0].r] : [];
    // the previous year's row of the same unit's block
    const prev = before.filter((x) => pick.length === 1 && x.unit === pick[0].unit);
    if (prev.length === 1) previousRow = prev[0].r;
  }
  if (use.length === 0) return { items, stats };
  const seen = new Set<string>();
  for (const { item, i, c } of cols) {
    if (!item || seen.has(item)) continue;
    seen.add(item);
    // fund sub-columns of one item add up (三公 is 财政拨款: 一般公共预算 + 政府性基金 + 国有资本经营)
    const same = isFundColumn(c) ? cols.filter((x) => x.item === item && isFundColumn(x.c)).map((x) => x.i) : [i];
    const sum = (rows: Table['rows'], at: number[]) => {
      const vals = rows.flatMap((r) => at.map((k) => readAmount(ctx, r.cells[k], unit, r.source_line)));
      return vals.every((v) => v === null) ? null : sumExact(vals);
    };
    const budget = sum(use, same);
    // previous: the same columns on the previous year's row, or the item's column in the previous year's group
    const prevSame = isFundColumn(c) ? previousCols.filter((x) => x.item === item && isFundColumn(x.c)).map((x) => x.i) : previousCols.filter((x) => x.item === item).slice(0, 1).map((x) => x.i);
    const previous = previousRow ? sum([previousRow], same) : prevSame.length > 0 ? sum(use, prevSame) : undefined;
    items.push({
      item,
      label: item === 'total' || isFundColumn(c) || itemOf(lastSeg(c)) !== item ? ITEM_LABELS[item] : lastSeg(c),
      budget,
      actual: null,
      ...(previous !== undefined ? { previous } : {}),
      source: ctx.ref(use[0].source_line, use[use.length - 1].source_line),
    });
  }
  return { items, stats };
}

/** The first table that gives “三公” items (and the first that gives counts) is the document's. */
export const threePublicRecognizer = defineRecognizer({
  id: 'three-public',
  label: '“三公”经费',
  deps: ['tables'],
  run: (ctx, { tables }) => {
    const items: ThreePublic[] = [];
    const stats: StatCount[] = [];
    for (const t of tables) {
      const r = extractThreePublic(ctx, t);
      if (items.length === 0) items.push(...r.items);
      if (stats.length === 0) stats.push(...r.stats);
    }
    return { items, stats };
  },
  empty: () => ({ items: [], stats: [] }),
});
