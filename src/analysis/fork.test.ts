import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, playOut } from '../../tests/unit/fixtures.js';
import { createGame, EngineError, legalChoices, stateHash, step, type GameState, type Scenario } from '../engine/index.js';
import { compareTimelines, forkGame } from './fork.js';

const tutorial = loadScenario('tutorial');
const flagship = loadScenario('party-congress');

function allAi(sc: Scenario, seed: string): GameState {
  return playOut(sc, createGame(sc, { seed }));
}

describe('forkGame', () => {
  it('reproduces the original exactly when nothing is changed, from any turn (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(tutorial, flagship),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('same' as const, 'ai' as const),
        (sc, seed, t, then) => {
          const original = allAi(sc, seed);
          const turns = original.history.filter((r) => r.turn > 0).length;
          const fork = forkGame(sc, original, { turn: Math.min(t, turns), choose: {}, then });
          expect(stateHash(fork.state)).toBe(stateHash(original));
          expect(fork.replaced).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('changes the chosen turn, keeps the turns before it and names the first turn that differs', () => {
    const original = allAi(flagship, 'fork-1');
    const rec = original.history.find((r) => r.turn === 3)!;
    const before = original.history.find((r) => r.turn === 2)!;
    const state3 = forkGame(flagship, original, { turn: 3, choose: {} });
    expect(state3.state.history.find((r) => r.turn === 2)).toEqual(before);
    const atThree = stateAt(flagship, original, 3);
    const other = legalChoices(flagship, atThree, 'nk').actions.find((a) => a.available && a.id !== rec.choices.nk!.action)!;
    const fork = forkGame(flagship, original, { turn: 3, choose: { nk: { action: other.id } } });
    expect(fork.state.history.find((r) => r.turn === 3)!.choices.nk!.action).toBe(other.id);
    const c = compareTimelines(flagship, original, fork.state);
    expect(c.divergedAt).toBe(3);
    for (const d of c.differences) for (const cause of d.causes) expect(Math.sign(cause.delta)).toBe(Math.sign(d.fork - d.original));
    expect(c.indicators[0]!.fork.length).toBe(fork.state.history.length);
  });

  it('shares every later draw with the original wherever the same action or event is rolled for (common random numbers)', () => {
    let shared = 0;
    for (const seed of ['crn-1', 'crn-2', 'crn-3']) {
      const original = allAi(flagship, seed);
      const at = stateAt(flagship, original, 2);
      const rec = original.history.find((r) => r.turn === 2)!;
      const other = legalChoices(flagship, at, 'us').actions.find((a) => a.available && a.id !== rec.choices.us!.action)!;
      const fork = forkGame(flagship, original, { turn: 2, choose: { us: { action: other.id } }, then: 'ai' }).state;
      const rolls = (g: GameState) => {
        const m = new Map<string, number>();
        for (const r of g.history)
          for (const e of r.events) {
            if (e.type === 'event' && e.roll !== null) m.set(`${r.turn} event ${e.id}`, e.roll);
            if (e.type === 'action' && e.result.roll !== null) m.set(`${r.turn} action ${e.result.action}`, e.result.roll);
          }
        return m;
      };
      const a = rolls(original);
      for (const [key, roll] of rolls(fork)) {
        if (!a.has(key)) continue;
        expect(roll, key).toBe(a.get(key));
        shared++;
      }
    }
    expect(shared).toBeGreaterThan(30);
  });

  it('refuses a turn the game does not have, an unknown actor and an illegal action with what is legal', () => {
    const original = allAi(tutorial, 'fork-2');
    expect(() => forkGame(tutorial, original, { turn: 99, choose: {} })).toThrow(/no turn 99/);
    expect(() => forkGame(tutorial, original, { turn: 1, choose: { nobody: { action: 'x' } } })).toThrow(EngineError);
    expect(() => forkGame(tutorial, original, { turn: 1, choose: { [tutorial.def.actors[0]!.id]: { action: 'nosuch' } } })).toThrow(/available:/);
  });
});

/** The original game's state at the start of `turn`. */
function stateAt(sc: Scenario, original: GameState, turn: number): GameState {
  let g = createGame(sc, { seed: original.seed, seats: original.seats, aiFuzz: original.aiFuzz });
  for (const r of original.history) if (r.turn > 0 && r.turn < turn) g = step(sc, g, r.choices).state;
  return g;
}
