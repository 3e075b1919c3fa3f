/**
 * Every recognizer the pipeline runs on a document, in the order it runs them (a recognizer's
 * dependencies come before it; checked when this module loads). See registry.ts for the contract.
 */
import { assertOrdered, type AnyRecognizer } from './registry.js';
import { profileRecognizer } from './document/profile.js';
import { outlineRecognizer } from './document/outline.js';
import { tablesRecognizer } from './tables/index.js';
import { functionRecognizer } from './tables/extract/function.js';
import { economicRecognizer } from './tables/extract/economic.js';
import { threePublicRecognizer } from './tables/extract/three-public.js';
import { procurementRecognizer } from './tables/extract/procurement.js';
import { tableTotalsRecognizer } from './tables/extract/totals.js';
import { factsRecognizer } from './narrative/facts.js';
import { glossaryRecognizer } from './narrative/glossary.js';
import { budgetExecutionRecognizer } from './narrative/budget-execution.js';
import { functionChangesRecognizer } from './narrative/function-changes.js';
import { PROJECT_RECOGNIZERS } from './projects/index.js';

export const RECOGNIZERS: readonly AnyRecognizer[] = [
  profileRecognizer,
  outlineRecognizer,
  tablesRecognizer,
  functionRecognizer,
  economicRecognizer,
  threePublicRecognizer,
  procurementRecognizer,
  tableTotalsRecognizer,
  factsRecognizer,
  budgetExecutionRecognizer,
  functionChangesRecognizer,
  glossaryRecognizer,
  ...PROJECT_RECOGNIZERS,
];
assertOrdered(RECOGNIZERS);

export { runRecognizers, closure, type RecognizerId, type RecognizerOutputs } from './registry.js';
