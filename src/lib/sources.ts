/** Build-time: how a document's original source is published (see scripts/emit/sources.ts). */
import { resolve } from 'node:path';
import { planSource, sourceHref, type PublishedSource } from '../../scripts/emit/sources';
import { href } from './format';

export const SOURCES_DIR = resolve(process.env.SITE_SOURCES_DIR || 'content/sources');

export interface SourceLinks {
  /** the published copy, or null when withheld */
  file: string | null;
  /** link to a page of the original PDF when that works, else the published copy */
  at(ref: { page?: number | null } | null | undefined): string | null;
  /** short label for the link */
  label: string;
  note: string | null;
  kind: PublishedSource['kind'];
}

export async function sourceLinks(base: string, file: string): Promise<SourceLinks> {
  const s = await planSource(SOURCES_DIR, file);
  const link = (page?: number | null) => {
    const h = sourceHref(s, page);
    return h ? href(base, h) : null;
  };
  return {
    file: link(),
    at: (ref) => link(ref?.page ?? null),
    label: s.kind === 'pdf' ? '查看原文 PDF' : s.kind === 'pdf_text' ? '查看原文文字（PDF 提取）' : '查看原文',
    note: s.note,
    kind: s.kind,
  };
}
