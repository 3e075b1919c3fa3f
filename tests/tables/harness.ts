/** Test helper: run recognizeTables on a source file (or text) with a real segmenter and context. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { segment, toLines } from '../../scripts/segment/segment.js';
import { makeContext } from '../../scripts/recognize/context.js';
import { recognizeTables, type TablesResult } from '../../scripts/recognize/tables/index.js';
import type { DocumentKind, MoneyUnit } from '../../scripts/model/schema.js';

const here = dirname(fileURLToPath(import.meta.url));
export const SOURCES = join(here, '../../content/sources');
export const FIXTURES = join(here, '../fixtures/tables');

export interface Run extends TablesResult {
  claims: Map<number, string>;
  warnings: Array<{ line: number | null; message: string }>;
  lines: string[];
}

export function runText(
  text: string,
  opts: { file?: string; kind?: DocumentKind; unit?: MoneyUnit; department?: string } = {},
): Run {
  const seg = segment(opts.file ?? 'test.txt', toLines(text));
  const claims = new Map<number, string>();
  const warnings: Array<{ line: number | null; message: string }> = [];
  const ctx = makeContext(
    seg,
    { kind: opts.kind ?? 'budget', fiscal_year: 2022, unit: opts.unit ?? '万元', department: opts.department ?? '' },
    claims,
    warnings,
  );
  return { ...recognizeTables(ctx), claims, warnings, lines: text.replace(/\r\n?/g, '\n').split('\n') };
}

export function runFile(path: string, opts: Parameters<typeof runText>[1] = {}): Run {
  return runText(readFileSync(path, 'utf8'), { file: path.split('/').pop(), ...opts });
}
