/** 名词解释 entries. (stub) */
import type { GlossaryEntry } from '../../model/schema.js';
import type { RecognizeContext } from '../context.js';

export function recognizeGlossary(ctx: RecognizeContext): GlossaryEntry[] {
  void ctx;
  return [];
}
