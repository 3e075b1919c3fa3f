/**
 * Direction words (增加/减少/增长/下降/上升/持平/大于/小于) against the figures they describe, when the
 * sentence states both figures:
 *
 * - “X万元，比上年(的)Y万元增加/减少(C万元)” / “与上年Y万元持平”: the word must agree with X − Y (and
 *   C, when stated, with |X − Y|).
 * - 决算: “年初预算数为A万元，决算数为B万元，…决算数(较|比)年初预算(数)增加/减少/持平”, and
 *   “决算数大于/小于年初预算数”: the word must agree with B − A.
 * - One change told in two contradicting words: “减少C万元，增长P%”.
 *
 * Template sentences that pick no direction (“增加（减少）”, “增加/下降”) are not judged. “基本持平”
 * is a judgement, not a figure. A contradiction with the figures is a warning (an error when the
 * stated change also equals |X − Y|, so the figures are certainly the ones the word describes).
 */
import type { Finding, ParseNote, ThreePublicItem } from '../../model/schema.js';
import { compare, finding, fmt, readingIssues, tableLabel, type CheckDoc } from '../util.js';
import { MONEY_SOURCE, quote, sentenceRef, spacedBefore, toMoney, type CheckText, type Sentence } from '../text.js';
import type { Paragraph } from '../../recognize/narrative/paragraphs.js';

const CHECK = 'narrative_direction';
const YEAR = '(?:上年|去年|上一年度?|(?:19|20)\\d{2}\\s*年(?:度)?)';
const WORD = '增加|增长|上升|提高|减少|下降|降低|持平';
const UNDECIDED = /增加\s*[（(/／]\s*减少|增长\s*[（(/／]\s*下降|增加\s*[/／]\s*下降|减少\s*[/／]\s*增加|[（(]\s*(?:增加|减少|增长|下降)\s*[)）]/;

type Dir = 1 | -1 | 0;
const dirOf = (w: string): Dir => (/持平/.test(w) ? 0 : /增|上升|提高|大于|高于|超/.test(w) ? 1 : -1);
const dirText = (d: Dir) => (d > 0 ? '增加' : d < 0 ? '减少' : '持平');

/** “X万元，比上年(的)Y万元增加C万元” with both figures in one clause chain. */
const WITH_BASE = new RegExp(
  `${MONEY_SOURCE}[^。；;\\d]{0,8}?[，,]?\\s*(?:较|比|同比|与)\\s*${YEAR}(?:(?!增|减|下降|上升|降低|提高|持平)[^。；;，,\\d]){0,12}?(?:的)?\\s*${MONEY_SOURCE}\\s*(?:相比)?[，,]?\\s*(?:基本)?(${WORD})(?:了)?\\s*(?:${MONEY_SOURCE})?`,
  'g',
);
/** “年初预算数为A万元，决算数为B万元” */
const BUDGET_ACTUAL = new RegExp(`年初预算(?:数)?(?:为|是)?\\s*${MONEY_SOURCE}[^。；;]{0,12}?决算(?:数)?(?:为|是)?\\s*${MONEY_SOURCE}`, 'g');
const ACTUAL_VS_BUDGET = /决算数?(?:较|比|与)?年初预算数?(?:相比)?\s*(增加|减少|增长|下降|持平|大于|小于|高于|低于|超出|节约)/g;
/** “减少C万元，增长P%” — one change, two contradicting words. */
const TWO_WORDS = new RegExp(`(增加|增长|上升|减少|下降|降低)\\s*${MONEY_SOURCE}\\s*[，,]\\s*(增长|增加|上升|下降|减少|降低)\\s*(\\d+(?:\\.\\d+)?)\\s*%`, 'g');

function withBase(doc: CheckDoc, s: Sentence): Finding[] {
  const out: Finding[] = [];
  for (const m of s.text.matchAll(WITH_BASE)) {
    const span = s.text.slice(m.index, m.index + m[0].length);
    if (spacedBefore(s.text, m.index) || /\d\s+\d/.test(span)) continue;
    if (UNDECIDED.test(span) || (m[5] === '持平' && /基本持平/.test(span))) continue;
    const x = toMoney(m[1], m[2]);
    const y = toMoney(m[3], m[4]);
    if (!x || !y) continue;
    const word = m[5];
    const said = dirOf(word);
    const c = compare(y.value, x.value);
    const actual: Dir = c.agrees ? 0 : c.diff > 0 ? 1 : -1;
    if (said === actual) continue;
    if (said === 0 && c.rounding) continue;
    if (said !== 0 && actual === 0) {
      // “比上年Y万元增加0万元” is not wrong; a stated non-zero change with equal figures is
      if (m[6] === undefined || toMoney(m[6], m[7])?.value === 0) continue;
    }
    const stated = m[6] !== undefined ? toMoney(m[6], m[7]) : null;
    const confirms = stated !== null && compare(Math.abs(c.diff), stated.value).agrees && stated.value !== 0;
    const msg =
      `说明文字称“${word}”，但所述金额 ${fmt(x.value)} 万元与上年 ${fmt(y.value)} 万元相比为${dirText(actual)}` +
      `（差 ${c.diff > 0 ? '+' : ''}${fmt(c.diff)} 万元）：“${quote(span, 80)}”`;
    out.push(finding(CHECK, confirms ? 'error' : 'warning', msg, y.value, x.value, sentenceRef(doc.source_file, s, m.index, m.index + m[0].length)));
  }
  return out;
}

/** Per paragraph: the pair of figures may be a sentence before the comparison (“…7.11 万元…。决算数较年初预算减少的主要原因是…”). */
function budgetActual(doc: CheckDoc, p: Paragraph): Finding[] {
  const out: Finding[] = [];
  const s: Sentence = { text: p.text, paragraph: p, at: 0 };
  const pairs = [...s.text.matchAll(BUDGET_ACTUAL)];
  for (const m of s.text.matchAll(ACTUAL_VS_BUDGET)) {
    const pair = pairs.filter((x) => x.index < m.index).pop();
    if (!pair) continue;
    // another item between the pair and the comparison, or a template with no direction
    if (UNDECIDED.test(s.text.slice(m.index, m.index + m[0].length + 6)) || /其中|[（(][一二三四五六七八九十\d]{1,2}[)）]|(?<![\d.])\d{1,2}、/.test(s.text.slice(pair.index + pair[0].length, m.index))) continue;
    if (/\d\s+\d/.test(pair[0])) continue; // digits spaced out: where a figure starts is unsure
    const a = toMoney(pair[1], pair[2]);
    const b = toMoney(pair[3], pair[4]);
    if (!a || !b) continue;
    const word = m[1];
    const said: Dir = word === '节约' ? -1 : dirOf(word);
    const c = compare(a.value, b.value);
    const actual: Dir = c.agrees ? 0 : c.diff > 0 ? 1 : -1;
    if (said === actual || (said === 0 && c.rounding)) continue;
    const msg =
      `说明文字称决算数较年初预算数“${word}”，但所述决算数 ${fmt(b.value)} 万元与年初预算数 ${fmt(a.value)} 万元相比为${dirText(actual)}` +
      `（差 ${c.diff > 0 ? '+' : ''}${fmt(c.diff)} 万元）：“${quote(s.text.slice(pair.index, pair.index + pair[0].length), 40)}……${quote(s.text.slice(m.index, m.index + m[0].length), 30)}”`;
    // cite the comparison's line and the figures' line
    const ref = sentenceRef(doc.source_file, s, pair.index, m.index + m[0].length);
    out.push(finding(CHECK, 'warning', msg, a.value, b.value, ref));
  }
  return out;
}

function twoWords(doc: CheckDoc, s: Sentence): Finding[] {
  const out: Finding[] = [];
  for (const m of s.text.matchAll(TWO_WORDS)) {
    const span = s.text.slice(Math.max(0, m.index - 4), m.index + m[0].length + 2);
    if (UNDECIDED.test(span)) continue;
    const a = dirOf(m[1]);
    const b = dirOf(m[4]);
    const amount = toMoney(m[2], m[3]);
    if (spacedBefore(s.text, m.index + m[0].indexOf(m[2]))) continue;
    if (a === b || !amount || amount.value === 0 || Number(m[5]) === 0) continue;
    const msg = `说明文字对同一变动使用了相反的方向：“${m[1]}${m[2]}${m[3].replace(/\s/g, '')}”与“${m[4]}${m[5]}%”（“${quote(s.text.slice(Math.max(0, m.index - 24), m.index + m[0].length), 80)}”）`;
    out.push(finding(CHECK, 'warning', msg, null, null, sentenceRef(doc.source_file, s, m.index, m.index + m[0].length)));
  }
  return out;
}

const THREE_PUBLIC_KEY: Record<string, ThreePublicItem> = {
  three_public_total: 'total',
  three_public_overseas: 'overseas_travel',
  three_public_vehicles_total: 'vehicles_total',
  three_public_vehicle_purchase: 'vehicle_purchase',
  three_public_vehicle_operation: 'vehicle_operation',
  three_public_reception: 'reception',
};

/**
 * A budget's 三公 sentence (“公务接待费3万元，比上年减少0.1万元”) against the 三公 table printing 上年
 * beside 本年: when the text's figure is the table's and the stated change has the size of the
 * table's difference, a change told in the opposite direction is an error. (A size that differs is
 * left alone: the 上年 column may be read wrong.) In a 决算 the comparison may be with the 年初预算,
 * so only budgets are judged.
 */
function threePublicVsTable(doc: CheckDoc, notes: ParseNote[]): Finding[] {
  if (doc.kind === 'final_account') return [];
  const out: Finding[] = [];
  for (const fact of doc.facts) {
    const item = THREE_PUBLIC_KEY[fact.key];
    if (!item || fact.unit !== '万元' || fact.change == null) continue;
    const row = doc.three_public.find((r) => r.item === item && r.budget != null && r.previous != null);
    if (!row || !compare(row.budget!, fact.value).agrees) continue;
    const d = compare(row.previous!, row.budget!);
    if (fact.change === 0) {
      // “与上年持平” / “增加0万元” while the table's two years differ: the size cannot confirm the column, so info
      if (d.agrees || d.rounding) continue;
      const msg = `说明文字称${fact.label} ${fmt(fact.value)} 万元与上年持平，但“三公”经费表中上年为 ${fmt(row.previous!)} 万元、本年为 ${fmt(row.budget!)} 万元（第 ${fact.source.line_start} 行与第 ${row.source.line_start} 行）`;
      out.push(finding(CHECK, 'info', msg, d.diff, 0, fact.source));
      continue;
    }
    if (d.agrees || Math.sign(d.diff) === Math.sign(fact.change) || !compare(Math.abs(d.diff), Math.abs(fact.change)).agrees) continue;
    const msg =
      `说明文字称${fact.label} ${fmt(fact.value)} 万元比上年${fact.change > 0 ? '增加' : '减少'} ${fmt(Math.abs(fact.change))} 万元，` +
      `但“三公”经费表中上年为 ${fmt(row.previous!)} 万元、本年为 ${fmt(row.budget!)} 万元，实为${d.diff > 0 ? '增加' : '减少'}（第 ${fact.source.line_start} 行与第 ${row.source.line_start} 行）`;
    const table = doc.tables.find((t) => t.source.line_start <= row.source.line_start && row.source.line_start <= t.source.line_end);
    const issues = table ? readingIssues(doc, table) : [];
    if (issues.length > 0) {
      notes.push({ check: CHECK, message: `${tableLabel(table!)}未能完整读取（${issues.join('；')}），以下核对结果不作为原文的问题：${msg}`, source: fact.source });
      continue;
    }
    out.push(finding(CHECK, 'error', msg, d.diff, fact.change, fact.source));
  }
  return out;
}

export function checkDirectionWords(doc: CheckDoc, notes: ParseNote[], text: CheckText | null): Finding[] {
  if (!text) return [];
  const out: Finding[] = threePublicVsTable(doc, notes);
  for (const s of text.sentences) out.push(...withBase(doc, s), ...twoWords(doc, s));
  for (const p of text.paragraphs) out.push(...budgetActual(doc, p));
  return out;
}
