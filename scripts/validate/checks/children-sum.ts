/**
 * 类 = Σ款, 款 = Σ项 (function classification) and 类 = Σ款 (economic classification), per table and
 * per amount column; and 合计 = Σ类 against the table's 合计 row.
 */
import type { Finding } from '../../model/schema.js';
import { mismatch, sum, totalRow, type CheckDoc } from '../util.js';
import { economicTables, functionTables, tableName, type TableRows } from './rows.js';

const ROLE_LABEL: Record<string, string> = {
  total: '合计',
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  public: '公用经费',
};

function checkTable(doc: CheckDoc, t: TableRows, roles: string[]): Finding[] {
  const out: Finding[] = [];
  const ref = (a: number, b = a) => ({ file: doc.source_file, line_start: Math.min(a, b), line_end: Math.max(a, b) });
  for (const parent of t.rows) {
    if (parent.level === 3) continue;
    // children: the next level down, directly below this parent's code (5-digit economic codes stop at level 2)
    const children = t.rows.filter((r) => r.level === parent.level + 1 && r.code.startsWith(parent.code));
    if (children.length === 0) continue;
    for (const role of roles) {
      const pv = parent.values[role];
      const cvs = children.map((c) => c.values[role]);
      if (pv === undefined || (pv === null && cvs.every((v) => v === null || v === undefined))) continue;
      const actual = sum(cvs);
      const what = `${tableName(t)} ${parent.code} ${parent.name} 的${ROLE_LABEL[role] ?? role}与其下 ${children.length} 个${parent.level === 1 ? '款' : '项'}级科目之和不符（第 ${parent.line} 行，明细第 ${children[0].line}–${children[children.length - 1].line} 行）`;
      const f = mismatch('children_sum', 'error', what, pv ?? 0, actual, ref(parent.line, children[children.length - 1].line), children.length);
      if (f) out.push(f);
    }
  }
  // 合计 row = Σ 类
  const top = t.rows.filter((r) => r.level === 1);
  const tr = t.table ? totalRow(t.table, doc.unit) : null;
  if (tr && top.length > 0) {
    for (const role of roles) {
      const expected = (tr as unknown as Record<string, number | null>)[role];
      if (expected === null || expected === undefined) continue;
      const cvs = top.map((c) => c.values[role]);
      if (cvs.every((v) => v === null || v === undefined)) continue;
      const what = `${tableName(t)} 合计行的${ROLE_LABEL[role] ?? role}与 ${top.length} 个类级科目之和不符（合计在第 ${tr.line} 行）`;
      const f = mismatch('children_sum', 'error', what, expected, sum(cvs), ref(tr.line, top[top.length - 1].line), top.length);
      if (f) out.push(f);
    }
  }
  return out;
}

export function checkChildrenSum(doc: CheckDoc): Finding[] {
  return [
    ...functionTables(doc).flatMap((t) => checkTable(doc, t, ['total', 'basic', 'project'])),
    ...economicTables(doc).flatMap((t) => checkTable(doc, t, ['total', 'personnel', 'public'])),
  ];
}
