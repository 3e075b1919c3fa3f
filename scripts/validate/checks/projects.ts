/**
 * Projects: their budgets should add up to the project expenditure — but only when the document lists
 * every project (it publishes a 项目支出预算表); and one project code must not name two projects.
 */
import type { Finding, ParseNote, Project, Table } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { moneyToWan } from '../../normalize/amount.js';
import { compare, fmt, finding, mismatch, readingIssues, roleColumn, sum, totalRow, TOLERANCE_TEXT, type CheckDoc } from '../util.js';

/** Name for comparing spellings: no quotes, spaces, brackets or a trailing 项目/经费 suffix. */
export function projectKey(name: string): string {
  return compact(name)
    .replace(/[“”"'‘’《》「」()（）【】\[\]]/g, '')
    .replace(/(?:项目|经费|费)$/g, '');
}

/** A list table's amounts in row order (its 合计 row apart), and that 合计. */
function listedTotal(table: Table, unit: '万元' | '元'): { values: Array<number | null>; count: number; total: number | null; line: number } {
  const col = roleColumn(table, 'total');
  const tr = totalRow(table, unit);
  const values: Array<number | null> = [];
  for (const row of table.rows) {
    if (tr && row.source_line === tr.line) continue;
    values.push(col >= 0 ? moneyToWan(row.cells[col] ?? '', table.unit ?? unit) : null);
  }
  return { values, count: values.filter((v) => v !== null).length, total: tr?.total ?? null, line: tr?.line ?? table.source.line_start };
}

interface Reading {
  /** the sum of the items, each group row (a subtotal followed by its items) counted through its items */
  sum: number;
  /** how many rows were read as group rows */
  groups: number;
  /** the single top-level row when it is a group spanning the whole list (a unit's total), else null */
  top: number | null;
}

/**
 * Read a list whose rows may include group rows: a row is a group when the rows right after it (each
 * itself an item or a group) add up exactly to it, with at least `minItems` of them. Lists of
 * projects are often grouped by 资金使用单位 (the unit's subtotal, then its projects) or by category.
 */
function readGroups(values: Array<number | null>, minItems: number): Reading {
  const memo = new Map<number, { end: number; value: number; leaves: number; groups: number }>();
  const item = (i: number): { end: number; value: number; leaves: number; groups: number } => {
    const known = memo.get(i);
    if (known) return known;
    const v = values[i];
    let r = { end: i + 1, value: v ?? 0, leaves: v ?? 0, groups: 0 };
    if (v !== null) {
      let acc = 0;
      let leaves = 0;
      let groups = 0;
      let n = 0;
      for (let k = i + 1; k < values.length; ) {
        const it = item(k);
        acc = sum([acc, it.value]);
        leaves = sum([leaves, it.leaves]);
        groups += it.groups;
        k = it.end;
        n++;
        const c = compare(v, acc, n);
        if ((c.agrees || c.rounding) && n >= minItems && values[i + 1] !== null) {
          r = { end: k, value: v, leaves, groups: groups + 1 };
          break;
        }
        if (c.diff > 0 && !c.rounding) break;
      }
    }
    memo.set(i, r);
    return r;
  };
  let total = 0;
  let groups = 0;
  const tops: Array<ReturnType<typeof item>> = [];
  for (let i = 0; i < values.length; ) {
    const it = item(i);
    if (values[i] !== null) tops.push(it);
    total = sum([total, it.leaves]);
    groups += it.groups;
    i = it.end;
  }
  return { sum: total, groups, top: tops.length === 1 && tops[0].groups > 0 ? tops[0].value : null };
}

/** The readings of a list worth trying: every row an item, and group rows of ≥1 or ≥2 items. */
function readings(values: Array<number | null>): Reading[] {
  return [{ sum: sum(values), groups: 0, top: null }, readGroups(values, 1), readGroups(values, 2)];
}

const EXTRA_COLUMNS = /上缴上级|经营支出|对附属单位补助/;

/** 项目支出 plus the other expenditure columns of the row it was read from (a 项目支出表 may list those projects too). */
function projectTargets(doc: CheckDoc, pe: number, line: number): number[] {
  const t = doc.tables.find((x) => x.rows.some((r) => r.source_line === line));
  const row = t?.rows.find((r) => r.source_line === line);
  if (!t || !row) return [pe];
  const extras = t.columns.map((c, i) => (EXTRA_COLUMNS.test(compact(c)) ? moneyToWan(row.cells[i] ?? '', t.unit ?? doc.unit) : null)).filter((v): v is number => v !== null && v !== 0);
  return extras.length ? [pe, sum([pe, ...extras])] : [pe];
}

export function checkProjectSum(doc: CheckDoc, notes: ParseNote[] = []): Finding[] {
  const out: Finding[] = [];
  const amountOf = (p: Project) => (doc.kind === 'final_account' ? (p.executed ?? p.budget) : p.budget);
  const listed = doc.projects.filter((p) => amountOf(p) !== null);
  const projectTables = doc.tables.filter((t) => t.kind === 'project_expenditure' && !t.empty);
  const projSum = sum(listed.map(amountOf));
  const pe = doc.totals.project_expenditure;
  const peSrc = doc.totals_sources.project_expenditure;
  // a 项目支出 read from a table row (not from a sentence, which may be about one unit only)
  const peFromTable = pe !== null && peSrc !== undefined && doc.tables.some((t) => t.rows.some((r) => r.source_line === peSrc.line_start));
  let listTotal: { value: number; table: Table } | null = null;
  for (const t of projectTables) {
    const at = { file: doc.source_file, line_start: t.source.line_start, line_end: t.source.line_end };
    const issues = readingIssues(doc, t);
    const l = listedTotal(t, doc.unit);
    if (l.count === 0) continue;
    const rs = readings(l.values);
    // the complete list: its rows must add up to its own 合计 (read with or without group rows) …
    if (l.total !== null) {
      const agreeing = rs.find((r) => {
        const c = compare(l.total!, r.sum, l.count);
        return c.agrees || c.rounding;
      });
      if (!agreeing) {
        const f = mismatch('project_sum', 'warning', `《${t.title}》列出的 ${l.count} 个项目之和与该表合计行（第 ${l.line} 行）不符`, l.total, rs[0].sum, at, l.count);
        const grouped = rs.some((r) => r.groups > 0);
        const multiple = l.total > 0 && Number.isInteger(Math.round((rs[0].sum / l.total) * 1000) / 1000) && rs[0].sum / l.total >= 1.999;
        if (f && (issues.length > 0 || grouped || multiple)) {
          const why = issues.length > 0 ? issues.join('；') : '表中有分组小计行（如资金使用单位的小计），未能确定各行的层级';
          notes.push({ check: 'project_sum', message: `《${t.title}》未能完整读取（${why}），未核对其项目之和与合计。原核对结果：${f.message}`, source: at });
        } else if (f) out.push(f);
      }
      if (issues.length === 0 && agreeing && listTotal === null) listTotal = { value: l.total, table: t };
    } else if (issues.length === 0 && listTotal === null) {
      // no 合计 row: a list that is one group (the department's total row, then its items) has that total
      const top = rs.slice(1).find((r) => r.top !== null)?.top ?? null;
      if (top !== null) listTotal = { value: top, table: t };
    }
  }
  if (listTotal !== null) {
    const { value, table } = listTotal;
    const at = { file: doc.source_file, line_start: table.source.line_start, line_end: table.source.line_end };
    // … the list's total must be the 项目支出 of the 支出总表 (with the 经营支出 etc. a list may include)
    if (peFromTable && !/其他/.test(table.title) && !projectTargets(doc, pe!, peSrc!.line_start).some((x) => compare(x, value).agrees)) {
      const f = mismatch('project_sum', 'warning', `《${table.title}》的项目合计与第 ${peSrc!.line_start} 行的项目支出合计不符`, pe!, value, at);
      if (f) out.push(f);
    }
    // … and the projects recognized in the document should be those of the list
    if (listed.length > 0) {
      const c = compare(value, projSum, listed.length);
      if (!c.agrees && !c.rounding) {
        notes.push({ check: 'project_sum', message: `识别出的 ${listed.length} 个项目金额之和 ${fmt(projSum)} 万元与《${table.title}》的合计 ${fmt(value)} 万元不符：项目未能全部识别，或不同单位的同名项目被合并（不是原文的问题）`, source: at });
      }
    }
  }
  // without a complete list the recognized projects may be any part of them; more than the total
  // means they were recognized twice or with a wrong amount (the reading's problem, not the document's)
  if (projectTables.length === 0 && pe !== null && listed.length > 0) {
    const c = compare(pe, projSum, listed.length);
    if (!c.agrees && !c.rounding && c.diff > 0) {
      notes.push({
        check: 'project_sum',
        message: `文档未列出完整的项目支出预算表，但识别出的 ${listed.length} 个项目金额之和 ${fmt(projSum)} 万元已超过项目支出合计 ${fmt(pe)} 万元（${TOLERANCE_TEXT}）：可能有项目被重复识别或金额读错`,
        source: peSrc ?? { file: doc.source_file, line_start: 1, line_end: 1 },
      });
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
