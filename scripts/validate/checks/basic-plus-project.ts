/**
 * 合计 = 基本支出 + 项目支出 in expenditure tables (row by row and on the 合计 row), 小计 = 人员经费 +
 * 公用经费 in economic tables, and the document's 本年支出合计 = basic + project. Columns a table adds
 * beside them (上缴上级支出, 经营支出, 对附属单位补助支出) are part of the total.
 */
import type { Finding, Table } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { moneyToWan } from '../../normalize/amount.js';
import { mismatch, sum, totalRow, type CheckDoc } from '../util.js';
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

export function checkBasicPlusProject(doc: CheckDoc): Finding[] {
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
        const what = `${tableName(t)} ${r.label}（第 ${r.line} 行）的合计与${la}＋${lb}不符`;
        const f = mismatch('basic_plus_project', 'error', what, expected, r.total, ref(r.line), 2);
        if (f) out.push(f);
      }
    }
  }
  // document level: 本年支出合计 = 基本支出 + 项目支出
  const { current_year_expenditure: total, basic_expenditure: basic, project_expenditure: project } = doc.totals;
  const lines = new Set(['current_year_expenditure', 'basic_expenditure', 'project_expenditure'].map((k) => doc.totals_sources[k]?.line_start));
  // all three read from one 合计 row: already checked with its table above
  if (total !== null && basic !== null && project !== null && lines.size > 1) {
    const src = doc.totals_sources.current_year_expenditure ?? doc.totals_sources.basic_expenditure ?? ref(1);
    // the 支出总表 合计 row that gave 基本支出 may add 经营支出 / 上缴上级 / 对附属单位补助 beside them
    const basicLine = doc.totals_sources.basic_expenditure?.line_start;
    const from = basicLine === undefined ? null : (doc.tables.find((t) => t.rows.some((r) => r.source_line === basicLine)) ?? null);
    const extra = from && basicLine !== undefined ? extras(from, basicLine, doc.unit) : 0;
    const label = extra ? `基本支出（${basic}）＋项目支出（${project}）＋其他支出列（${extra}）` : `基本支出（${basic}）＋项目支出（${project}）`;
    const f = mismatch('basic_plus_project', 'error', `文档本年支出合计与${label}之和不符`, sum([basic, project, extra]), total, src, 2);
    if (f) out.push(f);
  }
  return out;
}
