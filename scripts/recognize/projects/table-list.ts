/**
 * Projects listed as table rows: 项目支出预算表 (单位名称 / 科目 / 项目名称 / 总计 …) and the 项目支出情况
 * part of 部门整体绩效目标表 (项目名称 / 项目类型 / 项目总预算 / 项目本年度预算 / 用途).
 * Uses the recognized `tables` (kind project_expenditure) when the tables stage provides them, and
 * otherwise finds the header row ("项目名称" next to an amount column) in the raw table blocks.
 * Procurement and purchase-of-services tables also have a 项目名称 column and are skipped.
 */
import type { MoneyUnit, Table } from '../../model/schema.js';
import type { Row } from '../../segment/ir.js';
import type { RecognizeContext } from '../context.js';
import { moneyToWan } from '../../normalize/amount.js';
import { cleanText } from '../../normalize/text.js';
import { type ProjectDraft, isFrequency, newDraft, setIfEmpty } from './draft.js';
import { defineRecognizer } from '../registry.js';

interface Columns {
  name: number;
  budget: number;
  total: number;
  type: number;
  use: number;
  code: number;
  unit: number;
}

const norm = (c: string) => cleanText(c).replace(/\s+/g, '').replace(/[(（]万?元[)）]$/, '');
const BUDGET_COL = [/^项目本年度预算$|^本年度预算$|^(项目)?当年预算$|^本年预算$/, /^(预算数|预算金额|金额)$/, /^(总计|合计)$/];

function findColumns(cells: string[]): Columns | null {
  const n = cells.map(norm);
  // The column holding a name ("项目名称" may appear in a project-title column and again later);
  // under a 项目名称 caption spanning 一级项目 | 二级项目, the 二级项目 column names the project.
  let name = n.findIndex((c) => c === '项目名称');
  if (name < 0) name = n.findIndex((c) => /^二级项目(名称)?$/.test(c));
  if (name < 0) return null;
  if (n.some((c) => /采购|购买服务|承接主体/.test(c))) return null;
  let budget = -1;
  for (const re of BUDGET_COL) {
    budget = n.findIndex((c) => re.test(c));
    if (budget >= 0) break;
  }
  if (budget < 0) return null;
  return {
    name,
    budget,
    total: n.findIndex((c) => /^(项目总预算|总预算|项目总金额)$/.test(c)),
    type: n.findIndex((c) => /^项目(类型|类别|属性)$/.test(c)),
    use: n.findIndex((c) => /用途|支出方向|主要内容/.test(c)),
    code: n.findIndex((c) => /^项目(编码|代码|编号)$/.test(c)),
    unit: n.findIndex((c) => /^((二级|三级)?(预算)?单位(名称)?|资金使用单位)$/.test(c)),
  };
}

function readRow(row: Row, cols: Columns, unit: MoneyUnit, ctx: RecognizeContext): ProjectDraft | null {
  const raw = (row.cells[cols.name] ?? '').trim();
  const name = raw.replace(/^项目\s*\d+\s*[:：]\s*/, '');
  if (!name || /^(合计|小计|总计|项目名称)$/.test(name.replace(/\s+/g, ''))) return null;
  // A function-classification line ("教育支出（类）其他教育支出（款）…（项）") is a subtotal, not a project.
  if (/[(（](类|款|项)[)）]$/.test(name.replace(/\s+/g, ''))) return null;
  const budget = moneyToWan(row.cells[cols.budget] ?? '', unit);
  if (budget === null) return null;
  const d = newDraft(name, 'table', ctx.ref(row.line));
  setIfEmpty(d, 'budget', budget);
  if (cols.total >= 0) setIfEmpty(d, 'total_budget', moneyToWan(row.cells[cols.total] ?? '', unit));
  if (cols.type >= 0) {
    const t = (row.cells[cols.type] ?? '').trim();
    if (t) setIfEmpty(d, isFrequency(t) ? 'frequency' : 'category', t);
  }
  if (cols.use >= 0) setIfEmpty(d, 'overview', (row.cells[cols.use] ?? '').trim());
  if (cols.code >= 0) setIfEmpty(d, 'code', (row.cells[cols.code] ?? '').replace(/\s+/g, ''));
  if (cols.unit >= 0) setIfEmpty(d, 'implementing_unit', cleanText(row.cells[cols.unit] ?? '').replace(/\s+/g, ''));
  ctx.claim(row.line, row.line, 'projects');
  return d;
}

/** The money unit stated just above a table ("单位：万元"), else the document's. */
function unitBefore(ctx: RecognizeContext, line: number): MoneyUnit {
  for (let n = line - 1; n >= Math.max(1, line - 8); n--) {
    const t = ctx.seg.lines[n - 1]?.text ?? '';
    const m = /单位[:：]\s*(万元|元)/.exec(cleanText(t));
    if (m) return m[1] as MoneyUnit;
  }
  return ctx.unit;
}

/** `skip`: line ranges already read by another project table reader (goal-table.ts). */
export function recognizeProjectTables(ctx: RecognizeContext, tables: Table[], skip: Array<[number, number]> = []): ProjectDraft[] {
  const drafts: ProjectDraft[] = [];
  const covered: Array<[number, number]> = [...skip];
  const overlaps = (s: number, e: number) => skip.some(([a, b]) => s <= b && e >= a);
  for (const t of tables) {
    if (t.kind !== 'project_expenditure') continue;
    if (overlaps(t.source.line_start, t.source.line_end)) continue;
    const cols = findColumns(t.columns.map((c) => c.split('/').pop() ?? c));
    if (!cols) continue;
    covered.push([t.source.line_start, t.source.line_end]);
    for (const r of t.rows) {
      const d = readRow({ cells: r.cells, raw: r.cells, line: r.source_line }, cols, t.unit ?? ctx.unit, ctx);
      if (d) drafts.push(d);
    }
  }
  for (const b of ctx.seg.blocks) {
    if (b.type !== 'table') continue;
    if (covered.some(([s, e]) => b.line_start >= s && b.line_end <= e) || overlaps(b.line_start, b.line_end)) continue;
    let cols: Columns | null = null;
    let unit: MoneyUnit = ctx.unit;
    for (const row of b.rows) {
      const header = findColumns(row.cells);
      if (header) {
        cols = header;
        unit = unitBefore(ctx, b.line_start);
        continue;
      }
      if (!cols) continue;
      const d = readRow(row, cols, unit, ctx);
      if (d) drafts.push(d);
    }
  }
  return drafts;
}

export const projectTableRecognizer = defineRecognizer({
  id: 'project-tables',
  label: '项目（项目支出预算表）',
  deps: ['tables', 'project-goal-tables'],
  run: (ctx, i) => recognizeProjectTables(ctx, i.tables, i['project-goal-tables'].covered),
  empty: () => [],
});
