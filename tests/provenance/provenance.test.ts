/**
 * Every number in the published CSVs must be traceable: it occurs, as published, on the source lines
 * its provenance columns cite. Runs the real ingest on content/sources into a temp folder.
 * Published forms handled: thousands separators, full-width digits, （123）/ -123 negatives, and
 * 元 / 亿元 figures converted to 万元 (the CSVs are all in 万元).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
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
  if (v.isZero()) return /(^|\t)\s*(0+(\.0+)?|[-—－–]+)?\s*(\t|$)/.test(text) || numbersOn(text).some((n) => n.isZero());
  return numbersOn(text).some((n) => n.eq(v) || (money && (n.div(10000).eq(v) || n.mul(10000).eq(v))));
}

function cited(file: string, start: string, end: string): string {
  const lines = sourceLines(file);
  return lines.slice(Number(start) - 1, Number(end)).join('\n');
}

interface Miss { csv: string; column: string; value: string; where: string }

/** Check the listed numeric columns of every row against the row's cited lines. */
function check(csv: string, columns: string[], money: boolean, extra?: (row: Record<string, string>) => string): { checked: number; misses: Miss[] } {
  const rows = readCsv(csv);
  let checked = 0;
  const misses: Miss[] = [];
  for (const row of rows) {
    expect(row.source_file, `${csv} 缺少来源文件`).toBeTruthy();
    expect(Number(row.source_line_start), `${csv} 缺少起始行`).toBeGreaterThan(0);
    expect(Number(row.source_line_end)).toBeGreaterThanOrEqual(Number(row.source_line_start));
    const text = cited(row.source_file!, row.source_line_start!, row.source_line_end!) + (extra ? '\n' + extra(row) : '');
    for (const c of columns) {
      const value = row[c];
      if (value === undefined || value === '') continue;
      checked++;
      if (!occurs(value, text, money)) misses.push({ csv, column: c, value, where: `${row.source_file}:${row.source_line_start}-${row.source_line_end}` });
    }
  }
  return { checked, misses };
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'budget-provenance-'));
  const r = spawnSync('npx', ['tsx', 'scripts/cli/ingest.ts', '--sources', 'content/sources', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ingest 失败：${r.stdout}\n${r.stderr}`);
}, 120_000);

describe('provenance: every CSV number occurs on the lines it cites', () => {
  it('numbersOn reads published forms', () => {
    expect(numbersOn('合计\t14,783.86\t（3.5）').map(String)).toContain('14783.86');
    expect(numbersOn('１２３．４５').map(String)).toContain('123.45');
    expect(numbersOn('（3.5）').map(String)).toContain('-3.5');
    // a wrong value must not be "found"
    expect(occurs('14783.87', '合计\t14,783.86', true)).toBe(false);
    expect(occurs('1.23', '预算 12,300 元', true)).toBe(true);
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

  const cases: Array<[string, string[], boolean]> = [
    ['expenditure_by_function.csv', ['total', 'basic', 'project'], true],
    ['basic_expenditure_by_economic.csv', ['total', 'personnel', 'public'], true],
    ['three_public.csv', ['budget', 'actual'], true],
    ['document_totals.csv', ['value'], true],
    ['indicators.csv', ['value', 'value_max', 'weight', 'score'], false],
  ];
  for (const [csv, cols, money] of cases) {
    it(`${csv}`, () => {
      const { checked, misses } = check(csv, cols, money);
      expect(checked, `${csv} 没有可核对的数值`).toBeGreaterThan(0);
      expect(misses, JSON.stringify(misses.slice(0, 10), null, 1)).toEqual([]);
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
