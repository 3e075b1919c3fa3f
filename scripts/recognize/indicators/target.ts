/**
 * Indicator targets ("≥20个", "=100%", "不少于2次", "97%-100%", "较上年呈下降") → operator, value,
 * unit. Pure functions; the raw text is kept by the caller, so nothing published is lost when a
 * target is qualitative.
 */
import type { IndicatorOperator } from '../../model/schema.js';
import { cleanText } from '../../normalize/text.js';

export interface ParsedTarget {
  operator: IndicatorOperator;
  value: number | null;
  value_max: number | null;
  unit: string | null;
}

const QUALITATIVE: ParsedTarget = { operator: 'qualitative', value: null, value_max: null, unit: null };

/** Operator words and symbols, longest first so "大于等于" wins over "大于". */
const OPERATORS: Array<[string, IndicatorOperator]> = [
  ['大于等于', '>='], ['小于等于', '<='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='],
  ['不高于', '<='], ['不超过', '<='], ['不大于', '<='], ['不多于', '<='], ['至少', '>='], ['至多', '<='],
  ['>=', '>='], ['<=', '<='], ['≥', '>='], ['≤', '<='], ['≧', '>='], ['≦', '<='], ['⩾', '>='], ['⩽', '<='],
  ['大于', '>'], ['高于', '>'], ['超过', '>'], ['小于', '<'], ['低于', '<'], ['等于', '='],
  ['>', '>'], ['<', '<'], ['=', '='], ['＝', '='],
];
const OPERATOR_RE = new RegExp(OPERATORS.map(([w]) => w.replace(/[<>=]/g, (c) => `\\${c}`)).join('|'));

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)`;
/** A unit right after a number: %, ‰ or a few CJK/latin letters, never a sentence. */
const UNIT = String.raw`(%|‰|[^\d\s，,。；;:：、()（）\-~～—至到以]{1,5})?`;

function num(s: string): number {
  return Number(s.replace(/,/g, ''));
}

function cleanUnit(u: string | undefined): string | null {
  if (!u) return null;
  const t = u.replace(/(以上|以下|以内|左右)$/, '').trim();
  return t || null;
}

/** Parse a published target. Returns qualitative when no number can be tied to an operator. */
export function parseTarget(raw: string): ParsedTarget {
  const t = cleanText(raw).replace(/\s+/g, '');
  if (!t) return QUALITATIVE;

  // Ranges: "97%-100%", "90~95分", "3至5个".
  const range = new RegExp(`^${NUM}(%)?[-~～—至到]${NUM}${UNIT}$`).exec(t);
  if (range) {
    return { operator: 'range', value: num(range[1]), value_max: num(range[3]), unit: cleanUnit(range[4] ?? range[2]) };
  }

  // Operator before the number, possibly after a few words ("全年至少保障180次", "运维人员不少于5人").
  const opMatch = OPERATOR_RE.exec(t);
  if (opMatch) {
    const op = OPERATORS.find(([w]) => w === opMatch[0])![1];
    const rest = t.slice(opMatch.index + opMatch[0].length);
    const m = new RegExp(`^[^\\d]{0,4}?${NUM}${UNIT}`).exec(rest);
    if (m) return { operator: op, value: num(m[1]), value_max: null, unit: cleanUnit(m[2]) };
    return QUALITATIVE;
  }

  // Bare number with unit: "100%", "111个", "95%以上", "20次以内".
  const bare = new RegExp(`^${NUM}${UNIT}(以上|以下|以内)?$`).exec(t);
  if (bare) {
    const suffix = bare[3] ?? (/(以上|以下|以内)$/.exec(bare[2] ?? '')?.[1] ?? '');
    const op: IndicatorOperator = suffix === '以上' ? '>=' : suffix ? '<=' : '=';
    return { operator: op, value: num(bare[1]), value_max: null, unit: cleanUnit(bare[2]) };
  }
  return QUALITATIVE;
}

/** Units that make a trailing number a target even without an operator ("午餐补助人数25人"). */
const TRAILING_UNITS =
  '%|‰|万人次|人次|万人|万件|万元|亿元|元|个工作日|工作日|个|人|次|件|项|家|起|台|套|户|条|篇|场|期|天|日|小时|分钟|年|月|周|名|批|所|座|本|份|张|辆|平方米|亩|公里|种|笔|部|册|处|间|分';
const TRAILING_NUMBER = new RegExp(`^(.*?[^\\d.])(\\d[\\d,]*(?:\\.\\d+)?\\s*(?:${TRAILING_UNITS}))(以上|以下|以内)?$`);

/** Qualitative targets written straight after the indicator name ("…期限长期", "…及时性及时"). */
const QUALITATIVE_TAIL =
  /^(.{2,}?)(较上年(?:呈)?(?:下降|降低|减少|提高|提升|增长|增加)|基本达成|全部达成|达成|达标|合格|有效保障|显著提升|明显提高|明显提升|(?:逐步|不断|持续|进一步)(?:完善|提高|提升|改善|加强)|稳步(?:提高|提升)|有所(?:提高|提升|改善)|长期|及时|下降|提高|提升|优化|良好)$/;

/**
 * Split one narrative indicator ("服务应用系统数量 ≥ 20 个", "补助合规率100%", "项目持续发挥作用的期限长期")
 * into the indicator name and its target text. target is '' when the line states none.
 */
export function splitNameTarget(text: string): { name: string; target: string } {
  const t = cleanText(text);
  const op = OPERATOR_RE.exec(t);
  // An operator word inside the name ("不超过" rarely starts a name) — take the first symbol/word
  // that is followed by a number within a few characters.
  if (op && op.index > 0 && new RegExp(`^[^\\d]{0,4}?\\d`).test(t.slice(op.index + op[0].length))) {
    return { name: t.slice(0, op.index).trim(), target: t.slice(op.index).replace(/\s+/g, '') };
  }
  const trailing = TRAILING_NUMBER.exec(t);
  if (trailing && trailing[1].trim().length >= 2) {
    return { name: trailing[1].trim(), target: (trailing[2] + (trailing[3] ?? '')).replace(/\s+/g, '') };
  }
  const qual = QUALITATIVE_TAIL.exec(t);
  if (qual) return { name: qual[1].trim(), target: qual[2] };
  return { name: t, target: '' };
}

/** Normalized form of a target for comparing two mentions of the same indicator. */
export function targetKey(raw: string): string {
  return cleanText(raw)
    .replace(/\s+/g, '')
    .replace(/>=|⩾|≧/g, '≥')
    .replace(/<=|⩽|≦/g, '≤')
    .replace(/＝/g, '=');
}
