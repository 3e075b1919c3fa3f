/**
 * Ruling lines of a page: the horizontal and vertical strokes (and thin filled rectangles) a table's
 * grid is drawn with, in the same visual coordinates as the text (y downwards). Read from pdfjs's
 * operator list; the tables use them, when present, as the cells' true boundaries (a name wrapping over
 * three lines beside vertically centred amounts is one row because no rule separates its lines; a
 * column left empty in every row is still a column because rules bound it).
 */
import { TOLERANCES } from './tolerances.js';

export interface HRule {
  y: number;
  x0: number;
  x1: number;
}

export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

export interface Rules {
  h: HRule[];
  v: VRule[];
}

/** pdfjs OPS codes used here (stable across pdfjs versions; see pdfjs's `OPS`). */
export interface OpsCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

type M = [number, number, number, number, number, number];

const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Path buffer op codes of pdfjs ≥ 5 (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Longest stroke/rectangle side still read as a line's thickness; shortest segment kept (TOLERANCES.rules). */
const { maxThickness: THIN, minLength: MIN_LEN, axisSlack: AXIS } = TOLERANCES.rules;

/**
 * Extract rules from an operator list. `viewport` maps user space to visual coordinates. Any
 * unexpected operator argument shape is skipped: rules are a hint, never a reason to fail.
 */
export function extractRules(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, viewport: number[], ops: OpsCodes): Rules {
  const h: HRule[] = [];
  const v: VRule[] = [];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const stack: M[] = [];
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  const vp = viewport as M;
  const addSeg = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) <= AXIS && Math.abs(ax - bx) >= MIN_LEN) h.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) <= AXIS && Math.abs(ay - by) >= MIN_LEN) v.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args) && args.length === 6) ctm = mul(ctm, args as M);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = Array.isArray(args) ? (args[0] as unknown) : null;
      if (Array.isArray(m) && m.length === 6) ctm = mul(ctm, m as M);
      else if (m && typeof m === 'object' && 'length' in m && (m as ArrayLike<number>).length === 6) ctm = mul(ctm, Array.from(m as ArrayLike<number>) as M);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && Array.isArray(args)) {
      const paint = args[0] as number;
      const isStroke = strokes.has(paint);
      const isFill = fills.has(paint);
      if (!isStroke && !isFill) continue;
      const data = args[1] as unknown[] | undefined;
      const buf = Array.isArray(data) ? (data[0] as ArrayLike<number> | null) : null;
      if (!buf || typeof buf.length !== 'number') continue;
      const m = mul(vp, ctm);
      // Subpaths as point lists (curves end the subpath's straight-line reading).
      const subpaths: Array<{ pts: Array<[number, number]>; closed: boolean }> = [];
      let cur: { pts: Array<[number, number]>; closed: boolean } | null = null;
      for (let k = 0; k < buf.length; ) {
        const op = buf[k++];
        if (op === MOVE) {
          cur = { pts: [apply(m, buf[k], buf[k + 1])], closed: false };
          subpaths.push(cur);
          k += 2;
        } else if (op === LINE) {
          const p = apply(m, buf[k], buf[k + 1]);
          if (cur) cur.pts.push(p);
          else subpaths.push((cur = { pts: [p], closed: false }));
          k += 2;
        } else if (op === CURVE) {
          cur = null;
          k += 6;
        } else if (op === QUAD) {
          cur = null;
          k += 4;
        } else if (op === CLOSE) {
          if (cur) cur.closed = true;
          cur = null;
        } else break;
      }
      for (const sp of subpaths) {
        const pts = sp.pts;
        if (pts.length < 2) continue;
        if (isFill) {
          // A thin filled rectangle is a line; other fills (shading) are not rules.
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const w = Math.max(...xs) - Math.min(...xs);
          const ht = Math.max(...ys) - Math.min(...ys);
          if (ht <= THIN && w >= MIN_LEN) h.push({ y: (Math.max(...ys) + Math.min(...ys)) / 2, x0: Math.min(...xs), x1: Math.max(...xs) });
          else if (w <= THIN && ht >= MIN_LEN) v.push({ x: (Math.max(...xs) + Math.min(...xs)) / 2, y0: Math.min(...ys), y1: Math.max(...ys) });
          continue;
        }
        for (let k = 1; k < pts.length; k++) addSeg(pts[k - 1][0], pts[k - 1][1], pts[k][0], pts[k][1]);
        if (sp.closed) addSeg(pts[pts.length - 1][0], pts[pts.length - 1][1], pts[0][0], pts[0][1]);
      }
    }
  }
  return { h, v };
}
