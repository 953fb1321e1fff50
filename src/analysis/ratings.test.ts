import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { ratingLine, ratingNumber, ratingWord, verdictLine } from './ratings.js';

const sc = loadScenario('party-congress');

describe('ending ratings in words', () => {
  it('names each rating from −2 to +2 with its own word and a true minus sign', () => {
    expect([-2, -1, 0, 1, 2].map(ratingWord)).toEqual(['disaster', 'setback', 'stalemate', 'gain', 'triumph']);
    expect([-2, 0, 1].map(ratingNumber)).toEqual(['−2', '0', '+1']);
    expect(ratingWord(-5)).toBe('disaster');
  });

  it('says the rating for the role as a sentence a student reads', () => {
    expect(ratingLine(sc, 'sk', -2)).toBe('For South Korea this ending is a disaster: −2');
    expect(ratingLine(sc, 'us', -1)).toBe('For United States this ending is a setback: −1');
  });

  it("gives the verdict with the ending's word and how many objectives were met", () => {
    const score = {
      actor: 'sk',
      score: 9,
      max: 20,
      objectives: [
        { kind: 'objective' as const, id: 'a', label: 'A', met: true, points: 3, earned: 3 },
        { kind: 'objective' as const, id: 'b', label: 'B', met: false, points: 3, earned: 0 },
        { kind: 'ending' as const, id: 'e', label: 'E', met: true, points: 8, earned: 6 },
      ],
    };
    expect(verdictLine(sc, score, 1)).toBe('A gain for South Korea: 1 of 2 objectives met, 9 of 20 points.');
    expect(verdictLine(sc, score, undefined)).toBe('Verdict for South Korea: 1 of 2 objectives met, 9 of 20 points.');
  });
});
