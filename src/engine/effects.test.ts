import { describe, expect, it } from 'vitest';
import { actionDef, baseScenario, compileOk, eventDef, loadScenario, pair, stanceOf, valueOf } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import type { EffectDef, ScenarioFile } from './schema.js';
import { step } from './step.js';
import type { GameState, Scenario } from './types.js';

/** Fixture where a has the action "go" with `effects`, and both have a wait action. */
function goScenario(effects: EffectDef[], over: Partial<ScenarioFile> = {}): Scenario {
  return compileOk(
    baseScenario({
      actions: [actionDef('go', 'a', { effects }), actionDef('a_wait', 'a'), actionDef('b_go', 'b', { effects }), actionDef('b_wait', 'b')],
      ...over,
    }),
  );
}
const go = { a: { action: 'go' }, b: { action: 'b_wait' } };
const bGo = { a: { action: 'a_wait' }, b: { action: 'b_go' } };
const wait = { a: { action: 'a_wait' }, b: { action: 'b_wait' } };

/** x after each of `turns` steps: the first with `first`, the rest waiting. */
function trace(sc: Scenario, first: typeof go, turns: number, id = 'x'): { values: number[]; states: GameState[] } {
  let s = createGame(sc, { seed: 's' });
  const values: number[] = [];
  const states: GameState[] = [];
  for (let t = 0; t < turns; t++) {
    s = step(sc, s, t === 0 ? first : wait).state;
    values.push(valueOf(sc, s, id));
    states.push(s);
  }
  return { values, states };
}

describe('delayed effects', () => {
  it('lands an effect with a delay of 2 when turn 3 resolves, recorded as delayed from turn 1', () => {
    const sc = goScenario([{ indicator: 'x', add: 10, delay: 2, label: 'slow burn' }]);
    const { values, states } = trace(sc, go, 4);
    expect(values).toEqual([50, 50, 60, 60]);
    expect(states[0]!.pending).toEqual([
      {
        due: 3,
        kind: 'indicator',
        index: 0,
        mode: 'add',
        amount: 10,
        label: 'slow burn',
        decay: null,
        cause: { kind: 'delayed', id: 'go', actor: 'a', label: 'slow burn (from turn 1)' },
      },
    ]);
    expect(states[2]!.history.at(3)!.ledger).toEqual([
      { turn: 3, target: 'indicator:x', delta: 10, value: 60, cause: { kind: 'delayed', id: 'go', actor: 'a', label: 'slow burn (from turn 1)' } },
    ]);
    expect(states[2]!.pending).toEqual([]);
  });

  it('names a delayed effect without a label after its action', () => {
    const sc = goScenario([{ indicator: 'x', add: 10, delay: 1 }]);
    expect(trace(sc, go, 1).states[0]!.pending[0]!.cause.label).toBe('Do go (from turn 1)');
  });

  it('applies a delayed "set" on its turn', () => {
    const sc = goScenario([{ indicator: 'x', set: 5, delay: 1 }]);
    expect(trace(sc, go, 3).values).toEqual([50, 5, 5]);
  });

  it('creates a delayed stance modifier under its label on its turn', () => {
    const sc = goScenario([{ stance: { from: 'a', to: 'b' }, add: 20, delay: 1, label: 'late thanks', decay: 0 }]);
    const { states } = trace(sc, go, 2);
    expect(stanceOf(sc, states[0]!, 'a', 'b')).toBe(0);
    expect(stanceOf(sc, states[1]!, 'a', 'b')).toBe(20);
    expect(states[1]!.modifiers).toEqual([{ pair: pair(sc, 'a', 'b'), label: 'late thanks', value: 20, decay: 0 }]);
  });

  it("lands a delayed effect of an event at the start of turn 1 when turn 2 resolves, like an action's", () => {
    const sc = compileOk(baseScenario({ events: [eventDef('omen', { turn: 1, effects: [{ indicator: 'x', add: -10, delay: 1 }] })] }));
    let s = createGame(sc, { seed: 's' });
    expect(valueOf(sc, s, 'x')).toBe(50);
    expect(s.pending.map((p) => p.due)).toEqual([2]);
    s = step(sc, s, {}).state;
    expect(valueOf(sc, s, 'x')).toBe(50);
    s = step(sc, s, {}).state;
    expect(valueOf(sc, s, 'x')).toBe(40);
    expect(s.history.at(2)!.ledger[0]!.cause).toEqual({ kind: 'delayed', id: 'omen', actor: null, label: 'Event omen (from turn 1)' });
  });

  it('quietly drops effects due after the game has ended', () => {
    const sc = goScenario([{ indicator: 'x', add: 10, delay: 30 }]);
    const { states } = trace(sc, go, 5);
    expect(states[4]!.over).toBe(true);
    expect(valueOf(sc, states[4]!, 'x')).toBe(50);
  });
});

describe('spread effects', () => {
  it('spreads an amount evenly over the turns, the first part at once', () => {
    const sc = goScenario([{ indicator: 'x', add: 30, over: 3 }]);
    const { values, states } = trace(sc, go, 4);
    expect(values).toEqual([60, 70, 80, 80]);
    expect(states[0]!.pending.map((p) => [p.due, p.amount])).toEqual([
      [2, 10],
      [3, 10],
    ]);
  });

  it('combines a delay with a spread', () => {
    const sc = goScenario([{ indicator: 'x', add: 20, delay: 1, over: 2 }]);
    expect(trace(sc, go, 4).values).toEqual([50, 60, 70, 70]);
  });

  it('spreads an amount that does not divide evenly without losing any of it', () => {
    const sc = goScenario([{ indicator: 'x', add: 10, over: 3 }]);
    expect(trace(sc, go, 3).values.at(-1)).toBeCloseTo(60, 9);
  });

  it('applies parts of several spread effects in the order they were queued', () => {
    const sc = goScenario([
      { indicator: 'x', add: 60, over: 2 },
      { indicator: 'x', set: 0, delay: 1 },
    ]);
    // turn 2 applies the second half (+30, 80 + 30 clamps to 100) and then the set to 0.
    expect(trace(sc, go, 2).values).toEqual([80, 0]);
  });
});

describe('leverage scaling', () => {
  const flows = (aToB: number, bToA = 0): ScenarioFile['flows'] => [
    { id: 'a_to_b', from: 'a', to: 'b', kind: 'trade', label: 'A sells to B', initial: aToB },
    { id: 'b_to_a', from: 'b', to: 'a', kind: 'aid', label: 'B aids A', initial: bToA },
  ];

  it("multiplies an effect of A on B's indicator by 1 + leverage(A, B) × strength", () => {
    const sc = goScenario([{ indicator: 'bx', add: 10 }], { flows: flows(40) });
    expect(valueOf(sc, step(sc, createGame(sc, { seed: 's' }), go).state, 'bx')).toBeCloseTo(62, 12);
  });

  it('neither amplifies nor shrinks the effect of the dependent side on the provider', () => {
    const sc = goScenario([{ indicator: 'ax', add: 10 }], { flows: flows(40) });
    expect(valueOf(sc, step(sc, createGame(sc, { seed: 's' }), bGo).state, 'ax')).toBe(60);
  });

  it('nets flows in both directions', () => {
    const sc = goScenario([{ indicator: 'bx', add: 10 }], { flows: flows(40, 10) });
    expect(valueOf(sc, step(sc, createGame(sc, { seed: 's' }), go).state, 'bx')).toBeCloseTo(61.5, 12);
  });

  it('caps leverage at full, using the declared scale and strength', () => {
    const sc = goScenario([{ indicator: 'bx', add: 10 }], { flows: flows(80), leverage: { scale: 40, strength: 1 } });
    expect(valueOf(sc, step(sc, createGame(sc, { seed: 's' }), go).state, 'bx')).toBe(70);
  });

  it("scales an effect on another actor's stance", () => {
    const sc = goScenario([{ stance: { from: 'b', to: 'a' }, add: 10, decay: 0 }], { flows: flows(40) });
    expect(stanceOf(sc, step(sc, createGame(sc, { seed: 's' }), go).state, 'b', 'a')).toBeCloseTo(12, 12);
  });

  it("does not scale effects on the actor's own numbers or on global ones", () => {
    const sc = goScenario(
      [
        { indicator: 'ax', add: 10 },
        { indicator: 'x', add: 10 },
        { stance: { from: 'a', to: 'b' }, add: 10, decay: 0 },
      ],
      { flows: flows(40) },
    );
    const s = step(sc, createGame(sc, { seed: 's' }), go).state;
    expect([valueOf(sc, s, 'ax'), valueOf(sc, s, 'x'), stanceOf(sc, s, 'a', 'b')]).toEqual([60, 60, 10]);
  });

  it('does not scale an effect marked "leveraged": false', () => {
    const sc = goScenario([{ indicator: 'bx', add: 10, leveraged: false }], { flows: flows(40) });
    expect(valueOf(sc, step(sc, createGame(sc, { seed: 's' }), go).state, 'bx')).toBe(60);
  });

  it('never scales event effects, which have no acting actor', () => {
    const sc = compileOk(baseScenario({ flows: flows(40), events: [eventDef('e', { turn: 1, effects: [{ indicator: 'bx', add: 10, leveraged: true }] })] }));
    expect(valueOf(sc, createGame(sc, { seed: 's' }), 'bx')).toBe(60);
  });

  it('scales a spread effect in full when it is queued', () => {
    const sc = goScenario([{ indicator: 'bx', add: 20, over: 2 }], { flows: flows(40) });
    const { values } = trace(sc, go, 2, 'bx');
    expect(values[0]).toBeCloseTo(62, 12);
    expect(values[1]).toBeCloseTo(74, 12);
  });

  it("leaves the tutorial's appeal to Harbor unscaled, as Lowland depends on Harbor rather than the reverse", () => {
    const sc = loadScenario('tutorial');
    const g = createGame(sc, { seed: 'appeal', seats: { lowland: 'human' } });
    const r = step(sc, g, { lowland: { action: 'appeal_harbor' } });
    const appeal = r.state.history.at(1)!.ledger.filter((e) => e.cause.id === 'appeal_harbor');
    // leverage(lowland, harbor) = -50 / 100: a dependent actor's effects are not amplified (factor 1).
    expect(appeal.map((e) => [e.target, e.delta])).toEqual([
      ['stance:harbor>lowland', 8],
      ['stance:harbor>upland', -6],
    ]);
  });

  it("scales Harbor's squeeze on Upland's economy up, as Upland depends on Harbor's trade", () => {
    const sc = loadScenario('tutorial');
    const g = createGame(sc, { seed: 'squeeze', seats: { harbor: 'human' } });
    const r1 = step(sc, g, { harbor: { action: 'trade_squeeze' } });
    const own = (s: GameState, turn: number) =>
      s.history
        .at(turn)!
        .ledger.filter((e) => e.target === 'indicator:upland_economy' && e.cause.id === 'trade_squeeze')
        .map((e) => e.delta);
    // leverage(harbor, upland) = (40 - 20) / 100: factor 1.1 on -8 spread over two turns.
    expect(own(r1.state, 1)).toEqual([expect.closeTo(-4.4, 12)]);
    const r2 = step(sc, r1.state, { harbor: { action: 'harbor_wait' } });
    expect(own(r2.state, 2)).toEqual([expect.closeTo(-4.4, 12)]);
  });
});
