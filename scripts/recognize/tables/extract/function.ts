/**
 * 支出功能分类 rows (类/款/项) from expenditure-by-function tables: 支出总表, 一般公共预算支出表,
 * and the 政府性基金/国有资本经营 expenditure tables when they have rows. Total/basic/project columns.
 */
import type { FunctionExpenditure, Table } from '../../../model/schema.js';
import type { RecognizeContext } from '../../context.js';
import { CodeContext, isFunctionCode, readCode } from '../codes.js';
import { codeLayout, findCol, readAmount, tableUnit } from './common.js';

export const FUNCTION_KINDS = new Set(['expenditure', 'general_budget_expenditure', 'government_fund', 'state_capital']);

export function amountColumns(columns: string[]) {
  const named = /编码|代码|名称|行次|栏次/;
  return {
    total: findCol(columns, /(合计|总计|小计)$/, named),
    basic: findCol(columns, /基本支出/, named),
    project: findCol(columns, /项目支出/, named),
  };
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
      basic: at(cols.basic),
      project: at(cols.project),
      source: ctx.ref(r.source_line),
    });
  }
  return out;
}
