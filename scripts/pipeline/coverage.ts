/** Share of non-blank source lines claimed by some recognized structure, and the unclaimed runs. */
import type { Coverage } from '../model/schema.js';
import type { SegmentedDocument } from '../segment/ir.js';

export function computeCoverage(seg: SegmentedDocument, claims: Map<number, string>): Coverage {
  let total = 0;
  let claimed = 0;
  const unclaimed: Coverage['unclaimed'] = [];
  let open: { line_start: number; line_end: number; parts: string[] } | null = null;
  for (const l of seg.lines) {
    if (l.text.trim() === '') continue;
    total++;
    if (claims.has(l.no)) {
      claimed++;
      if (open) unclaimed.push({ line_start: open.line_start, line_end: open.line_end, text: open.parts.join(' ').slice(0, 200) });
      open = null;
    } else if (open && l.no - open.line_end <= 2) {
      open.line_end = l.no;
      open.parts.push(l.text.trim());
    } else {
      if (open) unclaimed.push({ line_start: open.line_start, line_end: open.line_end, text: open.parts.join(' ').slice(0, 200) });
      open = { line_start: l.no, line_end: l.no, parts: [l.text.trim()] };
    }
  }
  if (open) unclaimed.push({ line_start: open.line_start, line_end: open.line_end, text: open.parts.join(' ').slice(0, 200) });
  return { lines_total: total, lines_claimed: claimed, unclaimed };
}
