// The adversary on a fixture where exactly one two-action alternation wins: the alternation class must find it, the
// fixed class must not, and the checks built on it must say so.
import { describe, expect, it } from 'vitest';
import { holdoutSeed, leadersOf, runAdversary, trainSeed, widestPair, type PolicySummary } from '../../src/analysis/adversary.js';
import { runBalance } from '../../src/analysis/balance.js';
import { randomSequences } from '../../src/analysis/policies.js';
import { compileOk } from '../unit/fixtures.js';
import { alternationScenario } from './balanceFixtures.js';

const sc = compileOk(alternationScenario());
const options = { train: 4, holdout: 5, sequences: 40, leaders: 2, seedPrefix: 'alt', aiFuzz: null };
const adv = runAdversary(sc, 'a', options);
const trained = (name: string) => adv.training.find((p) => p.name === name)!;

describe('the adversary on a fixture won only by "prime on odd turns, cash on even turns"', () => {
  it('the alternation class finds the win; neither fixed action nor the reverse alternation does', () => {
    expect(adv.topEndings).toEqual(['win']);
    expect(adv.topRating).toBe(2);
    expect(trained('alt:prime/cash')).toMatchObject({ kind: 'alternation', topShare: 1, meanScore: 4, meanRating: 2, games: 4 });
    expect(trained('alt:cash/prime')).toMatchObject({ topShare: 0, meanScore: 0 });
    for (const p of adv.training.filter((x) => x.kind === 'fixed')) expect(p.topShare, p.name).toBe(0);
    expect(trained('greedy').topShare).toBe(0);
    expect(trained('ai')).toMatchObject({ topShare: 0, meanScore: 0 });
  });

  it('random sequences win exactly when they are that alternation', () => {
    const seqs = randomSequences(sc, 'a', options.sequences, options.seedPrefix);
    seqs.forEach((seq, k) => {
      const wins = seq.join(' ') === 'prime cash prime cash prime cash';
      expect(trained(`random:${k + 1}`).topShare).toBe(wins ? 1 : 0);
      expect(trained(`random:${k + 1}`).sequence).toEqual(seq);
    });
  });

  it('the leaders, picked on training seeds, are replayed on holdout seeds, where the figures come from', () => {
    expect(adv.holdout.map((p) => p.name)).toContain('alt:prime/cash');
    for (const p of adv.holdout) expect(p.games).toBe(5);
    expect(adv.bestTop).toEqual({ policy: 'alt:prime/cash', share: 1 });
    expect(adv.bestScore).toEqual({ policy: 'alt:prime/cash', meanScore: 4 });
    expect(adv.ai).toEqual({ meanScore: 0, topShare: 0 });
    expect(adv.trainSeeds).toEqual(['alt-train-1', 'alt-train-2', 'alt-train-3', 'alt-train-4']);
    expect(adv.holdoutSeeds).toEqual([1, 2, 3, 4, 5].map((i) => holdoutSeed('alt', i)));
    expect(adv.trainSeeds.filter((s) => adv.holdoutSeeds.includes(s))).toEqual([]);
    expect(trainSeed('p', 3)).not.toBe(holdoutSeed('p', 3));
  });

  it('scores agree with endings here: every policy scores 4 exactly when it reaches the +2 ending', () => {
    expect(adv.spearman).toBeCloseTo(1, 12);
    expect(adv.policiesCorrelated).toBe(adv.training.filter((p) => p.kind !== 'cooperative' && p.kind !== 'coercive').length);
  });

  it('the checks say the role has a trivial win and beats the AI by the whole of its points', () => {
    const report = runBalance(sc, { runs: 20, seedPrefix: 'alt', train: 3, holdout: 3, sequences: 20, leaders: 2 });
    const check = (name: string) => report.checks.find((c) => c.name === name)!;
    expect(check('no-trivial-win')).toMatchObject({ passed: false, figure: 1, threshold: 0.6, comparison: '<=' });
    expect(check('no-trivial-win').detail).toMatch(/^worst: a alt:prime\/cash 100\.0%/);
    // b can do nothing but wait, so its best policy is the AI's own play: the worst case, 0.
    expect(check('adversary-beats-ai')).toMatchObject({ passed: false, figure: 0 });
    const roleA = report.roles.find((r) => r.role === 'a')!;
    expect((roleA.bestScore!.meanScore - roleA.ai.meanScore) / roleA.maxPoints).toBe(1);
  });
});

describe('leaders and the widest pair', () => {
  const summary = (name: string, topShare: number, meanScore: number): PolicySummary => ({
    name,
    kind: 'fixed',
    games: 1,
    meanScore,
    topShare,
    meanRating: 0,
    endings: {},
  });

  it('the leaders of a class are the top few by top-ending share and the top few by mean score, ties by name', () => {
    const list = [summary('fixed:d', 0.5, 1), summary('fixed:c', 0.5, 1), summary('fixed:b', 0.1, 9), summary('fixed:a', 0.9, 0)];
    expect(leadersOf(list, 'fixed', 1)).toEqual(['fixed:a', 'fixed:b']);
    expect(leadersOf(list, 'fixed', 2)).toEqual(['fixed:a', 'fixed:c', 'fixed:b']);
    expect(leadersOf(list, 'alternation', 2)).toEqual([]);
  });

  it('the widest pair of fixed policies has the largest mean over the other roles of their action-mix TVDs', () => {
    const pair = widestPair([
      { name: 'fixed:x', mix: { o1: { a: 1, b: 1 }, o2: { c: 2 } } },
      { name: 'fixed:y', mix: { o1: { a: 2 }, o2: { c: 2 } } },
      { name: 'fixed:z', mix: { o1: { b: 4 }, o2: { c: 1, d: 1 } } },
    ]);
    // x-y: (0.5 + 0) / 2; x-z: (0.5 + 0.5) / 2; y-z: (1 + 0.5) / 2.
    expect(pair).toEqual({ pair: ['fixed:y', 'fixed:z'], meanTvd: 0.75, perActor: { o1: 1, o2: 0.5 } });
    expect(widestPair([{ name: 'fixed:x', mix: {} }])).toEqual({ pair: null, meanTvd: 0, perActor: {} });
  });
});
