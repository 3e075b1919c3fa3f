/**
 * Direction words (增加/减少/增长/下降/上升/持平/大于/小于) against the figures they describe, when the
 * sentence states both figures:
 *
 * - “X万元，比上年(的)Y万元增加/减少(C万元)” / “与上年Y万元持平”: the word must agree with X − Y (and
 *   C, when stated, with |X − Y|).
 * - 决算: “年初预算数为A万元，决算数为B万元，…决算数(较|比)年初预算(数)增加/减少/持平”, and
 *   “决算数大于/小于年初预算数”: the word must agree with B − A.
 * - One change told in two contradicting words: “减少C万元，增长P%”.
 * - A change from the previous year the text states for a headline total or a function line, against
 *   the 上年 figure the document's own table prints beside the same figure (previousYearVsTables).
 * - 决算: “决算数大于/小于（年初/调整）预算数” whose figures the sentence does not give, against the
 *   budget_execution line it speaks of (budgetExecutionWords).
 *
 * Template sentences that pick no direction (“增加（减少）”, “增加/下降”) are not judged. “基本持平”
 * is a judgement, not a figure. A contradiction with the figures is a warning (an error when the
 * stated change also equals |X − Y|, so the figures are certainly the ones the word describes).
 */
import type { Finding, ParseNote, SourceRef, Table, ThreePublicItem, TotalKey } from '../../model/schema.js';
import { compare, finding, fmt, readingIssues, tableAt, tableLabel, type CheckDoc } from '../util.js';
import { MONEY_SOURCE, quote, sentenceRef, spacedBefore, toMoney, type CheckText, type Sentence } from '../text.js';
import { lineAt, type Paragraph } from '../../recognize/narrative/paragraphs.js';

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

/** A figure the text gives with its change from the previous year, and the table row printing both years. */
interface YearPair {
  label: string; // as the text names it
  value: number; // this year's figure the text gives
  change: number | null; // signed, as stated (持平: 0); null when only a percentage is stated
  pct?: number | null; // signed percent as stated (“增长5.2%”), used when no amount is
  source: SourceRef; // the sentence
  current: number; // the table's figure for this year
  previous: number; // the table's 上年 figure beside it
  row_line: number;
  table: Table | null;
}

/** Headline figures the text states with a change (“支出总计X万元，比上年增加C万元”) whose source row prints 上年 beside them. */
function headlinePairs(doc: CheckDoc): YearPair[] {
  const out: YearPair[] = [];
  const previous = doc.totals_previous ?? {};
  for (const fact of doc.facts) {
    if (fact.unit !== '万元' || (fact.change == null && fact.change_pct == null) || !(fact.key in previous)) continue;
    const key = fact.key as TotalKey;
    const current = doc.totals[key];
    const src = doc.totals_sources[key];
    // the text's figure must be the table's: else it may be another scope (财政拨款 against 全部)
    if (current == null || !src || !compare(current, fact.value).agrees) continue;
    out.push({ label: fact.label, value: fact.value, change: fact.change ?? null, pct: fact.change_pct, source: fact.source, current, previous: previous[key], row_line: src.line_start, table: tableAt(doc, src.line_start) });
  }
  return out;
}

/** Function lines the text states with a change (function_changes) whose row in a function table prints 上年 beside it. */
function functionPairs(doc: CheckDoc): YearPair[] {
  const out: YearPair[] = [];
  for (const c of doc.function_changes ?? []) {
    if (c.code === null) continue;
    // a row printed without this year's figure stands for 0 when the text says 0
    const row = doc.expenditure_by_function.find((r) => r.code === c.code && r.previous != null && (r.total != null ? compare(r.total, c.value).agrees : c.value === 0));
    if (!row) continue;
    out.push({ label: c.label, value: c.value, change: c.change, source: c.source, current: row.total ?? 0, previous: row.previous!, row_line: row.source.line_start, table: doc.tables.find((t) => t.id === row.table_id) ?? tableAt(doc, row.source.line_start) });
  }
  return out;
}

/**
 * A change the text states against the previous year (headline totals, function lines) against the
 * 上年 figure the document's own table prints beside the same figure. Only when the text's figure is
 * the table's (same scope) is it compared; a change told in the opposite direction is an error when its
 * size is the table's difference (the same two figures, surely), and left alone otherwise (the text may
 * compare with another base: 上年预算 against a 上年执行数 column, a figure net of one-off items). “持平”
 * while the table's two years differ is info. Tables read by OCR or not read completely give nothing
 * (a parse note for what would have been reported).
 */
function previousYearVsTables(doc: CheckDoc, notes: ParseNote[]): Finding[] {
  const out: Finding[] = [];
  for (const p of [...headlinePairs(doc), ...functionPairs(doc)]) {
    if (p.table?.ocr) continue;
    const d = compare(p.previous, p.current);
    const where = `${p.table ? tableLabel(p.table) : '表'}中上年为 ${fmt(p.previous)} 万元、本年为 ${fmt(p.current)} 万元（说明第 ${p.source.line_start} 行，表第 ${p.row_line} 行）`;
    let f: Finding | null = null;
    if (p.change === null) {
      // only a percentage (“比上年增长5.2%”): its size must be the table's change ÷ 上年
      if (p.pct == null || d.agrees || p.previous <= 0) continue;
      if (p.pct === 0) {
        if (d.rounding) continue;
        f = finding(CHECK, 'info', `说明文字称${p.label} ${fmt(p.value)} 万元比上年增长 0%，但${where}`, d.diff, 0, p.source);
      } else {
        const tablePct = (Math.abs(d.diff) / p.previous) * 100;
        const digits = (String(Math.abs(p.pct)).split('.')[1] ?? '').length;
        if (Math.sign(d.diff) === Math.sign(p.pct) || Math.abs(Math.abs(p.pct) - tablePct) > 10 ** -digits + 0.01) continue;
        const msg =
          `说明文字称${p.label} ${fmt(p.value)} 万元比上年${p.pct > 0 ? '增长' : '下降'} ${Math.abs(p.pct)}%，` +
          `但${where}，实为${d.diff > 0 ? '增长' : '下降'} ${tablePct.toFixed(Math.max(digits, 1))}%`;
        f = finding(CHECK, 'error', msg, Number(((d.diff / p.previous) * 100).toFixed(2)), p.pct, p.source);
      }
    } else if (p.change === 0) {
      if (d.agrees || d.rounding) continue;
      f = finding(CHECK, 'info', `说明文字称${p.label} ${fmt(p.value)} 万元与上年持平，但${where}`, d.diff, 0, p.source);
    } else {
      if (d.agrees || Math.sign(d.diff) === Math.sign(p.change) || !compare(Math.abs(d.diff), Math.abs(p.change)).agrees) continue;
      const msg =
        `说明文字称${p.label} ${fmt(p.value)} 万元比上年${p.change > 0 ? '增加' : '减少'} ${fmt(Math.abs(p.change))} 万元，` +
        `但${where}，实为${d.diff > 0 ? '增加' : '减少'} ${fmt(Math.abs(d.diff))} 万元`;
      f = finding(CHECK, 'error', msg, d.diff, p.change, p.source);
    }
    const issues = p.table ? readingIssues(doc, p.table) : [];
    if (issues.length > 0) {
      notes.push({ check: CHECK, message: `${tableLabel(p.table!)}未能完整读取（${issues.join('；')}），以下核对结果不作为原文的问题：${f.message}`, source: f.source });
      continue;
    }
    out.push(f);
  }
  return out;
}

/** “决算数大于（小于）年初预算数”, “决算数较调整预算减少”: a comparison with a budget, the figures told elsewhere. */
const ACTUAL_WORD_BUDGET = /决算数?\s*(大于|小于|高于|低于|超过|超出|等于)\s*(年初|调整(?:后)?|全年)?预算数?/g;
const ACTUAL_VS_ANY_BUDGET = /决算数?(?:较|比|与)?\s*(年初|调整(?:后)?|全年)?预算数?(?:相比)?\s*(增加|减少|增长|下降|持平|大于|小于|高于|低于|超出|节约)/g;

/** A line's name as compared: without quotes, 的, 支出/经费 endings and 财政拨款 (“三公”经费支出的 ~ “三公”经费财政拨款支出). */
function bareLabel(x: string): string {
  const t = x.replace(/[“”"'‘’\s]/g, '').replace(/^(?:其中[:：]?|本(?:部门|单位)|(?:19|20)\d{2}年度?|本年度?)/, '').replace(/的$/, '');
  const end = (y: string) => y.replace(/(?:支出|费用|经费|费)+$/, '');
  // 财政拨款 inside an item's name (“三公”经费财政拨款支出); in front it names the scope (财政拨款基本支出 ≠ 基本支出)
  return /^(?:一般公共预算)?财政拨款/.test(t) ? end(t) : end(t.replace(/(?:一般公共预算)?财政拨款/g, ''));
}

/**
 * In a 决算, a comparison with the budget whose figures the sentence does not give (“…因此，“三公”经费支出的
 * 决算数大于预算数”, “决算数较调整预算减少的主要原因是…”) against the budget_execution line it speaks of: the
 * line of the same name told before it in the paragraph (or, unnamed, the last one), or a headline figure
 * whose budget the summary table prints. The budget is the one the sentence names (a bare 预算数 of a
 * 决算 is its 年初预算; with both budgets printed, both must disagree). Comparisons that budgetActual
 * reads with their figures are left to it.
 */
function budgetExecutionWords(doc: CheckDoc, p: Paragraph, notes: ParseNote[]): Finding[] {
  const lines = doc.budget_execution ?? [];
  if (doc.kind !== 'final_account' || lines.length === 0) return [];
  // digits spaced out somewhere in the paragraph: a figure read from it may be cut wrong
  if (/\d\s+\d/.test(p.text.replace(/(?:19|20)\d{2}\s*年/g, '年'))) return [];
  const out: Finding[] = [];
  const pairs = [...p.text.matchAll(BUDGET_ACTUAL)];
  const matches = [
    ...[...p.text.matchAll(ACTUAL_WORD_BUDGET)].map((m) => ({ m, word: m[1], budget: m[2] as string | undefined, paired: false })),
    ...[...p.text.matchAll(ACTUAL_VS_ANY_BUDGET)].map((m) => ({ m, word: m[2], budget: m[1] as string | undefined, paired: pairs.some((x) => x.index < m.index) })),
  ];
  for (const { m, word, budget, paired } of matches) {
    // budgetActual judges a comparison with 年初预算 that follows its two figures
    if (paired && budget === '年初') continue;
    const window = p.text.slice(m.index, m.index + m[0].length + 6);
    if (UNDECIDED.test(window) || /大于\s*[（(]\s*小于|小于\s*[（(]\s*大于|[/／]/.test(window)) continue;
    const at = lineAt(p, m.index);
    const before = p.text.slice(0, m.index);
    const cut = Math.max(...['，', ',', '；', ';', '。', '：', ':'].map((c) => before.lastIndexOf(c)));
    const subject = bareLabel(before.slice(cut + 1).replace(/^(?:因此|所以|故|但|而|其中)/, ''));
    const inPara = lines.filter((l) => l.source.line_start >= p.line_start && l.source.line_start <= at && l.source.line_end <= at);
    let line: (typeof lines)[number] | undefined;
    if (subject !== '') {
      const named = (l: (typeof lines)[number]) => bareLabel(l.label) === subject;
      // told shortly before (its paragraph or the one before), or a headline figure of the summary table
      line =
        lines.filter((l) => named(l) && l.source.line_end <= at && l.source.line_start >= Math.min(p.line_start, at - 30)).pop() ??
        lines.filter((l) => tableAt(doc, l.source.line_start) !== null && named(l)).pop();
    } else {
      line = inPara.pop();
      // the line's name before the comparison, and no other item between them
      const named = line ? p.text.lastIndexOf(line.label, m.index) : -1;
      if (named < 0 || /其中|[（(][一二三四五六七八九十\d]{1,2}[)）]|(?<![\d.])\d{1,2}、/.test(p.text.slice(named + line!.label.length, m.index))) continue;
    }
    if (!line || line.actual == null) continue;
    const candidates =
      budget === '年初' ? [['年初预算数', line.initial_budget]] : budget ? [['调整预算数', line.final_budget]] : line.initial_budget != null ? [['年初预算数', line.initial_budget], ...(line.final_budget != null ? [['调整预算数', line.final_budget]] : [])] : [['调整预算数', line.final_budget]];
    const said: Dir = word === '节约' ? -1 : word === '等于' ? 0 : dirOf(word);
    const wrong = candidates.filter(([, b]) => b != null).map(([name, b]) => {
      const c = compare(b as number, line!.actual!);
      const actual: Dir = c.agrees ? 0 : c.diff > 0 ? 1 : -1;
      return { name: name as string, budget: b as number, c, actual, ok: said === actual || (said === 0 && c.rounding) };
    });
    if (wrong.length === 0 || wrong.some((w) => w.ok)) continue;
    const w = wrong[0];
    const table = tableAt(doc, line.source.line_start);
    if (table?.ocr) continue;
    const msg =
      `说明文字称${line.label}决算数“${word}”${w.name.replace('数', '')}数，但所述决算数 ${fmt(line.actual)} 万元与${w.name} ${fmt(w.budget)} 万元相比为${dirText(w.actual)}` +
      `（差 ${w.c.diff > 0 ? '+' : ''}${fmt(w.c.diff)} 万元；金额见第 ${line.source.line_start} 行）：“${quote(p.text.slice(Math.max(cut + 1, m.index - 20), m.index + m[0].length), 50)}”`;
    const ref = { file: doc.source_file, line_start: Math.min(at, table ? at : line.source.line_start), line_end: lineAt(p, m.index + m[0].length - 1) };
    const issues = table ? readingIssues(doc, table) : [];
    if (issues.length > 0) {
      notes.push({ check: CHECK, message: `${tableLabel(table!)}未能完整读取（${issues.join('；')}），以下核对结果不作为原文的问题：${msg}`, source: ref });
      continue;
    }
    out.push(finding(CHECK, 'warning', msg, w.budget, line.actual, ref));
  }
  return out;
}

export function checkDirectionWords(doc: CheckDoc, notes: ParseNote[], text: CheckText | null): Finding[] {
  if (!text) return [];
  const out: Finding[] = [...threePublicVsTable(doc, notes), ...previousYearVsTables(doc, notes)];
  for (const s of text.sentences) out.push(...withBase(doc, s), ...twoWords(doc, s));
  for (const p of text.paragraphs) out.push(...budgetActual(doc, p), ...budgetExecutionWords(doc, p, notes));
  return out;
}
