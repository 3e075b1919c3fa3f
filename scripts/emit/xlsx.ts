/**
 * Per-document downloads bundled: one ZIP of the document's table CSVs, and one XLSX workbook with a
 * sheet per table, where amounts are number cells and everything else (codes such as "03" included)
 * is a text cell — Excel keeps the leading zeros that it strips from a CSV.
 *
 * The workbook is the smallest SpreadsheetML package Excel, LibreOffice and openpyxl open (inline
 * strings, no styles), zipped with fflate. A general library (exceljs) took ~60 ms a document: ten
 * minutes at 10,000 documents; this takes a few.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Cell } from './csv.js';

/** Fixed entry times, so the same tables always give the same bytes (DOS times are local times). */
const MTIME = new Date(1980, 0, 1);

export interface Sheet {
  /** the sheet tab's name (made unique and valid here) */
  name: string;
  header: string[];
  rows: Cell[][];
}

/** XML 1.0 text: escaped, and without the control characters XML cannot hold. */
function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters for a 0-based column index. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellXml(v: Cell, ref: string): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : '';
  if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

function sheetXml(sheet: Sheet): string {
  const rows = [sheet.header as Cell[], ...sheet.rows].map((r, i) => `<row r="${i + 1}">${r.map((v, k) => cellXml(v, `${columnName(k)}${i + 1}`)).join('')}</row>`);
  // the header row stays in view while scrolling
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */
export function sheetNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** An .xlsx workbook with one sheet per entry. */
export function xlsxWorkbook(sheets: Sheet[]): Uint8Array {
  const names = sheetNames(sheets.map((s) => s.name));
  const ns = 'http://schemas.openxmlformats.org';
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `${head}<Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(`${head}<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `${head}<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>${names
        .map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${head}<Relationships xmlns="${ns}/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s))));
  return zipSync(files, { level: 6, mtime: MTIME });
}

/** A .zip of named text files (UTF-8), e.g. a document's table CSVs. */
export function zipFiles(files: Array<{ name: string; content: string }>): Uint8Array {
  const z: Zippable = {};
  for (const f of files) z[f.name] = strToU8(f.content);
  return zipSync(z, { level: 6, mtime: MTIME });
}
