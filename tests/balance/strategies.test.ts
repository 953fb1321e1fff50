// Fixed strategies, the tree of strategy games and the total variation distance, on the tutorial scenario.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BALANCE_THRESHOLDS, bestEndingsOf, playRoleStrategies, runBalance, totalVariation } from '../../src/analysis/balance.js';
import { checkLines, formatBalance } from '../../src/analysis/balanceFormat.js';
import { coercive, cooperative, fixed, playStrategies, strategyByName, strategyChoice } from '../../src/analysis/strategies.js';
import { playRun } from '../../src/cli/batchRun.js';
import { BatchStats } from '../../src/cli/batchStats.js';
import { chooseDilemmaOption, createGame, step, type GameState, type Scenario } from '../../src/engine/index.js';
import { loadScenario } from '../../src/format/loadScenario.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

function load(name: string): Scenario {
  const file = `scenarios/${name}.json`;
  const r = loadScenario(readFileSync(resolve(ROOT, file), 'utf8'), file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.scenario;
}

const sc = load('tutorial');
const start = (seats: Record<string, 'human' | 'ai'> = {}): GameState => createGame(sc, { seed: 'strategies', seats });

describe('fixed strategies', () => {
  it('cooperative: the first available cooperative action, else the first cautious one', () => {
    const s = start();
    // sell_power is not visible before the dam reaches 20; upland_talks is the first cooperative action available.
    expect(cooperative(sc, s, 'upland')).toBe('upland_talks');
    expect(cooperative(sc, s, 'lowland')).toBe('appeal_harbor');
    expect(cooperative(sc, s, 'harbor')).toBe('trade_reward');
    // trade_reward needs tension below 70; with none of its cooperative actions available, Harbor waits.
    const tense = { ...s, indicators: s.indicators.map((v, i) => (i === sc.indicatorIndex.get('tension') ? 75 : v)) };
    expect(cooperative(sc, tense, 'harbor')).toBe('harbor_wait');
    expect(coercive(sc, tense, 'harbor')).toBe('trade_squeeze');
    // In scenario order appeal_harbor comes before lowland_talks (visible once Upland has talked); appeal_harbor
    // may be used twice, then the next cooperative action available is taken.
    const g = playStrategies(sc, 'strategies', { lowland: cooperative });
    expect(g.history.slice(1, 4).map((h) => h.choices.lowland!.action)).toEqual(['appeal_harbor', 'appeal_harbor', 'lowland_talks']);
  });

  it('coercive: the first available coercive action, else the first cautious one (protest has a cooldown)', () => {
    expect(coercive(sc, start(), 'upland')).toBe('build_dam');
    expect(coercive(sc, start(), 'harbor')).toBe('trade_squeeze');
    const g = playStrategies(sc, 'coercive-lowland', { lowland: coercive });
    const mine = g.history.slice(1).map((h) => h.choices.lowland!.action);
    expect(mine[0]).toBe('protest');
    mine.forEach((a, i) => expect(a).toBe(i % 2 === 0 ? 'protest' : 'lowland_wait'));
  });

  it('fixed:<action>: that action when available, else the first available cautious one', () => {
    expect(fixed('build_dam')(sc, start(), 'upland')).toBe('build_dam');
    expect(fixed('sell_power')(sc, start(), 'upland')).toBe('upland_wait');
    expect(strategyByName(sc, 'harbor', 'fixed:trade_squeeze')(sc, start(), 'harbor')).toBe('trade_squeeze');
    expect(() => strategyByName(sc, 'harbor', 'fixed:protest')).toThrow(/"protest" is not an action of "harbor"/);
    expect(() => strategyByName(sc, 'harbor', 'greedy')).toThrow(/unknown strategy "greedy"/);
  });

  it('a strategy seat is a human seat fed by the strategy, its dilemmas answered by the AI', () => {
    let found = 0;
    for (let i = 1; i <= 40 && found < 2; i++) {
      const g = playStrategies(sc, `dilemma-${i}`, { lowland: fixed('lowland_wait') });
      expect(g.seats).toEqual({ upland: 'ai', lowland: 'human', harbor: 'ai' });
      for (let t = 1; t < g.history.length; t++) {
        const rec = g.history[t]!;
        const answers = rec.choices.lowland!.dilemmas;
        if (!answers) continue;
        found++;
        // Replay up to that turn to know the state the answer was given in.
        let s = createGame(sc, { seed: `dilemma-${i}`, seats: { lowland: 'human' } });
        for (let k = 1; k < t; k++) s = step(sc, s, g.history[k]!.choices).state;
        for (const [event, option] of Object.entries(answers)) expect(option).toBe(chooseDilemmaOption(sc, s, 'lowland', event));
        expect(strategyChoice(sc, s, 'lowland', fixed('lowland_wait'))).toEqual(rec.choices.lowland);
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('the tree of one role\'s strategy games gives each strategy the ending of its game played alone', () => {
    for (const actor of sc.actors) {
      const strategies = [cooperative, coercive, ...sc.actionsByActor[actor.index]!.map((a) => fixed(a.id))];
      for (let i = 1; i <= 8; i++) {
        const tree = playRoleStrategies(sc, `tree-${i}`, actor.id, strategies);
        expect(tree).toEqual(strategies.map((s) => playStrategies(sc, `tree-${i}`, { [actor.id]: s }).ending));
      }
    }
  });
});

describe('total variation distance', () => {
  it('is 0 for the same distribution, 1 for disjoint ones, and half the sum of the share differences otherwise', () => {
    expect(totalVariation({ a: 3, b: 1 }, { a: 30, b: 10 })).toBe(0);
    expect(totalVariation({ a: 5, b: 0 }, { b: 7 })).toBe(1);
    expect(totalVariation({ a: 2, b: 2 }, { a: 4 })).toBe(0.5);
    expect(totalVariation({ a: 1, b: 1, c: 2 }, { a: 2, b: 1, c: 1 })).toBe(0.25);
    expect(totalVariation({ a: 1, b: 3 }, { a: 3, b: 1 })).toBe(totalVariation({ a: 3, b: 1 }, { a: 1, b: 3 }));
    expect(totalVariation({}, {})).toBe(0);
  });
});

describe('runBalance on the tutorial', () => {
  const report = runBalance(sc, { seeds: 60, strategySeeds: 12, seedPrefix: 'tut' });

  it('its all-AI part is what `statecraft batch --seed tut --runs 60` measures', () => {
    const stats = new BatchStats(sc, null);
    for (let i = 1; i <= 60; i++) stats.add(playRun(sc, 'tut', i, null));
    const batch = stats.summary('tut', 1, 0);
    expect(report.allAi.endings).toEqual(batch.endings);
    expect(report.allAi.meanTurns).toBeCloseTo(batch.meanTurns, 12);
    for (const [id, x] of Object.entries(batch.indicators)) expect(report.allAi.atBoundShare[id]).toBeCloseTo(x.atBoundShare, 12);
  });

  it('reports every role, its best endings, every action, and the five checks of the four rules', () => {
    expect(bestEndingsOf(sc, 'upland')).toEqual({ endings: ['dam_done'], rating: 2 });
    expect(bestEndingsOf(sc, 'harbor')).toEqual({ endings: ['treaty'], rating: 2 });
    expect(report.roles.map((r) => r.role)).toEqual(['upland', 'lowland', 'harbor']);
    for (const r of report.roles) {
      expect(Object.values(r.cooperative).reduce((t, n) => t + n, 0)).toBe(12);
      expect(r.fixed.map((f) => f.action)).toEqual(sc.actionsByActor[sc.actorIndex.get(r.role)!]!.map((a) => a.id));
      expect(r.tvd).toBe(totalVariation(r.cooperative, r.coercive));
    }
    expect(report.checks.map((c) => c.name)).toEqual(['endings-occurring', 'top-ending-share', 'choices-matter', 'no-trivial-win', 'nothing-pinned']);
    expect(report.thresholds).toEqual(BALANCE_THRESHOLDS);
    expect(report.passed).toBe(report.checks.every((c) => c.passed));
    expect(checkLines(report)).toHaveLength(5);
    expect(formatBalance(report)).toContain('Checks:');
  });
});
