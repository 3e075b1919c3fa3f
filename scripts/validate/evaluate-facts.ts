/**
 * Hand-read headline figures against what the pipeline extracted, for `npm run evaluate --facts`:
 * reconciling figures can still be the wrong ones (another unit's, another year's), so a sample of
 * documents carries figures a person read off the PDF (tests/fixtures/evaluate/facts.yaml).
 */
import Decimal from 'decimal.js';
import { TOTAL_KEYS, TOTAL_LABELS, type DocumentRecord, type TotalKey } from '../model/schema.js';

/** Figures read by hand from one document, in 万元; `page` and `note` are for people. */
export type HandReadFacts = Partial<Record<TotalKey, number>> & { page?: number; note?: string };

export interface FactCheck {
  file: string;
  key: TotalKey;
  label: string;
  expected: number;
  /** null when the pipeline has no figure (or refused the file) */
  actual: number | null;
  right: boolean;
}

/** Published figures carry two decimals: equal to the cent of a 万元. */
const SLACK = 0.005;

export function checkFacts(file: string, doc: DocumentRecord | null, facts: HandReadFacts): FactCheck[] {
  const out: FactCheck[] = [];
  for (const key of TOTAL_KEYS) {
    const expected = facts[key];
    if (typeof expected !== 'number') continue;
    const actual = doc ? doc.totals[key] : null;
    const right = actual !== null && new Decimal(actual).minus(expected).abs().lte(SLACK);
    out.push({ file, key, label: TOTAL_LABELS[key], expected, actual, right });
  }
  return out;
}
