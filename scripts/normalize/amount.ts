/**
 * Numbers as published: thousands separators, blank and '-' cells, full-width digits, parenthesized
 * negatives. Conversion between 元 and 万元 uses decimal arithmetic so no float noise reaches the CSV.
 */
import Decimal from 'decimal.js';
import { halfWidthAscii } from './text.js';
import type { MoneyUnit } from '../model/schema.js';

export type ParsedNumber =
  | { ok: true; value: Decimal }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'malformed'; text: string };

const EMPTY_MARKERS = new Set(['', '-', '—', '–', '－', '--', '/', '\\', '**', '*', '——', 'x', 'X', '无']);

/**
 * Parse a cell that should hold a number. Blank, '-', '**' … are `empty`. Well-formed thousands
 * separators (1,234.56) are accepted; misplaced ones (1,2345.6) and multiple points (12.3.4) are
 * `malformed`, never guessed. (123) and （123） are negatives, as in accounting layouts.
 */
export function parseNumber(text: string): ParsedNumber {
  let t = halfWidthAscii(text).replace(/[\s\u00A0]/g, '').replace(/，/g, ',');
  if (EMPTY_MARKERS.has(t)) return { ok: false, reason: 'empty' };
  let negative = false;
  const paren = /^[(（](.+)[)）]$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1];
  }
  if (t.startsWith('-') || t.startsWith('−')) {
    negative = !negative;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  if (!/^\d[\d,]*(\.\d+)?$/.test(t) && !/^\.\d+$/.test(t)) return { ok: false, reason: 'malformed', text };
  if (t.includes(',')) {
    const [intPart] = t.split('.');
    if (!/^\d{1,3}(,\d{3})+$/.test(intPart)) return { ok: false, reason: 'malformed', text };
    t = t.replace(/,/g, '');
  }
  const value = new Decimal(t);
  return { ok: true, value: negative ? value.negated() : value };
}

/** The cell as a number, or null when empty or malformed. */
export function numberOrNull(text: string): number | null {
  const p = parseNumber(text);
  return p.ok ? p.value.toNumber() : null;
}

/**
 * A published table cell that is a plain amount, as a number ("1,234.56" → 1234.56), so downloads
 * hold numbers a spreadsheet can add up. Null for anything else — text, blanks, '-', malformed
 * numbers, digit strings with a leading zero ("01", a 款 code) and long bare digit strings (a
 * 20-digit project code would lose digits as a number): those stay text.
 */
export function plainAmount(text: string): number | null {
  const t = text.trim();
  if (!/^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(t) || /^[-−]?0\d/.test(t)) return null;
  // more than 15 significant digits do not survive a double; a bare integer of 10+ digits is a code
  if (t.replace(/\D/g, '').replace(/^0+/, '').length > 15 || /^\d{10,}$/.test(t)) return null;
  const p = parseNumber(t);
  return p.ok ? p.value.toNumber() : null;
}

/** Convert an amount in `unit` to 万元 exactly. */
export function toWanYuan(value: Decimal, unit: MoneyUnit): Decimal {
  return unit === '元' ? value.dividedBy(10000) : value;
}

/** Parse a money cell into a number in 万元 (null for empty/malformed). */
export function moneyToWan(text: string, unit: MoneyUnit): number | null {
  const p = parseNumber(text);
  return p.ok ? toWanYuan(p.value, unit).toNumber() : null;
}

/** Exact sum of amounts (nulls skipped); returns a JS number of the exact decimal. */
export function sumExact(values: Array<number | null | undefined>): number {
  let acc = new Decimal(0);
  for (const v of values) if (v !== null && v !== undefined) acc = acc.plus(new Decimal(v));
  return acc.toNumber();
}

/** Exact a - b. */
export function diffExact(a: number, b: number): number {
  return new Decimal(a).minus(new Decimal(b)).toNumber();
}

/** Parse an amount written in running text with its unit: "895.2万元", "1,387.15 万元", "5000元". */
export function parseMoneyText(text: string): { value: number; unit: MoneyUnit } | null {
  const m = /([0-9０-９][0-9０-９,，.．]*)\s*(亿元|万元|元)/.exec(text);
  if (!m) return null;
  const p = parseNumber(m[1]);
  if (!p.ok) return null;
  if (m[2] === '亿元') return { value: p.value.times(10000).toNumber(), unit: '万元' };
  return { value: toWanYuan(p.value, m[2] as MoneyUnit).toNumber(), unit: '万元' };
}
