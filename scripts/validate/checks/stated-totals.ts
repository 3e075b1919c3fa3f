/**
 * “收入支出总计 / 收、支预算总计 / 财政拨款收支总计(总预算) X万元” sentences against the 总计 rows of
 * the tables they describe: the 收支总表 for all funds, the 财政拨款收支总表 for 财政拨款.
 *
 * Complements narrative.ts, which compares the facts the narrative recognizer keyed as 收入总计 /
 * 支出总计 with the document's totals: here only a sentence stating the joint 收支 total that no such
 * fact covers (same line, same figure), and every 财政拨款 收支总计 sentence (narrative.ts leaves the
 * 财政拨款 scope alone). A sentence about one unit (本级, a subordinate unit) is not about the
 * department's tables. A table read with problems gives a parse note, not a finding.
 *
 * Severity: a stated figure far from the table's (under a tenth of it, or ten times it: “0 万元”,
 * “0.3 万元” against 2,961.68) is an error; any other difference beyond rounding a warning.
 */
import type { Finding, ParseNote, Table, TableKind } from '../../model/schema.js';
import { compact } from '../../normalize/text.js';
import { firstAmountAfter, fmt, mismatch, readingIssues, tableLabel, type CheckDoc } from '../util.js';
import { MONEY_SOURCE, quote, sentenceRef, spacedBefore, toMoney, type CheckText } from '../text.js';
import { namesAnotherUnit, unitPrefix } from '../../recognize/narrative/headline.js';

const CHECK = 'stated_total_vs_table';
const JOINT = '(?:收入支出|收入[、和及与]支出|收[、，,]?支)(?:预算|决算)?(?:总计|总额|总预算|总决算|合计总额)';
const STATED = new RegExp(`(财政拨款)?(?:预算|决算)?${JOINT}(?:均|各|都)?(?:为|是|分别为|达)?\\s*${MONEY_SOURCE}`, 'g');
const TOTAL_CELL = /^(?:收入|支出)?(?:预算|决算)?总计$|^总计$/;
const ALL_FUNDS_FACTS = new Set(['income_total', 'expenditure_total', 'current_year_income', 'current_year_expenditure']);

/** The 总计 figures of a table (收入总计, 支出总计 …), with their lines. */
function totals(doc: CheckDoc, t: Table): Array<{ value: number; line: number }> {
  const out: Array<{ value: number; line: number }> = [];
  const unit = t.unit ?? doc.unit;
  for (const row of t.rows) {
    row.cells.forEach((c, i) => {
      if (!TOTAL_CELL.test(compact(c))) return;
      const v = firstAmountAfter(t, row.cells, i, unit);
      if (v) out.push({ value: v.value, line: row.source_line });
    });
  }
  return out;
}

/** The clause holding [from, to): from the last ，。；： before it (at most 24 characters back). */
function clause(text: string, from: number, to: number): string {
  let start = Math.max(0, from - 24, ...['，', ',', '。', '；', ';', '：', ':'].map((c) => text.lastIndexOf(c, from - 1) + 1));
  while (start < from && /[\d年\s]/.test(text[start])) start++; // not from the middle of a year
  return text.slice(start, to);
}

export function checkStatedTotals(doc: CheckDoc, notes: ParseNote[], text: CheckText | null): Finding[] {
  if (!text) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const s of text.sentences) {
    for (const m of s.text.matchAll(STATED)) {
      // a change (“与上年相比收、支总计各增加…”) is not the total
      const head = s.text.slice(0, m.index);
      if (/(?:增加|减少|增长|下降)\s*$/.test(head) || /与上年相比|比上年|较上年/.test(head.slice(-12))) continue;
      // one kind of money only (一般公共预算 / 政府性基金 / 国有资本经营 …): not the table's 总计
      if (/(?:一般公共(?:预算)?|政府性基金(?:预算)?|国有资本经营(?:预算)?|基金|专户|事业|经营)\s*$/.test(head)) continue;
      const fiscal = m[1] !== undefined || /财政拨款\s*$/.test(head);
      const kind: TableKind = fiscal ? 'fiscal_appropriation_summary' : 'income_expenditure_summary';
      const stated = toMoney(m[2], m[3]);
      if (!stated || spacedBefore(s.text, m.index + m[0].lastIndexOf(m[2])) || /\d\s+[\d,.]/.test(m[2])) continue;
      const clauseHead = compact(head.split(/[，,：:]/).pop() ?? '');
      // another year's total (“2025年财政拨款收支总预算…”, “上年…”) is not this document's
      const years = [...clauseHead.matchAll(/((?:19|20)\d{2})年/g)].map((y) => Number(y[1]));
      if (years.some((y) => y !== doc.fiscal_year) || /上年|去年/.test(clauseHead)) continue;
      const subject = clauseHead.replace(/(?:19|20)\d{2}年度?/g, '');
      if (/本级/.test(subject) || namesAnotherUnit(unitPrefix(subject) || subject, doc.department)) continue;
      const ref = sentenceRef(doc.source_file, s, m.index, m.index + m[0].length);
      // narrative.ts compares this figure already (a 收入/支出总计 fact on this line)
      if (!fiscal && doc.facts.some((f) => ALL_FUNDS_FACTS.has(f.key) && f.source.line_start <= ref.line_end && f.source.line_end >= ref.line_start && Math.abs(f.value - stated.value) < 0.005)) continue;
      const tables = doc.tables.filter((t) => t.kind === kind && !t.empty && !/-\d+$/.test(t.id));
      if (tables.length !== 1) continue; // none, or one per unit: which one the sentence means is unclear
      const t = tables[0];
      const figures = totals(doc, t);
      if (figures.length === 0) continue;
      if (figures.some((f) => Math.abs(f.value - stated.value) <= Math.max(0.01, stated.half))) continue;
      const k = `${ref.line_start}|${stated.value}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const table = figures[0];
      const label = fiscal ? '财政拨款收支总计' : '收支总计';
      const what = `说明文字中的${label}（第 ${ref.line_start} 行：${fmt(stated.value)} 万元，“${quote(clause(s.text, m.index, m.index + m[0].length))}”）与${tableLabel(t)}的总计（第 ${table.line} 行：${fmt(table.value)} 万元）不一致`;
      const issues = readingIssues(doc, t);
      const far = table.value > 0 && (stated.value < table.value / 10 || stated.value > table.value * 10);
      const f = mismatch(CHECK, far ? 'error' : 'warning', what, table.value, stated.value, ref);
      if (!f) continue;
      if (issues.length > 0) {
        notes.push({ check: CHECK, message: `${tableLabel(t)}未能完整读取（${issues.join('；')}），以下核对结果不作为原文的问题：${f.message}`, source: ref });
        continue;
      }
      out.push(f);
    }
  }
  return out;
}
