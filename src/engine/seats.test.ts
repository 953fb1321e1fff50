// Seats are interchangeable: a human seat fed exactly what the AI chose plays the same game as the AI seat.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import { step } from './step.js';
import { EngineError, type GameState, type Scenario } from './types.js';

/** Everything that makes up the world of a game: the state without its seats, and the per-turn trajectory. */
function world(s: GameState): unknown {
  const { seats: _seats, history, ...rest } = s;
  return { ...rest, trajectory: history.map((h) => ({ turn: h.turn, choices: h.choices, events: h.events, ledger: h.ledger, indicators: h.indicators })) };
}

/** The all-AI game of `seed`, then the same game with `actor` on a human seat fed the AI's recorded choices and answers. */
function twinGames(sc: Scenario, seed: string, actor: string, aiFuzz: number | null): [GameState, GameState] {
  let ai = createGame(sc, { seed, aiFuzz });
  while (!ai.over) ai = step(sc, ai, {}).state;
  let human = createGame(sc, { seed, seats: { [actor]: 'human' }, aiFuzz });
  for (const rec of ai.history) {
    if (rec.turn === 0) continue;
    human = step(sc, human, { [actor]: rec.choices[actor]! }).state;
  }
  return [ai, human];
}

for (const name of ['tutorial', 'party-congress']) {
  describe(`seats of ${name}`, () => {
    const sc = loadScenario(name);
    for (const actor of sc.actors.map((a) => a.id)) {
      it(`gives a human ${actor} fed the AI's own choices and answers the same world as the AI seat, over 100 seeds`, () => {
        let dilemmasAnswered = 0;
        fc.assert(
          fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), (seed, fuzz) => {
            const [ai, human] = twinGames(sc, seed, actor, fuzz);
            expect(human.seats[actor]).toBe('human');
            expect(world(human)).toEqual(world(ai));
            for (const rec of ai.history) if (rec.choices[actor]?.dilemmas) dilemmasAnswered++;
          }),
          { numRuns: 100, seed: 8 },
        );
        // The property means little unless the seat met dilemmas; every flagship role and the tutorial's Lowland do.
        if (name === 'party-congress' || actor === 'lowland') expect(dilemmasAnswered).toBeGreaterThan(0);
      });
    }
  });
}

describe('malformed choices and arguments', () => {
  const sc = loadScenario('tutorial');
  const g = createGame(sc, { seed: 'bad-input', seats: { lowland: 'human' } });
  const bad: Array<[string, unknown, string]> = [
    ['a bare action id', 'pass', 'the choice for "lowland" must be an object with an "action" id'],
    ['null', null, 'the choice for "lowland" must be an object with an "action" id, e.g. { "action": "pass" }; got null'],
    ['a number', 7, 'got number 7'],
    ['a list', ['lowland_wait'], 'got a list'],
    ['an object without an action', {}, 'got an object'],
    ['an action that is not a string', { action: 3 }, 'must be an object with an "action" id'],
    ['an unknown field', { action: 'lowland_wait', note: 'x' }, 'unknown field "note"'],
    ['answers that are not an object', { action: 'lowland_wait', dilemmas: 'close_border' }, 'dilemma answers of "lowland" must be an object'],
    ['an answer that is not a string', { action: 'lowland_wait', dilemmas: { farmers_march: 1 } }, 'must be an option id; got number 1'],
    ['an answer to a dilemma not put to it', { action: 'lowland_wait', dilemmas: { farmers_march: 'close_border' } }, 'which is not put to it this turn'],
  ];
  for (const [what, choice, message] of bad) {
    it(`refuses ${what} for a human seat with an EngineError naming the seat`, () => {
      const run = () => step(sc, g, { lowland: choice } as never);
      expect(run).toThrow(EngineError);
      expect(run).toThrow(message);
    });
  }

  it('refuses an illegal action for a human seat, listing what is legal', () => {
    const run = () => step(sc, g, { lowland: { action: 'build_dam' } });
    expect(run).toThrow(EngineError);
    expect(run).toThrow(/"build_dam" is not available to "lowland" on turn 1; available: .*lowland_wait/);
  });

  it('refuses a missing choice for a human seat, listing what is legal', () => {
    expect(() => step(sc, g, {})).toThrow(/no choice for "lowland", a human seat; available: .*lowland_wait/);
  });

  it("refuses a malformed choice for an AI seat too, rather than replacing it with the AI's", () => {
    expect(() => step(sc, g, { lowland: { action: 'lowland_wait' }, upland: 'pass' } as never)).toThrow('the choice for "upland" must be an object');
  });

  it('refuses step and createGame with null or wrong-typed arguments as EngineErrors', () => {
    const calls: Array<() => unknown> = [
      () => step(sc, g, null as never),
      () => step(sc, g, 'lowland_wait' as never),
      () => step(sc, g, [] as never),
      () => step(sc, null as never, {}),
      () => step(sc, {} as never, {}),
      () => step(null as never, g, {}),
      () => createGame(sc, null as never),
      () => createGame(sc, 'seed' as never),
      () => createGame(null as never, { seed: 's' }),
      () => createGame(sc, { seed: 's', seats: [] as never }),
      () => createGame(sc, { seed: 's', aiFuzz: '0.5' as never }),
      () => createGame(sc, { seed: 42 as never }),
    ];
    for (const call of calls) expect(call).toThrow(EngineError);
  });
});
