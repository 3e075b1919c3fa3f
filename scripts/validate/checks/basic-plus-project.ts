/**
 * 合计 = 基本支出 + 项目支出 in expenditure tables (row by row and on the 合计 row), 小计 = 人员经费 +
 * 公用经费 in economic tables, and the document's 本年支出合计 = basic + project. Columns a table adds
 * beside them (上缴上级支出, 经营支出, 对附属单位补助支出) are part of the total.
 */
import type { Finding, ParseNote, Table } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { moneyToWan } from '../../normalize/amount.js';
import { compare, fmt, mismatch, sum, totalRow, type CheckDoc } from '../util.js';
import { economicTables, functionTables, tableName } from './rows.js';

const EXTRA_EXPENDITURE = /上缴上级|经营支出|对附属单位补助|结转下年/;

/** Other expenditure columns of the same source row that belong in the total. */
function extras(table: Table | null, line: number, unit: '万元' | '元'): number {
  if (!table) return 0;
  const row = table.rows.find((r) => r.source_line === line);
  if (!row) return 0;
  const vals: number[] = [];
  table.columns.forEach((c, i) => {
    if (EXTRA_EXPENDITURE.test(compact(c))) {
      const v = moneyToWan(row.cells[i] ?? '', table.unit ?? unit);
      if (v !== null) vals.push(v);
    }
  });
  return sum(vals);
}

/**
 * The figure that would make the row add up (total − one part) printed in another column of the same
 * row (not a 合计/小计 column): the part was most likely read from the wrong column (a header split
 * as "项目支/出", or two column groups 当年预算 / 上年结转 with the same sub-headers).
 */
function inAnotherColumn(table: Table | null, line: number, total: number, parts: Array<number | null>, unit: '万元' | '元'): number | null {
  const row = table?.rows.find((r) => r.source_line === line);
  if (!table || !row) return null;
  for (const part of parts) {
    const need = sum([total, -(part ?? 0)]);
    if (need === 0 || parts.some((p) => p !== null && compare(p, need).agrees)) continue;
    const hit = row.cells.some((c, i) => {
      if (/(?:合计|小计|总计|金额|预算数|决算数)$/.test(compact(table.columns[i] ?? ''))) return false;
      const v = moneyToWan(c, table.unit ?? unit);
      return v !== null && compare(need, v).agrees;
    });
    if (hit) return need;
  }
  return null;
}

export function checkBasicPlusProject(doc: CheckDoc, notes: ParseNote[] = []): Finding[] {
  const out: Finding[] = [];
  const ref = (a: number) => ({ file: doc.source_file, line_start: a, line_end: a });
  const pairs: Array<{ tables: ReturnType<typeof functionTables>; a: string; b: string; la: string; lb: string }> = [
    { tables: functionTables(doc), a: 'basic', b: 'project', la: '基本支出', lb: '项目支出' },
    { tables: economicTables(doc), a: 'personnel', b: 'public', la: '人员经费', lb: '公用经费' },
  ];
  for (const { tables, a, b, la, lb } of pairs) {
    for (const t of tables) {
      const rows: Array<{ label: string; total: number | null; a: number | null; b: number | null; line: number }> = t.rows.map((r) => ({
        label: `${r.code} ${r.name}`,
        total: r.values.total ?? null,
        a: r.values[a] ?? null,
        b: r.values[b] ?? null,
        line: r.line,
      }));
      const tr = t.table ? totalRow(t.table, doc.unit) : null;
      if (tr) rows.unshift({ label: '合计行', total: tr.total, a: (tr as unknown as Record<string, number | null>)[a], b: (tr as unknown as Record<string, number | null>)[b], line: tr.line });
      for (const r of rows) {
        if (r.total === null || (r.a === null && r.b === null)) continue;
        const expected = sum([r.a, r.b, extras(t.table, r.line, doc.unit)]);
        // some layouts print 经营支出 etc. as "of which" figures beside a total of basic + project alone
        if (compare(sum([r.a, r.b]), r.total).agrees) continue;
        const what = `${tableName(t)} ${r.label}（第 ${r.line} 行）的合计与${la}＋${lb}不符`;
        const f = mismatch('basic_plus_project', 'error', what, expected, r.total, ref(r.line), 2);
        if (!f) continue;
        const other = f.severity === 'info' ? null : inAnotherColumn(t.table, r.line, r.total, [r.a, r.b], doc.unit);
        if (other !== null) {
          notes.push({ check: 'basic_plus_project', message: `${tableName(t)} 第 ${r.line} 行另一列写有使其相符的 ${fmt(other)} 万元：${la}或${lb}可能读错了列，未作为原文的问题。原核对结果：${f.message}`, source: ref(r.line) });
          continue;
        }
        out.push(f);
      }
    }
  }
  // document level: 本年支出合计 = 基本支出 + 项目支出
  const { current_year_expenditure: total, basic_expenditure: basic, project_expenditure: project } = doc.totals;
  const lines = new Set(['current_year_expenditure', 'basic_expenditure', 'project_expenditure'].map((k) => doc.totals_sources[k]?.line_start));
  // all three read from one 合计 row: already checked with its table above; a figure taken from a
  // sentence may be about another scope (one unit, 本级), which table_vs_narrative compares instead
  const fromTables = ['current_year_expenditure', 'basic_expenditure', 'project_expenditure'].every((k) => {
    const line = doc.totals_sources[k]?.line_start;
    return line !== undefined && doc.tables.some((t) => t.rows.some((r) => r.source_line === line));
  });
  if (total !== null && basic !== null && project !== null && lines.size > 1 && fromTables) {
    const src = doc.totals_sources.current_year_expenditure ?? doc.totals_sources.basic_expenditure ?? ref(1);
    // the 支出总表 合计 row that gave 基本支出 may add 经营支出 / 上缴上级 / 对附属单位补助 beside them
    const basicLine = doc.totals_sources.basic_expenditure?.line_start;
    const from = basicLine === undefined ? null : (doc.tables.find((t) => t.rows.some((r) => r.source_line === basicLine)) ?? null);
    const extra = from && basicLine !== undefined ? extras(from, basicLine, doc.unit) : 0;
    const label = extra ? `基本支出（${basic}）＋项目支出（${project}）＋其他支出列（${extra}）` : `基本支出（${basic}）＋项目支出（${project}）`;
    if (extra && compare(sum([basic, project]), total).agrees) return out;
    const f = mismatch('basic_plus_project', 'error', `文档本年支出合计与${label}之和不符`, sum([basic, project, extra]), total, src, 2);
    if (f) out.push(f);
  }
  return out;
}
