/**
 * Golden fixtures for the recognizer registry: tests/fixtures/recognize/<id>/<case>/input.txt (or
 * input.md, or input.ref naming a fixture file elsewhere under tests/fixtures/ that other tests
 * share), an optional context.json ({ department, kind, fiscal_year, unit } where the text cannot
 * tell), and expected.json: the recognizer's output, as JSON. Run with UPDATE_GOLDEN=1 to (re)write
 * expected.json from the current output — then read the diff: it is the test's assertion.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment, toLines } from '../../scripts/segment/segment.js';
import { makeContext } from '../../scripts/recognize/context.js';
import { recognizeMeta } from '../../scripts/recognize/document/meta.js';
import { RECOGNIZERS, closure, runRecognizers, type RecognizerId } from '../../scripts/recognize/index.js';
import type { DocumentKind, MoneyUnit } from '../../scripts/model/schema.js';

export const GOLDEN = join(import.meta.dirname, '../fixtures/recognize');

export interface GoldenCase {
  id: RecognizerId;
  name: string;
  dir: string;
  input: string;
}

export function goldenCases(): GoldenCase[] {
  if (!existsSync(GOLDEN)) return [];
  const out: GoldenCase[] = [];
  for (const id of readdirSync(GOLDEN).sort()) {
    for (const name of readdirSync(join(GOLDEN, id)).sort()) {
      const dir = join(GOLDEN, id, name);
      const ref = join(dir, 'input.ref');
      const input = existsSync(ref)
        ? join(GOLDEN, '..', readFileSync(ref, 'utf8').trim())
        : ['input.txt', 'input.md'].map((f) => join(dir, f)).find((p) => existsSync(p));
      if (input) out.push({ id: id as RecognizerId, name, dir, input });
    }
  }
  return out;
}

interface CaseContext {
  department?: string;
  kind?: DocumentKind;
  fiscal_year?: number | null;
  unit?: MoneyUnit;
}

/** The recognizer's output on the case's input (its dependencies run first), as plain JSON. */
export function runGolden(c: GoldenCase): unknown {
  const file = c.input.split('/').pop()!;
  const seg = segment(file, toLines(readFileSync(c.input, 'utf8')));
  const given: CaseContext = existsSync(join(c.dir, 'context.json')) ? JSON.parse(readFileSync(join(c.dir, 'context.json'), 'utf8')) : {};
  const meta = recognizeMeta(seg);
  const ctx = makeContext(
    seg,
    {
      department: given.department ?? meta.department ?? '',
      kind: given.kind ?? meta.kind ?? 'budget',
      fiscal_year: given.fiscal_year !== undefined ? given.fiscal_year : meta.fiscal_year,
      unit: given.unit ?? meta.unit ?? '万元',
      document_id: `golden-${c.name}`,
    },
    new Map(),
    [],
  );
  const out = runRecognizers(ctx, closure(RECOGNIZERS, c.id));
  return JSON.parse(JSON.stringify(out[c.id] ?? null));
}
