/**
 * Pages of visual lines → SourceLines. Removes what repeats on every page (running headers/footers,
 * page numbers) and, when a table continues on the next page, the repeated title/header lines there,
 * so the continued rows join the table they belong to. Shared by PDFs and pdftotext-layout text.
 */
import type { SourceLine } from '../../segment/ir.js';
import { lineText, median, type VLine } from './geometry.js';
import type { Rules } from './rules.js';
import { TOLERANCES } from './tolerances.js';
import { layoutPageWithColumns, type LayoutOptions, type OutLine } from './tables/index.js';

export interface PageInput {
  lines: VLine[];
  /** Page height in the same units as the line y values (for header/footer zones). */
  height: number;
  /** Ruling lines drawn on the page (PDF only), in the same units. */
  rules?: Rules;
}

export interface AssembleStats {
  /** Lines dropped as page furniture (running headers/footers, page numbers). */
  furniture: number;
  /** Lines dropped as repeated table headers on continuation pages. */
  repeatedHeaders: number;
}

const PAGE_NUMBER = /^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–－\s]*$|^[-—–－\s]*(?:page\s*)?\d{1,4}\s*(?:of\s*\d+)?[-—–－\s]*$/i;

const REPEATED_TITLE = /(?:19|20)\d{2}\s*年.{0,30}(?:预算|决算|绩效目标|[表书])/;

const key = (s: string) => s.replace(/\s+/g, '').replace(/\d+/g, '#');

const T = TOLERANCES.pages;

/** Indexes of furniture lines per page. */
function findFurniture(pages: PageInput[]): Array<Set<number>> {
  const zone = (p: PageInput, l: VLine) => l.y < p.height * T.marginZone || l.y > p.height * (1 - T.marginZone);
  const edge = (p: PageInput, i: number) => i < T.edgeLines || i >= p.lines.length - T.edgeLines;
  const counts = new Map<string, number>();
  pages.forEach((p) => {
    const seen = new Set<string>();
    p.lines.forEach((l, i) => {
      if (!edge(p, i) || !zone(p, l) || l.runs.length > T.furnitureMaxRuns) return;
      seen.add(key(lineText(l)));
    });
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const minRepeat = Math.max(T.minRepeatPages, Math.ceil(pages.length * T.minRepeatShare));
  const bodySize = median(pages.flatMap((p) => p.lines.map((l) => l.size)));
  return pages.map((p, pi) => {
    const drop = new Set<number>();
    p.lines.forEach((l, i) => {
      const t = lineText(l).trim();
      // A page number is the first or last line of a page; other furniture sits in the margins.
      if ((i === 0 || i === p.lines.length - 1) && PAGE_NUMBER.test(t)) drop.add(i);
      if (!edge(p, i) || !zone(p, l)) return;
      if (PAGE_NUMBER.test(t)) drop.add(i);
      else if (l.runs.length <= T.furnitureMaxRuns && !/单位\s*[:：]/.test(t) && (counts.get(key(t)) ?? 0) >= minRepeat) {
        // a title set larger than the text and repeated atop every page ("××局2026年项目支出绩效目标表")
        // is the document's own title on its first page: keep it there, where it names the department
        // and the year (a small running header is furniture everywhere)
        if (pi === 0 && REPEATED_TITLE.test(t) && l.size > bodySize * T.ownTitleSize) return;
        drop.add(i);
      }
    });
    return drop;
  });
}

const norm = (s: string) => s.replace(/[\s\t]+/g, '');

export function assemblePages(pages: PageInput[], opts: LayoutOptions = {}): { lines: SourceLine[]; stats: AssembleStats } {
  const furniture = findFurniture(pages);
  const sizes = pages.flatMap((p) => p.lines.map((l) => l.size));
  if (!opts.monospace && sizes.length > 0) opts = { ...opts, bodySize: median(sizes) };
  const stats: AssembleStats = { furniture: 0, repeatedHeaders: 0 };
  const lines: SourceLine[] = [];
  // Title/unit/header lines of the table that ended the previous page (for continuation pages).
  let carry: Set<string> | null = null;
  // Columns of that table (a continuation page without a header of its own keeps them).
  let carryColumns: Array<[number, number]> | null = null;
  pages.forEach((p, pi) => {
    const kept = p.lines.filter((_, i) => !furniture[pi].has(i));
    stats.furniture += p.lines.length - kept.length;
    const laid = layoutPageWithColumns(kept, { ...opts, rules: p.rules, carryColumns: carry ? carryColumns : null });
    let out: OutLine[] = laid.lines;
    // Continuation: drop leading lines repeating the previous page's table title and header.
    let continued = false;
    if (carry) {
      let k = 0;
      while (k < out.length && out[k].kind !== 'body' && (out[k].kind === 'blank' || carry.has(norm(out[k].text)))) k++;
      // Stop at the table itself: its first row, or a header row the previous page did not have.
      if (k < out.length && (out[k].kind === 'body' || (out[k].kind === 'header' && out.slice(0, k).some((o) => o.kind === 'header')))) {
        stats.repeatedHeaders += out.slice(0, k).filter((o) => o.kind !== 'blank').length;
        out = out.slice(k);
        continued = true;
      }
    }
    // a page that is all continuation (its repeated header dropped, the table running to its foot) has
    // no title/header of its own: the next page repeats the same ones, so keep them
    const own = tableContext(out);
    carry = own ?? (continued && endsInTable(out) ? carry : null);
    carryColumns = carry ? laid.lastColumns : null;
    for (const o of out) lines.push({ no: lines.length + 1, text: o.text, page: pi + 1 });
  });
  return { lines, stats };
}

/** The page's last non-blank line is a table row. */
function endsInTable(out: OutLine[]): boolean {
  for (let k = out.length - 1; k >= 0; k--) if (out[k].kind !== 'blank') return out[k].kind === 'body';
  return false;
}

/**
 * If the page ends inside a table, the texts of that table's title/unit/header lines (everything after
 * the previous table's last row up to this table's first row). Otherwise null.
 */
function tableContext(out: OutLine[]): Set<string> | null {
  let end = out.length - 1;
  while (end >= 0 && out[end].kind === 'blank') end--;
  if (end < 0 || out[end].kind !== 'body') return null;
  let firstBody = end;
  while (firstBody > 0 && out[firstBody - 1].kind === 'body') firstBody--;
  let start = firstBody;
  while (start > 0 && out[start - 1].kind !== 'body' && firstBody - start < T.maxCarriedContext) start--;
  const set = new Set<string>();
  for (let k = start; k < firstBody; k++) if (out[k].kind !== 'blank') set.add(norm(out[k].text));
  return set.size > 0 ? set : null;
}
