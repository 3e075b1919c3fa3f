/**
 * The lines around a table that belong to it: the title above ("部门收入总表", "## 收入支出决算总表"),
 * unit and filing lines ("单位：万元", "填报单位[118001]…", "(2022年度)"), short section labels
 * ("基本信息"), and the 注/说明 lines right after it. Pure: returns what it found and which lines.
 */
import type { Block, HeadingBlock, TextBlock } from '../../segment/ir.js';
import type { MoneyUnit } from '../../model/schema.js';
import { compact } from './cells.js';

type Prose = TextBlock | HeadingBlock;

export interface Above {
  title: string | null;
  /** nearest short section label between the title and the table ("基本情况"). */
  label: string | null;
  unit: MoneyUnit | null;
  /** false when running text sits between the table and anything above it. */
  continuous: boolean;
  lines: number[];
}

/** "单位：万元", "金额单位：元", "单位:万元" anywhere in a short line or header cell. */
export function unitIn(text: string): MoneyUnit | null {
  const m = /单位\s*[:：]?\s*(万元|元)(?![\u4e00-\u9fa5])|单位\s*[:：]\s*(万)$/.exec(compact(text));
  // "单位：万" at the end: the cell wrapped "万元" over two lines ("元" on the next)
  return m ? (m[2] ? '万元' : (m[1] as MoneyUnit)) : null;
}

const META = [
  /^(填报单位|编制单位|单位名称|部门名称|填报部门|预算单位|报送单位|编制部门|部门[:：])/,
  /^\[\d+\]/, // "[118001] 赣州市行政审批局"
  /^[（(]?\d{4}年度?[)）]?$/, // "(2022年度)"
  /^公开\d+表/,
  /^附件\d*$/,
];

export function isMetaText(text: string): boolean {
  const c = compact(text);
  return META.some((re) => re.test(c));
}

/** A line naming a table: ends with 表 (optionally "(2021年度)"), short, not a sentence or a part heading. */
export function isTitleText(text: string): boolean {
  const c = compact(text);
  if (c.length > 60 || c.length < 3) return false;
  if (/[。；;，,]/.test(c) || /^如表|见表/.test(c)) return false;
  if (/^第[一二三四五六七八九十\d]+部分/.test(c)) return false;
  return /表([（(][^)）]*[)）])?$/.test(c);
}

export function isNoteText(text: string): boolean {
  return /^(注|说明|备注)\s*\d*\s*[:：.、]/.test(compact(text));
}

/** A short label such as "基本信息" / "立项依据" / a department name line under a title. */
function isShortLabel(text: string): boolean {
  const c = compact(text);
  // "其中：2026年": the head of a tall header cell printed above the grid, not a sentence
  return c.length > 0 && c.length <= 16 && (!/[。；;，,：:]/.test(c) || /^其中[:：][^。；;，,：:]*$/.test(c));
}

/** Scan the prose blocks above a table (nearest first) for its title, unit and filing lines. */
export function scanAbove(before: Prose[], department: string): Above {
  const out: Above = { title: null, label: null, unit: null, continuous: true, lines: [] };
  const labels: Array<{ text: string; line: number }> = [];
  for (let i = before.length - 1, seen = 0; i >= 0 && seen < 8; i--, seen++) {
    const b = before[i];
    const t = b.text;
    if (isNoteText(t)) break; // belongs to the table above
    const u = unitIn(t);
    if (u && compact(t).length <= 40) {
      out.unit ??= u;
      out.lines.push(b.line_start);
      continue;
    }
    if (isTitleText(t)) {
      out.title = compact(t).length === t.length ? t : t.replace(/\s+/g, ' ').trim();
      out.lines.push(b.line_start);
      break;
    }
    // "元" alone: the tail of a unit cell wrapped as "单位：万" / "元"
    if (isMetaText(t) || (department && compact(t) === compact(department)) || (compact(t) === '元' && out.unit === null)) {
      out.lines.push(b.line_start);
      continue;
    }
    if (isShortLabel(t)) {
      labels.push({ text: compact(t), line: b.line_start });
      continue;
    }
    out.continuous = false;
    break;
  }
  if (labels.length > 0) {
    out.label = labels[labels.length - 1].text; // the section label nearest the title
    // labels are part of the table only when a title or a continuing table sits above them
    if (out.title || out.continuous) out.lines.push(...labels.map((l) => l.line));
  }
  return out;
}

/** 注/说明 lines right after a table (and numbered continuation lines of a note). */
export function scanBelow(after: Prose[]): { note: string | null; lines: number[] } {
  const parts: string[] = [];
  const lines: number[] = [];
  for (const b of after) {
    if (b.type !== 'text') break;
    if (isNoteText(b.text) || (parts.length > 0 && /^\d+[.、．]/.test(compact(b.text)) && b.text.length <= 200)) {
      parts.push(b.text);
      lines.push(b.line_start);
      continue;
    }
    break;
  }
  return { note: parts.length > 0 ? parts.join(' ') : null, lines };
}

export function isProse(b: Block): b is Prose {
  return b.type === 'text' || b.type === 'heading';
}
