import { describe, expect, it } from 'vitest';
import { resumeRng, seedRng, type RngState } from './rng.js';

const draws = (state: RngState, k: number): number[] => {
  const r = resumeRng(state);
  return Array.from({ length: k }, () => r.next());
};

describe('seedRng and resumeRng', () => {
  // Pinned outputs: if seedrandom (or how we seed it) changes, every saved game and replay would change with it.
  it('gives the pinned first five numbers for the seed "a"', () => {
    expect(draws(seedRng('a'), 5)).toEqual([0.052382237976416945, 0.8237318131141365, 0.7050183282699436, 0.007920908741652966, 0.4807116964366287]);
  });

  it('gives the pinned first five numbers for the seed "demo"', () => {
    expect(draws(seedRng('demo'), 5)).toEqual([0.9496211535297334, 0.2793614554684609, 0.5516556224320084, 0.28469201433472335, 0.4086713169235736]);
  });

  it('gives the pinned first five numbers for the seed "party-congress"', () => {
    expect(draws(seedRng('party-congress'), 5)).toEqual([0.028877068776637316, 0.05373426480218768, 0.5594202331267297, 0.6863644435070455, 0.5607428108341992]);
  });

  it('pins the initial state of the seed "a" as four int32s', () => {
    expect(seedRng('a')).toEqual({ a: -432944730, b: 243798866, c: -2099320893, d: -1232576986 });
  });

  it('keeps its whole state in four int32s that survive JSON', () => {
    const s = seedRng('demo');
    expect(Object.keys(s).sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const v of Object.values(s)) expect(Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('gives the same state for the same seed and different states for different seeds', () => {
    expect(seedRng('same')).toEqual(seedRng('same'));
    expect(seedRng('same')).not.toEqual(seedRng('Same'));
    expect(seedRng('a')).not.toEqual(seedRng('b'));
  });

  it('draws numbers in [0, 1)', () => {
    for (const x of draws(seedRng('range'), 2000)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('continues the same stream when resumed from a saved state', () => {
    const whole = draws(seedRng('resume'), 10);
    const r = resumeRng(seedRng('resume'));
    const first = [r.next(), r.next(), r.next(), r.next()];
    const saved = JSON.parse(JSON.stringify(r.state())) as RngState;
    const rest = draws(saved, 6);
    expect([...first, ...rest]).toEqual(whole);
  });

  it('reports a state that is a copy, not a live view of the generator', () => {
    const r = resumeRng(seedRng('copy'));
    const s1 = r.state();
    const snapshot = { ...s1 };
    r.next();
    expect(s1).toEqual(snapshot);
    expect(r.state()).not.toEqual(snapshot);
  });

  it('never mutates the state it is resumed from', () => {
    const state = Object.freeze(seedRng('frozen'));
    const copy = { ...state };
    const r = resumeRng(state);
    for (let i = 0; i < 20; i++) r.next();
    expect(state).toEqual(copy);
  });

  it('gives two generators resumed from one state the same stream, independently', () => {
    const state = seedRng('twins');
    const x = resumeRng(state);
    const y = resumeRng(state);
    const xs = [x.next(), x.next(), x.next()];
    expect([y.next(), y.next(), y.next()]).toEqual(xs);
  });
});

describe('resumeRng with exported states', () => {
  const reference = (state: RngState, count: number) => {
    const r = resumeRng({ ...state });
    return Array.from({ length: count }, () => r.next());
  };

  it('continues both streams correctly when an exported state is resumed while its exporter keeps drawing', () => {
    const start = seedRng('fork');
    const a = resumeRng(start);
    a.next();
    const mid = a.state();
    const expected = reference(mid, 4);
    const b = resumeRng(mid);
    const fromA = [a.next(), a.next()];
    const fromB = [b.next(), b.next(), b.next(), b.next()];
    expect(fromA).toEqual(expected.slice(0, 2));
    expect(fromB).toEqual(expected);
  });

  it('gives the same stream every time the same exported state object is resumed', () => {
    const a = resumeRng(seedRng('twice'));
    a.next();
    const mid = a.state();
    const first = resumeRng(mid);
    const x = [first.next(), first.next()];
    const second = resumeRng(mid);
    expect([second.next(), second.next()]).toEqual(x);
  });

  it('keeps the stream right when state is exported twice without drawing in between', () => {
    const a = resumeRng(seedRng('again'));
    const s1 = a.state();
    const s2 = a.state();
    expect(s2).toEqual(s1);
    const expected = reference(s1, 3);
    expect([a.next(), a.next(), a.next()]).toEqual(expected);
    expect([resumeRng(s1).next()]).toEqual(expected.slice(0, 1));
  });
});
