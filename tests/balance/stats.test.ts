// The distances and correlations the balance report is stated in, on inputs whose answers are known by hand.
import { describe, expect, it } from 'vitest';
import { addBit, bitSet, jaccardDistance, meanPairwiseJaccard, pearson, ranks, sharesOf, spearman, totalVariation } from '../../src/analysis/stats.js';

const set = (size: number, items: number[]) => {
  const s = bitSet(size);
  for (const i of items) addBit(s, i);
  return s;
};

describe('total variation distance', () => {
  it('is 0 for the same distribution, 1 for disjoint ones, and half the sum of the share differences otherwise', () => {
    expect(totalVariation({ a: 3, b: 1 }, { a: 30, b: 10 })).toBe(0);
    expect(totalVariation({ a: 5, b: 0 }, { b: 7 })).toBe(1);
    expect(totalVariation({ a: 2, b: 2 }, { a: 4 })).toBe(0.5);
    expect(totalVariation({ a: 1, b: 1, c: 2 }, { a: 2, b: 1, c: 1 })).toBe(0.25);
    expect(totalVariation({ a: 1, b: 3 }, { a: 3, b: 1 })).toBe(totalVariation({ a: 3, b: 1 }, { a: 1, b: 3 }));
    expect(totalVariation({}, {})).toBe(0);
    expect(totalVariation({ a: 1 }, {})).toBe(1);
  });
});

describe('Spearman rank correlation', () => {
  it('ranks ties by the mean of their places', () => {
    expect(ranks([10, 30, 20])).toEqual([1, 3, 2]);
    expect(ranks([5, 5, 1, 9])).toEqual([2.5, 2.5, 1, 4]);
    expect(ranks([7, 7, 7])).toEqual([2, 2, 2]);
  });

  it('is 1 for any increasing relation, -1 for any decreasing one, and the textbook value on a worked example', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 4, 1, 0])).toBeCloseTo(-1, 12);
    // d = rank differences 0, -2, 1, 1 (no ties): 1 - 6 * 6 / (4 * 15) = 0.4.
    expect(spearman([1, 2, 3, 4], [1, 4, 2, 3])).toBeCloseTo(0.4, 12);
    // With ties: Pearson on mean ranks [1.5, 1.5, 3] and [1, 2, 3] = 0.866…
    expect(spearman([0, 0, 5], [1, 2, 3])).toBeCloseTo(Math.sqrt(3) / 2, 12);
  });

  it('is null when either list has no spread or fewer than two values', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([2], [3])).toBeNull();
    expect(pearson([1, 2], [3, 3])).toBeNull();
    expect(() => pearson([1, 2], [1])).toThrow(/differ in length/);
  });
});

describe('Jaccard distance', () => {
  it('is 1 - |A and B| / |A or B|, 0 for equal sets (empty ones included), 1 for disjoint ones', () => {
    expect(jaccardDistance(set(40, [1, 2, 3]), set(40, [2, 3, 4]))).toBe(0.5);
    expect(jaccardDistance(set(40, [0, 33]), set(40, [0, 33]))).toBe(0);
    expect(jaccardDistance(set(40, []), set(40, []))).toBe(0);
    expect(jaccardDistance(set(70, [1, 64]), set(70, [2, 65]))).toBe(1);
    expect(jaccardDistance(set(70, [31, 32, 63, 64]), set(70, [31, 64]))).toBe(0.5);
  });

  it('averages over every pair, or over a seeded sample of pairs when there are too many', () => {
    const sets = [set(8, [0]), set(8, [0]), set(8, [1])];
    // Pairs: (0,1) 0, (0,2) 1, (1,2) 1.
    expect(meanPairwiseJaccard(sets, 's')).toEqual({ mean: 2 / 3, pairs: 3, sampled: false });
    expect(meanPairwiseJaccard([sets[0]!], 's')).toEqual({ mean: 0, pairs: 0, sampled: false });
    const sampled = meanPairwiseJaccard(sets, 's', 2);
    expect(sampled.sampled).toBe(true);
    expect(sampled.pairs).toBe(2);
    expect(meanPairwiseJaccard(sets, 's', 2)).toEqual(sampled);
    const many = Array.from({ length: 60 }, (_, i) => set(8, [i % 2]));
    // Half the pairs of different parity: 30 * 30 / (60 * 59 / 2) = 0.508…; a sample of 1,000 pairs comes close.
    expect(meanPairwiseJaccard(many, 'x').mean).toBeCloseTo(900 / 1770, 12);
    expect(Math.abs(meanPairwiseJaccard(many, 'x', 1000).mean - 900 / 1770)).toBeLessThan(0.06);
  });
});

describe('shares', () => {
  it('turns counts into shares of their sum, keys kept in order', () => {
    expect(sharesOf({ b: 1, a: 3 })).toEqual({ b: 0.25, a: 0.75 });
    expect(Object.keys(sharesOf({ b: 1, a: 3 }))).toEqual(['b', 'a']);
    expect(sharesOf({ a: 0 })).toEqual({ a: 0 });
  });
});
