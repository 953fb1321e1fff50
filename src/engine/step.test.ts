import { describe, expect, it } from 'vitest';
import {
  actionDef,
  baseScenario,
  compileOk,
  deepFreeze,
  eventDef,
  indicatorDef,
  jsonCopy,
  loadScenario,
  pair,
  playOut,
  stanceOf,
  valueOf,
} from '../../tests/unit/fixtures.js';
import { chooseAi } from './ai.js';
import { PASS_ID } from './choices.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { DRAW_ACTION, drawFor } from './rng.js';
import type { EffectDef, ScenarioFile } from './schema.js';
import { completeChoices, step } from './step.js';
import { EngineError, type ActionResult, type Choices, type GameState, type Scenario, type TurnEvent } from './types.js';

const tutorial = loadScenario('tutorial');
const actionResults = (events: TurnEvent[]): ActionResult[] => events.flatMap((e) => (e.type === 'action' ? [e.result] : []));

/** The fixture with actions for a and b replaced. */
function withActions(aActions: ReturnType<typeof actionDef>[], bActions: ReturnType<typeof actionDef>[], over: Partial<ScenarioFile> = {}): Scenario {
  return compileOk(baseScenario({ actions: [...aActions, ...bActions], ...over }));
}

describe('step: simultaneous resolution', () => {
  it("computes every actor's effect amounts from the state at the start of the turn", () => {
    // a adds x (50), b subtracts half of x (25): together 75. One after the other would give 50 either way round.
    const sc = withActions(
      [actionDef('double', 'a', { effects: [{ indicator: 'x', add: 'x' }] })],
      [actionDef('halve', 'b', { effects: [{ indicator: 'x', add: '-x / 2' }] })],
    );
    const g = createGame(sc, { seed: 's' });
    const after = step(sc, g, { a: { action: 'double' }, b: { action: 'halve' } }).state;
    expect(valueOf(sc, after, 'x')).toBe(75);
  });

  it("reads stances for amounts from the start of the turn, not after another actor's stance change", () => {
    const sc = withActions(
      [actionDef('warm', 'a', { effects: [{ stance: { from: 'b', to: 'a' }, add: 40, decay: 0 }] })],
      [actionDef('reciprocate', 'b', { effects: [{ indicator: 'bx', add: 'stance(b, a) / 10 + 1' }] })],
    );
    const g = createGame(sc, { seed: 's' });
    const after = step(sc, g, { a: { action: 'warm' }, b: { action: 'reciprocate' } }).state;
    expect(stanceOf(sc, after, 'b', 'a')).toBe(40);
    expect(valueOf(sc, after, 'bx')).toBe(51); // stance(b, a) was 0 at the start of the turn
  });

  it('scales by the leverage at the start of the turn even when another actor cuts the flow behind it', () => {
    const sc = withActions(
      [actionDef('cut', 'a', { effects: [{ flow: 'b_to_a', add: -40 }] })],
      [actionDef('hit', 'b', { effects: [{ indicator: 'ax', add: -10 }] })],
      { flows: [{ id: 'b_to_a', from: 'b', to: 'a', kind: 'trade', label: 'B sells to A', initial: 40 }] },
    );
    const g = createGame(sc, { seed: 's' });
    const after = step(sc, g, { a: { action: 'cut' }, b: { action: 'hit' } }).state;
    expect(after.flows).toEqual([0]);
    expect(valueOf(sc, after, 'ax')).toBeCloseTo(50 - 12, 12); // factor 1 + 0.4 * 0.5 from the flow of 40 at the start
  });

  it('decides availability for everyone against the start of the turn', () => {
    // a's action would make b's unavailable if they resolved one after the other.
    const sc = withActions(
      [actionDef('close', 'a', { effects: [{ indicator: 'x', set: 0 }] })],
      [actionDef('open_only', 'b', { requires: [{ label: 'x open', when: 'x > 10' }], effects: [{ indicator: 'bx', add: 5 }] })],
    );
    const g = createGame(sc, { seed: 's' });
    const after = step(sc, g, { a: { action: 'close' }, b: { action: 'open_only' } }).state;
    expect([valueOf(sc, after, 'x'), valueOf(sc, after, 'bx')]).toEqual([0, 55]);
  });

  it('applies effects in the documented actor order where clamping makes order matter, whatever the key order of the choices', () => {
    const sc = withActions(
      [actionDef('up', 'a', { effects: [{ indicator: 'x', add: 60 }] })],
      [actionDef('down', 'b', { effects: [{ indicator: 'x', add: -60 }] })],
    );
    const g = createGame(sc, { seed: 's' });
    const ab = step(sc, g, { a: { action: 'up' }, b: { action: 'down' } }).state;
    const ba = step(sc, g, { b: { action: 'down' }, a: { action: 'up' } }).state;
    expect(valueOf(sc, ab, 'x')).toBe(40); // a first: 50 + 60 clamps to 100, then - 60
    expect(stateHash(ba)).toBe(stateHash(ab));
    expect(ba).toEqual(ab);
  });

  it('gives the same hash on the tutorial for every key order of the choices object', () => {
    const g = createGame(tutorial, { seed: 'order', seats: { upland: 'human', lowland: 'human', harbor: 'human' } });
    const c: Choices = { upland: { action: 'build_dam' }, lowland: { action: 'protest' }, harbor: { action: 'trade_squeeze' } };
    const perms = [
      ['upland', 'lowland', 'harbor'],
      ['upland', 'harbor', 'lowland'],
      ['lowland', 'upland', 'harbor'],
      ['lowland', 'harbor', 'upland'],
      ['harbor', 'upland', 'lowland'],
      ['harbor', 'lowland', 'upland'],
    ];
    const hashes = perms.map((order) => {
      const first: Choices = {};
      for (const k of order) first[k] = c[k]!;
      const s = step(tutorial, g, first).state;
      const second: Choices = {};
      for (const k of [...order].reverse()) second[k] = { action: chooseAi(tutorial, s, k).action, dilemmas: answerFirst(s, k) };
      return stateHash(step(tutorial, s, second).state);
    });
    expect(new Set(hashes).size).toBe(1);
  });

  it('gives the same hash whatever order the seats were declared in', () => {
    const run = (seats: Record<string, 'human' | 'ai'>, order: string[]) => {
      let s = createGame(tutorial, { seed: 'seats', seats });
      while (!s.over) {
        const choices: Choices = {};
        for (const k of order) if (s.seats[k] === 'human') choices[k] = { action: chooseAi(tutorial, s, k).action, dilemmas: answerFirst(s, k) };
        s = step(tutorial, s, choices).state;
      }
      return stateHash(s);
    };
    const h1 = run({ upland: 'human', harbor: 'human' }, ['upland', 'harbor']);
    const h2 = run({ harbor: 'human', upland: 'human' }, ['harbor', 'upland']);
    expect(h2).toBe(h1);
  });
});

function answerFirst(s: GameState, actor: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of s.dilemmas) if (d.actor === actor) out[d.event] = tutorial.events[tutorial.eventIndex.get(d.event)!]!.dilemma!.options[0]!.id;
  return out;
}

describe('step: costs, counters and the turn record', () => {
  const sc = withActions(
    [
      actionDef('buy', 'a', {
        cost: [
          { indicator: 'ax', amount: 10 },
          { indicator: 'x', amount: -5 },
        ],
        effects: [{ indicator: 'bx', add: 1, leveraged: false }],
      }),
    ],
    [actionDef('b_wait', 'b')],
  );
  const g = createGame(sc, { seed: 's' });
  const r = step(sc, g, { a: { action: 'buy' }, b: { action: 'b_wait' } });

  it('pays the cost of an action, a negative cost being a gain', () => {
    expect(valueOf(sc, r.state, 'ax')).toBe(40);
    expect(valueOf(sc, r.state, 'x')).toBe(55);
  });

  it('records the cost in the ledger as the cost of the action', () => {
    expect(r.state.history.at(1)!.ledger).toContainEqual({
      turn: 1,
      target: 'indicator:ax',
      delta: -10,
      value: 40,
      cause: { kind: 'cost', id: 'buy', actor: 'a', label: 'cost of Do buy' },
    });
  });

  it('counts the use and remembers the turn', () => {
    expect(r.state.actionCounts).toEqual([1, 1]);
    expect(r.state.actionLast).toEqual([1, 1]);
    const r2 = step(sc, r.state, { a: { action: 'buy' }, b: { action: 'b_wait' } });
    expect(r2.state.actionCounts).toEqual([2, 2]);
    expect(r2.state.actionLast).toEqual([2, 2]);
  });

  it('advances the turn and records the turn with every choice, event, ledger entry and the indicators', () => {
    expect(r.state.turn).toBe(2);
    const rec = r.state.history.at(1)!;
    expect(rec.turn).toBe(1);
    expect(rec.choices).toEqual({ a: { action: 'buy' }, b: { action: 'b_wait' } });
    expect(rec.events).toEqual(r.events);
    expect(rec.indicators).toEqual(r.state.indicators);
    expect(actionResults(r.events)).toEqual([
      { actor: 'a', action: 'buy', label: 'Do buy', odds: null, roll: null, success: null, factors: [] },
      { actor: 'b', action: 'b_wait', label: 'Do b_wait', odds: null, roll: null, success: null, factors: [] },
    ]);
  });

  it("fills in the AI's choices in the record", () => {
    const full = step(tutorial, createGame(tutorial, { seed: 'rec' }), {}).state.history.at(1)!.choices;
    expect(Object.keys(full)).toEqual(['upland', 'lowland', 'harbor']);
    for (const c of Object.values(full)) expect(typeof c.action).toBe('string');
  });

  it('records every combination of actions, holding course among them, under its own choices', () => {
    const never = { requires: [{ label: 'not while x is 50', when: 'x != 50' }] };
    const sc2 = withActions(
      [actionDef('a1', 'a'), actionDef('a2', 'a'), actionDef('a_never', 'a', never)],
      [actionDef('b1', 'b'), actionDef('b2', 'b'), actionDef('b3', 'b')],
    );
    const g2 = createGame(sc2, { seed: 'combos' });
    const seen = new Set<object>();
    for (const a of ['a1', 'a2'])
      for (const b of ['b1', 'b2', 'b3']) {
        const recorded = step(sc2, g2, { a: { action: a }, b: { action: b } }).state.history.at(1)!.choices;
        expect(recorded).toEqual({ a: { action: a }, b: { action: b } });
        expect(step(sc2, g2, { a: { action: a }, b: { action: b } }).state.history.at(1)!.choices).toBe(recorded);
        seen.add(recorded);
      }
    expect(seen.size).toBe(6);
    const all = compileOk(baseScenario({ actions: [actionDef('a_never', 'a', never), actionDef('b1', 'b')] }));
    expect(step(all, createGame(all, { seed: 'combos' }), { a: { action: PASS_ID } }).state.history.at(1)!.choices).toEqual({
      a: { action: PASS_ID },
      b: { action: 'b1' },
    });
  });

  it('shares one frozen record of the choices between turns that repeat them, and gives a turn with a dilemma answer its own', () => {
    const sc2 = withActions([actionDef('a_wait', 'a')], [actionDef('b_wait', 'b')], {
      events: [
        eventDef('crisis', {
          turn: 2,
          dilemma: {
            actor: 'b',
            prompt: 'Now?',
            options: [
              { id: 'fight', label: 'Fight', effects: [] },
              { id: 'talk', label: 'Talk', effects: [] },
            ],
          },
        }),
      ],
    });
    const choices = { a: { action: 'a_wait' }, b: { action: 'b_wait' } };
    const g = createGame(sc2, { seed: 'shared', seats: { a: 'human', b: 'human' } });
    const t1 = step(sc2, g, choices).state;
    const t2 = step(sc2, t1, { ...choices, b: { action: 'b_wait', dilemmas: { crisis: 'talk' } } }).state;
    const t3 = step(sc2, t2, choices).state;
    const [r1, r2, r3] = [t1, t2, t3].map((s) => s.history.at(-1)!.choices);
    expect(r3).toBe(r1);
    expect(Object.isFrozen(r1)).toBe(true);
    expect(r2).toEqual({ a: { action: 'a_wait' }, b: { action: 'b_wait', dilemmas: { crisis: 'talk' } } });
    expect(r2).not.toBe(r1);
    expect(JSON.stringify(r1)).toBe(JSON.stringify(choices));
  });

  it('gives completeChoices an object the caller may change', () => {
    const full = completeChoices(tutorial, createGame(tutorial, { seed: 'rec' }), {});
    expect(Object.isFrozen(full)).toBe(false);
    full.upland = { action: 'pass' };
    expect(completeChoices(tutorial, createGame(tutorial, { seed: 'rec' }), {}).upland).not.toEqual({ action: 'pass' });
  });

  it('reports "hold course" as an action with no outcome', () => {
    const sc2 = withActions([actionDef('never', 'a', { requires: [{ label: 'no', when: '0' }] })], [actionDef('b_wait', 'b')]);
    const r2 = step(sc2, createGame(sc2, { seed: 's' }), {});
    expect(actionResults(r2.events)[0]).toEqual({ actor: 'a', action: PASS_ID, label: 'Hold course', odds: null, roll: null, success: null, factors: [] });
  });

  it('lets an explicit choice for an AI seat override the AI', () => {
    const g2 = createGame(tutorial, { seed: 'override' });
    const r2 = step(tutorial, g2, { harbor: { action: 'harbor_wait' } });
    expect(r2.state.history.at(1)!.choices.harbor).toEqual({ action: 'harbor_wait' });
  });
});

describe('step: uncertain outcomes', () => {
  const gamble = (flags: ScenarioFile['flags']) =>
    withActions(
      [
        actionDef('gamble', 'a', {
          outcome: {
            odds: 50,
            factors: [
              { label: 'sure thing', add: 100, when: 'flag(boost) >= 1' },
              { label: 'doomed', add: -100, when: 'flag(curse) >= 1' },
            ],
            success: [{ indicator: 'x', add: 10 }],
            failure: [{ indicator: 'x', add: -10 }],
          },
        }),
      ],
      [actionDef('b_wait', 'b')],
      { flags },
    );

  it('always succeeds when factors push the odds to 100%, and records the roll', () => {
    const sc = gamble([
      { id: 'boost', label: 'Boost', initial: 1 },
      { id: 'curse', label: 'Curse' },
    ]);
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const g = createGame(sc, { seed });
      const r = step(sc, g, { a: { action: 'gamble' }, b: { action: 'b_wait' } });
      const res = actionResults(r.events)[0]!;
      const expectedRoll = drawFor(g.rng, g.turn, DRAW_ACTION, sc.actionIndex.get('gamble')!) * 100;
      expect(res).toEqual({
        actor: 'a',
        action: 'gamble',
        label: 'Do gamble',
        odds: 100,
        roll: expectedRoll,
        success: true,
        factors: [{ label: 'sure thing', add: 100 }],
      });
      expect(valueOf(sc, r.state, 'x')).toBe(60);
      expect(r.state.history.at(1)!.ledger).toContainEqual(
        expect.objectContaining({ target: 'indicator:x', delta: 10, cause: { kind: 'outcome', id: 'gamble', actor: 'a', label: 'Do gamble (succeeded)' } }),
      );
    }
  });

  it('always fails when factors push the odds to 0%', () => {
    const sc = gamble([
      { id: 'boost', label: 'Boost' },
      { id: 'curse', label: 'Curse', initial: 1 },
    ]);
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const r = step(sc, createGame(sc, { seed }), { a: { action: 'gamble' }, b: { action: 'b_wait' } });
      const res = actionResults(r.events)[0]!;
      expect(res).toMatchObject({ odds: 0, success: false, factors: [{ label: 'doomed', add: -100 }] });
      expect(res.roll).toBeGreaterThanOrEqual(0);
      expect(valueOf(sc, r.state, 'x')).toBe(40);
      expect(r.state.history.at(1)!.ledger.at(-1)!.cause.label).toBe('Do gamble (failed)');
    }
  });

  it('succeeds exactly when the roll is below the odds, both ways over many seeds, each roll its own keyed draw', () => {
    const sc = gamble([
      { id: 'boost', label: 'Boost' },
      { id: 'curse', label: 'Curse' },
    ]);
    const seen = new Set<boolean>();
    for (let i = 0; i < 40; i++) {
      const g = createGame(sc, { seed: `odds-${i}` });
      const r = step(sc, g, { a: { action: 'gamble' }, b: { action: 'b_wait' } });
      const res = actionResults(r.events)[0]!;
      expect(res.odds).toBe(50);
      expect(res.success).toBe(res.roll! < 50);
      expect(valueOf(sc, r.state, 'x')).toBe(res.success ? 60 : 40);
      expect(res.roll).toBe(drawFor(g.rng, 1, DRAW_ACTION, sc.actionIndex.get('gamble')!) * 100);
      expect(r.state.rng).toEqual(g.rng);
      seen.add(res.success!);
    }
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('keeps the root of the dice unchanged, whatever is rolled', () => {
    const sc = withActions([actionDef('a_wait', 'a')], [actionDef('b_wait', 'b')]);
    const g = createGame(sc, { seed: 'quiet' });
    expect(step(sc, g, {}).state.rng).toEqual(g.rng);
  });
});

describe('step: stance modifiers', () => {
  const stanceScenario = (effectsA: EffectDef[], effectsB: EffectDef[], stances?: ScenarioFile['stances']) =>
    withActions(
      [actionDef('act_a', 'a', { effects: effectsA }), actionDef('a_wait', 'a')],
      [actionDef('act_b', 'b', { effects: effectsB }), actionDef('b_wait', 'b')],
      stances ? { stances } : {},
    );
  const waitAll = { a: { action: 'a_wait' }, b: { action: 'b_wait' } };

  it('merges two changes with the same label on the same stance into one modifier', () => {
    const sc = stanceScenario(
      [{ stance: { from: 'a', to: 'b' }, add: 10, label: 'summit', decay: 0.5 }],
      [{ stance: { from: 'a', to: 'b' }, add: 6, label: 'summit', decay: 0.5, leveraged: false }],
    );
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'act_b' } }).state;
    expect(s.modifiers).toEqual([{ pair: pair(sc, 'a', 'b'), label: 'summit', value: 8, decay: 0.5 }]);
    expect(stanceOf(sc, s, 'a', 'b')).toBe(8);
  });

  it('keeps modifiers with different labels apart and names an unlabelled one after its action', () => {
    const sc = stanceScenario(
      [{ stance: { from: 'a', to: 'b' }, add: 10, decay: 0 }],
      [{ stance: { from: 'a', to: 'b' }, add: -4, label: 'spat', decay: 0, leveraged: false }],
    );
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'act_b' } }).state;
    expect(s.modifiers.map((m) => [m.label, m.value])).toEqual([
      ['Do act_a', 10],
      ['spat', -4],
    ]);
    expect(stanceOf(sc, s, 'a', 'b')).toBe(6);
  });

  it('fades a stance modifier by its decay share each turn', () => {
    const sc = stanceScenario([{ stance: { from: 'a', to: 'b' }, add: 40, label: 'gift', decay: 0.25 }], []);
    let s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    expect(stanceOf(sc, s, 'a', 'b')).toBe(30);
    s = step(sc, s, waitAll).state;
    expect(stanceOf(sc, s, 'a', 'b')).toBe(22.5);
    expect(s.modifiers).toEqual([{ pair: pair(sc, 'a', 'b'), label: 'gift', value: 22.5, decay: 0.25 }]);
    expect(s.history.at(2)!.ledger).toEqual([
      { turn: 2, target: 'stance:a>b', delta: -7.5, value: 22.5, cause: { kind: 'decay', id: 'gift', actor: null, label: 'gift (fading)' } },
    ]);
  });

  it("uses the scenario's default decay for a modifier without its own", () => {
    const sc = stanceScenario([{ stance: { from: 'a', to: 'b' }, add: 10, label: 'gift' }], [], { decay: 0.4, relations: [] });
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    expect(s.modifiers[0]).toMatchObject({ value: 6, decay: 0.4 });
  });

  it('drops a modifier once it fades below half a point, returning the stance to its resting point', () => {
    const sc = stanceScenario([{ stance: { from: 'a', to: 'b' }, add: 4, label: 'nod', decay: 0.5 }], [], {
      relations: [{ from: 'a', to: 'b', initial: 10, rest: 10 }],
    });
    let s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    const values: number[] = [];
    for (let i = 0; i < 3; i++) {
      values.push(stanceOf(sc, s, 'a', 'b'));
      s = step(sc, s, waitAll).state;
    }
    expect(values).toEqual([12, 11, 10.5]);
    expect(s.modifiers).toEqual([]);
    expect(stanceOf(sc, s, 'a', 'b')).toBe(10);
    expect(s.history.at(-1)!.ledger).toEqual([
      expect.objectContaining({ target: 'stance:a>b', delta: -0.5, cause: expect.objectContaining({ kind: 'decay', label: 'nod (faded out)' }) }),
    ]);
  });

  it('keeps a modifier with decay 0 for good', () => {
    const sc = stanceScenario([{ stance: { from: 'a', to: 'b' }, add: -30, label: 'grudge', decay: 0 }], []);
    let s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    for (let i = 0; i < 3; i++) s = step(sc, s, waitAll).state;
    expect(stanceOf(sc, s, 'a', 'b')).toBe(-30);
    expect(s.modifiers).toEqual([{ pair: pair(sc, 'a', 'b'), label: 'grudge', value: -30, decay: 0 }]);
  });

  it('drops, at the end of the turn, a persistent modifier that gained nothing because the stance was already at its maximum', () => {
    const sc = stanceScenario([{ stance: { from: 'a', to: 'b' }, add: 5, label: 'more', decay: 0 }], [], {
      relations: [{ from: 'a', to: 'b', initial: 100, rest: 100 }],
    });
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    expect(s.modifiers).toEqual([]);
    expect(stanceOf(sc, s, 'a', 'b')).toBe(100);
  });

  it('drops a persistent modifier of less than half a point, as it would a fading one', () => {
    const sc = stanceScenario([{ stance: { from: 'a', to: 'b' }, add: 0.4, label: 'hint', decay: 0 }], []);
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    expect(s.modifiers).toEqual([]);
    expect(stanceOf(sc, s, 'a', 'b')).toBe(0);
    expect(s.history.at(1)!.ledger.at(-1)).toMatchObject({ target: 'stance:a>b', delta: -0.4, cause: { kind: 'decay', label: 'hint (faded out)' } });
  });

  it('keeps persistent modifiers in their order when a fading one before them drops out', () => {
    const sc = stanceScenario(
      [
        { stance: { from: 'a', to: 'b' }, add: 1, label: 'brief', decay: 0.9 },
        { stance: { from: 'b', to: 'a' }, add: 7, label: 'lasting', decay: 0 },
      ],
      [],
    );
    let s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    s = step(sc, s, { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    expect(s.modifiers.map((m) => [m.label, m.value])).toEqual([['lasting', 14]]);
  });

  it('fades the starting relations toward the resting point', () => {
    const sc = stanceScenario([], [], { decay: 0.5, relations: [{ from: 'a', to: 'b', initial: -40, rest: -20 }] });
    const s = step(sc, createGame(sc, { seed: 's' }), waitAll).state;
    expect(stanceOf(sc, s, 'a', 'b')).toBe(-30);
    expect(s.modifiers).toEqual([{ pair: pair(sc, 'a', 'b'), label: 'starting relations', value: -10, decay: 0.5 }]);
  });

  it('limits a modifier so the stance stays within its range, marking the ledger entry as clamped', () => {
    const sc = stanceScenario(
      [{ stance: { from: 'a', to: 'b' }, add: 50, label: 'boost', decay: 0 }],
      [{ stance: { from: 'a', to: 'b' }, add: -500, label: 'crash', decay: 0, leveraged: false }],
      { relations: [{ from: 'a', to: 'b', initial: 90, rest: 90 }] },
    );
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    expect(stanceOf(sc, s, 'a', 'b')).toBe(100);
    expect(s.modifiers).toEqual([{ pair: pair(sc, 'a', 'b'), label: 'boost', value: 10, decay: 0 }]);
    expect(s.history.at(1)!.ledger[0]).toMatchObject({ target: 'stance:a>b', delta: 10, value: 100, clamped: true });
    const s2 = step(sc, s, { a: { action: 'a_wait' }, b: { action: 'act_b' } }).state;
    expect(stanceOf(sc, s2, 'a', 'b')).toBe(-100);
  });

  it('keeps every stance within a custom range', () => {
    const sc = stanceScenario([{ stance: { from: 'a', to: 'b' }, add: 50, decay: 0 }], [{ stance: { from: 'b', to: 'a' }, add: -50, decay: 0 }], {
      min: -10,
      max: 10,
      relations: [],
    });
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'act_b' } }).state;
    expect([stanceOf(sc, s, 'a', 'b'), stanceOf(sc, s, 'b', 'a')]).toEqual([10, -10]);
  });

  /** a's persistent "pact" holds a→b at 100 after the negative starting relations fade out; b can then "chill" it. */
  const headroom = () =>
    stanceScenario(
      [{ stance: { from: 'a', to: 'b' }, add: 60, label: 'pact', decay: 0 }],
      [{ stance: { from: 'a', to: 'b' }, add: -30, label: 'chill', leveraged: false }],
      { decay: 0.9, relations: [{ from: 'a', to: 'b', initial: 40, rest: 90 }] },
    );
  function pinnedAtMax(sc: Scenario): GameState {
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'act_a' }, b: { action: 'b_wait' } }).state;
    return step(sc, s, waitAll).state;
  }

  it('trims a persistent modifier so rest plus modifiers never passes the stance range', () => {
    const sc = headroom();
    const s = pinnedAtMax(sc);
    expect(stanceOf(sc, s, 'a', 'b')).toBe(100);
    expect(s.modifiers).toEqual([{ pair: pair(sc, 'a', 'b'), label: 'pact', value: 10, decay: 0 }]);
  });

  it('lets a negative effect move a stance that a persistent modifier holds at its maximum', () => {
    const sc = headroom();
    const r = step(sc, pinnedAtMax(sc), { a: { action: 'a_wait' }, b: { action: 'act_b' } }).state;
    expect(stanceOf(sc, r, 'a', 'b')).toBeLessThan(100);
  });
});

describe('step: per-turn changes', () => {
  it('applies every per-turn change with its named cause each turn', () => {
    const sc = compileOk(
      baseScenario({
        indicators: [
          indicatorDef('x', {
            perTurn: [
              { label: 'erosion', amount: -2 },
              { label: 'growth', amount: 'ax / 50' },
            ],
          }),
          indicatorDef('ax', { actor: 'a' }),
          indicatorDef('bx', { actor: 'b' }),
        ],
      }),
    );
    let s = createGame(sc, { seed: 's' });
    s = step(sc, s, {}).state;
    expect(valueOf(sc, s, 'x')).toBe(49);
    expect(s.history.at(1)!.ledger).toEqual([
      { turn: 1, target: 'indicator:x', delta: -2, value: 48, cause: { kind: 'drift', id: 'x', actor: null, label: 'erosion' } },
      { turn: 1, target: 'indicator:x', delta: 1, value: 49, cause: { kind: 'drift', id: 'x', actor: null, label: 'growth' } },
    ]);
    s = step(sc, s, {}).state;
    expect(valueOf(sc, s, 'x')).toBe(48);
  });

  it('evaluates every per-turn change before applying any', () => {
    // x drifts toward ax and ax toward x; evaluated together they swap, evaluated in turn they would meet.
    const sc = compileOk(
      baseScenario({
        indicators: [
          indicatorDef('x', { initial: 50, perTurn: [{ label: 'pull', amount: 'ax - x' }] }),
          indicatorDef('ax', { actor: 'a', initial: 60, perTurn: [{ label: 'pull', amount: 'x - ax' }] }),
          indicatorDef('bx', { actor: 'b' }),
        ],
      }),
    );
    const s = step(sc, createGame(sc, { seed: 's' }), {}).state;
    expect([valueOf(sc, s, 'x'), valueOf(sc, s, 'ax')]).toEqual([60, 50]);
  });

  it("evaluates per-turn changes after the turn's actions", () => {
    const sc = compileOk(
      baseScenario({
        indicators: [
          indicatorDef('x', { perTurn: [{ label: 'echo', amount: 'if(ax > 55, 10, 0)' }] }),
          indicatorDef('ax', { actor: 'a' }),
          indicatorDef('bx', { actor: 'b' }),
        ],
        actions: [actionDef('raise', 'a', { effects: [{ indicator: 'ax', add: 10 }] }), actionDef('b_wait', 'b')],
      }),
    );
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'raise' } }).state;
    expect(valueOf(sc, s, 'x')).toBe(60);
  });

  it('clamps a per-turn change at the end of the range', () => {
    const sc = compileOk(
      baseScenario({
        indicators: [
          indicatorDef('x', { initial: 1, perTurn: [{ label: 'erosion', amount: -5 }] }),
          indicatorDef('ax', { actor: 'a' }),
          indicatorDef('bx', { actor: 'b' }),
        ],
      }),
    );
    const s = step(sc, createGame(sc, { seed: 's' }), {}).state;
    expect(valueOf(sc, s, 'x')).toBe(0);
    expect(s.history.at(1)!.ledger[0]).toMatchObject({ delta: -1, value: 0, clamped: true });
  });
});

describe('step: dilemmas put to a human', () => {
  const sc = compileOk(
    baseScenario({
      events: [
        eventDef('crisis', {
          turn: 1,
          effects: [{ indicator: 'x', add: 1 }],
          dilemma: {
            actor: 'b',
            prompt: 'What now?',
            options: [
              { id: 'fold', label: 'Fold', effects: [{ indicator: 'bx', add: -10 }] },
              {
                id: 'fight',
                label: 'Fight',
                effects: [
                  { indicator: 'bx', add: 10 },
                  { indicator: 'x', add: 'x / 2' },
                ],
              },
            ],
          },
        }),
      ],
    }),
  );
  const g = createGame(sc, { seed: 's', seats: { b: 'human' } });

  it("stays pending until answered and shows in the actor's legal choices", () => {
    expect(g.dilemmas).toEqual([{ event: 'crisis', actor: 'b' }]);
    expect(g.news).toEqual([
      { type: 'event', id: 'crisis', roll: null, chance: null },
      { type: 'dilemma', actor: 'b', event: 'crisis' },
    ]);
    expect(valueOf(sc, g, 'bx')).toBe(50);
  });

  it('refuses a step without the answer, naming the dilemma and its options', () => {
    expect(() => step(sc, g, { b: { action: 'b_wait' } })).toThrow(EngineError);
    expect(() => step(sc, g, { b: { action: 'b_wait' } })).toThrow('"b" must answer the dilemma "crisis" with one of: fold, fight');
  });

  it('refuses an answer that is not one of the options', () => {
    expect(() => step(sc, g, { b: { action: 'b_wait', dilemmas: { crisis: 'flee' } } })).toThrow(
      '"b" must answer the dilemma "crisis" with one of: fold, fight',
    );
  });

  it('refuses a step with no choice at all for the human seat', () => {
    expect(() => step(sc, g, {})).toThrow('no choice for "b", a human seat');
  });

  it('applies the answer first, against the start of the turn, and clears the dilemma', () => {
    const r = step(sc, g, { b: { action: 'b_wait', dilemmas: { crisis: 'fight' } } });
    expect(r.events[0]).toEqual({ type: 'dilemma-answer', actor: 'b', event: 'crisis', option: 'fight' });
    expect(valueOf(sc, r.state, 'bx')).toBe(60);
    expect(valueOf(sc, r.state, 'x')).toBe(51 + 25.5);
    expect(r.state.dilemmas).toEqual([]);
    expect(r.state.history.at(1)!.ledger[0]!.cause).toEqual({ kind: 'dilemma', id: 'crisis.fight', actor: 'b', label: 'Fight' });
    expect(r.state.history.at(1)!.choices.b).toEqual({ action: 'b_wait', dilemmas: { crisis: 'fight' } });
  });
});

describe('step: refusals', () => {
  const sc = withActions([actionDef('a_wait', 'a')], [actionDef('b_wait', 'b')]);
  const g = createGame(sc, { seed: 's' });

  it('refuses a choice for an unknown actor', () => {
    expect(() => step(sc, g, { zz: { action: 'a_wait' } })).toThrow(EngineError);
    expect(() => step(sc, g, { zz: { action: 'a_wait' } })).toThrow('choice for unknown actor "zz"');
  });

  it("reads only the choices object's own keys, whatever its prototype, and takes one without a prototype", () => {
    const plain = stateHash(step(sc, g, { a: { action: 'a_wait' }, b: { action: 'b_wait' } }).state);
    const inherited = Object.create({ zz: { action: 'a_wait' }, b: { action: 'nonsense' } }) as Choices;
    inherited.a = { action: 'a_wait' };
    inherited.b = { action: 'b_wait' };
    expect(stateHash(step(sc, g, inherited).state)).toBe(plain);
    const onlyInherited = Object.create({ a: { action: 'nonsense' } }) as Choices;
    expect(() => step(sc, g, onlyInherited)).not.toThrow();
    const bare = Object.assign(Object.create(null) as Choices, { a: { action: 'a_wait' }, b: { action: 'b_wait' } });
    expect(stateHash(step(sc, g, bare).state)).toBe(plain);
    expect(() => step(sc, g, Object.assign(Object.create(null) as Choices, { zz: { action: 'a_wait' } }))).toThrow('choice for unknown actor "zz"');
  });

  it('ignores an enumerable key that something added to Object.prototype', () => {
    const plain = stateHash(step(sc, g, { a: { action: 'a_wait' } }).state);
    const proto = Object.prototype as Record<string, unknown>;
    proto.zz = { action: 'a_wait' };
    try {
      expect(stateHash(step(sc, g, { a: { action: 'a_wait' } }).state)).toBe(plain);
    } finally {
      delete proto.zz;
    }
  });

  it('refuses an action that does not exist, or belongs to another actor', () => {
    expect(() => step(sc, g, { a: { action: 'nonsense' } })).toThrow('"nonsense" is not available to "a" on turn 1; available: a_wait');
    expect(() => step(sc, g, { a: { action: 'b_wait' } })).toThrow('"b_wait" is not available to "a" on turn 1; available: a_wait');
  });

  it('refuses to play on once the game is over', () => {
    const over = playOut(sc, g);
    expect(over.over).toBe(true);
    expect(() => step(sc, over, {})).toThrow(EngineError);
    expect(() => step(sc, over, {})).toThrow('the game is over');
  });

  it('refuses a state that belongs to another version of the scenario', () => {
    const def = baseScenario();
    def.title = 'Changed';
    const other = compileOk(def);
    expect(() => step(other, g, {})).toThrow('this game belongs to a different version of the scenario');
  });
});

describe('step: purity', () => {
  /** A tutorial state with modifiers, pending effects and a pending human dilemma. */
  function busyState(): GameState {
    for (let i = 0; i < 200; i++) {
      let s = createGame(tutorial, { seed: `busy-${i}`, seats: { lowland: 'human' } });
      for (let t = 0; t < 5 && !s.over; t++) {
        if (s.dilemmas.length && s.pending.length && s.modifiers.length) return s;
        const d: Record<string, string> = {};
        for (const x of s.dilemmas) d[x.event] = 'close_border';
        s = step(tutorial, s, { lowland: { action: t % 2 ? 'protest' : 'lowland_wait', dilemmas: d } }).state;
      }
    }
    throw new Error('no busy state found');
  }

  it('never mutates a deep-frozen input state', () => {
    const s = busyState();
    const before = JSON.stringify(s);
    deepFreeze(s);
    const choices = deepFreeze({ lowland: { action: 'lowland_wait', dilemmas: { farmers_march: 'promise_talks' } } });
    const r = step(tutorial, s, choices);
    expect(JSON.stringify(s)).toBe(before);
    expect(r.state.turn).toBe(s.turn + 1);
    // And the next turn can be played from the result, which shares frozen parts of its input.
    if (!r.state.over)
      expect(() =>
        step(tutorial, r.state, { lowland: { action: 'lowland_wait', dilemmas: Object.fromEntries(r.state.dilemmas.map((d) => [d.event, 'promise_talks'])) } }),
      ).not.toThrow();
  });

  it('never mutates a deep-frozen state at the start of the game, whoever plays', () => {
    const s = deepFreeze(createGame(tutorial, { seed: 'frozen' }));
    const before = JSON.stringify(s);
    step(tutorial, s, {});
    expect(JSON.stringify(s)).toBe(before);
  });

  it('keeps no reference to the choices it was given, so a caller may reuse them for the next turn', () => {
    const s = busyState();
    const choices = { lowland: { action: 'lowland_wait', dilemmas: { farmers_march: 'promise_talks' } } };
    const r = step(tutorial, s, choices);
    const recorded = JSON.stringify(r.state.history.at(-1)!.choices);
    choices.lowland.action = 'protest';
    choices.lowland.dilemmas.farmers_march = 'close_border';
    expect(JSON.stringify(r.state.history.at(-1)!.choices)).toBe(recorded);
  });

  it('gives the same result for the same inputs', () => {
    const g1 = createGame(tutorial, { seed: 'same' });
    expect(jsonCopy(step(tutorial, g1, {}).state)).toEqual(jsonCopy(step(tutorial, jsonCopy(g1), {}).state));
  });
});
