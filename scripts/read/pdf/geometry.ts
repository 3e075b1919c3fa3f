/**
 * Positioned text → visual lines. Shared by PDFs (glyph positions from pdfjs) and `pdftotext -layout`
 * text (character columns): both are reduced to `Frag`s (a piece of text with an x-extent on a baseline)
 * and grouped here into `VLine`s made of `Run`s. A run is text separated from its neighbours by a wide
 * gap (a "hard" gap: a cell boundary or a column of a layout); inside a run, a single space next to a
 * number is a "soft" gap that may still be a cell boundary (converters often write `6838.41 一般公共服务`
 * as one string when two cells nearly touch), so runs keep that split as separate `Piece`s.
 */

import { TOLERANCES } from './tolerances.js';

const T = TOLERANCES.lines;

export interface Frag {
  x0: number;
  x1: number;
  /** Baseline, growing downwards (visual order). */
  y: number;
  /** Font size (line height unit). */
  size: number;
  text: string;
}

export interface Piece {
  x0: number;
  x1: number;
  text: string;
}

export interface Run {
  x0: number;
  x1: number;
  /** The run's text as printed (spaces kept). */
  text: string;
  /** Fragments of the run (one per text item, soft-split), for cell assignment inside tables. */
  pieces: Piece[];
}

export interface VLine {
  y: number;
  size: number;
  runs: Run[];
}

export interface GeometryOptions {
  /** A horizontal gap of at least this many font sizes separates runs. */
  hardGap: number;
}

const NUMBER_TOKEN = /^[-−(（]?[\d,，]+(?:\.\d+)?%?[)）]?$/;

/** Estimated advance of a character in font sizes (CJK and full-width forms are square). */
function charWeight(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2e80 || (c >= 0x3000 && c <= 0x9fff)) return T.wideCharAdvance;
  return T.narrowCharAdvance;
}

/** Split text at positions where a single space separates a number from other text (soft boundaries). */
function softSplit(text: string): string[] {
  const tokens = text.split(/(\s+)/);
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (/^\s+$/.test(t)) {
      const prev = tokens[i - 1] ?? '';
      const next = tokens[i + 1] ?? '';
      const prevLast = prev.split(/\s/).pop() ?? '';
      if (cur && (NUMBER_TOKEN.test(prevLast) || NUMBER_TOKEN.test(next)) && prev && next) {
        out.push(cur);
        cur = '';
      } else if (cur) cur += ' ';
    } else cur += t;
  }
  if (cur) out.push(cur);
  return out;
}

/** Pieces of one run: soft-split text with x positions estimated from character widths. */
function runPieces(x0: number, x1: number, text: string): Piece[] {
  const parts = softSplit(text.trim());
  if (parts.length <= 1) return [{ x0, x1, text: text.trim() }];
  const weights = parts.map((p) => [...p].reduce((s, ch) => s + charWeight(ch), 0));
  const total = weights.reduce((a, b) => a + b, 0) + (parts.length - 1) * T.narrowCharAdvance;
  const scale = total > 0 ? (x1 - x0) / total : 0;
  const out: Piece[] = [];
  let x = x0;
  parts.forEach((p, i) => {
    const w = weights[i] * scale;
    out.push({ x0: x, x1: x + w, text: p });
    x += w + T.narrowCharAdvance * scale;
  });
  return out;
}

/** Split a fragment at runs of 2+ spaces (layout inside one string) into separate fragments. */
function splitWideSpaces(f: Frag): Frag[] {
  if (!/\S\s{2,}\S/.test(f.text)) return [f];
  const chars = [...f.text];
  const total = chars.reduce((s, ch) => s + charWeight(ch), 0);
  const scale = total > 0 ? (f.x1 - f.x0) / total : 0;
  const pos: number[] = [0];
  for (const ch of chars) pos.push(pos[pos.length - 1] + charWeight(ch) * scale);
  const out: Frag[] = [];
  for (const m of [...chars.join('')].join('').matchAll(/\S+(?:\s\S+)*/g)) {
    const start = [...f.text.slice(0, m.index)].length;
    const end = start + [...m[0]].length;
    out.push({ ...f, x0: f.x0 + pos[start], x1: f.x0 + pos[end], text: m[0] });
  }
  return out.length ? out : [f];
}

/** Group fragments into visual lines (baseline clustering) and runs (gap splitting), top to bottom. */
export function buildLines(frags: Frag[], opts: GeometryOptions): VLine[] {
  const items = frags.filter((f) => f.text.trim() !== '').flatMap(splitWideSpaces);
  items.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const groups: Frag[][] = [];
  for (const f of items) {
    const g = groups[groups.length - 1];
    if (g) {
      const gy = g[0].y;
      const tol = T.sameBaseline * Math.max(g[0].size, f.size);
      if (Math.abs(f.y - gy) <= tol) {
        g.push(f);
        continue;
      }
    }
    groups.push([f]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x0 - b.x0);
    const size = median(g.map((f) => f.size));
    const runs: Run[] = [];
    let cur: Run | null = null;
    for (const f of g) {
      if (cur && f.x0 - cur.x1 < opts.hardGap * size) {
        const gap = f.x0 - cur.x1;
        // A visible gap inside a run is a space (matters for numbers and Latin text).
        cur.text += gap > T.visibleSpace * size && !cur.text.endsWith(' ') ? ' ' + f.text : f.text;
        cur.x1 = Math.max(cur.x1, f.x1);
        cur.pieces.push(...runPieces(f.x0, f.x1, f.text));
      } else {
        if (cur) runs.push(cur);
        cur = { x0: f.x0, x1: f.x1, text: f.text, pieces: runPieces(f.x0, f.x1, f.text) };
      }
    }
    if (cur) runs.push(cur);
    return { y: median(g.map((f) => f.y)), size, runs };
  });
}

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function isNumberText(s: string): boolean {
  const t = s.replace(/\s/g, '');
  return NUMBER_TOKEN.test(t) && /\d/.test(t);
}

/** Join two pieces of one cell: no space between CJK characters, one space between Latin/digits. */
export function joinText(a: string, b: string): string {
  if (!a) return tidy(b);
  if (!b) return tidy(a);
  return /[A-Za-z0-9.%)）,]$/.test(a) && /^[A-Za-z0-9(（]/.test(b) ? tidy(`${a} ${b}`) : tidy(a + b);
}

export function lineText(l: VLine): string {
  // Letter-spaced headings (`目   录`) come as one-character runs: join those without a space.
  const single = (t: string) => /^\p{Script=Han}$/u.test(t);
  return l.runs
    .map((r) => tidy(r.text))
    .reduce((acc, t, i, all) => (i === 0 ? t : acc + (single(t) && single(all[i - 1]) ? '' : ' ') + t), '');
}

/** Letter-spaced Chinese (`收 入 总 计`) loses its spaces; other spacing collapses to one space. */
export function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\p{Script=Han}（）、，：；])\s+(?=[\p{Script=Han}（）、，：；])/gu, '')
    .trim();
}
