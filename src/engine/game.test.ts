import { describe, expect, it } from 'vitest';
import { actionDef, baseScenario, compileOk, eventDef, indicatorDef, loadScenario, pair, situationDef, valueOf } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { seedRng } from './rng.js';
import { ENGINE_VERSION, EngineError, STATE_VERSION } from './types.js';

const tutorial = loadScenario('tutorial');

describe('createGame', () => {
  it('seats every actor with the AI unless told otherwise', () => {
    const g = createGame(tutorial, { seed: 's' });
    expect(g.seats).toEqual({ upland: 'ai', lowland: 'ai', harbor: 'ai' });
  });

  it('seats the named actors as humans and the rest with the AI', () => {
    const g = createGame(tutorial, { seed: 's', seats: { lowland: 'human' } });
    expect(g.seats).toEqual({ upland: 'ai', lowland: 'human', harbor: 'ai' });
  });

  it('lists seats in scenario order whatever order they were given in', () => {
    const x = createGame(tutorial, { seed: 's', seats: { harbor: 'human', upland: 'human' } });
    const y = createGame(tutorial, { seed: 's', seats: { upland: 'human', harbor: 'human' } });
    expect(Object.keys(x.seats)).toEqual(['upland', 'lowland', 'harbor']);
    expect(JSON.stringify(x)).toBe(JSON.stringify(y));
  });

  it('refuses a seat for an unknown actor, listing the actors', () => {
    expect(() => createGame(tutorial, { seed: 's', seats: { atlantis: 'human' } })).toThrow(EngineError);
    expect(() => createGame(tutorial, { seed: 's', seats: { atlantis: 'human' } })).toThrow(
      'unknown actor "atlantis" in seats; actors: upland, lowland, harbor',
    );
  });

  it('refuses a seat that is neither human nor ai', () => {
    expect(() => createGame(tutorial, { seed: 's', seats: { upland: 'robot' as never } })).toThrow('seat of "upland" must be "human" or "ai"');
  });

  it('requires a seed of 1 to 200 characters, with no default from the clock', () => {
    expect(() => createGame(tutorial, { seed: '' })).toThrow(EngineError);
    expect(() => createGame(tutorial, { seed: '' })).toThrow('a game needs a seed');
    expect(() => createGame(tutorial, { seed: 'x'.repeat(201) })).toThrow('a game needs a seed');
    expect(() => createGame(tutorial, {} as never)).toThrow('a game needs a seed');
    expect(createGame(tutorial, { seed: 'x'.repeat(200) }).seed).toHaveLength(200);
  });

  it('counts a seed in characters, so 200 emoji make a seed and 201 do not', () => {
    expect(createGame(tutorial, { seed: '\u{1F600}'.repeat(200) }).seed).toHaveLength(400);
    expect(() => createGame(tutorial, { seed: '\u{1F600}'.repeat(201) })).toThrow('1 to 200 characters (this one has 201)');
  });

  it('refuses a seed holding an unpaired surrogate, naming where it is', () => {
    expect(() => createGame(tutorial, { seed: 'ab\ud800' })).toThrow('unpaired surrogate (\\uD800 at position 3)');
    expect(() => createGame(tutorial, { seed: '\udc00x' })).toThrow(EngineError);
  });

  it('refuses an AI fuzz outside [0, 1]', () => {
    expect(() => createGame(tutorial, { seed: 's', aiFuzz: 1.5 })).toThrow('aiFuzz must be between 0 and 1');
    expect(() => createGame(tutorial, { seed: 's', aiFuzz: -0.1 })).toThrow(EngineError);
    expect(() => createGame(tutorial, { seed: 's', aiFuzz: Number.NaN })).toThrow(EngineError);
    expect(createGame(tutorial, { seed: 's', aiFuzz: 1 }).aiFuzz).toBe(1);
    expect(createGame(tutorial, { seed: 's' }).aiFuzz).toBeNull();
  });

  it('stamps the state with versions, the scenario and the seed', () => {
    const g = createGame(tutorial, { seed: 'stamp' });
    expect(g).toMatchObject({
      stateVersion: STATE_VERSION,
      engineVersion: ENGINE_VERSION,
      scenarioId: 'tutorial',
      scenarioHash: tutorial.hash,
      seed: 'stamp',
      turn: 1,
      over: false,
      ending: null,
    });
  });

  it('starts the generator from the seed when turn 1 rolls nothing', () => {
    // The tutorial's only random event (the drought) rolls every turn, so use the fixture for an exact check.
    const sc = compileOk(baseScenario());
    expect(createGame(sc, { seed: 'rng' }).rng).toEqual(seedRng('rng'));
  });

  it('starts indicators, flows and flags at their initial values', () => {
    const sc = compileOk(
      baseScenario({
        indicators: [indicatorDef('x', { initial: 12 }), indicatorDef('ax', { actor: 'a', initial: 34 }), indicatorDef('bx', { actor: 'b', initial: 56 })],
        flags: [
          { id: 'f', label: 'F' },
          { id: 'g', label: 'G', initial: 3 },
        ],
        flows: [{ id: 'tr', from: 'a', to: 'b', kind: 'trade', label: 'Trade', initial: 7 }],
      }),
    );
    const g = createGame(sc, { seed: 's' });
    expect(g.indicators).toEqual([12, 34, 56]);
    expect(g.flags).toEqual([0, 3]);
    expect(g.flows).toEqual([7]);
    expect(g.pending).toEqual([]);
    expect(g.actionCounts).toEqual([0, 0]);
    expect(g.dilemmas).toEqual([]);
  });

  it('starts every stance at its initial value, the gap from its resting point held in a "starting relations" modifier', () => {
    const def = baseScenario({
      stances: {
        decay: 0.25,
        relations: [
          { from: 'a', to: 'b', initial: -40, rest: -10 },
          { from: 'b', to: 'a', initial: 15, rest: 15 },
        ],
      },
    });
    const sc = compileOk(def);
    const g = createGame(sc, { seed: 's' });
    expect(g.stances[pair(sc, 'a', 'b')]).toBe(-40);
    expect(g.stances[pair(sc, 'b', 'a')]).toBe(15);
    // No modifier where initial equals rest.
    expect(g.modifiers).toEqual([{ pair: pair(sc, 'a', 'b'), label: 'starting relations', value: -30, decay: 0.25 }]);
  });

  it('matches every tutorial stance to its declared initial value', () => {
    const g = createGame(tutorial, { seed: 's' });
    const opening = -5; // the opening event's "ground broken on the dam" on lowland→upland
    for (const r of tutorial.def.stances.relations) {
      const p = pair(tutorial, r.from, r.to);
      const expected = r.initial + (r.from === 'lowland' && r.to === 'upland' ? opening : 0);
      expect(g.stances[p]).toBe(expected);
      const start = g.modifiers.find((m) => m.pair === p && m.label === 'starting relations');
      if (r.initial === r.rest) expect(start).toBeUndefined();
      else expect(start).toEqual({ pair: p, label: 'starting relations', value: r.initial - r.rest, decay: 0.2 });
    }
  });

  it("fires turn 1's scheduled events, reporting them in news and their changes in history[0].ledger", () => {
    const g = createGame(tutorial, { seed: 's' });
    expect(g.news).toContainEqual({ type: 'event', id: 'opening', roll: null, chance: null });
    expect(g.history).toHaveLength(1);
    expect(g.history.at(0)!.turn).toBe(0);
    expect(g.history.at(0)!.events).toEqual(g.news);
    expect(g.history.at(0)!.ledger).toContainEqual({
      turn: 1,
      target: 'stance:lowland>upland',
      delta: -5,
      value: -55,
      cause: { kind: 'event', id: 'opening', actor: null, label: 'The dam site opens' },
    });
    expect(g.modifiers).toContainEqual({ pair: pair(tutorial, 'lowland', 'upland'), label: 'ground broken on the dam', value: -5, decay: 0.2 });
    expect(g.eventCounts[tutorial.eventIndex.get('opening')!]).toBe(1);
    expect(g.eventLast[tutorial.eventIndex.get('opening')!]).toBe(1);
    expect(g.history.at(0)!.indicators).toEqual(g.indicators);
  });

  it('does not fire events scheduled for later turns', () => {
    const sc = compileOk(baseScenario({ events: [eventDef('later', { turn: 2, effects: [{ indicator: 'x', add: 5 }] })] }));
    const g = createGame(sc, { seed: 's' });
    expect(g.news).toEqual([]);
    expect(valueOf(sc, g, 'x')).toBe(50);
  });

  it('starts situations whose start condition holds at the outset', () => {
    const sc = compileOk(baseScenario({ situations: [situationDef('hot', 'x >= 50', 'x < 20', { onStart: [{ indicator: 'ax', add: -5 }] })] }));
    const g = createGame(sc, { seed: 's' });
    expect(g.situations).toEqual([1]);
    expect(g.news).toContainEqual({ type: 'situation', id: 'hot', active: true });
    expect(valueOf(sc, g, 'ax')).toBe(45);
  });

  it("ends at once when an ending's condition already holds on turn 1", () => {
    const sc = compileOk(
      baseScenario({
        endings: [
          { id: 'early', title: 'E', text: 'E.', when: 'x >= 50' },
          { id: 'end', title: 'End', text: 'Over.' },
        ],
      }),
    );
    const g = createGame(sc, { seed: 's' });
    expect(g.over).toBe(true);
    expect(g.ending).toBe('early');
    expect(g.news).toContainEqual({ type: 'ending', id: 'early' });
  });

  it('is a pure function of its inputs', () => {
    const a = createGame(tutorial, { seed: 'pure', seats: { upland: 'human' } });
    const b = createGame(tutorial, { seed: 'pure', seats: { upland: 'human' } });
    expect(b).toEqual(a);
    expect(stateHash(b)).toBe(stateHash(a));
    expect(stateHash(createGame(tutorial, { seed: 'other' }))).not.toBe(stateHash(a));
  });

  it('gives each game its own arrays, seats and modifiers: changing one game leaves the next one as new', () => {
    const a = createGame(tutorial, { seed: 'own', seats: { upland: 'human' } });
    const fresh = structuredClone({ ...a, history: a.history.toArray() });
    a.indicators[0] = -1;
    a.stances.fill(7);
    a.flags.push(3);
    a.actionCounts[0] = 9;
    a.eventLast[0] = 9;
    a.seats.upland = 'ai';
    a.modifiers[0]!.value = 99;
    a.modifiers.pop();
    const b = createGame(tutorial, { seed: 'own', seats: { upland: 'human' } });
    expect({ ...b, history: b.history.toArray() }).toEqual(fresh);
  });

  it('gives a state that survives a JSON round trip unchanged (the history as a plain array)', () => {
    const g = createGame(tutorial, { seed: 'json' });
    expect(JSON.parse(JSON.stringify(g))).toEqual({ ...g, history: g.history.toArray() });
  });

  it('does not count the built-in pass or a real action before any turn is played', () => {
    const sc = compileOk(baseScenario({ actions: [actionDef('a_wait', 'a'), actionDef('b_wait', 'b')] }));
    const g = createGame(sc, { seed: 's' });
    expect(g.actionLast).toEqual([0, 0]);
  });
});
