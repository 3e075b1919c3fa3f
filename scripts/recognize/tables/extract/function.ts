/**
 * 支出功能分类 rows (类/款/项) from expenditure-by-function tables: 支出总表, 一般公共预算支出表,
 * and the 政府性基金/国有资本经营 expenditure tables when they have rows. Total/basic/project columns.
 */
import type { FunctionExpenditure, Table } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { CodeContext, isFunctionCode, readCode } from '../codes.js';
import { codeLayout, findCol, readAmount, tableUnit } from './common.js';
import { compact, orphanBasicColumn } from '../cells.js';
import { sumExact } from '../../../normalize/amount.js';
import { defineRecognizer } from '../../registry.js';

export const FUNCTION_KINDS = new Set(['expenditure', 'general_budget_expenditure', 'government_fund', 'state_capital']);

export function amountColumns(columns: string[]) {
  const named = /编码|代码|名称|行次|栏次/;
  // 基本支出 published only as its parts ("基本支出/人员支出", "基本支出/日常公用支出"), without its own total
  const parts = columns.map((c, i) => (/^基本支出\/(?!合计|小计)/.test(compact(c)) ? i : -1)).filter((i) => i >= 0);
  const ownBasic = columns.some((c) => /^基本支出(\/(合计|小计))?$/.test(compact(c)));
  return {
    total: findCol(columns, /(合计|总计|小计)$/, named),
    basic: ((b) => (b >= 0 ? b : orphanBasicColumn(columns)))(findCol(columns, /基本支出/, named)),
    project: findCol(columns, /项目支出/, named),
    /** columns to add up for 基本支出 when it has no column of its own (else empty) */
    basicParts: !ownBasic && parts.length >= 2 ? parts : [],
  };
}

/** 基本支出 of a row: its column, or the exact sum of its part columns. */
export function basicOf(cols: ReturnType<typeof amountColumns>, at: (i: number) => number | null): number | null {
  if (cols.basicParts.length === 0) return at(cols.basic);
  const vals = cols.basicParts.map(at);
  return vals.every((v) => v === null) ? null : sumExact(vals);
}

export function extractFunction(ctx: RecognizeContext, t: Table): FunctionExpenditure[] {
  if (!FUNCTION_KINDS.has(t.kind) || t.empty) return [];
  const { codeCols, nameCol } = codeLayout(t.columns);
  const cols = amountColumns(t.columns);
  if (cols.total < 0 && cols.basic < 0 && cols.project < 0) return [];
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
      project: at(cols.project),
      source: ctx.ref(r.source_line),
    });
  }
  return out;
}

export const functionRecognizer = defineRecognizer({
  id: 'function-classification',
  label: '按功能分类的支出',
  deps: ['tables'],
  run: (ctx, { tables }) => tables.flatMap((t) => extractFunction(ctx, t)),
  empty: () => [],
});
