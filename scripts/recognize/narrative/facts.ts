/**
 * Figures stated in the narrative (totals, changes, 机关运行经费, 政府采购, 三公, vehicles, 绩效 coverage).
 *
 * How a sentence is read: every amount ("895.2万元", a count "0辆") gets the label written right before
 * it in the same clause ("收入预算总额为" → 收入预算总额). The label, stripped of years, department names
 * and fillers (其中/包括/本部门), is mapped to a key by the rules below; an unknown label yields no fact.
 * A clause with 较/比/同比 + 增加/减少 is a change of the preceding fact; "下降21.02%" is its change_pct.
 * “比2025年年初预算数Y万元减少Z万元”: Y is the comparison base (no fact) and Z the change, kept only
 * when the stated figures agree (value − Y = −Z).
 *
 * Mapping rules (documented choices):
 * - 收入预算总额 / 收入总计 / 部门预算收入 → income_total (in budget narratives the stated total includes
 *   上年结转, i.e. it is 收入总计); 本年收入合计 → current_year_income; 上年结转/年初结转和结余 → carryover_income.
 * - 支出预算总额 / 支出总计 → expenditure_total; 本年支出合计 → current_year_expenditure.
 * - 基本支出 / 项目支出 → basic_/project_expenditure, but inside a 财政拨款 or 一般公共预算 section they are
 *   fiscal_… / general_budget_… (a different scope; never mixed up with the all-funds figures).
 * - 财政拨款(收入) → fiscal_appropriation; 一般公共预算(财政)拨款收入 → general_budget_appropriation;
 *   财政拨款支出 → fiscal_appropriation_expenditure; 部门总预算 → department_budget_total (ambiguous scope).
 * - Final accounts: "年初预算数为A，决算数为B" → <key>_initial_budget = A and <key> = B (the actual);
 *   "完成(年初)预算的N%" → <key>_execution_rate (unit %).
 * - 绩效 sentences only yield coverage facts (涉及资金/一般公共预算 …), never totals.
 * - The same key and value twice (passages printed twice) is kept once, with the first source.
 */
import Decimal from 'decimal.js';
import type { NarrativeFact } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';
import { parseMoneyText } from '../../normalize/amount.js';
import { ITEM_START, lineAt, paragraphs, type Paragraph } from './paragraphs.js';
import { HEADLINE_RULES, PRIOR_START, headlineSuffix, isUnitTitle, namesAnotherUnit, ownFigure, partKey, priorYear, unitPrefix } from './headline.js';
import { defineRecognizer } from '../registry.js';

const ORG = '(?:.{0,40}?(?:局|委员会|委|办公室|办|中心|厅|院|部门|单位|机关|本级)(?:[（(]本级[)）])?)?';
const END = '(?:支出|预算|预算数|控制数|安排|预算安排|总额|合计|总计|金额|财政拨款)*$';
const org = (core: string) => new RegExp(`^${ORG}(?:${core})$`);
const anyPrefix = (core: string) => new RegExp(`(?:${core})${END}`);

interface Rule {
  key: string;
  re: RegExp;
}

/** Ordered: the first matching rule wins. Applied to the cleaned label (no quotes, no spaces). */
const RULES: Rule[] = [
  { key: 'three_public_vehicles_total', re: anyPrefix('公务用车购置[及和与]运行(?:维护)?(?:费用|费|经费)?') },
  { key: 'three_public_vehicle_purchase', re: anyPrefix('(?:公务用车|公车)购置(?:费用|费|经费)?') },
  { key: 'three_public_vehicle_operation', re: anyPrefix('(?:公务用车|公车)运行(?:维护|维修)?(?:费用|费|经费)?') },
  { key: 'three_public_overseas', re: anyPrefix('因公出国(?:[（(]境[)）])?(?:费用|费|经费)?') },
  { key: 'three_public_reception', re: anyPrefix('(?<!外事)公务接待(?:费用|费|经费)?') },
  { key: 'three_public_total', re: /三公经费/ },
  { key: 'operating_expenses', re: anyPrefix('机关运行(?:经)?费') },
  { key: 'procurement_small_micro', re: /授予小微企业合同金额$/ },
  { key: 'procurement_sme', re: /授予中小企业合同金额$/ },
  { key: 'procurement_goods', re: /政府采购货物/ },
  { key: 'procurement_works', re: /政府采购工程/ },
  { key: 'procurement_services', re: /政府采购服务/ },
  { key: 'procurement_total', re: /政府采购.*(?:总额|合计|总计)$|^政府采购(?:预算|支出)?$/ },
  { key: 'purchase_of_services', re: anyPrefix('政府购买服务') },
  { key: 'large_equipment', re: /大型设备/ },
  { key: 'government_fund_expenditure', re: org('政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:安排的)?支出(?:预算)?(?:总额)?') },
  { key: 'state_capital_expenditure', re: org('国有资本经营(?:预算)?(?:财政)?(?:拨款)?(?:安排的)?支出(?:预算)?(?:总额)?') },
  { key: 'fiscal_appropriation_expenditure', re: org('财政拨款支出(?:预算)?(?:总额)?') },
  { key: 'general_budget_basic_expenditure', re: org('一般公共预算(?:财政拨款)?基本支出') },
  { key: 'general_budget_expenditure', re: org('一般公共预算(?:财政拨款)?(?:安排)?支出(?:预算)?(?:总额)?') },
  { key: 'general_budget_appropriation', re: org('一般公共预算(?:财政)?拨款(?:收入)?') },
  { key: 'fiscal_appropriation', re: org('财政拨款(?:收入)?(?:预算)?') },
  { key: 'department_budget_total', re: org('部门总预算|总预算') },
  { key: 'income_total', re: org('收入预算总额|收入预算总计|收入总计|收入总额|收入预算|部门预算收入|预算收入总额|总收入|部门收入') },
  { key: 'current_year_income', re: org('本年(?:度)?收入(?:合计)?') },
  { key: 'carryover_expenditure', re: /(?:年末结转(?:和|及)?(?:结余)?|结转下年)$/ },
  { key: 'carryover_income', re: /(?:(?:上年|年初)结转(?:和|及)?(?:结余)?|国库集中支付.{0,6}结转)$/ },
  { key: 'expenditure_total', re: org('支出预算总额|支出预算总计|支出总计|支出总额|支出预算|部门预算支出|预算支出总额|总支出') },
  { key: 'current_year_expenditure', re: org('本年(?:度)?支出(?:合计)?') },
  { key: 'basic_expenditure', re: org('基本支出') },
  { key: 'project_expenditure', re: org('项目支出') },
  { key: 'personnel_expenses', re: org('人员经费') },
  { key: 'public_expenses', re: org('公用经费') },
];

/** Keys whose scope changes inside a 财政拨款 / 一般公共预算 section. */
const SCOPED = new Set(['basic_expenditure', 'project_expenditure']);

const MEASURE = /(年初预算数|年初预算安排|年初预算|全年预算数|预算数|决算数|执行数)$/;
const YEARISH = /(?:截至|截止)?(?:19|20)\d{2}\s*(?:年(?:度)?|度)(?:\d{1,2}月(?:\d{1,2}日)?)?/g;
const FILLER_START = /^(?:其中|包括|主要|分别|另外|此外|同时|按照|按|具体|合计|共)[：:]?/;
const FILLER_END = /(?:为|是|达|约|共计|共|总共)$/;

/** The label text → a normalized label ("2022年本部门收入预算总额为" → "本部门收入预算总额"). */
export function normalizeLabel(raw: string): string {
  let s = raw.replace(/[“”"'‘’「」\s]/g, '').replace(YEARISH, '');
  s = s.replace(/^[，,；;。、：:)）]+/, '');
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(ITEM_START, '').replace(/^[)）、.．\s]+/, '').replace(FILLER_START, '');
    s = s.replace(/[：:]+$/, '').replace(FILLER_END, '');
    if (s === before) break;
  }
  return s;
}

function mapExact(label: string): string | null {
  for (const r of HEADLINE_RULES) if (r.re.test(label)) return r.key;
  for (const r of RULES) if (r.re.test(label)) return r.key;
  return null;
}

/** The key of a label; “基本支出预算” / “支出预算合计” are read as their core (see headline.ts). */
function mapLabel(label: string, final = false): string | null {
  const suffix = headlineSuffix(final);
  for (let s = label.replace(PRIOR_START, ''); s; ) {
    const k = mapExact(s);
    if (k) return k;
    const shorter = s.replace(suffix, '');
    if (shorter === s) break;
    s = shorter;
  }
  return null;
}

/** Drop the department/本部门 prefix from a label when the rest still means the same thing. */
function shortLabel(label: string, key: string): string {
  for (let i = label.length - 2; i >= 1; i--) {
    const orgEnd = /[局委办厅心院门位关级]/.test(label[i - 1]) || label.slice(Math.max(0, i - 3), i) === '委员会';
    if (!orgEnd) continue;
    const rest = label.slice(i);
    if (label[i - 1] === '委' && rest.startsWith('员会')) continue; // 委|员会 is inside 委员会
    if (mapLabel(rest) === key) return rest;
  }
  return label;
}

interface Amount {
  index: number;
  end: number;
  value: number; // 万元 for money, the count otherwise
  unit: string; // 万元 | 辆 | 个 | 批 | 人次
}

const MONEY = /(?<![\d.,，])(\d[\d,，]*(?:\.\d+)?)\s*(亿\s?元|万\s?元|元)(?!以上|以下|以内|及以上)/g;
const COUNT = /(?<![\d.,])(\d+)\s*(辆|批|人次|个)/g;
const BARE_ZERO = /为\s*[：:]?\s*(0)(?=\s*(?:[。；;，,]|$))/g;

function amounts(sentence: string): Amount[] {
  const out: Amount[] = [];
  for (const m of sentence.matchAll(MONEY)) {
    const parsed = parseMoneyText(m[0].replace(/(万|亿)\s+元/, '$1元'));
    if (parsed) out.push({ index: m.index, end: m.index + m[0].length, value: parsed.value, unit: '万元' });
  }
  for (const m of sentence.matchAll(COUNT)) {
    if (out.some((a) => m.index >= a.index && m.index < a.end)) continue;
    out.push({ index: m.index, end: m.index + m[0].length, value: Number(m[1]), unit: m[2] });
  }
  for (const m of sentence.matchAll(BARE_ZERO)) {
    const at = m.index + m[0].length - 1;
    out.push({ index: at, end: at + 1, value: 0, unit: '万元' });
  }
  return out.sort((a, b) => a.index - b.index);
}

const UP = /增加|增长|上升|提高|增(?!减)|多/;
const DOWN = /减少|下降|降低|节约|压减|减(?!少)|少/;
const COMPARE = /较|比|同比|与上年|与去年/;

/** Sign of a change from its wording: +1, -1, 0 for 持平, null when both are written ("增加/下降"). */
function changeSign(text: string): number | null {
  if (/持平/.test(text)) return 0;
  const up = UP.test(text.replace(/增长率/g, ''));
  const down = DOWN.test(text);
  if (up && down) return null;
  if (down) return -1;
  if (up) return 1;
  return null;
}

function signed(value: number, sign: number | null): number | null {
  if (value === 0) return 0;
  if (sign === null) return null;
  return sign === 0 ? 0 : new Decimal(value).times(sign).toNumber();
}

/** Does the pct agree with change on a value (previous = value - change)? */
function consistent(value: number, change: number, pct: number): boolean {
  const prev = value - change;
  if (prev === 0) return change === 0 && pct === 0;
  const expected = (change / prev) * 100;
  return Math.abs(expected - pct) <= Math.max(1.5, Math.abs(pct) * 0.05);
}

function countKey(label: string, unit: string, sentence: string, final: boolean): string | null {
  if (unit === '辆') {
    if (/购置/.test(label)) return final ? 'vehicles_purchased' : 'vehicles_purchase_planned';
    if (/一般公务用车/.test(label)) return 'vehicles_general';
    if (/执法执勤/.test(label)) return 'vehicles_law_enforcement';
    if (/车辆|保有|公务用车/.test(label)) return 'vehicles_total';
    return null;
  }
  if (unit === '批') return /接待/.test(label) && !/外事/.test(label) ? 'three_public_reception_batches' : null;
  if (unit === '人次') return /接待/.test(label) && !/外事/.test(label) ? 'three_public_reception_visitors' : null;
  if (unit === '个') {
    if (/团组/.test(label)) return 'three_public_overseas_groups';
    if (/绩效目标/.test(label) && /项目$/.test(label)) return 'performance_target_projects';
    if (/自评/.test(sentence) && /纳入|开展/.test(label)) return 'performance_self_evaluation_projects';
  }
  return null;
}

function coverageKey(sentence: string): string {
  if (/自评/.test(sentence)) return 'performance_self_evaluation_coverage';
  if (/整体/.test(sentence) && /评价/.test(sentence)) return 'performance_overall_evaluation_coverage';
  if (/评价/.test(sentence)) return 'performance_evaluation_coverage';
  if (/整体/.test(sentence)) return 'performance_overall_targets_coverage';
  return 'performance_targets_coverage';
}

const LABELS: Record<string, string> = {
  performance_targets_coverage: '纳入绩效目标管理的项目资金',
  performance_overall_targets_coverage: '部门整体绩效目标涉及资金',
  performance_self_evaluation_coverage: '绩效自评涉及资金',
  performance_evaluation_coverage: '部门评价涉及资金',
  performance_overall_evaluation_coverage: '整体支出绩效评价涉及资金',
  government_fund_expenditure: '政府性基金预算支出',
  performance_target_projects: '实行绩效目标管理的项目数',
  performance_self_evaluation_projects: '开展绩效自评的项目数',
  three_public_overseas_groups: '因公出国（境）团组数',
  three_public_reception_batches: '国内公务接待批次',
  three_public_reception_visitors: '国内公务接待人次',
  state_capital_expenditure: '国有资本经营预算支出',
};

/** “示例县畜牧兽医站支出预算合计…”: a sentence whose subject is one of the department's units. */
function opensWithAnotherUnit(sentence: string, department: string): boolean {
  const opener = normalizeLabel(sentence.split(/[，,；;：:（(]/)[0]);
  const prefix = unitPrefix(opener);
  return /^[\u4e00-\u9fff]{2,40}$/.test(prefix) && !/用于|主要|安排|包括|其中|根据|按照|保障|支付/.test(prefix) && namesAnotherUnit(prefix, department);
}

const GENERIC_LABEL = /^(?:预算)?(?:控制数|预算数|预算|安排|支出|经费)?$/;
const SENTENCE_SPLIT = /[^。；;！？!?]+[。；;！？!?]?/g;

export function recognizeNarrativeFacts(ctx: RecognizeContext): NarrativeFact[] {
  const facts: NarrativeFact[] = [];
  const seen = new Set<string>();
  const final = ctx.kind === 'final_account';
  let section = ''; // the current 情况说明 section title
  let subject = ''; // the last short sub-heading ("（一）因公出国（境）费")
  let unitSection = ''; // the title of a section about one of the department's units, if inside one

  const add = (f: NarrativeFact): NarrativeFact | null => {
    const id = `${f.key}|${f.unit}|${f.value}`;
    if (seen.has(id)) return null;
    seen.add(id);
    facts.push(f);
    return f;
  };

  let paras: Paragraph[] = [];
  try {
    paras = paragraphs(ctx.seg);
  } catch {
    return [];
  }
  for (const p of paras) {
    try {
      const text = p.text;
      const hasAmount = amounts(text).length > 0;
      const zeroStatement = /(?:没有|无)(?:使用)?(?:政府性基金|国有资本经营)/.test(text);
      if (!hasAmount && !zeroStatement && text.length <= 40) {
        const t = text.replace(ITEM_START, '').trim();
        if (p.heading || /(情况|说明)$/.test(t)) section = t;
        subject = t;
        // “十三、××局龙华分局”: what follows is that unit's budget, until the next top-level title
        if (isUnitTitle(t, ctx.department)) unitSection = t;
        else if (p.heading || /^(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+部分)/.test(text)) unitSection = '';
        continue;
      }
      const procurementPara = /政府采购/.test(text);
      let lastFact: NarrativeFact | null = null; // the fact the latest amount produced (null: unmapped)
      const claimed: Array<[number, number]> = [];
      for (const sm of text.matchAll(SENTENCE_SPLIT)) {
        const sentence = sm[0];
        const sStart = sm.index;
        const perf = /绩效(?:目标|自评|评价|管理)|自评|评价/.test(sentence);
        const inSentence: NarrativeFact[] = [];
        const sentenceKeys: string[] = []; // keys read so far in this sentence (duplicates too)
        let otherUnit = unitSection !== '' || opensWithAnotherUnit(sentence, ctx.department); // another unit's money
        let sentenceYear: number | 'prior' | null = null; // an earlier year the sentence's last figure belonged to
        let prevSubject = '';
        const ref = () => ctx.ref(lineAt(p, sStart), lineAt(p, sStart + sentence.length - 1));
        const cleanSentence = sentence.replace(/\s+/g, ' ').trim().slice(0, 300);
        type Event = { index: number; kind: 'amount'; a: Amount } | { index: number; kind: 'pct' | 'rate'; m: RegExpMatchArray };
        const events: Event[] = amounts(sentence).map((a) => ({ index: a.index, kind: 'amount' as const, a }));
        for (const m of sentence.matchAll(/(增加|增长|上升|提高|减少|下降|降低|增|减)[^\d%，,；;。]{0,8}?(\d+(?:\.\d+)?)\s*%/g)) {
          events.push({ index: m.index + m[0].length - 1, kind: 'pct', m });
        }
        for (const m of sentence.matchAll(/完成(?:年初)?预算(?:数)?的\s*(\d+(?:\.\d+)?)\s*%/g)) {
          events.push({ index: m.index, kind: 'rate', m });
        }
        events.sort((x, y) => x.index - y.index);
        // “（一）因公出国（境）费用。2026年预算数166.98万元”: a numbered title sentence is the subject
        const bare = sentence.trim();
        if (events.length === 0 && bare.length <= 30 && ITEM_START.test(bare) && !/[，,；;]|没有|无|为零/.test(bare)) {
          subject = bare.replace(ITEM_START, '').replace(/[。：:]$/, '').trim();
          continue;
        }
        let cursor = 0;
        let base: { target: NarrativeFact; value: number } | null = null; // a “比…Y万元” comparison awaiting its change
        for (const ev of events) {
          if (ev.kind === 'pct') {
            const target = lastFact;
            if (!target || target.change_pct != null) continue;
            const m = ev.m;
            const pct = signed(Number(m[2]), changeSign(m[0].slice(0, m[0].length - m[2].length - 1)));
            target.change_pct = pct;
            // the change written after a "其中…" item may belong to the total before it
            if (target.change != null && pct != null && !consistent(target.value, target.change, pct)) {
              const better = inSentence.find(
                (f) => f !== target && f.change == null && f.unit === target.unit && consistent(f.value, target.change!, pct),
              );
              if (better) {
                better.change = target.change;
                better.change_pct = pct;
                target.change = null;
                target.change_pct = null;
              }
            }
            continue;
          }
          if (ev.kind === 'rate') {
            if (!lastFact || lastFact.unit !== '万元') continue;
            const base = lastFact.key.replace(/_initial_budget$/, '');
            const f = add({
              key: `${base}_execution_rate`,
              label: `${lastFact.label.replace(/年初预算数$/, '')}完成年初预算比例`,
              value: Number(ev.m[1]),
              unit: '%',
              change: null,
              change_pct: null,
              text: cleanSentence,
              source: ref(),
            });
            if (f) inSentence.push(f);
            continue;
          }
          if (ev.kind !== 'amount') continue;
          const a = ev.a;
          let clauseStart = Math.max(
            cursor,
            ...['，', ',', '；', ';', '。', '、'].map((c) => sentence.lastIndexOf(c, a.index - 1) + 1),
          );
          // “收入、支出预算总计”: one label joined by 、
          if (clauseStart > cursor && sentence[clauseStart - 1] === '、' && /收入\s*$/.test(sentence.slice(0, clauseStart - 1))) {
            clauseStart = Math.max(cursor, ...['，', ',', '；', ';', '。'].map((c) => sentence.lastIndexOf(c, clauseStart - 2) + 1));
          }
          const raw = sentence.slice(clauseStart, a.index);
          cursor = a.end;
          // a change of the preceding fact: "较上年减少238.23万元"
          if (COMPARE.test(raw) && (UP.test(raw) || DOWN.test(raw) || /持平/.test(raw))) {
            const target = lastFact;
            if (target && a.unit === target.unit && target.change == null) target.change = signed(a.value, changeSign(raw));
            base = null;
            continue;
          }
          // “收入预算X万元，比2025年年初预算数Y万元减少Z万元”: Y is the comparison base, Z the change
          if (lastFact && a.unit === lastFact.unit && lastFact.change == null && /^[，,]?\s*(?:比|较|与)/.test(raw.trim()) && !UP.test(raw) && !DOWN.test(raw)) {
            base = { target: lastFact, value: a.value };
            continue;
          }
          if (base && /^[，,]?\s*(?:增加|增长|减少|下降|降低|上升|提高)\s*$/.test(raw.trim())) {
            const change = signed(a.value, changeSign(raw));
            const { target, value } = base;
            base = null;
            // only when the figures agree: value − base = change
            if (change !== null && new Decimal(target.value).minus(value).minus(change).abs().lte(0.02)) target.change = change;
            continue;
          }
          base = null;
          if (/^[)）]?占/.test(raw.trim())) continue;
          // candidate labels: after the last colon, the whole clause, "X为Y" halves
          const full = normalizeLabel(raw);
          const afterColon = normalizeLabel(raw.split(/[：:]/).pop() ?? '');
          const cands = [afterColon, full];
          const wei = full.lastIndexOf('为');
          if (wei > 0) cands.push(normalizeLabel(full.slice(wei + 1)), normalizeLabel(full.slice(0, wei)));
          let key: string | null = null;
          let label = afterColon || full;
          let variant = '';
          if (a.unit !== '万元') {
            const window = sentence.slice(Math.max(0, a.index - 24), a.index);
            key = /外事/.test(window) && /批|人次/.test(a.unit) ? null : countKey(full, a.unit, sentence, final);
            if (key && LABELS[key]) label = LABELS[key];
          } else if (perf && /涉及|资金/.test(full)) {
            key = coverageKey(sentence);
            label = LABELS[key];
          } else if (perf && /^(?:一般公共预算|政府性基金|国有资本)/.test(afterColon || full)) {
            key = null; // the funds split of a coverage figure, not the department's totals
          } else {
            let firstSubject = '';
            let matched = '';
            for (const c of cands) {
              if (!c) continue;
              let subj = c;
              let v = '';
              const mm = MEASURE.exec(subj);
              if (mm) {
                subj = subj.slice(0, mm.index);
                if (final && /^年初预算/.test(mm[1])) v = '_initial_budget';
                else if (final && mm[1] === '全年预算数') v = '_full_year_budget';
                if (!subj && prevSubject) subj = prevSubject; // "决算数为…" continues the subject
              }
              if (!firstSubject) firstSubject = subj;
              let k = subj ? mapLabel(subj, final) : null;
              if (!k && procurementPara) {
                if (/^(?:货物|物类|货物类)/.test(subj)) k = 'procurement_goods';
                else if (/^(?:工程|工程类)/.test(subj)) k = 'procurement_works';
                else if (/^(?:服务|服务类)/.test(subj)) k = 'procurement_services';
              }
              if (!k && GENERIC_LABEL.test(subj) && subject) {
                const sub = normalizeLabel(subject);
                k = mapLabel(sub);
                if (k) subj = sub;
              }
              if (k) {
                key = k;
                label = shortLabel(subj, k);
                matched = subj;
                variant = v;
                break;
              }
            }
            prevSubject = key ? label : firstSubject || prevSubject;
            // not the document's own figure for its year: another year's, another unit's, a part (headline.ts)
            if (key && ownFigure(key, a.unit) && !variant) {
              const prior = priorYear(raw, ctx.fiscal_year, sentenceYear);
              sentenceYear = prior;
              const prefix = unitPrefix(matched);
              if (prior !== null) {
                key = `${key}_prior_year`;
                if (!PRIOR_START.test(label)) label = `${prior === 'prior' ? '上年' : `${prior}年`}${label}`;
              } else if (otherUnit || (prefix && namesAnotherUnit(prefix, ctx.department))) {
                otherUnit = true; // “××分局部门预算收入X万元，包括…项目支出Y万元”: all of it is that unit's
                key = null;
              }
            }
            if (key === 'basic_expenditure' || key === 'project_expenditure') key = partKey(key, sentenceKeys);
          }
          if (key && SCOPED.has(key) && !final) {
            if (/财政拨款/.test(section)) key = `fiscal_${key}`;
            else if (/一般公共预算/.test(section)) key = `general_budget_${key}`;
          }
          if (!key) {
            lastFact = null;
            continue;
          }
          const fact: NarrativeFact = {
            key: key + variant,
            label: variant === '_initial_budget' ? `${label}年初预算数` : label,
            value: a.value,
            unit: a.unit,
            change: null,
            change_pct: null,
            text: cleanSentence,
            source: ref(),
          };
          const kept = add(fact);
          sentenceKeys.push(fact.key);
          lastFact = kept ?? fact; // a duplicate still takes its change and pct (not stored)
          if (kept) inSentence.push(kept);
        }
        if (/持平/.test(sentence) && lastFact && lastFact.change == null) {
          lastFact.change = 0;
          lastFact.change_pct = 0;
        }
        // "没有使用政府性基金预算拨款安排的支出" is a zero, stated in words
        for (const [re, key] of [
          [/(?:没有|无)(?:使用)?政府性基金/, 'government_fund_expenditure'],
          [/(?:没有|无)(?:使用)?国有资本经营/, 'state_capital_expenditure'],
        ] as const) {
          if (re.test(sentence) && !/当.{0,16}时|如果|若/.test(sentence) && !facts.some((f) => f.key === key)) {
            const f = add({ key, label: LABELS[key], value: 0, unit: '万元', change: null, change_pct: null, text: cleanSentence, source: ref() });
            if (f) inSentence.push(f);
          }
        }
        if (inSentence.length > 0) {
          const r = ref();
          claimed.push([r.line_start, r.line_end]);
        }
      }
      for (const [a, b] of claimed) ctx.claim(a, b, 'narrative');
    } catch {
      ctx.warn(p.line_start, '叙述文字中的数字未能识别，已跳过该段');
    }
  }
  return facts;
}

export const factsRecognizer = defineRecognizer({
  id: 'facts',
  label: '说明文字中的数字',
  deps: [],
  run: (ctx) => recognizeNarrativeFacts(ctx),
  empty: () => [],
});
