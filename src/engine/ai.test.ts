import { describe, expect, it } from 'vitest';
import { actionDef, actorDef, baseScenario, compileOk, deepFreeze, eventDef, jsonCopy, loadScenario } from '../../tests/unit/fixtures.js';
import { chooseAi, chooseDilemmaOption } from './ai.js';
import { PASS_ID } from './choices.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import type { ActorDef } from './schema.js';
import { step } from './step.js';
import { EngineError, type Choices, type GameState } from './types.js';

const tutorial = loadScenario('tutorial');
type Ai = ActorDef['ai'];

/** Fixture where a's AI wants x high; a can raise it, lower it, or raise it with a coin flip. */
function aiScenario(ai: Partial<Ai> = {}, extraActions: ReturnType<typeof actionDef>[] = []) {
  return compileOk(
    baseScenario({
      actors: [actorDef('a', { ai: { goals: [{ id: 'x', label: 'a high x', value: 'x', weight: 1 }], ...ai } }), actorDef('b')],
      actions: [
        actionDef('up', 'a', { tags: ['bold'], effects: [{ indicator: 'x', add: 5 }] }),
        actionDef('down', 'a', { tags: ['calm'], effects: [{ indicator: 'x', add: -5 }] }),
        actionDef('coin', 'a', { outcome: { odds: 25, success: [{ indicator: 'x', add: 40 }], failure: [] } }),
        ...extraActions,
        actionDef('b_wait', 'b'),
      ],
    }),
  );
}

describe('chooseAi', () => {
  it("scores each option by the change it makes to the actor's weighted goals and picks the best", () => {
    const sc = aiScenario();
    const d = chooseAi(sc, createGame(sc, { seed: 's' }), 'a');
    expect(d.options.map((o) => [o.id, o.score, o.vetoed])).toEqual([
      ['up', 5, null],
      ['down', -5, null],
      ['coin', 10, null],
    ]);
    expect(d.action).toBe('coin'); // 25% of +40 is worth 10
    expect(d.score).toBe(10);
  });

  it('scores every option from the same start, whatever the options scored before it did', () => {
    const sc = compileOk(
      baseScenario({
        actors: [
          actorDef('a', {
            ai: {
              goals: [
                { id: 'x', label: 'x', value: 'x', weight: 1 },
                { id: 'warm', label: 'warmth', value: 'stance(a, b)', weight: 1 },
                { id: 'f', label: 'flow', value: 'flow(tr)', weight: 1 },
              ],
            },
          }),
          actorDef('b'),
        ],
        flows: [{ id: 'tr', from: 'a', to: 'b', kind: 'trade', label: 'Trade', initial: 50 }],
        actions: [
          actionDef('max_out', 'a', {
            effects: [
              { indicator: 'x', set: 100 },
              { stance: { from: 'a', to: 'b' }, add: 500 },
              { flow: 'tr', set: 100 },
            ],
          }),
          actionDef('nudge', 'a', {
            effects: [
              { indicator: 'x', add: 1 },
              { stance: { from: 'a', to: 'b' }, add: 1 },
              { flow: 'tr', add: 1 },
            ],
          }),
          actionDef('b_wait', 'b'),
        ],
      }),
    );
    const d = chooseAi(sc, createGame(sc, { seed: 's' }), 'a');
    expect(d.options.map((o) => [o.id, o.score])).toEqual([
      ['max_out', 50 + 100 + 50],
      ['nudge', 3],
    ]);
  });

  it('values an effect a turn away less than one now', () => {
    const sc = aiScenario({}, [actionDef('later', 'a', { effects: [{ indicator: 'x', add: 20, delay: 1 }] })]);
    const later = chooseAi(sc, createGame(sc, { seed: 's' }), 'a').options.find((o) => o.id === 'later')!;
    expect(later.score).toBeCloseTo(17, 12);
  });

  it('is deterministic: the same state gives the same decision, also after a JSON round trip', () => {
    const g = createGame(tutorial, { seed: 'det', aiFuzz: 0.7 });
    for (const actor of ['upland', 'lowland', 'harbor']) {
      const d = chooseAi(tutorial, g, actor);
      expect(chooseAi(tutorial, g, actor)).toEqual(d);
      expect(chooseAi(tutorial, jsonCopy(g), actor)).toEqual(d);
    }
  });

  it('breaks ties by scenario order', () => {
    const sc = compileOk(baseScenario({ actions: [actionDef('first', 'a'), actionDef('second', 'a'), actionDef('b_wait', 'b')] }));
    expect(chooseAi(sc, createGame(sc, { seed: 's' }), 'a').action).toBe('first');
  });

  it('holds course when nothing is available', () => {
    const sc = compileOk(baseScenario({ actions: [actionDef('never', 'a', { requires: [{ label: 'no', when: '0' }] }), actionDef('b_wait', 'b')] }));
    expect(chooseAi(sc, createGame(sc, { seed: 's' }), 'a')).toMatchObject({ action: PASS_ID, score: 0 });
  });

  it("never touches the game's generator or its input", () => {
    let g = createGame(tutorial, { seed: 'rng', aiFuzz: 1 });
    for (let t = 0; t < 4 && !g.over; t++) {
      const frozen = deepFreeze(jsonCopy(g));
      const before = JSON.stringify(frozen);
      for (const actor of ['upland', 'lowland', 'harbor']) chooseAi(tutorial, frozen, actor);
      expect(JSON.stringify(frozen)).toBe(before);
      g = step(tutorial, g, {}).state;
    }
  });

  it("gives the same hash whether the AI's choices are left to it or given explicitly", () => {
    for (const seed of ['x1', 'x2', 'x3', 'x4']) {
      let auto: GameState = createGame(tutorial, { seed, aiFuzz: 0.5 });
      let given: GameState = auto;
      while (!auto.over) {
        const explicit: Choices = {};
        for (const actor of ['harbor', 'upland', 'lowland']) explicit[actor] = { action: chooseAi(tutorial, given, actor).action };
        auto = step(tutorial, auto, {}).state;
        given = step(tutorial, given, explicit).state;
        expect(stateHash(given)).toBe(stateHash(auto));
      }
    }
  });

  it('respects a veto on an action by id, naming the veto on the option', () => {
    const sc = aiScenario({ vetoes: [{ label: 'no gambling', actions: ['coin'] }] });
    const d = chooseAi(sc, createGame(sc, { seed: 's' }), 'a');
    expect(d.action).toBe('up');
    expect(d.options.find((o) => o.id === 'coin')!.vetoed).toBe('no gambling');
  });

  it('respects a veto by tag only while its condition holds', () => {
    const sc = aiScenario({ vetoes: [{ label: 'no boldness when high', tags: ['bold'], when: 'x > 60' }] }, []);
    const g = createGame(sc, { seed: 's' });
    const scores = (s: GameState) => chooseAi(sc, s, 'a').options.map((o) => [o.id, o.vetoed]);
    expect(scores(g)).toEqual([
      ['up', null],
      ['down', null],
      ['coin', null],
    ]);
    expect(scores({ ...g, indicators: [61, 50, 50] })).toEqual([
      ['up', 'no boldness when high'],
      ['down', null],
      ['coin', null],
    ]);
  });

  it("keeps the tutorial's Upland from coercion when a clash is near", () => {
    const g = createGame(tutorial, { seed: 's' });
    const tense = { ...g, indicators: g.indicators.map((v, i) => (i === tutorial.indicatorIndex.get('tension') ? 75 : v)) };
    const d = chooseAi(tutorial, tense, 'upland');
    expect(d.options.find((o) => o.id === 'build_dam')!.vetoed).toBe('never escalate when a clash is near');
    expect(d.action).not.toBe('build_dam');
  });

  it('lets the vetoes give way to its best option when every option is vetoed', () => {
    const sc = aiScenario({ vetoes: [{ label: 'paralysed' }] });
    const d = chooseAi(sc, createGame(sc, { seed: 's' }), 'a');
    expect(d.action).not.toBe(PASS_ID);
    expect(d.options.every((o) => o.vetoed === 'paralysed')).toBe(true);
    expect(d.score).toBe(Math.max(...d.options.map((o) => o.score)));
  });

  it('lets a game go on when a veto rules out every available action', () => {
    const sc = aiScenario({ vetoes: [{ label: 'paralysed' }] });
    const g = createGame(sc, { seed: 's' });
    expect(() => step(sc, g, {})).not.toThrow();
  });

  it('shifts its choice by its preferences for an action id', () => {
    const sc = aiScenario({ preferences: { down: 20 } });
    const d = chooseAi(sc, createGame(sc, { seed: 's' }), 'a');
    expect(d.action).toBe('down');
    expect(d.score).toBe(15);
    expect(d.reasons).toEqual([
      { label: 'temperament', contribution: 20 },
      { label: 'a high x', contribution: -5 },
    ]);
  });

  it('shifts its choice by its preferences for a tag', () => {
    const sc = aiScenario({ preferences: { calm: 16 } });
    expect(chooseAi(sc, createGame(sc, { seed: 's' }), 'a').action).toBe('down');
  });

  it('gives as reasons the top three contributions of the chosen option by size', () => {
    const sc = compileOk(
      baseScenario({
        actors: [
          actorDef('a', {
            ai: {
              goals: [
                { id: 'g1', label: 'small', value: 'x', weight: 0.1 },
                { id: 'g2', label: 'big', value: 'x', weight: -3 },
                { id: 'g3', label: 'middle', value: 'ax', weight: 2 },
                { id: 'g4', label: 'none', value: 'bx', weight: 5 },
                { id: 'g5', label: 'tiny', value: 'ax', weight: 0.01 },
              ],
            },
          }),
          actorDef('b'),
        ],
        actions: [
          actionDef('mix', 'a', {
            effects: [
              { indicator: 'x', add: -1 },
              { indicator: 'ax', add: 1 },
            ],
          }),
          actionDef('b_wait', 'b'),
        ],
      }),
    );
    const d = chooseAi(sc, createGame(sc, { seed: 's' }), 'a');
    expect(d.action).toBe('mix');
    expect(d.reasons.map((r) => r.label)).toEqual(['big', 'middle', 'small']);
    expect(d.reasons[0]!.contribution).toBe(3);
    const all = d.options[0]!.reasons.filter((r) => r.contribution !== 0).sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
    expect(d.reasons).toEqual(all.slice(0, 3));
  });
});

describe('chooseAi fuzz', () => {
  const flat = compileOk(
    baseScenario({
      actions: [actionDef('p', 'a'), actionDef('q', 'a'), actionDef('r', 'a'), actionDef('s', 'a'), actionDef('b_wait', 'b')],
    }),
  );

  it('adds no noise at fuzz 0', () => {
    expect(chooseAi(flat, createGame(flat, { seed: 'z', aiFuzz: 0 }), 'a').options.map((o) => o.score)).toEqual([0, 0, 0, 0]);
  });

  it('is reproducible for the same seed and turn', () => {
    const a = chooseAi(flat, createGame(flat, { seed: 'fz', aiFuzz: 1 }), 'a');
    const b = chooseAi(flat, createGame(flat, { seed: 'fz', aiFuzz: 1 }), 'a');
    expect(b).toEqual(a);
  });

  it('differs across seeds and spreads choices among equal options', () => {
    const scores = new Set<string>();
    const picks = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const d = chooseAi(flat, createGame(flat, { seed: `fz-${i}`, aiFuzz: 1 }), 'a');
      scores.add(JSON.stringify(d.options.map((o) => o.score)));
      picks.add(d.action);
      for (const o of d.options) expect(Math.abs(o.score)).toBeLessThanOrEqual(5);
    }
    expect(scores.size).toBe(30);
    expect(picks.size).toBeGreaterThan(1);
  });

  it("uses the scenario's own fuzz unless the game overrides it", () => {
    const fuzzy = compileOk(
      baseScenario({
        actors: [actorDef('a', { ai: { goals: [{ id: 'g', label: 'g', value: '0', weight: 1 }], fuzz: 1 } }), actorDef('b')],
        actions: [actionDef('p', 'a'), actionDef('q', 'a'), actionDef('b_wait', 'b')],
      }),
    );
    expect(chooseAi(fuzzy, createGame(fuzzy, { seed: 'f' }), 'a').options.some((o) => o.score !== 0)).toBe(true);
    expect(chooseAi(fuzzy, createGame(fuzzy, { seed: 'f', aiFuzz: 0 }), 'a').options.map((o) => o.score)).toEqual([0, 0]);
  });

  it("does not let the noise reach the game's generator", () => {
    const g = createGame(flat, { seed: 'fz', aiFuzz: 1 });
    const s = step(flat, g, {}).state;
    expect(s.rng).toEqual(g.rng);
  });
});

describe('chooseDilemmaOption', () => {
  const sc = compileOk(
    baseScenario({
      actors: [actorDef('a'), actorDef('b', { ai: { goals: [{ id: 'g', label: 'g', value: 'bx', weight: 1 }] } })],
      events: [
        eventDef('pick', {
          turn: 2,
          dilemma: {
            actor: 'b',
            prompt: 'P?',
            options: [
              { id: 'lose', label: 'L', effects: [{ indicator: 'bx', add: -1 }] },
              { id: 'win', label: 'W', effects: [{ indicator: 'bx', add: 1 }] },
            ],
          },
        }),
        eventDef('tie', {
          turn: 2,
          dilemma: {
            actor: 'b',
            prompt: 'P?',
            options: [
              { id: 'one', label: 'O', effects: [] },
              { id: 'two', label: 'T', effects: [] },
            ],
          },
        }),
      ],
    }),
  );
  const g = createGame(sc, { seed: 's' });

  it("picks the option best for the actor's goals", () => {
    expect(chooseDilemmaOption(sc, g, 'b', 'pick')).toBe('win');
  });

  it('picks the first option on a tie', () => {
    expect(chooseDilemmaOption(sc, g, 'b', 'tie')).toBe('one');
  });

  it('refuses an event without a dilemma or an unknown actor', () => {
    expect(() => chooseDilemmaOption(sc, g, 'b', 'nope')).toThrow('no dilemma "nope" for "b"');
    expect(() => chooseDilemmaOption(sc, g, 'zz', 'pick')).toThrow();
  });
});

describe('chooseAi refusals', () => {
  // Bug (ai.chooseAi): an unknown actor throws a plain Error rather than EngineError, unlike legalChoices and step.
  it('refuses an unknown actor with an EngineError', () => {
    const g = createGame(tutorial, { seed: 's' });
    expect(() => chooseAi(tutorial, g, 'atlantis')).toThrow(EngineError);
  });

  it('refuses an unknown actor with a message naming it', () => {
    expect(() => chooseAi(tutorial, createGame(tutorial, { seed: 's' }), 'atlantis')).toThrow('unknown actor "atlantis"');
  });
});

describe('dilemmaDecision', () => {
  it('scores every option of a pending dilemma and picks what chooseDilemmaOption picks', async () => {
    const { dilemmaDecision } = await import('./ai.js');
    const sc = compileOk(
      baseScenario({
        actors: [actorDef('a'), actorDef('b', { ai: { goals: [{ id: 'g', label: "b's wealth", value: 'bx', weight: 1 }] } })],
        events: [
          eventDef('crisis', {
            turn: 1,
            dilemma: {
              actor: 'b',
              prompt: 'What now?',
              options: [
                { id: 'fold', label: 'Fold', effects: [{ indicator: 'bx', add: -10 }] },
                { id: 'fight', label: 'Fight', effects: [{ indicator: 'bx', add: 10 }] },
              ],
            },
          }),
        ],
      }),
    );
    const g = createGame(sc, { seed: 's', aiFuzz: 0 });
    const d = dilemmaDecision(sc, g, 'b', 'crisis');
    expect(d.option).toBe('fight');
    expect(d.options.map((o) => [o.id, o.score])).toEqual([
      ['fold', -10],
      ['fight', 10],
    ]);
    expect(d.options[1]!.reasons).toEqual([{ label: "b's wealth", contribution: 10 }]);
    expect(chooseDilemmaOption(sc, g, 'b', 'crisis')).toBe(d.option);
    expect(() => dilemmaDecision(sc, g, 'a', 'crisis')).toThrow(EngineError);
  });
});
