/**
 * 类 = Σ款, 款 = Σ项 (function classification) and 类 = Σ款 (economic classification), per table and
 * per amount column; and 合计 = Σ类 against the table's 合计 row.
 */
import type { Finding, ParseNote } from '../../model/schema.js';
import { compare, fmt, mismatch, sum, totalRow, type CheckDoc } from '../util.js';
import { economicTables, functionTables, tableName, type ClassRow, type TableRows } from './rows.js';

const ROLE_LABEL: Record<string, string> = {
  total: '合计',
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  public: '公用经费',
};

/** A row printed twice in a row: same code, name and figures (the second is often a 项 coded as its 款). */
function isRepeat(a: ClassRow, b: ClassRow): boolean {
  return a.code === b.code && a.name === b.name && Object.keys(a.values).every((k) => a.values[k] === b.values[k]);
}

function checkTable(doc: CheckDoc, t: TableRows, roles: string[], notes: ParseNote[]): Finding[] {
  const out: Finding[] = [];
  const ref = (a: number, b = a) => ({ file: doc.source_file, line_start: Math.min(a, b), line_end: Math.max(a, b) });
  const lastLine = Math.max(...t.rows.map((r) => r.line));
  for (const parent of t.rows) {
    if (parent.level === 3) continue;
    // children: the next level down, directly below this parent's code (5-digit economic codes stop at level 2)
    const children = t.rows.filter((r) => r.level === parent.level + 1 && r.code.startsWith(parent.code));
    if (children.length === 0) continue;
    const once = children.filter((c, i) => i === 0 || !isRepeat(children[i - 1], c));
    for (const role of roles) {
      const pv = parent.values[role];
      const cvs = children.map((c) => c.values[role]);
      if (pv === undefined || (pv === null && cvs.every((v) => v === null || v === undefined))) continue;
      const actual = sum(cvs);
      const at = ref(parent.line, children[children.length - 1].line);
      const what = `${tableName(t)} ${parent.code} ${parent.name} 的${ROLE_LABEL[role] ?? role}与其下 ${children.length} 个${parent.level === 1 ? '款' : '项'}级科目之和不符（第 ${parent.line} 行，明细第 ${children[0].line}–${children[children.length - 1].line} 行）`;
      const f = mismatch('children_sum', 'error', what, pv ?? 0, actual, at, children.length);
      if (!f) continue;
      // a row printed twice: counted once, the figures agree — the code could not be placed, not a wrong sum
      if (once.length < children.length && compare(pv ?? 0, sum(once.map((c) => c.values[role])), once.length).agrees) {
        notes.push({ check: 'children_sum', message: `${tableName(t)} ${parent.code} ${parent.name} 下有重复出现的科目行（编码、名称、金额都相同），无法确定其层级；按一行计算时${ROLE_LABEL[role] ?? role}相符`, source: at });
        continue;
      }
      // short at the very end of the table: its last rows are most likely on a page that was not joined
      if (f.severity !== 'info' && f.actual! < f.expected! && children[children.length - 1].line === lastLine) {
        notes.push({ check: 'children_sum', message: `${tableName(t)} ${parent.code} ${parent.name} 是表格最后一组，其下明细之和比它少 ${fmt(sum([f.expected, -f.actual!]))} 万元：表格末尾可能有行（如跨页的最后一行）未读到，未作为原文的问题。原核对结果：${f.message}`, source: at });
        continue;
      }
      out.push(f);
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

export function checkChildrenSum(doc: CheckDoc, notes: ParseNote[] = []): Finding[] {
  return [
    ...functionTables(doc).flatMap((t) => checkTable(doc, t, ['total', 'basic', 'project'], notes)),
    ...economicTables(doc).flatMap((t) => checkTable(doc, t, ['total', 'personnel', 'public'], notes)),
  ];
}
