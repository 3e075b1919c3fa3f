/** Document identity: title, department, fiscal year, kind, money unit. (stub — to be implemented) */
import type { DocumentKind, MoneyUnit } from '../../model/schema.js';
import type { SegmentedDocument } from '../../segment/ir.js';

export interface DocumentMeta {
  title: string | null;
  department: string | null;
  fiscal_year: number | null;
  kind: DocumentKind | null;
  unit: MoneyUnit | null;
  /** lines that make up the title/cover */
  title_lines: [number, number] | null;
}

export function recognizeMeta(seg: SegmentedDocument): DocumentMeta {
  void seg;
  return { title: null, department: null, fiscal_year: null, kind: null, unit: null, title_lines: null };
}
