// The whole balance report on small samples of the tutorial and the flagship: structure, determinism, the seeds,
// and invariants that tie its figures to games played independently here.
import { describe, expect, it } from 'vitest';
import { playAllAi } from '../../src/analysis/allAi.js';
import { BALANCE_THRESHOLDS, runBalance, type BalanceOptions } from '../../src/analysis/balance.js';
import { CHECK_GROUPS } from '../../src/analysis/balanceChecks.js';
import { checkLines, formatBalance } from '../../src/analysis/balanceFormat.js';
import { actionsOf } from '../../src/analysis/policies.js';
import { totalVariation } from '../../src/analysis/stats.js';
import { withoutLeverage } from '../../src/analysis/worlds.js';
import { playRun } from '../../src/cli/batchRun.js';
import { BatchStats } from '../../src/cli/batchStats.js';
import { loadScenario } from '../unit/fixtures.js';

const sc = loadScenario('tutorial');
const OPTIONS: BalanceOptions = { runs: 40, seedPrefix: 'tut', train: 4, holdout: 6, sequences: 12, leaders: 2 };
const progress: Array<[number, number]> = [];
const report = runBalance(sc, { ...OPTIONS, onProgress: (done, total) => progress.push([done, total]) });

const CHECK_NAMES = [
  'no-trivial-win',
  'adversary-beats-ai',
  'choices-matter',
  'endings-occurring',
  'top-ending-share',
  'endings-reachable',
  'leverage-matters',
  'major-flows-matter',
  'actors-respond',
  'action-usage',
  'human-only-limit',
  'objectives-open-at-start',
  'objectives-not-automatic',
  'ai-score-floor',
  'ai-score-ceiling',
  'scores-match-endings',
  'events-fire',
  'unscheduled-not-certain',
  'dilemma-options-used',
  'event-variety',
  'nothing-pinned',
];

describe('the balance report of the tutorial, small sample', () => {
  it('is the same for the same options, and different for another seed prefix', () => {
    expect(JSON.stringify(runBalance(sc, OPTIONS))).toBe(JSON.stringify(report));
    expect(JSON.stringify(runBalance(sc, { ...OPTIONS, seedPrefix: 'other' }))).not.toBe(JSON.stringify(report));
  });

  it('has every check, grouped by deliverable, each passing exactly when its figure meets its threshold', () => {
    expect(report.checks.map((c) => c.name)).toEqual(CHECK_NAMES);
    const order = report.checks.map((c) => CHECK_GROUPS.indexOf(c.group));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const c of report.checks) {
      expect(c.passed, c.name).toBe(c.comparison === '>=' ? c.figure >= c.threshold : c.figure <= c.threshold);
      expect(Number.isFinite(c.figure), c.name).toBe(true);
    }
    expect(report.passed).toBe(report.checks.every((c) => c.passed));
    expect(report.thresholds).toBe(BALANCE_THRESHOLDS);
    expect(report.sizes).toEqual({ runs: 40, train: 4, holdout: 6, sequences: 12, leaders: 2 });
  });

  it('its all-AI part is what `statecraft batch --seed tut --runs 40` measures', () => {
    const stats = new BatchStats(sc, null);
    for (let i = 1; i <= 40; i++) stats.add(playRun(sc, 'tut', i, null));
    const batch = stats.summary('tut', 1, 0);
    expect(report.allAi.endings).toEqual(batch.endings);
    expect(report.allAi.meanTurns).toBeCloseTo(batch.meanTurns, 12);
    for (const [id, x] of Object.entries(batch.indicators)) expect(report.allAi.atBoundShare[id]).toBeCloseTo(x.atBoundShare, 12);
    for (const [id, o] of Object.entries(batch.objectives)) expect(report.aiScore[id]!.meanScore).toBeCloseTo(o.meanScore, 12);
    for (const mix of Object.values(report.allAi.actionShare)) expect(Object.values(mix).reduce((t, x) => t + x, 0)).toBeCloseTo(1, 12);
  });

  it('plays training and holdout seeds that are disjoint from each other and from the all-AI seeds', () => {
    for (const r of report.roles) {
      expect(r.trainSeeds).toEqual([1, 2, 3, 4].map((i) => `tut-train-${i}`));
      expect(r.holdoutSeeds).toEqual([1, 2, 3, 4, 5, 6].map((i) => `tut-holdout-${i}`));
      const all = new Set([...r.trainSeeds, ...r.holdoutSeeds, ...Array.from({ length: 40 }, (_, i) => `tut-${i + 1}`)]);
      expect(all.size).toBe(4 + 6 + 40);
      for (const p of r.training) expect(p.games).toBe(4);
      for (const p of r.holdout) expect(p.games).toBe(6);
    }
  });

  it('its AI baseline on the holdout seeds is the all-AI games on those seeds', () => {
    report.roles.forEach((r, k) => {
      const runs = [1, 2, 3, 4, 5, 6].map((i) => playRun(sc, 'tut-holdout', i, null));
      expect(r.ai.meanScore).toBeCloseTo(runs.reduce((t, x) => t + x.scores[k]!, 0) / 6, 12);
      expect(r.ai.topShare).toBeCloseTo(runs.filter((x) => r.topEndings.includes(x.ending!)).length / 6, 12);
    });
  });

  it("states each role's figures as computed from its own policy summaries", () => {
    for (const r of report.roles) {
      const k = actionsOf(sc, r.role).length;
      expect(r.training).toHaveLength(k + k * (k - 1) + 1 + 12 + 3);
      expect(r.tvd).toBe(totalVariation(r.cooperative, r.coercive));
      expect(Object.values(r.cooperative).reduce((t, n) => t + n, 0)).toBe(6);
      const contenders = r.holdout.filter((p) => !['cooperative', 'coercive'].includes(p.kind));
      expect(r.bestTop!.share).toBe(Math.max(...contenders.map((p) => p.topShare)));
      expect(r.bestScore!.meanScore).toBe(Math.max(...contenders.filter((p) => p.kind !== 'ai').map((p) => p.meanScore)));
      for (const kind of ['fixed', 'alternation', 'greedy', 'random'] as const)
        expect(
          r.holdout.some((p) => p.kind === kind),
          kind,
        ).toBe(true);
    }
    for (const e of report.endings) {
      const adversaries = report.roles.flatMap((r) => r.training.filter((p) => ['fixed', 'alternation', 'greedy', 'random'].includes(p.kind)));
      const best = Math.max(0, ...adversaries.map((p) => (p.endings[e.id] ?? 0) / p.games));
      expect(e.reachedBy?.share ?? 0).toBe(best);
    }
  });

  it('compares the ending distribution with leverage off and at fuzz 0, both played on the same seeds', () => {
    const off = playAllAi(withoutLeverage(sc), { runs: 40, seedPrefix: 'tut', aiFuzz: null, fuzzCheck: false });
    expect(report.leverage.endingsOff).toEqual(off.endings);
    expect(report.leverage.tvd).toBe(totalVariation(report.allAi.endings, off.endings));
    const sharp = playAllAi(sc, { runs: 40, seedPrefix: 'tut', aiFuzz: 0, fuzzCheck: false });
    expect(report.fuzz.endingsFuzz0).toEqual(sharp.endings);
  });

  it('reports progress up to its total', () => {
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
  });

  it('prints a table with every group and check', () => {
    const text = formatBalance(report);
    for (const line of checkLines(report)) expect(text).toContain(line);
    expect(text).toContain('== Adversary');
    expect(text).toContain('== Flow cuts ==');
  });

  it('refuses sample sizes below 1', () => {
    expect(() => runBalance(sc, { ...OPTIONS, train: 0 })).toThrow(/train must be a whole number of at least 1/);
    expect(() => runBalance(sc, { ...OPTIONS, sequences: 2.5 })).toThrow(/sequences/);
  });
});

describe('the balance report of the flagship, tiny sample', () => {
  const pc = loadScenario('party-congress');
  const small = runBalance(pc, { runs: 12, seedPrefix: 'pc', train: 2, holdout: 2, sequences: 6, leaders: 1 });

  it('covers every role, every flow and every event of the file, whatever their tags or order', () => {
    expect(small.roles.map((r) => r.role)).toEqual(pc.actors.map((a) => a.id));
    expect(small.flows.cuts.map((c) => c.flow)).toEqual(pc.flows.map((f) => f.id));
    // The file marks its major flows, so those and no others are the flow-cut bar's.
    const major = (pc.def.flows ?? []).filter((f) => f.major === true).map((f) => f.id);
    expect(major).toEqual(['cn_nk_trade', 'ru_nk_aid', 'ru_nk_tech']);
    expect(small.flows.major).toEqual(major);
    expect(small.events.map((e) => e.id)).toEqual(pc.events.map((e) => e.id));
    expect(small.dilemmas.map((d) => d.event)).toEqual(pc.events.filter((e) => e.dilemma).map((e) => e.id));
    for (const d of small.dilemmas) expect(Object.values(d.optionShare).reduce((t, x) => t + x, 0)).toBeCloseTo(d.put ? 1 : 0, 12);
    for (const r of small.roles) {
      const k = actionsOf(pc, r.role).length;
      expect(r.training.filter((p) => p.kind === 'alternation')).toHaveLength(k * (k - 1));
      expect(r.respond.pair).not.toBeNull();
      expect(Object.keys(r.respond.perActor)).toEqual(pc.actors.filter((a) => a.id !== r.role).map((a) => a.id));
    }
    expect(small.checks.map((c) => c.name)).toEqual(CHECK_NAMES);
  });
});
