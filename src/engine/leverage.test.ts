// Leverage decides outcomes: odds of actions aimed at a dependent actor, deference in the AI, and its share of every change.
import { describe, expect, it } from 'vitest';
import { actionDef, actorDef, baseScenario, compileOk, diagnosticsOf, valueOf } from '../../tests/unit/fixtures.js';
import { chooseAi } from './ai.js';
import { legalChoices } from './choices.js';
import { explain } from './explain.js';
import { createGame } from './game.js';
import { maxScoreOf, scoreObjectives } from './objectives.js';
import type { ScenarioFile } from './schema.js';
import { step } from './step.js';

/** a supplies b with `supply` (out of a scale of 100); a may press b (uncertain, aimed at b) or lean on b's stance and numbers. */
function dependence(
  supply: number,
  leverage: ScenarioFile['leverage'] = { strength: 0.5, odds: 40, deference: 1 },
  bGoals?: ScenarioFile['actors'][number]['ai']['goals'],
) {
  return compileOk(
    baseScenario({
      actors: [actorDef('a'), actorDef('b', { ai: { goals: bGoals ?? [{ id: 'rich', label: 'b rich', value: 'bx', weight: 1 }] } })],
      flows: [{ id: 'aid', from: 'a', to: 'b', kind: 'aid', label: 'Aid from a', initial: supply }],
      leverage,
      actions: [
        actionDef('press', 'a', {
          target: 'b',
          outcome: { odds: 30, factors: [{ label: 'Good timing', add: 5 }], success: [{ indicator: 'x', add: 10 }], failure: [] },
        }),
        actionDef('squeeze', 'a', {
          effects: [
            { indicator: 'bx', add: -10 },
            { stance: { from: 'b', to: 'a' }, add: -10 },
          ],
        }),
        actionDef('a_wait', 'a'),
        actionDef('defy', 'b', {
          effects: [
            { indicator: 'bx', add: 4 },
            { stance: { from: 'a', to: 'b' }, add: -10 },
          ],
        }),
        actionDef('comply', 'b', { effects: [{ indicator: 'bx', add: 1 }] }),
      ],
    }),
  );
}

describe('leverage over a target raises the odds of an action aimed at it', () => {
  it('adds leverage * strength * odds points as a named factor, in the view and in the roll alike', () => {
    const sc = dependence(80);
    const g = createGame(sc, { seed: 's', seats: { a: 'human' } });
    const odds = legalChoices(sc, g, 'a').actions.find((x) => x.id === 'press')!.odds!;
    expect(odds.factors.at(-1)).toEqual({ label: 'Leverage: Actor b depends on Actor a (0.80)', add: 0.8 * 0.5 * 40, applies: true });
    expect(odds.total).toBeCloseTo(30 + 5 + 16, 12);
    const rolled = step(sc, g, { a: { action: 'press' } }).events.find((e) => e.type === 'action' && e.result.actor === 'a');
    expect(rolled?.type === 'action' && rolled.result.odds).toBe(odds.total);
    expect(rolled?.type === 'action' && rolled.result.factors.map((f) => f.label)).toEqual(['Good timing', 'Leverage: Actor b depends on Actor a (0.80)']);
  });

  it('takes points away when the actor depends on its target instead', () => {
    const sc = compileOk({
      ...baseScenario(),
      ...{
        flows: [{ id: 'aid', from: 'b', to: 'a', kind: 'aid', label: 'Aid from b', initial: 50 }],
        actions: [
          actionDef('press', 'a', { target: 'b', outcome: { odds: 30, success: [], failure: [] } }),
          actionDef('a_wait', 'a'),
          actionDef('b_wait', 'b'),
        ],
      },
    });
    const odds = legalChoices(sc, createGame(sc, { seed: 's' }), 'a').actions[0]!.odds!;
    expect(odds.factors).toEqual([{ label: 'Leverage: Actor a depends on Actor b (0.50)', add: -0.5 * 0.5 * 40, applies: true }]);
    expect(odds.total).toBe(20);
  });

  it('adds nothing when leverage is switched off (strength 0)', () => {
    const sc = dependence(80, { strength: 0, odds: 40, deference: 1 });
    const odds = legalChoices(sc, createGame(sc, { seed: 's' }), 'a').actions.find((x) => x.id === 'press')!.odds!;
    expect(odds.factors.map((f) => f.label)).toEqual(['Good timing']);
    expect(odds.total).toBe(35);
  });

  it('refuses an action aimed at its own actor or at an unknown one', () => {
    const bad = (target: string) =>
      diagnosticsOf(baseScenario({ actions: [actionDef('self', 'a', { target }), actionDef('b_wait', 'b')] })).map((d) => d.message);
    expect(bad('a')).toContain('an action cannot target the actor that takes it');
    expect(bad('zz')[0]).toMatch(/^unknown actor "zz"/);
  });
});

describe('leverage makes a dependent AI defer to its patron', () => {
  it('keeps a dependent actor from a small gain that angers its patron, and lets it defy when leverage is off', () => {
    const on = dependence(80);
    const d = chooseAi(on, createGame(on, { seed: 's', aiFuzz: 0 }), 'b');
    expect(d.action).toBe('comply');
    // A dependent actor's push on its patron is not amplified, and its defiance angers the patron in full.
    expect(d.options.find((o) => o.id === 'defy')!.reasons).toContainEqual({
      label: 'Do not anger Actor a while depending on it',
      contribution: -0.8 * 0.5 * 1 * 10,
    });
    const off = dependence(80, { strength: 0, odds: 40, deference: 1 });
    expect(chooseAi(off, createGame(off, { seed: 's', aiFuzz: 0 }), 'b').action).toBe('defy');
  });

  it('defers in proportion to the dependence: a small supply buys little deference', () => {
    const little = dependence(20);
    expect(chooseAi(little, createGame(little, { seed: 's', aiFuzz: 0 }), 'b').action).toBe('defy');
  });
});

describe("the ledger names leverage's share of every leveraged change", () => {
  it('records the part of a change that leverage added, and explain sums it per cause and in all', () => {
    const sc = dependence(80);
    const s = step(sc, createGame(sc, { seed: 's', seats: { a: 'human', b: 'human' } }), { a: { action: 'squeeze' }, b: { action: 'comply' } }).state;
    const factor = 1 + 0.8 * 0.5;
    expect(valueOf(sc, s, 'bx')).toBeCloseTo(50 - 10 * factor + 1, 12);
    const entry = s.history.at(1)!.ledger.find((e) => e.target === 'indicator:bx')!;
    expect(entry.delta).toBeCloseTo(-10 * factor, 12);
    expect(entry.leverage).toBeCloseTo(-10 * (factor - 1), 12);
    const stanceEntry = s.history.at(1)!.ledger.find((e) => e.target === 'stance:b>a' && e.cause.kind === 'action')!;
    expect(stanceEntry.leverage).toBeCloseTo(-10 * (factor - 1), 12);
    const x = explain(sc, s, 'indicator:bx');
    expect(x.leverage).toBeCloseTo(-4, 12);
    expect(x.totals.find((t) => t.cause === 'Do squeeze')!.leverage).toBeCloseTo(-4, 12);
  });

  it('records no leverage share when leverage is off', () => {
    const sc = dependence(80, { strength: 0 });
    const s = step(sc, createGame(sc, { seed: 's', seats: { a: 'human', b: 'human' } }), { a: { action: 'squeeze' }, b: { action: 'defy' } }).state;
    expect(s.history.at(1)!.ledger.every((e) => e.leverage === undefined)).toBe(true);
    expect(valueOf(sc, s, 'bx')).toBe(44);
  });

  it('carries the share into delayed and spread parts', () => {
    const sc = compileOk(
      baseScenario({
        flows: [{ id: 'aid', from: 'a', to: 'b', kind: 'aid', label: 'Aid from a', initial: 100 }],
        actions: [actionDef('slow', 'a', { effects: [{ indicator: 'bx', add: -10, delay: 1, over: 2 }] }), actionDef('a_wait', 'a'), actionDef('b_wait', 'b')],
      }),
    );
    let s = createGame(sc, { seed: 's', seats: { a: 'human' } });
    s = step(sc, s, { a: { action: 'slow' } }).state;
    s = step(sc, s, { a: { action: 'a_wait' } }).state;
    const part = s.history.at(2)!.ledger.find((e) => e.target === 'indicator:bx' && e.cause.kind === 'delayed')!;
    expect(part.delta).toBeCloseTo(-7.5, 12);
    expect(part.leverage).toBeCloseTo(-2.5, 12);
  });
});

describe('goal weights that follow the situation', () => {
  it('reads a weight expression from the state before the decision', () => {
    const sc = compileOk(
      baseScenario({
        actors: [
          actorDef('a', {
            ai: {
              goals: [
                { id: 'calm', label: 'calm', value: '-x', weight: 'if(x >= 60, 3, 0.1)' },
                { id: 'rich', label: 'rich', value: 'ax', weight: 1 },
              ],
            },
          }),
          actorDef('b'),
        ],
        actions: [
          actionDef('cool', 'a', { effects: [{ indicator: 'x', add: -5 }] }),
          actionDef('earn', 'a', { effects: [{ indicator: 'ax', add: 3 }] }),
          actionDef('heat', 'a', { effects: [{ indicator: 'x', add: 20 }] }),
          actionDef('b_wait', 'b'),
        ],
      }),
    );
    let s = createGame(sc, { seed: 's', seats: { a: 'human' }, aiFuzz: 0 });
    expect(chooseAi(sc, s, 'a').action).toBe('earn');
    s = step(sc, s, { a: { action: 'heat' } }).state;
    expect(chooseAi(sc, s, 'a').action).toBe('cool');
  });
});

describe('human-only actions', () => {
  const sc = compileOk(
    baseScenario({
      actors: [actorDef('a', { ai: { goals: [{ id: 'g', label: 'x', value: 'x', weight: 1 }] } }), actorDef('b')],
      actions: [
        actionDef('gamble', 'a', {
          humanOnly: 'A reckless bet no government would take lightly; left to players to try.',
          cooldown: 5,
          effects: [{ indicator: 'x', add: 30 }],
        }),
        actionDef('step_up', 'a', { effects: [{ indicator: 'x', add: 1 }] }),
        actionDef('b_wait', 'b'),
      ],
    }),
  );

  it("are never the AI's choice while anything else is open, however well they score, and stay open to humans", () => {
    const g = createGame(sc, { seed: 's', aiFuzz: 0 });
    const d = chooseAi(sc, g, 'a');
    expect(d.action).toBe('step_up');
    expect(d.options.find((o) => o.id === 'gamble')).toMatchObject({ vetoed: 'an option for human players only' });
    expect(legalChoices(sc, g, 'a').actions.find((x) => x.id === 'gamble')!.available).toBe(true);
  });
});

describe("the ending counts toward each role's score by its rating", () => {
  const sc = compileOk(
    baseScenario({
      scoring: { ending: 3 },
      actors: [actorDef('a', { objectives: [{ id: 'o', label: 'x high', when: 'x >= 50', points: 2 }] }), actorDef('b')],
      endings: [
        {
          id: 'quick',
          title: 'Quick',
          text: 'Q.',
          when: 'turn >= 2',
          ratings: { a: 1, b: -2 },
          ratingReasons: { a: 'a gets what it came for.', b: 'b loses everything.' },
        },
        { id: 'end', title: 'The end', text: 'It ended.' },
      ],
    }),
  );

  it('scores (rating + 2) * points for the ending reached, out of 4 * points, and nothing before the end', () => {
    const g = createGame(sc, { seed: 's' });
    expect(maxScoreOf(sc, 0)).toBe(2 + 12);
    const before = scoreObjectives(sc, g)[0]!;
    expect(before).toMatchObject({ score: 2, max: 14 });
    expect(before.objectives.at(-1)).toMatchObject({ kind: 'ending', met: false, points: 12, earned: 0 });
    const end = step(sc, g, {}).state;
    expect(end.ending).toBe('quick');
    const [a, b] = scoreObjectives(sc, end);
    expect(a).toMatchObject({ score: 2 + 9, max: 14 });
    expect(a!.objectives.at(-1)).toEqual({ kind: 'ending', id: 'quick', label: 'Ending: Quick (rated +1)', met: true, points: 12, earned: 9 });
    expect(b).toMatchObject({ score: 0, max: 12 });
  });

  it('refuses a rating reason for an actor the ending does not rate', () => {
    const def = baseScenario({ endings: [{ id: 'end', title: 'E', text: 'E.', ratings: { a: 1 }, ratingReasons: { a: 'Fine.', b: 'Why?' } }] });
    expect(diagnosticsOf(def).map((d) => d.message)).toContain('a reason for a rating that is not given: add "b" to this ending\'s ratings');
  });
});
