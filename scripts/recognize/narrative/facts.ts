/** Figures stated in the narrative (totals, changes, 机关运行经费, 政府采购 …). (stub) */
import type { NarrativeFact } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';

export function recognizeNarrativeFacts(ctx: RecognizeContext): NarrativeFact[] {
  void ctx;
  return [];
}
