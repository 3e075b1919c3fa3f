/** One loop over every recognizer's golden fixtures (see golden.ts); UPDATE_GOLDEN=1 rewrites them. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECOGNIZERS } from '../../scripts/recognize/index.js';
import { goldenCases, runGolden } from './golden.js';

const cases = goldenCases();
const update = process.env.UPDATE_GOLDEN === '1';

describe('recognizer golden fixtures', () => {
  for (const c of cases) {
    it(`${c.id} / ${c.name}`, () => {
      const actual = runGolden(c);
      const file = join(c.dir, 'expected.json');
      // a missing expected.json is written on a developer's machine, never in CI (it would assert nothing)
      if (update || (!existsSync(file) && !process.env.CI)) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }

  it('every registered recognizer has a fixture whose output is not empty', () => {
    const isEmpty = (v: unknown): boolean =>
      v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.values(v as object).every(isEmpty));
    const covered = new Set(cases.filter((c) => !isEmpty(runGolden(c))).map((c) => c.id));
    expect(RECOGNIZERS.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});
