/**
 * Project name normalization and similarity, for merging mentions of the same project.
 * Normalization removes what varies between mentions without changing meaning: quotes, whitespace,
 * a trailing 项目, a trailing parenthesized remark, and a phrase accidentally printed twice
 * ("工作经费工作经费").
 */
import { cleanText } from '../../normalize/text.js';

/** Collapse a phrase of ≥2 characters repeated back to back ("工作经费工作经费" → "工作经费"). */
export function collapseRepeats(s: string): string {
  return s.replace(/([\u4e00-\u9fff]{2,}?)\1+/g, "$1");
}

/** Display form: cleaned text, list numbering and labels removed, doubled phrases collapsed. */
export function displayName(raw: string): string {
  let s = cleanText(raw)
    .replace(/^项目\s*\d+\s*[:：]\s*/, '')
    .replace(/^(?:\d{1,2}\s*[.．、)）]|[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[\d一二三四五六七八九十]+\s*[)）])\s*/, '')
    .replace(/[:：。，,；;\s]+$/, '')
    .trim();
  s = collapseRepeats(s);
  return s;
}

/** nameKey is pure and merging compares every pair of mentions, so keys are memoized per process. */
const KEY_MEMO = new Map<string, string>();

export function nameKey(raw: string): string {
  const hit = KEY_MEMO.get(raw);
  if (hit !== undefined) return hit;
  if (KEY_MEMO.size > 50_000) KEY_MEMO.clear();
  const key = computeNameKey(raw);
  KEY_MEMO.set(raw, key);
  return key;
}

function computeNameKey(raw: string): string {
  let s = displayName(raw)
    .replace(/["'“”‘’「」『』《》〈〉<>]/g, '')
    .replace(/\s+/g, '');
  // Trailing remarks in brackets and a trailing 项目 are not part of the identity.
  for (let k = 0; k < 3; k++) {
    const before = s;
    s = s.replace(/[(（][^()（）]*[)）]$/, '').replace(/项目$/, '');
    if (s === before) break;
  }
  return collapseRepeats(s);
}

/** Is every character of `short` found in order in `long` ("置装费" in "置装经费")? */
export function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (i < short.length && ch === short[i]) i++;
  return i === short.length;
}

export function lcsLength(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(prev[j], prev[j - 1]);
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * Are two normalized names plausibly the same project? Only used together with an equal budget:
 * one name contained (as a subsequence) in the other — "外包人员经费"/"外包工作人员经费", "置装费"/"置装经费" —
 * or names differing in a character or two out of many ("赣州分行"/"赣州分厅").
 */
export function similarNames(a: string, b: string): boolean {
  if (!a || !b) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length >= 2 && isSubsequence(s, l)) return true;
  return lcsLength(a, b) / l.length >= 0.8;
}
