/**
 * Reading a source for the ingest, with a first look at scans: a PDF without a text layer is read
 * by OCR (read/pdf/ocr.ts, ~1–3 s a page), so only its first pages are OCR'd at first. When they name
 * no department and read like no disclosure (a notice, a report scanned among the sources), the file is
 * refused on them; otherwise (or when the sidecar names the department) every page is read.
 */
import { readSidecar } from '../read/sidecar.js';
import { readSource, type ReadResult } from '../read/source.js';
import { recognizeMeta } from '../recognize/document/meta.js';
import { refusalReason } from '../recognize/document/refusal.js';
import { segment } from '../segment/segment.js';
import { looksLikeDisclosure } from './ingest-file.js';

/** Pages of a scan OCR'd before deciding whether it is a disclosure at all (a cover and a contents page, with room). */
export const FIRST_LOOK_PAGES = 4;

/** Said before the refusal of a scan read by OCR (refusalFitsNote wants 没有文字层 in a scan's refusal). */
export const SCAN_REFUSAL_PREFIX = 'PDF 没有文字层（扫描件），经文字识别（OCR）后：';

export async function readForIngest(path: string, relFile: string): Promise<ReadResult> {
  const first = await readSource(path, { ocrFirstPages: FIRST_LOOK_PAGES });
  if (!first.ok || !first.ocr || first.ocr.read >= first.ocr.pages) return first;
  const sidecar = readSidecar(path);
  if (sidecar.ok && sidecar.value?.department) return readSource(path);
  const seg = segment(relFile, first.lines);
  if (recognizeMeta(seg).department || looksLikeDisclosure(seg)) return readSource(path);
  return {
    ok: false,
    reason: `${SCAN_REFUSAL_PREFIX}${refusalReason(seg, false)}（只识别了前 ${first.ocr.read} 页，共 ${first.ocr.pages} 页）`,
    line: null,
  };
}
