import { describe, expect, it } from 'vitest';
import { rangeText, readingShort, readingText, readingWords } from './readings.js';

const exact = { exact: true as const, value: 34.56 };
const estimate = { exact: false as const, value: 34, low: 29, high: 39, error: 5 };

describe('readings in words', () => {
  it('writes an exact reading as the figure, with one decimal', () => {
    expect([readingText(exact), readingShort(exact), readingWords(exact)]).toEqual(['34.6', '34.6', '34.6']);
  });

  it('writes an estimate with the approximately sign and its range, and says "estimate" to screen readers', () => {
    expect(readingText(estimate)).toBe('≈ 34 (29–39)');
    expect(readingShort(estimate)).toBe('≈ 34');
    expect(readingWords(estimate)).toBe('about 34, an estimate: the true value is between 29 and 39');
  });

  it('writes a range with a negative end with "to", not a dash', () => {
    expect(rangeText({ value: 2, low: -3, high: 7, error: 5 })).toBe('−3 to 7');
  });
});
