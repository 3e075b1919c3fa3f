import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment, toLines } from '../../scripts/segment/segment.js';
import { makeContext, type RecognizeContext } from '../../scripts/recognize/context.js';
import { recognizeMeta } from '../../scripts/recognize/document/meta.js';
import type { SegmentedDocument } from '../../scripts/segment/ir.js';

export const SOURCES = join(import.meta.dirname, '../../content/sources');
export const FIXTURES = join(import.meta.dirname, '../fixtures');

export function load(path: string): { seg: SegmentedDocument; ctx: RecognizeContext; claims: Map<number, string>; warnings: Array<{ line: number | null; message: string }> } {
  const seg = segment(path.split('/').pop()!, toLines(readFileSync(path, 'utf8')));
  const meta = recognizeMeta(seg);
  const claims = new Map<number, string>();
  const warnings: Array<{ line: number | null; message: string }> = [];
  const ctx = makeContext(
    seg,
    { kind: meta.kind ?? 'budget', fiscal_year: meta.fiscal_year, unit: meta.unit ?? '万元', department: meta.department ?? '' },
    claims,
    warnings,
  );
  return { seg, ctx, claims, warnings };
}

export const doc = (name: string) => join(SOURCES, name);
export const D000 = doc('000_9099790eb74de9ed.txt');
export const D001 = doc('001_61b0ae60a82e587b.txt');
export const D002 = doc('002_3e97706fd429c0f0.txt');
export const D003 = doc('003_58a7e03076f93090.txt');
export const D004 = doc('004_621bbfa1d5d95dac.txt');
