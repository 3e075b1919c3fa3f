/**
 * CSV writing: UTF-8 with BOM (Excel opens Chinese text), CRLF records with any field containing CR
 * or LF quoted, numbers written as plain decimals, and every string cell made safe against CSV
 * injection (OWASP): a cell starting with = + - @ tab CR LF or NUL gets a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

const DANGEROUS_START = /^[=+\-@\t\r\n\0]/;

/** Neutralize a string cell: NUL removed, a formula-like start prefixed with '. */
export function safeCell(value: string): string {
  const s = value.replace(/\0/g, '');
  return DANGEROUS_START.test(value) || DANGEROUS_START.test(s) ? `'${s}` : s;
}

/** Number → plain decimal text (no exponent for the magnitudes budgets have). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return plainNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return safeCell(v);
}

export function toCsv(header: string[], rows: Cell[][]): string {
  const records = [header.map(safeCell), ...rows.map((r) => r.map(cellText))];
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    // bare LF inside a field would otherwise split the record for readers expecting CRLF
    quoted_match: /[\r\n]/,
  });
}
