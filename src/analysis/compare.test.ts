import { describe, expect, it } from 'vitest';
import { loadScenario, playOut } from '../../tests/unit/fixtures.js';
import { chooseAi, chooseDilemmaOption, createGame, legalChoices, type Choices, type GameState, type Scenario } from '../engine/index.js';
import { compareGames } from './compare.js';

const sc = loadScenario('tutorial');
const human = sc.def.actors[0]!.id;

/** A game where `human` plays as its AI would, except `action` on turn `turn`. */
function game(seed: string, turn: number | null, action: string | null): GameState {
  const s = createGame(sc, { seed, seats: { [human]: 'human' } });
  return playOut(sc, s, (g) => choicesOf(sc, g, g.turn === turn && action ? action : null));
}

function choicesOf(sc: Scenario, g: GameState, forced: string | null): Choices {
  const dilemmas = Object.fromEntries(legalChoices(sc, g, human).dilemmas.map((d) => [d.event, chooseDilemmaOption(sc, g, human, d.event)]));
  return { [human]: { action: forced ?? chooseAi(sc, g, human).action, dilemmas } };
}

describe('compareGames', () => {
  it('counts who chose what each turn and finds the turn where the groups split', () => {
    const s1 = createGame(sc, { seed: 'class-1', seats: { [human]: 'human' } });
    const open = legalChoices(sc, s1, human)
      .actions.filter((a) => a.available)
      .map((a) => a.id);
    const usual = chooseAi(sc, s1, human).action;
    const other = open.find((id) => id !== usual)!;
    const games = [
      { name: 'Table A', state: game('class-1', null, null) },
      { name: 'Table B', state: game('class-1', null, null) },
      { name: 'Table C', state: game('class-1', 1, other) },
    ];
    const c = compareGames(sc, games);
    expect(c.groups.map((g) => g.name)).toEqual(['Table A', 'Table B', 'Table C']);
    const first = c.turns[0]!.actions.find((a) => a.actor === human)!;
    expect(first.options.map((o) => [o.id, o.groups])).toEqual([
      [usual, ['Table A', 'Table B']],
      [other, ['Table C']],
    ]);
    expect(c.mostSplit).not.toBeNull();
    expect(c.turns[0]!.split).toBeGreaterThan(0);
    expect(c.endings.reduce((n, e) => n + e.groups.length, 0)).toBe(3);
    expect(c.trajectories[0]!.groups[0]!.values.length).toBe(games[0]!.state.history.length);
  });

  it('finds no split among identical games and nothing to compare for one group', () => {
    const a = game('same', null, null);
    const c = compareGames(sc, [
      { name: 'A', state: a },
      { name: 'B', state: a },
    ]);
    expect(c.turns.every((t) => t.split === 0 && t.spread === 0)).toBe(true);
    expect(c.mostSplit).toBeNull();
    expect(compareGames(sc, [{ name: 'A', state: a }]).mostDiverged).toBeNull();
  });
});
