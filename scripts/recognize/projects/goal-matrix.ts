/**
 * 项目支出绩效目标表 printed as one wide table, a group of rows per project:
 *   (单位名称 |) 项目名称 | 年度资金总额 | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | (指标解释 |) 指标值 | 权重
 * Every row carries one indicator. The project's own cells (unit, name, amount, goal) are merged over
 * its rows and printed once, vertically centred, so they may start on any row of the group and wrap
 * down the rows below ("2026年驻" / "京经费"); the unit is merged over all its projects.
 *
 * Groups are told apart by the indicators: each project lists its 一级指标 in turn (产出, 成本, 效益,
 * 满意度…), so a row going back to a 一级指标 already met in the group starts the next project. When
 * that gives exactly one amount per group, the groups stand; otherwise (no 一级指标 on some rows) each
 * amount row starts a group. A project's name and goal are its group's cells joined in order.
 */
import type { Indicator, MoneyUnit } from '../../model/schema.js';
import type { Row } from '../../segment/ir.js';
import type { RecognizeContext } from '../context.js';
import { moneyToWan, parseNumber } from '../../normalize/amount.js';
import { cleanText } from '../../normalize/text.js';
import { type Assigned, type IndicatorHeader, makeIndicator, parseIndicatorHeader } from '../indicators/table.js';
import { stripLevelWeight } from '../indicators/levels.js';
import { gridRows } from '../tables/cell-per-line.js';
import { type ProjectDraft, newDraft, setIfEmpty } from './draft.js';
import { defineRecognizer } from '../registry.js';

export interface MatrixColumns {
  /** cells in the header row */
  width: number;
  unit: number;
  name: number;
  amount: number;
  goal: number;
  indicators: IndicatorHeader;
  money: MoneyUnit;
}

const compact = (c: string) => cleanText(c).replace(/\s+/g, '');
const AMOUNT_COL = /(资金总额|总额|金额|预算数|预算|资金)([(（](万元|元)[)）])?$/;
const NUMERIC = /^[-−]?[\d,，]+(\.\d+)?$/;
/** Lines carrying nothing: page numbers, rules. */
const NOISE = /^([-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页.*|[-—–_=\s]+)$/;

/** Columns of a header row naming a project column, an amount column and the indicator columns; else null. */
export function matrixColumns(cells: string[], fallback: MoneyUnit): MatrixColumns | null {
  const indicators = parseIndicatorHeader(cells);
  if (!indicators) return null;
  const n = cells.map(compact);
  const before = (i: number) => i < indicators.l1Col;
  const name = n.findIndex((c, i) => before(i) && /项目名称$/.test(c));
  if (name < 0) return null;
  const amount = n.findIndex((c, i) => before(i) && i !== name && AMOUNT_COL.test(c));
  if (amount < 0) return null;
  const goal = n.findIndex((c, i) => before(i) && i !== name && i !== amount && /目标$/.test(c));
  // The unit column's caption often wraps out of the header row ("单位名" / "称"): a column left of the name.
  const unit = name > 0 ? n.findIndex((c, i) => i < name && (/单位/.test(c) || c === '' || c === '称')) : -1;
  const m = /[(（](万元|元)[)）]$/.exec(n[amount]);
  return { width: cells.length, unit, name, amount, goal, indicators, money: (m?.[1] as MoneyUnit | undefined) ?? fallback };
}

interface Line {
  row: Row;
  cell: (i: number) => string;
  amount: number | null;
  level1: string;
}

function readLine(row: Row, cols: MatrixColumns): Line {
  const cell = (i: number) => (i >= 0 ? cleanText(row.cells[i] ?? '').trim() : '');
  const amountText = compact(cell(cols.amount));
  return {
    row,
    cell,
    amount: NUMERIC.test(amountText) ? moneyToWan(amountText, cols.money) : null,
    level1: compact(cell(cols.indicators.l1Col)),
  };
}

/** Rows → groups by the 一级指标 cycle, or by amount rows when the cycle does not give one amount per group. */
function groupLines(lines: Line[]): Line[][] {
  const byCycle: Line[][] = [];
  let seen = new Set<string>();
  let previous = '';
  for (const l of lines) {
    const restart = l.level1 !== '' && l.level1 !== previous && seen.has(l.level1);
    if (restart || byCycle.length === 0) {
      byCycle.push([]);
      seen = new Set();
    }
    byCycle[byCycle.length - 1].push(l);
    if (l.level1) {
      seen.add(l.level1);
      previous = l.level1;
    }
  }
  if (byCycle.every((g) => g.filter((l) => l.amount !== null).length === 1)) return byCycle;
  const byAmount: Line[][] = [];
  for (const l of lines) {
    if (l.amount !== null || byAmount.length === 0) byAmount.push([]);
    byAmount[byAmount.length - 1].push(l);
  }
  return byAmount.filter((g) => g.some((l) => l.amount !== null));
}

function indicatorsOf(group: Line[], cols: MatrixColumns, ctx: RecognizeContext): Indicator[] {
  const h = cols.indicators;
  const out: Indicator[] = [];
  let level1: string | null = null;
  let level2: string | null = null;
  for (const l of group) {
    const l1 = l.cell(h.l1Col);
    const l2 = h.l2Col !== h.l1Col ? l.cell(h.l2Col) : '';
    if (l1) {
      level1 = stripLevelWeight(l1);
      level2 = null;
    }
    if (l2) level2 = stripLevelWeight(l2);
    const values: Assigned = {};
    h.roles.forEach((role, k) => {
      const text = h.roleCols[k] > h.l3Col ? l.cell(h.roleCols[k]) : '';
      if (!text) return;
      if (role === 'weight' || role === 'score') {
        const p = parseNumber(text);
        if (p.ok) values[role] = p.value.toNumber();
      } else values[role] = text;
    });
    const name = l.cell(h.l3Col);
    const last = out[out.length - 1];
    if (!values.target && values.weight === undefined && values.score === undefined) {
      // A line holding only the wrapped tail of the row above (its name or its explanation).
      if (last && name) last.level3 = `${last.level3}${name}`;
      if (last && values.note) last.note = `${last.note ?? ''}${values.note}`;
      continue;
    }
    if (name) out.push(makeIndicator(level1, level2, name, values, ctx.ref(l.row.line)));
  }
  return out;
}

/** A unit's cell as printed: its budget code in front ("105001长春市信访局") is not part of the name; a number alone is no unit (a 序号 column). */
const unitName = (text: string) => {
  const name = compact(text).replace(/^\d{3,}/, '');
  return /[\u4e00-\u9fff]{2}/.test(name) ? name : '';
};

function finish(lines: Line[], cols: MatrixColumns, ctx: RecognizeContext): ProjectDraft[] {
  const groups = groupLines(lines);
  // A unit's cell wraps too; merged over all its projects, it is printed in one group only.
  const units = groups.map((g) => unitName(g.map((l) => l.cell(cols.unit)).join('')));
  const distinct = [...new Set(units.filter(Boolean))];
  const drafts: ProjectDraft[] = [];
  for (const [k, g] of groups.entries()) {
    const name = g.map((l) => compact(l.cell(cols.name))).join('');
    const amountLine = g.find((l) => l.amount !== null);
    if (!name || !amountLine || /^(合计|总计|小计)$/.test(name)) continue;
    const d = newDraft(name, 'table', ctx.ref(g[0].row.line, g[g.length - 1].row.line));
    setIfEmpty(d, 'budget', amountLine.amount);
    if (cols.goal >= 0) setIfEmpty(d, 'annual_goal', g.map((l) => l.cell(cols.goal)).join(''));
    setIfEmpty(d, 'implementing_unit', units[k] || (distinct.length === 1 ? distinct[0] : null));
    d.indicators = indicatorsOf(g, cols, ctx);
    drafts.push(d);
  }
  return drafts;
}

export function recognizeGoalMatrices(ctx: RecognizeContext): ProjectDraft[] {
  const drafts: ProjectDraft[] = [];
  let cols: MatrixColumns | null = null;
  let lines: Line[] = [];
  const close = () => {
    if (cols) drafts.push(...finish(lines, cols, ctx));
    cols = null;
    lines = [];
  };
  for (const block of ctx.seg.blocks) {
    if (block.type !== 'table') {
      // Page numbers between the pages of one table keep it open; any other text ends it.
      if (cols && !(block.type === 'text' && NOISE.test(cleanText(block.text).trim()))) close();
      continue;
    }
    const rows = gridRows(block);
    // Another table right after this one (no text between): a block of another width.
    if (cols && !matrixColumns(rows[0]?.cells ?? [], ctx.unit) && Math.abs((rows[0]?.cells.length ?? 0) - cols.width) > 1) close();
    for (const row of rows) {
      const found = matrixColumns(row.cells, ctx.unit);
      if (found) {
        // A header repeated on a continuation page with the same columns keeps the table open.
        if (!cols || found.name !== cols.name || found.indicators.l1Col !== cols.indicators.l1Col) {
          close();
          cols = found;
        }
        ctx.claim(row.line, row.line, 'projects');
        continue;
      }
      if (!cols) continue;
      const line = readLine(row, cols);
      // Header rows below the one naming the columns (the tail of a wrapped caption) carry no indicator.
      if (lines.length === 0 && line.amount === null && !line.cell(cols.indicators.l3Col) && row.cells.every((c) => compact(c).length <= 2)) {
        ctx.claim(row.line, row.line, 'projects');
        continue;
      }
      lines.push(line);
      ctx.claim(row.line, row.line, 'projects');
    }
  }
  close();
  return drafts;
}

export const goalMatrixRecognizer = defineRecognizer({
  id: 'project-goal-matrices',
  label: '项目（项目绩效目标表（每行一个指标））',
  deps: [],
  run: (ctx) => recognizeGoalMatrices(ctx),
  empty: () => [],
});
