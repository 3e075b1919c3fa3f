/** PDF sources: text with positions → lines with tab-separated cells. (stub — issue 4) */
import type { SourceLine } from '../../segment/ir.js';

export type PdfResult = { ok: true; lines: SourceLine[]; note: string | null } | { ok: false; reason: string };

export async function readPdf(bytes: Uint8Array): Promise<PdfResult> {
  void bytes;
  return { ok: false, reason: '暂不支持直接读取 PDF：请先转换为文本（pdftotext -layout）后放入来源目录' };
}
