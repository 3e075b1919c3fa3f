/**
 * Percentages in the text recomputed from the figures the same sentence states.
 *
 * - Changes: “X万元，较上年增加C万元，增长P%” — the previous figure is X − C (X + C for a decrease) and
 *   P should be C ÷ previous. Departments also divide by this year's figure (C ÷ X); either reading
 *   is accepted. When several figures precede the change (“收入总计A万元，其中年初结转B万元，较上年
 *   减少C万元，下降P%”), it may belong to any of them: only a P that fits none is reported.
 * - 完成预算的P%: “年初预算数为A万元，决算数为B万元，完成预算的P%” — P should be B ÷ A.
 * - Shares: “X万元，占P%” listed for several items of one whole — each implies the whole X ÷ P; when
 *   all but one imply the same whole (a figure the document states), the odd one is reported.
 *
 * Tolerance: every figure is taken as printed ± half its last digit, and P ± one unit of its last
 * digit (some departments truncate). A difference of more than 1 percentage point (and 10 % of P) is
 * a warning; a smaller one is info.
 */
import type { Finding } from '../../model/schema.js';
import Decimal from 'decimal.js';
import { finding, fmt, type CheckDoc } from '../util.js';
import { MONEY_SOURCE, moneys, quote, sentenceRef, spacedBefore, toMoney, type CheckText, type Money, type Sentence } from '../text.js';

const CHECK = 'narrative_percentage';
const UP_WORD = '增加|增长|上升|提高|增';
const DOWN_WORD = '减少|下降|降低|减';
const YEAR = '(?:上年|去年|上一年度?|(?:19|20)\\d{2}\\s*年(?:度)?)';
/** “较上年(预算安排)增加C万元，(增长)P%” */
const CHANGE = new RegExp(
  `(?:较|比|同比|与)\\s*${YEAR}?[^。；;，,\\d%]{0,14}?(${UP_WORD}|${DOWN_WORD})\\s*${MONEY_SOURCE}\\s*[，,、]?\\s*((?:(?:增长|增加|上升|提高|下降|减少|降低|增幅|降幅)\\s*(?:为|了)?\\s*){1,2})(\\d+(?:\\.\\d+)?)\\s*%`,
  'g',
);
const RATE = /完成(?:年初)?预算(?:数)?的\s*(\d+(?:\.\d+)?)\s*%/g;
const SHARE = /占(?:[^。；;，,\d%]{0,16}?的?)?\s*(?:比(?:重|例)?(?:为)?)?\s*(\d+(?:\.\d+)?)\s*%/g;

const isUp = (w: string) => new RegExp(`^(?:${UP_WORD})`).test(w);
const decimals = (s: string) => (s.split('.')[1] ?? '').length;
const fmtPct = (n: number, d: number) => n.toFixed(Math.max(d, 1));

/** Range of C ÷ base × 100 with every figure ± its half digit; null when the base may be ≤ 0. */
function ratio(c: number, hc: number, base: number, hb: number): [number, number] | null {
  if (base - hb <= 0) return null;
  return [(Math.max(0, c - hc) / (base + hb)) * 100, ((c + hc) / (base - hb)) * 100];
}

function fits(p: number, d: number, range: [number, number] | null): boolean {
  if (!range) return true; // nothing to compare with: not a mismatch
  const slack = 10 ** -d;
  return p >= range[0] - slack && p <= range[1] + slack;
}

function severityOf(stated: number, computed: number): 'warning' | 'info' {
  const diff = Math.abs(stated - computed);
  return diff > 1 && diff > Math.abs(stated) * 0.1 ? 'warning' : 'info';
}

function changeFindings(doc: CheckDoc, s: Sentence): Finding[] {
  const out: Finding[] = [];
  const all = moneys(s.text);
  for (const m of s.text.matchAll(CHANGE)) {
    const word = m[1];
    const pctWords = m[4];
    // “增加/下降”, “增加（减少）”: a template sentence that picks no direction
    if (/[/／（(]/.test(s.text.slice(m.index, m.index + m[0].length))) continue;
    const up = isUp(word);
    const pctUp = /增|上升|提高/.test(pctWords);
    const pctDown = /下降|减少|降低|降幅/.test(pctWords);
    if ((up && pctDown && !pctUp) || (!up && pctUp && !pctDown)) continue; // contradicting words: direction.ts
    const change = toMoney(m[2], m[3]);
    if (!change) continue;
    const p = Number(m[5]);
    const d = decimals(m[5]);
    // the figures the change may belong to: every amount before it in the sentence, nearest first
    const changeAt = m.index + m[0].indexOf(m[2]);
    const before = all.filter((a: Money) => a.end <= m.index).reverse();
    // the figure the change is told of stands right before it (“X万元，较上年…”), not a clause away
    const gap = before.length > 0 ? s.text.slice(before[0].end, m.index) : '';
    if (before.length === 0 || gap.length > 24 || /用于|主要|包括|[。：:]/.test(gap)) continue;
    if (before.some((a) => a.doubtful) || spacedBefore(s.text, changeAt)) continue;
    let ok = false;
    for (const v of before) {
      const prev = up ? v.value - change.value : v.value + change.value;
      if (up && prev - (v.half + change.half) <= 0) {
        ok = true; // from (nearly) nothing: any percentage is a convention
        break;
      }
      const onPrev = ratio(change.value, change.half, prev, v.half + change.half);
      const onThis = ratio(change.value, change.half, v.value, v.half);
      if (fits(p, d, onPrev) || fits(p, d, onThis)) {
        ok = true;
        break;
      }
    }
    if (ok) continue;
    const v = before[0];
    const prev = (up ? new Decimal(v.value).minus(change.value) : new Decimal(v.value).plus(change.value)).toNumber();
    const computed = (change.value / prev) * 100;
    const dir = up ? '增长' : '下降';
    const msg =
      `说明文字中的百分比与所述金额不符：${fmt(v.value)} 万元较上年${up ? '增加' : '减少'} ${fmt(change.value)} 万元，` +
      `上年应为 ${fmt(prev)} 万元，${dir}幅度应为 ${fmtPct(computed, d)}%，文中为 ${m[5]}%（“${quote(s.text.slice(Math.max(0, v.index - 12), m.index + m[0].length), 90)}”）`;
    out.push(finding(CHECK, severityOf(p, computed), msg, Number(computed.toFixed(2)), p, sentenceRef(doc.source_file, s, v.index, m.index + m[0].length)));
  }
  return out;
}

function rateFindings(doc: CheckDoc, s: Sentence): Finding[] {
  const out: Finding[] = [];
  for (const m of s.text.matchAll(RATE)) {
    const head = s.text.slice(0, m.index);
    // the two figures of “年初预算数为A万元，决算数为B万元” right before, in this sentence
    const a = new RegExp(`年初预算(?:数)?(?:为|是)?\\s*${MONEY_SOURCE}`, 'g');
    const b = new RegExp(`决算(?:数)?(?:为|是)?\\s*${MONEY_SOURCE}`, 'g');
    const am = [...head.matchAll(a)].pop();
    const bm = [...head.matchAll(b)].pop();
    if (!am || !bm || bm.index < am.index) continue;
    // an adjusted budget between them (调整预算/全年预算): which budget the rate is of is unsure
    if (/调整|全年|变动/.test(head.slice(am.index, bm.index))) continue;
    // nothing else between the two figures and the rate (another item's figures)
    if (moneys(head.slice(bm.index + bm[0].length)).length > 0) continue;
    if (spacedBefore(head, am.index + am[0].indexOf(am[1])) || spacedBefore(head, bm.index + bm[0].indexOf(bm[1]))) continue;
    const A = toMoney(am[1], am[2]);
    const B = toMoney(bm[1], bm[2]);
    if (!A || !B || A.value === 0) continue;
    const p = Number(m[1]);
    const d = decimals(m[1]);
    if (fits(p, d, ratio(B.value, B.half, A.value, A.half))) continue;
    const computed = (B.value / A.value) * 100;
    const msg = `说明文字中的预算完成比例与所述金额不符：决算数 ${fmt(B.value)} 万元 ÷ 年初预算数 ${fmt(A.value)} 万元应为 ${fmtPct(computed, d)}%，文中为“完成预算的 ${m[1]}%”`;
    out.push(finding(CHECK, severityOf(p, computed), msg, Number(computed.toFixed(2)), p, sentenceRef(doc.source_file, s, am.index, m.index + m[0].length)));
  }
  return out;
}

interface Share {
  s: Sentence;
  part: Money;
  pct: number;
  raw: string;
  at: number;
  end: number;
}

/** Shares listed in one paragraph: all but one imply the same whole, which the document states. */
function shareFindings(doc: CheckDoc, text: CheckText): Finding[] {
  const out: Finding[] = [];
  const stated = new Set<number>();
  for (const s of text.sentences) for (const m of moneys(s.text)) stated.add(m.value);
  for (const v of Object.values(doc.totals)) if (v !== null) stated.add(v);
  const byPara = new Map<unknown, Share[]>();
  for (const s of text.sentences) {
    const ms = moneys(s.text);
    for (const m of s.text.matchAll(SHARE)) {
      // the share of the figure right before it, in the same clause: “X万元，占P%”
      const part = ms.filter((x) => x.end <= m.index).pop();
      if (!part || /[。；;]/.test(s.text.slice(part.end, m.index)) || s.text.slice(part.end, m.index).replace(/[\s，,）)]/g, '').length > 2) continue;
      const list = byPara.get(s.paragraph) ?? [];
      list.push({ s, part, pct: Number(m[1]), raw: m[1], at: part.index, end: m.index + m[0].length });
      byPara.set(s.paragraph, list);
    }
  }
  for (const shares of byPara.values()) {
    if (shares.some((x) => x.part.doubtful)) continue;
    const usable = shares.filter((x) => x.pct > 0 && x.part.value > 0);
    if (usable.length < 3) continue;
    // the whole each share implies; the one most of them agree on
    const agreeing = (w: number) => usable.filter((x) => fits(x.pct, decimals(x.raw), ratio(x.part.value, x.part.half, w, 0)));
    let whole: number | null = null;
    for (const w of stated) {
      if (w <= 0) continue;
      if (agreeing(w).length >= usable.length - 1 && (whole === null || agreeing(w).length > agreeing(whole).length)) whole = w;
    }
    if (whole === null) continue;
    const odd = usable.filter((x) => !agreeing(whole!).includes(x));
    if (odd.length !== 1) continue;
    const x = odd[0];
    // a share of another whole the document states (收入 and 支出 shares in one paragraph) is not odd
    if ([...stated].some((w) => w > 0 && fits(x.pct, decimals(x.raw), ratio(x.part.value, x.part.half, w, 0)))) continue;
    const computed = (x.part.value / whole) * 100;
    const msg = `说明文字中的占比与所述金额不符：${fmt(x.part.value)} 万元占 ${fmt(whole)} 万元（同段其他各项占比所依据的总数）应为 ${fmtPct(computed, decimals(x.raw))}%，文中为 ${x.raw}%`;
    out.push(finding(CHECK, severityOf(x.pct, computed), msg, Number(computed.toFixed(2)), x.pct, sentenceRef(doc.source_file, x.s, x.at, x.end)));
  }
  return out;
}

/**
 * 完成预算的P% of the budget_execution lines a 决算's text gives in a form rateFindings does not read
 * (“决算为B万元，完成预算A万元的P%”, “全年预算数为A万元，决算数为B万元，完成全年预算的P%”): P against
 * B ÷ the budget the line gives (with both budgets, either may be meant: a P that fits one is right).
 * Lines rateFindings has judged (a finding on their lines) are not judged again; a budget of 0 gives
 * no rate; a paragraph with digits spaced out is not trusted.
 */
function executionRateFindings(doc: CheckDoc, text: CheckText, judged: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const line of doc.budget_execution ?? []) {
    if (line.stated_rate == null || line.actual == null) continue;
    const { line_start: from, line_end: to } = line.source;
    if (judged.some((f) => f.source.line_start <= to && from <= f.source.line_end)) continue;
    const para = text.paragraphs.find((p) => p.line_start <= from && from <= p.line_end);
    if (!para || /\d\s+\d/.test(para.text.replace(/(?:19|20)\d{2}\s*年/g, '年'))) continue; // from a table, or spaced digits
    const budgets = ([['年初预算数', line.initial_budget], ['调整预算数', line.final_budget]] as Array<[string, number | null]>).filter(
      (b): b is [string, number] => b[1] != null && b[1] > 0,
    );
    // each figure as printed ± half its last digit (2300万元: ± 0.5)
    const half = (v: number) => 0.5 * 10 ** -decimals(fmt(v));
    if (budgets.length === 0) continue;
    const p = line.stated_rate;
    const d = decimals(String(p));
    if (budgets.some(([, b]) => fits(p, d, ratio(line.actual!, half(line.actual!), b, half(b))))) continue;
    const [name, budget] = budgets[0];
    const computed = (line.actual / budget) * 100;
    const msg = `说明文字中的预算完成比例与所述金额不符：${line.label}决算数 ${fmt(line.actual)} 万元 ÷ ${name} ${fmt(budget)} 万元应为 ${fmtPct(computed, d)}%，文中为 ${p}%（第 ${from} 行）`;
    out.push(finding(CHECK, severityOf(p, computed), msg, Number(computed.toFixed(2)), p, line.source));
  }
  return out;
}

export function checkPercentages(doc: CheckDoc, _notes: unknown, text: CheckText | null): Finding[] {
  if (!text) return [];
  const out: Finding[] = [];
  const rates: Finding[] = [];
  for (const s of text.sentences) {
    out.push(...changeFindings(doc, s));
    rates.push(...rateFindings(doc, s));
  }
  out.push(...rates, ...executionRateFindings(doc, text, rates), ...shareFindings(doc, text));
  return out;
}
