// Policies on one role's seat, the AI fallback, the tagged reference policies, random sequences and the shared tree of
// policy games, on the tutorial and on fixtures built in code.
import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  aiPolicy,
  alternationPolicy,
  coercivePolicy,
  cooperativePolicy,
  fixedPolicy,
  greedyPolicy,
  greedyValue,
  maxPointsOf,
  policyAction,
  randomSequences,
  rolePolicies,
  sequencePolicy,
  type Policy,
} from '../../src/analysis/policies.js';
import { mixIndex, playPolicy, playRolePolicies, PolicyTurn } from '../../src/analysis/policyGames.js';
import { playRun } from '../../src/cli/batchRun.js';
import { chooseAi, chooseDilemmaOption, createGame, scoreObjectives, step, type GameState } from '../../src/engine/index.js';
import { actionDef, actorDef, baseScenario, compileOk, loadScenario } from '../unit/fixtures.js';
import { alternationScenario } from './balanceFixtures.js';

const sc = loadScenario('tutorial');
const start = (role: string, seed = 'policies'): GameState => createGame(sc, { seed, seats: { [role]: 'human' } });
const actionsTaken = (g: GameState, role: string) => g.history.slice(1).map((h) => h.choices[role]!.action);

describe('policies and the AI fallback', () => {
  it("fixed: its action whenever available, otherwise the AI's own choice for the seat", () => {
    const s = start('upland');
    const t = new PolicyTurn(sc, s, 'upland');
    expect(policyAction(fixedPolicy('build_dam'), t)).toBe('build_dam');
    // sell_power is not visible before the dam reaches 20: the seat takes what the AI would.
    expect(t.available).not.toContain('sell_power');
    expect(policyAction(fixedPolicy('sell_power'), t)).toBe(chooseAi(sc, s, 'upland').action);
    const g = playPolicy(sc, 'fixed-1', 'upland', fixedPolicy('upland_wait'));
    expect(actionsTaken(g, 'upland').every((a) => a === 'upland_wait')).toBe(true);
  });

  it('alternation: x on odd turns and y on even turns; a sequence: its action of each turn', () => {
    const g = playPolicy(sc, 'alt-1', 'upland', alternationPolicy('upland_wait', 'build_dam'));
    actionsTaken(g, 'upland').forEach((a, i) => expect(a).toBe(i % 2 === 0 ? 'upland_wait' : 'build_dam'));
    const seq = ['build_dam', 'upland_wait', 'upland_wait', 'build_dam', 'build_dam', 'upland_wait'];
    const h = playPolicy(sc, 'seq-1', 'upland', sequencePolicy('random:1', seq));
    expect(actionsTaken(h, 'upland')).toEqual(seq.slice(0, h.history.length - 1));
  });

  it('the AI policy on a human seat plays exactly the all-AI game (seats are interchangeable)', () => {
    for (const role of ['upland', 'harbor']) {
      for (let i = 1; i <= 5; i++) {
        const g = playPolicy(sc, `batch-${i}`, role, aiPolicy);
        const run = playRun(sc, 'batch', i, null);
        expect(g.ending).toBe(run.ending);
        expect(scoreObjectives(sc, g).map((o) => o.score)).toEqual(run.scores);
      }
    }
  });

  it("the seat's dilemmas are answered by the AI, whatever the policy", () => {
    let found = 0;
    for (let i = 1; i <= 60 && found < 2; i++) {
      const g = playPolicy(sc, `dilemma-${i}`, 'lowland', fixedPolicy('lowland_wait'));
      expect(g.seats).toEqual({ upland: 'ai', lowland: 'human', harbor: 'ai' });
      let s = createGame(sc, { seed: `dilemma-${i}`, seats: { lowland: 'human' } });
      for (let t = 1; t < g.history.length; t++) {
        const answers = g.history.at(t)!.choices.lowland!.dilemmas;
        if (answers) {
          found++;
          for (const [event, option] of Object.entries(answers)) expect(option).toBe(chooseDilemmaOption(sc, s, 'lowland', event));
        }
        s = step(sc, s, g.history.at(t)!.choices).state;
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('the tagged reference policies', () => {
  // a's AI wants x; "c_small" (cooperative, first in the file) adds 1, "c_big" (cooperative) adds 5, "grab" (untagged) 10.
  const tagged = (vetoBig = false) =>
    compileOk(
      baseScenario({
        actors: [
          actorDef('a', {
            ai: { goals: [{ id: 'x', label: 'x', value: 'x', weight: 1 }], ...(vetoBig ? { vetoes: [{ label: 'not c_big', actions: ['c_big'] }] } : {}) },
          }),
          actorDef('b'),
        ],
        actions: [
          actionDef('c_small', 'a', { tags: ['cooperative'], effects: [{ indicator: 'x', add: 1 }] }),
          actionDef('c_big', 'a', { tags: ['cooperative'], effects: [{ indicator: 'x', add: 5 }] }),
          actionDef('grab', 'a', { effects: [{ indicator: 'x', add: 10 }] }),
          actionDef('b_wait', 'b'),
        ],
      }),
    );

  it("take the AI's best-scoring action with the tag, not the first in file order; the AI's choice when none has it", () => {
    const f = tagged();
    const t = new PolicyTurn(f, createGame(f, { seed: 's', seats: { a: 'human' } }), 'a');
    expect(t.ai().action).toBe('grab');
    expect(policyAction(cooperativePolicy, t)).toBe('c_big');
    expect(policyAction(coercivePolicy, t)).toBe('grab');
  });

  it('prefer a tagged action the AI does not veto', () => {
    const f = tagged(true);
    const t = new PolicyTurn(f, createGame(f, { seed: 's', seats: { a: 'human' } }), 'a');
    expect(policyAction(cooperativePolicy, t)).toBe('c_small');
  });
});

describe('greedy one-step look-ahead', () => {
  it("values a state by the role's points, plus its rating of the ending times a quarter of its maximum", () => {
    const f = compileOk(alternationScenario());
    const s = createGame(f, { seed: 'g', seats: { a: 'human' } });
    expect(greedyValue(f, s, 'a')).toBe(0);
    expect(greedyValue(f, s, 'b')).toBe(2);
    const ended = { ...s, over: true, ending: 'win', indicators: s.indicators.map((v, i) => (i === 0 ? 30 : v)) };
    expect(greedyValue(f, ended, 'a')).toBe(4 + 2 * (4 / 4));
    expect(greedyValue(f, ended, 'b')).toBe(0 - 1 * (2 / 4));
  });

  it('counts the ending once where the scenario scores it: the points already hold it, and the maximum includes it', () => {
    const f = compileOk({ ...alternationScenario(), scoring: { ending: 3 } });
    const s = createGame(f, { seed: 'g', seats: { a: 'human' } });
    expect(maxPointsOf(f, 'a')).toBe(4 + 12);
    const ended = { ...s, over: true, ending: 'win', indicators: s.indicators.map((v, i) => (i === 0 ? 30 : v)) };
    expect(greedyValue(f, ended, 'a')).toBe(4 + (2 + 2) * 3);
    expect(greedyValue(f, ended, 'b')).toBe(0 + (-1 + 2) * 3);
  });

  it('takes the best next state, ties broken by action id (cash before prime, though prime comes first in the file)', () => {
    const f = compileOk(alternationScenario());
    const g = playPolicy(f, 'g', 'a', greedyPolicy);
    // Every step is a tie at 0 points until 30 is in reach, which never happens without priming: always cash.
    expect(actionsTaken(g, 'a').every((a) => a === 'cash')).toBe(true);
    // Primed with x at 20 on the last turn, cash reaches 30 and the ending it rates +2: greedy sees it.
    let s = createGame(f, { seed: 'g', seats: { a: 'human' } });
    for (const a of ['prime', 'cash', 'prime', 'cash', 'prime']) s = step(f, s, { a: { action: a } }).state;
    expect(policyAction(greedyPolicy, new PolicyTurn(f, s, 'a'))).toBe('cash');
  });
});

describe('random sequences', () => {
  it("are drawn from the role's own actions, one per turn, the same for a seed prefix and different for another", () => {
    const a = randomSequences(sc, 'upland', 40, 'p');
    expect(a).toHaveLength(40);
    for (const seq of a) {
      expect(seq).toHaveLength(sc.turnCount);
      for (const x of seq) expect(actionsOf(sc, 'upland')).toContain(x);
    }
    expect(randomSequences(sc, 'upland', 40, 'p')).toEqual(a);
    expect(randomSequences(sc, 'upland', 40, 'q')).not.toEqual(a);
    expect(randomSequences(sc, 'lowland', 40, 'p')).not.toEqual(a);
    expect(new Set(a.flat()).size).toBe(actionsOf(sc, 'upland').length);
  });

  it('make up, with every fixed action, every ordered pair, greedy, the AI and the tagged policies, the set tried per role', () => {
    const k = actionsOf(sc, 'lowland').length;
    const set = rolePolicies(sc, 'lowland', { sequences: 7, seedPrefix: 'p' });
    const count = (kind: Policy['kind']) => set.filter((p) => p.kind === kind).length;
    expect([count('fixed'), count('alternation'), count('greedy'), count('random'), count('ai'), count('cooperative'), count('coercive')]).toEqual([
      k,
      k * (k - 1),
      1,
      7,
      1,
      1,
      1,
    ]);
    expect(new Set(set.map((p) => p.name)).size).toBe(set.length);
  });
});

describe('the shared tree of policy games', () => {
  it("gives each policy the outcome and the other seats' action counts of its game played alone", () => {
    for (const actor of sc.actors) {
      const policies = rolePolicies(sc, actor.id, { sequences: 6, seedPrefix: 'tree' });
      const track = policies.map(() => true);
      for (let i = 1; i <= 3; i++) {
        const tree = playRolePolicies(sc, `tree-${i}`, actor.id, policies, null, track);
        policies.forEach((p, k) => {
          const g = playPolicy(sc, `tree-${i}`, actor.id, p);
          expect(tree[k]!.ending, p.name).toBe(g.ending);
          expect(tree[k]!.score).toBe(scoreObjectives(sc, g).find((o) => o.actor === actor.id)!.score);
          const mix = new Array<number>(sc.actions.length + sc.actors.length).fill(0);
          for (const rec of g.history.slice(1)) for (const o of sc.actors) if (o.id !== actor.id) mix[mixIndex(sc, o.index, rec.choices[o.id]!.action)]! += 1;
          expect(tree[k]!.otherActions).toEqual(mix);
        });
      }
    }
  });

  it("counts other seats' actions only for the policies asked to", () => {
    const out = playRolePolicies(sc, 'x', 'upland', [fixedPolicy('build_dam'), aiPolicy], null, [false, true]);
    expect(out[0]!.otherActions).toBeNull();
    const turns = playPolicy(sc, 'x', 'upland', aiPolicy).history.length - 1;
    expect(out[1]!.otherActions!.reduce((t, n) => t + n, 0)).toBe(2 * turns);
  });
});
