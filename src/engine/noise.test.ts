import { describe, expect, it } from 'vitest';
import { hashText, noise } from './noise.js';

describe('hashText', () => {
  it('is 32-bit FNV-1a', () => {
    expect(hashText('')).toBe(0x811c9dc5);
    expect(hashText('a')).toBe(0xe40c292c);
    expect(hashText('foobar')).toBe(0xbf9cf968);
  });

  it('gives an unsigned 32-bit integer for any text', () => {
    for (const t of ['', 'x', 'party-congress', 'ünïcødé ☃', 'a'.repeat(5000)]) {
      const h = hashText(t);
      expect(Number.isInteger(h) && h >= 0 && h < 0x100000000).toBe(true);
    }
  });
});

describe('noise', () => {
  // Pinned: the AI's fuzz (and so every fuzzed game) depends on these numbers.
  it('gives the pinned numbers for fixed inputs', () => {
    expect(noise(hashText('demo'), 1, 0, 0)).toBe(0.7779035407584161);
    expect(noise(hashText('demo'), 1, 0, 1)).toBe(0.11126851313747466);
    expect(noise(0, 0, 0, -1)).toBe(0.20769771188497543);
    expect(noise(hashText('golden-1'), 3, 2, 5)).toBe(0.4244513015728444);
  });

  it('depends on each of its four inputs', () => {
    const base = noise(1234, 5, 2, 3);
    expect(noise(1235, 5, 2, 3)).not.toBe(base);
    expect(noise(1234, 6, 2, 3)).not.toBe(base);
    expect(noise(1234, 5, 1, 3)).not.toBe(base);
    expect(noise(1234, 5, 2, 4)).not.toBe(base);
    expect(noise(1234, 5, 2, 3)).toBe(base);
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const buckets = new Array<number>(10).fill(0);
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const x = noise(hashText(`s${i % 97}`), i % 50, i % 7, i);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
      buckets[Math.floor(x * 10)]! += 1;
    }
    expect(sum / n).toBeGreaterThan(0.48);
    expect(sum / n).toBeLessThan(0.52);
    for (const b of buckets) expect(b).toBeGreaterThan((n / 10) * 0.9);
  });
});
