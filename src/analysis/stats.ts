// The distances and correlations the balance report states its figures in: total variation, Spearman, Jaccard.
import tychei from 'seedrandom/lib/tychei.js';

/** pure; total variation distance between two distributions given as counts: half the sum of |p - q|, 0..1. */
export function totalVariation(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  const sum = (x: Readonly<Record<string, number>>) => Object.values(x).reduce((t, n) => t + n, 0);
  const na = sum(a);
  const nb = sum(b);
  if (na === 0 || nb === 0) return na === nb ? 0 : 1;
  // On counts, the differences are whole numbers: the result is one correctly rounded division.
  let diff = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff += Math.abs((a[k] ?? 0) * nb - (b[k] ?? 0) * na);
  return diff / (2 * na * nb);
}

/** pure; ranks 1..n of `xs`, tied values sharing the mean of their ranks. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const out = new Array<number>(xs.length).fill(0);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]![1]] = rank;
    i = j + 1;
  }
  return out;
}

/** pure; Pearson correlation of two equally long lists, or null when either has no spread (or fewer than 2 values). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n !== ys.length) throw new Error('pearson: the two lists differ in length');
  if (n < 2) return null;
  const mx = xs.reduce((t, x) => t + x, 0) / n;
  const my = ys.reduce((t, y) => t + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/** pure; Spearman rank correlation (Pearson on ranks, ties averaged), or null when either list has no spread. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  return pearson(ranks(xs), ranks(ys));
}

/** A set of small whole numbers (0..size-1) as 32-bit words, for fast intersections. */
export type BitSet = Uint32Array;

/** pure; an empty set able to hold 0..size-1. */
export function bitSet(size: number): BitSet {
  return new Uint32Array(Math.max(1, Math.ceil(size / 32)));
}

/** Adds `i` to `set` (mutates the set it is given, which its caller owns). */
export function addBit(set: BitSet, i: number): void {
  set[i >>> 5]! |= 1 << (i & 31);
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** pure; Jaccard distance 1 - |A ∩ B| / |A ∪ B| between two sets of the same size; 0 for two empty sets. */
export function jaccardDistance(a: BitSet, b: BitSet): number {
  let inter = 0;
  let union = 0;
  for (let k = 0; k < a.length; k++) {
    inter += popcount(a[k]! & b[k]!);
    union += popcount(a[k]! | b[k]!);
  }
  return union === 0 ? 0 : 1 - inter / union;
}

/** Pairs looked at, at most, by meanPairwiseJaccard: all pairs up to this many, else a seeded sample of this many. */
export const MAX_JACCARD_PAIRS = 2_000_000;

/**
 * pure; the mean Jaccard distance over all pairs of `sets` (0 with fewer than two), or, when there are more than
 * `maxPairs` pairs, over `maxPairs` pairs of different sets drawn by a generator seeded with `seed`.
 */
export function meanPairwiseJaccard(sets: readonly BitSet[], seed: string, maxPairs = MAX_JACCARD_PAIRS): { mean: number; pairs: number; sampled: boolean } {
  const n = sets.length;
  const all = (n * (n - 1)) / 2;
  if (n < 2) return { mean: 0, pairs: 0, sampled: false };
  let sum = 0;
  if (all <= maxPairs) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += jaccardDistance(sets[i]!, sets[j]!);
    return { mean: sum / all, pairs: all, sampled: false };
  }
  const rng = tychei(seed);
  for (let k = 0; k < maxPairs; k++) {
    const i = Math.floor(rng() * n);
    let j = Math.floor(rng() * (n - 1));
    if (j >= i) j++;
    sum += jaccardDistance(sets[i]!, sets[j]!);
  }
  return { mean: sum / maxPairs, pairs: maxPairs, sampled: true };
}

/** pure; the counts as shares of their sum (all 0 when the sum is 0), same keys in the same order. */
export function sharesOf(counts: Readonly<Record<string, number>>): Record<string, number> {
  const n = Object.values(counts).reduce((t, x) => t + x, 0);
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(counts)) out[k] = n ? x / n : 0;
  return out;
}
