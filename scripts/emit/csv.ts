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

const OPTIONS = {
  record_delimiter: 'windows',
  // bare LF inside a field would otherwise split the record for readers expecting CRLF
  quoted_match: /[\r\n]/,
} as const;

/** A CSV file's first bytes: the BOM and the header record. */
export function csvHeader(header: string[]): string {
  return stringify([header.map(safeCell)], { ...OPTIONS, bom: true });
}

/**
 * Records without header or BOM. Every record ends with CRLF and is quoted on its own, so the bodies
 * of several row groups, concatenated after one header, are the CSV of all the rows.
 */
export function csvBody(rows: Cell[][]): string {
  return rows.length ? stringify(rows.map((r) => r.map(cellText)), OPTIONS) : '';
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return csvHeader(header) + csvBody(rows);
}
