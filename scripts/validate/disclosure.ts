/** Disclosure completeness against 《地方预决算公开操作规程》. (stub) */
import type { DisclosureItem, DocumentRecord } from '../model/schema.js';
import type { SegmentedDocument } from '../segment/ir.js';

export function checkDisclosure(doc: Omit<DocumentRecord, 'findings' | 'disclosure'>, seg: SegmentedDocument): DisclosureItem[] {
  void doc;
  void seg;
  return [];
}
