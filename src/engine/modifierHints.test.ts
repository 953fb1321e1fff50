// Stance effects remember where their modifier was last found, per scenario; a remembered position is only a hint.
import { describe, expect, it } from 'vitest';
import { scalingScenario } from '../../bench/lib/scalingScenario.js';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { compileScenario } from './compiler.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { step } from './step.js';
import type { GameState, Scenario } from './types.js';

/** Every state's hash, turn by turn, of an all-AI game. */
function hashesAlone(sc: Scenario, seed: string): string[] {
  let s = createGame(sc, { seed });
  const out = [stateHash(s)];
  while (!s.over) out.push(stateHash((s = step(sc, s, {}).state)));
  return out;
}

/** The same games played a turn each in turn, so each one's stance effects meet the positions the others left. */
function hashesInterleaved(sc: Scenario, seeds: readonly string[]): string[][] {
  const games: GameState[] = seeds.map((seed) => createGame(sc, { seed }));
  const out = games.map((s) => [stateHash(s)]);
  while (games.some((s) => !s.over)) {
    games.forEach((s, k) => {
      if (s.over) return;
      games[k] = step(sc, s, {}).state;
      out[k]!.push(stateHash(games[k]!));
    });
  }
  return out;
}

function expectSameGames(sc: Scenario, seeds: readonly string[]): void {
  // A fresh compile has fresh hints: its games alone are the reference.
  const reference = seeds.map((seed) => hashesAlone(sc, seed));
  expect(hashesInterleaved(sc, seeds)).toEqual(reference);
  expect(hashesInterleaved(sc, [...seeds].reverse())).toEqual([...reference].reverse());
}

describe('stance-effect position hints', () => {
  it('give the same games when games of one scenario interleave, with modifiers fading and moving (party congress)', () => {
    expectSameGames(loadScenario('party-congress'), ['hint-a', 'hint-b', 'hint-c']);
  });

  it('give the same games when the modifier list is long enough to be indexed by pair', () => {
    const compiled = compileScenario(scalingScenario({ actors: 12, indicatorsPerActor: 2, events: 3, turns: 30 }));
    if (!compiled.ok) throw new Error('the scaling scenario does not compile');
    const sc = compiled.scenario;
    const end = (seed: string) => {
      let s = createGame(sc, { seed });
      while (!s.over) s = step(sc, s, {}).state;
      return s;
    };
    expect(end('long-a').modifiers.length).toBeGreaterThanOrEqual(48);
    expectSameGames(sc, ['long-a', 'long-b']);
  });
});
