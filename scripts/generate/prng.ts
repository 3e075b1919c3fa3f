/** Seeded PRNG (mulberry32) with the few helpers the generator needs. Same seed → same sequence, on any machine. */
export class Rng {
  private s: number;
  constructor(seed: number | string) {
    this.s = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  }
  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** k distinct items, in random order. */
  sample<T>(xs: readonly T[], k: number): T[] {
    const a = xs.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, Math.min(k, a.length));
  }
  /** Split `total` (an integer) into `n` non-negative integer parts that sum exactly to it. */
  split(total: number, n: number, minShare = 0.2): number[] {
    if (n <= 0) return [];
    const w = Array.from({ length: n }, () => minShare + this.next());
    const sw = w.reduce((a, b) => a + b, 0);
    const parts = w.map((x) => Math.floor((total * x) / sw));
    let rest = total - parts.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % n, rest--) parts[i]++;
    return parts;
  }
}

/** FNV-1a: a string seed → 32-bit state. */
export function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
