import { describe, expect, it } from 'vitest';
import { interleave, pairedRatios, spreadOf } from '../../bench/lib/interleave.js';

describe('interleaved sampling', () => {
  it('takes ratios sample by sample, not of the medians', () => {
    // Medians 4 and 2 would give 2; the rounds' own ratios are 1, 4 and 4.
    expect(pairedRatios([2, 4, 8], [2, 1, 2])).toEqual({ min: 1, median: 4, max: 4 });
  });

  it('refuses sample lists of different lengths', () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow(/as many samples/);
  });

  it('summarises min, median and max, the median of an even count being the mean of the middle two', () => {
    expect(spreadOf([5, 1, 3, 9])).toEqual({ min: 1, median: 4, max: 9 });
  });

  it('samples every side in turn, once per round', () => {
    const order: string[] = [];
    const side = (name: string) => ({
      name,
      work: () => {
        order.push(name);
        return 1;
      },
    });
    const rates = interleave([side('a'), side('b')], { warmupMs: 0, sampleMs: 0, rounds: 3 });
    expect(rates.a).toHaveLength(3);
    expect(rates.b).toHaveLength(3);
    // After the warm-up (four alternating slices), samples alternate a, b, a, b, a, b with one call each.
    expect(order.slice(-6)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
  });
});
