/** Reconciliation checks producing findings. (stub) */
import type { DocumentRecord, Finding } from '../model/schema.js';

export function runChecks(doc: Omit<DocumentRecord, 'findings' | 'disclosure'>): Finding[] {
  void doc;
  return [];
}
