/**
 * Classification codes (支出功能分类 2xx, 经济分类 3xx/5xx) as published in three styles: a code column
 * with the 款/项 part alone ("201" / "03" / "2010301"), separate 类/款/项 columns, or the code joined to
 * the name ("201一般公共服务支出"). Normalized to full 3/5/7 digits with level 1/2/3.
 */
import { compact } from './cells.js';

export interface CodedLabel {
  code: string;
  level: 1 | 2 | 3;
  name: string;
}

const LEVEL: Record<number, 1 | 2 | 3> = { 3: 1, 5: 2, 7: 3 };

/** Tracks the last full code per level so a bare "03" can be completed from its parent. */
export class CodeContext {
  private last: string[] = [];
  private lastLevel = 0;
  constructor(private readonly shortIsKuan: boolean) {}

  /**
   * Full code for a raw code text, or null when it cannot be completed. `as` says which part a bare
   * 2-digit code is when its column tells (separate 款 / 项 columns, each row filling only its own).
   */
  resolve(raw: string, as?: 'kuan' | 'xiang'): string | null {
    const c = raw.replace(/\s+/g, '');
    let full: string | null = null;
    if (/^\d{3}$|^\d{5}$|^\d{7}$/.test(c)) full = c;
    else if (/^\d{2}$/.test(c)) {
      // a bare 2-digit part: 款 under the last 类, or 项 under the last 款 when the layout has no 7-digit codes
      const asXiang = as ? as === 'xiang' && !!this.last[2] : !this.shortIsKuan && this.lastLevel >= 2 && this.last[2];
      const parent = asXiang ? this.last[2] : this.last[1];
      full = parent ? parent + c : null;
    }
    if (!full) return null;
    const level = LEVEL[full.length];
    this.last[level] = full;
    this.last.length = level + 1;
    this.lastLevel = level;
    return full;
  }
}

/**
 * "201一般公共服务支出" or "[201]一般公共服务支出" (the code in square brackets, as 广东 tables print it)
 * → code + name (only 3/5/7-digit prefixes).
 */
export function splitJoined(cell: string): { code: string; name: string } | null {
  const m = /^(\d{3}|\d{5}|\d{7})(?!\d)\s*([^\d\s].*)$/.exec(cell.trim()) ?? /^[[［【]\s*(\d{3}|\d{5}|\d{7})\s*[\]］】]\s*([^\d\s].*)$/.exec(cell.trim());
  return m ? { code: m[1], name: m[2].trim() } : null;
}

/**
 * Read a coded label from the leading cells of a row. `codeCols` are the columns holding code parts
 * (one code column, or 类/款/项 columns); `nameCol` holds the name. Returns null for rows without a code.
 */
export function readCode(
  cells: string[],
  codeCols: number[],
  nameCol: number,
  ctx: CodeContext,
): CodedLabel | null {
  const all = codeCols.map((i) => compact(cells[i] ?? ''));
  const parts = all.filter((p) => p !== '');
  // separate 类/款/项 columns with only this row's own part filled: its column says which part it is
  const own = codeCols.length === 3 && parts.length === 1 && /^\d{2}$/.test(parts[0]) ? (all[1] !== '' ? 'kuan' : all[2] !== '' ? 'xiang' : undefined) : undefined;
  let name = (cells[nameCol] ?? '').trim();
  let raw: string | null = null;
  if (parts.length > 0 && parts.every((p) => /^\d{2,7}$/.test(p))) {
    // 类/款/项 columns: "201" "03" "01" → 2010301; a single part is the code as written
    raw = parts.length > 1 && parts[0].length === 3 && parts.slice(1).every((p) => p.length === 2) ? parts.join('') : parts[parts.length - 1];
    if (parts.length > 1 && raw.length > 7) return null;
  } else {
    const joined = splitJoined(name) ?? (parts.length === 1 ? splitJoined(cells[codeCols[0]] ?? '') : null);
    if (joined) {
      raw = joined.code;
      name = joined.name;
    }
  }
  if (!raw) return null;
  const code = ctx.resolve(raw, own);
  if (!code) return null;
  return { code, level: LEVEL[code.length], name: name.replace(/\s+/g, '') };
}

/** Whether a code is a function classification code (类 201–234 …) rather than an economic one. */
export function isFunctionCode(code: string): boolean {
  return code.startsWith('2');
}
