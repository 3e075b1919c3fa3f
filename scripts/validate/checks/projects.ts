/**
 * Projects: their budgets should add up to the project expenditure — but only when the document lists
 * every project (it publishes a 项目支出预算表); and one project code must not name two projects.
 */
import type { Finding, Project, Table } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { moneyToWan } from '../../normalize/amount.js';
import { compare, fmt, finding, mismatch, roleColumn, sum, totalRow, TOLERANCE_TEXT, type CheckDoc } from '../util.js';

/** Name for comparing spellings: no quotes, spaces, brackets or a trailing 项目/经费 suffix. */
export function projectKey(name: string): string {
  return compact(name)
    .replace(/[“”"'‘’《》「」()（）【】\[\]]/g, '')
    .replace(/(?:项目|经费|费)$/g, '');
}

function listedTotal(table: Table, unit: '万元' | '元'): { sum: number; count: number; total: number | null; line: number } {
  const col = roleColumn(table, 'total');
  const tr = totalRow(table, unit);
  const values: number[] = [];
  for (const row of table.rows) {
    if (tr && row.source_line === tr.line) continue;
    const v = col >= 0 ? moneyToWan(row.cells[col] ?? '', table.unit ?? unit) : null;
    if (v !== null) values.push(v);
  }
  return { sum: sum(values), count: values.length, total: tr?.total ?? null, line: tr?.line ?? table.source.line_start };
}

export function checkProjectSum(doc: CheckDoc): Finding[] {
  const out: Finding[] = [];
  const amountOf = (p: Project) => (doc.kind === 'final_account' ? (p.executed ?? p.budget) : p.budget);
  const listed = doc.projects.filter((p) => amountOf(p) !== null);
  const projectTables = doc.tables.filter((t) => t.kind === 'project_expenditure' && !t.empty);
  const projSum = sum(listed.map(amountOf));
  const src = doc.totals_sources.project_expenditure ?? { file: doc.source_file, line_start: 1, line_end: 1 };
  for (const t of projectTables) {
    // the complete list: its rows must add up to its own 合计 …
    const l = listedTotal(t, doc.unit);
    if (l.total !== null && l.count > 0) {
      const f = mismatch('project_sum', 'warning', `《${t.title}》列出的 ${l.count} 个项目之和与该表合计行（第 ${l.line} 行）不符`, l.total, l.sum, { file: doc.source_file, line_start: t.source.line_start, line_end: t.source.line_end }, l.count);
      if (f) out.push(f);
    }
    // … and the recognized projects must add up to the project expenditure
    const target = doc.totals.project_expenditure ?? l.total;
    if (target !== null && listed.length > 0) {
      const f = mismatch(
        'project_sum',
        'warning',
        `本文档以《${t.title}》列出全部项目，${listed.length} 个项目的${doc.kind === 'final_account' ? '支出' : '预算'}之和与项目支出合计不符`,
        target,
        projSum,
        src,
        listed.length,
      );
      if (f) out.push(f);
    }
  }
  // without a complete list only one thing is certain: the listed projects cannot exceed the total
  const pe = doc.totals.project_expenditure;
  if (projectTables.length === 0 && pe !== null && listed.length > 0) {
    const c = compare(pe, projSum, listed.length);
    if (!c.agrees && !c.rounding && c.diff > 0) {
      out.push(
        finding(
          'project_sum',
          'warning',
          `文档未列出完整的项目支出预算表（不能确定是否列出全部项目），但已列出的 ${listed.length} 个项目金额之和 ${fmt(projSum)} 万元已超过项目支出合计 ${fmt(pe)} 万元（${TOLERANCE_TEXT}）`,
          pe,
          projSum,
          src,
        ),
      );
    }
  }
  return out;
}

/** (code, name, line) pairs: from the projects, and from any table row with 项目名称 … 项目编码 cells. */
function codeUses(doc: CheckDoc): Array<{ code: string; name: string; line: number }> {
  const uses: Array<{ code: string; name: string; line: number }> = [];
  for (const p of doc.projects) {
    if (!p.code) continue;
    uses.push({ code: compact(p.code), name: p.name, line: p.sources[0]?.line_start ?? 0 });
  }
  // name and code are often on one line of a 绩效目标表 (项目名称: X 项目编码: Y), or on adjacent rows
  for (const t of doc.tables) {
    let pendingName: { name: string; line: number } | null = null;
    for (const row of t.rows) {
      const cells = row.cells.map((c) => compact(c).replace(/[:：]$/, ''));
      const ni = cells.findIndex((c) => c === '项目名称');
      const ci = cells.findIndex((c) => /^项目(?:编码|编号|代码)$/.test(c));
      if (ni >= 0 && cells[ni + 1]) pendingName = { name: row.cells[ni + 1].trim(), line: row.source_line };
      if (ci >= 0 && /^\d{6,}$/.test(cells[ci + 1] ?? '') && pendingName && row.source_line - pendingName.line <= 3) {
        uses.push({ code: cells[ci + 1], name: pendingName.name, line: pendingName.line });
        pendingName = null;
      }
    }
  }
  return uses;
}

/** One spelling is the other with characters left out (外包人员经费 / 外包工作人员经费). */
export function sameProjectName(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [projectKey(a), projectKey(b)] : [projectKey(b), projectKey(a)];
  if (s === l) return true;
  if (s.length < 2) return false;
  let i = 0;
  for (const ch of l) if (ch === s[i]) i++;
  return i === s.length;
}

export function checkProjectCodes(doc: CheckDoc): Finding[] {
  const out: Finding[] = [];
  const byCode = new Map<string, Map<string, { name: string; line: number }>>();
  for (const u of codeUses(doc)) {
    const m = byCode.get(u.code) ?? new Map();
    if (![...m.values()].some((x) => sameProjectName(x.name, u.name))) m.set(projectKey(u.name), { name: u.name, line: u.line });
    byCode.set(u.code, m);
  }
  for (const [code, names] of [...byCode.entries()].sort()) {
    if (names.size < 2) continue;
    const list = [...names.values()].sort((a, b) => a.line - b.line);
    const lines = list.map((x) => x.line).filter((n) => n > 0);
    out.push(
      finding(
        'duplicate_project_code',
        'error',
        `项目编码 ${code} 被 ${list.length} 个不同项目使用：${list.map((x) => `“${x.name}”（第 ${x.line} 行）`).join('、')}`,
        null,
        null,
        { file: doc.source_file, line_start: Math.min(...lines, list[0].line), line_end: Math.max(...lines, list[0].line) },
      ),
    );
  }
  return out;
}
