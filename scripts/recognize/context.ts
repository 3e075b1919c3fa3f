/**
 * What every recognizer gets: the segmented document, what is known about it so far, and two
 * callbacks — `claim` (for the coverage report: these lines are understood) and `warn` (a problem
 * in the source that was repaired or flagged, reported with file and line).
 */
import type { DocumentKind, MoneyUnit, SourceRef } from '../model/schema.js';
import type { SegmentedDocument } from '../segment/ir.js';

export interface RecognizeContext {
  file: string;
  seg: SegmentedDocument;
  kind: DocumentKind;
  fiscal_year: number | null;
  /** The document's default money unit; a table that states its own unit overrides it. */
  unit: MoneyUnit;
  department: string;
  /** the id the document's records will carry (projects are keyed by it) */
  document_id: string;
  claim(line_start: number, line_end: number, by: string): void;
  ref(line_start: number, line_end?: number): SourceRef;
  warn(line: number | null, message: string): void;
}

export function makeContext(
  seg: SegmentedDocument,
  known: Pick<RecognizeContext, 'kind' | 'fiscal_year' | 'unit' | 'department'> & { document_id?: string },
  claims: Map<number, string>,
  warnings: Array<{ line: number | null; message: string }>,
): RecognizeContext {
  return {
    file: seg.file,
    seg,
    document_id: '',
    ...known,
    claim(start, end, by) {
      for (let n = start; n <= end; n++) if (!claims.has(n)) claims.set(n, by);
    },
    ref(start, end = start) {
      const page = seg.pageOf(start);
      return page === undefined
        ? { file: seg.file, line_start: start, line_end: end }
        : { file: seg.file, line_start: start, line_end: end, page };
    },
    warn(line, message) {
      warnings.push({ line, message });
    },
  };
}
