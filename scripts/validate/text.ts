/**
 * The document's running text as the text checks read it (checks/direction.ts, percentage.ts,
 * fiscal-year.ts, template.ts, table-presence.ts, stated-totals.ts): logical paragraphs (PDF line
 * breaks joined, see recognize/narrative/paragraphs.ts), their sentences with exact source lines,
 * and the headings. Tables are not text here.
 */
import type { SegmentedDocument } from '../segment/ir.js';
import type { SourceRef } from '../model/schema.js';
import { lineAt, paragraphs, type Paragraph } from '../recognize/narrative/paragraphs.js';
import { parseMoneyText } from '../normalize/amount.js';

export interface Sentence {
  /** the sentence as printed (PDF line breaks joined) */
  text: string;
  paragraph: Paragraph;
  /** offset of the sentence in its paragraph */
  at: number;
}

export interface CheckText {
  seg: SegmentedDocument;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

const SENTENCE = /[^。；;！？!?]+[。；;！？!?]*/g;

const cache = new WeakMap<SegmentedDocument, CheckText>();

export function checkText(seg: SegmentedDocument): CheckText {
  const known = cache.get(seg);
  if (known) return known;
  let paras: Paragraph[] = [];
  try {
    paras = paragraphs(seg);
  } catch {
    paras = [];
  }
  const sentences: Sentence[] = [];
  for (const p of paras) for (const m of p.text.matchAll(SENTENCE)) sentences.push({ text: m[0], paragraph: p, at: m.index });
  const out = { seg, paragraphs: paras, sentences };
  cache.set(seg, out);
  return out;
}

/** Source lines of characters [from, to) of a sentence. */
export function sentenceRef(file: string, s: Sentence, from = 0, to = s.text.length): SourceRef {
  return { file, line_start: lineAt(s.paragraph, s.at + from), line_end: lineAt(s.paragraph, s.at + Math.max(from, to - 1)) };
}

/** A sentence shortened for a message. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, '').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** A money figure in a sentence: its value in 万元, and how precisely it was printed (half its last digit, in 万元). */
export interface Money {
  index: number;
  end: number;
  value: number;
  half: number;
  raw: string;
  /**
   * Printed with its digits spaced out (“1 6 , 4 1 0 . 7 1 万元”, justified text in some PDFs) or right
   * after another number: where the figure starts is unsure, so no check relies on it.
   */
  doubtful: boolean;
}

export const MONEY_SOURCE = '(?<![\\d.,，])(\\d[\\d,，]*(?:\\.\\d+)?)\\s*(亿\\s?元|万\\s?元|元)';

export function moneys(text: string): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(new RegExp(MONEY_SOURCE, 'g'))) {
    const money = toMoney(m[1], m[2]);
    if (money) out.push({ ...money, index: m.index, end: m.index + m[0].length, raw: m[0], doubtful: spacedBefore(text, m.index) });
  }
  return out;
}

/** A figure at `index` follows another digit across a space (“1 6 , 4 1 0 . 7 1 万元”): where it starts is unsure. */
export function spacedBefore(text: string, index: number): boolean {
  return /[\d.,，]\s+$/.test(text.slice(Math.max(0, index - 3), index));
}

/** Number + unit → 万元 with its printing precision; null when not a figure. */
export function toMoney(num: string, unit: string): { value: number; half: number } | null {
  const u = unit.replace(/\s/g, '');
  const parsed = parseMoneyText(`${num}${u}`);
  if (!parsed) return null;
  const decimals = (num.split('.')[1] ?? '').length;
  const scale = u === '亿元' ? 10000 : u === '元' ? 0.0001 : 1;
  return { value: parsed.value, half: 0.5 * 10 ** -decimals * scale };
}
