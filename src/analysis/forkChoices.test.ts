import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame, stateHash, step, type GameState } from '../engine/index.js';
import { forkGame } from './fork.js';
import { changedChoices, forkSeatsAt, stateBefore } from './forkChoices.js';

const sc = loadScenario('party-congress');
let game: GameState = createGame(sc, { seed: 'fork-choices' });
const opened: GameState[] = [];
while (!game.over) {
  opened.push(game);
  game = step(sc, game, {}).state;
}

describe('forkSeatsAt', () => {
  it('opens each turn in the state the game had then', () => {
    for (const turn of [1, 3, opened.length]) expect(stateHash(stateBefore(sc, game, turn))).toBe(stateHash(opened[turn - 1]!));
  });

  it('gives every role its recorded action among the open ones, and its recorded dilemma answers', () => {
    const turn = game.history.find((r) => r.events.some((e) => e.type === 'dilemma-answer'))!.turn;
    const seats = forkSeatsAt(sc, game, turn);
    expect(seats.map((s) => s.actor)).toEqual(sc.def.actors.map((a) => a.id));
    for (const s of seats) expect(s.actions.find((a) => a.id === s.recorded)?.available).toBe(true);
    const answered = seats.flatMap((s) => s.dilemmas);
    expect(answered.length).toBeGreaterThan(0);
    for (const d of answered) expect(d.options.map((o) => o.id)).toContain(d.recorded);
  });
});

describe('changedChoices', () => {
  const seats = forkSeatsAt(sc, game, 2);
  const same = Object.fromEntries(seats.map((s) => [s.actor, { action: s.recorded }]));

  it('is empty when every pick is the recorded one, and a fork with it is the original game', () => {
    expect(changedChoices(seats, same)).toEqual({});
    expect(stateHash(forkGame(sc, game, { turn: 2, choose: changedChoices(seats, same) }).state)).toBe(stateHash(game));
  });

  it('keeps only the roles whose pick differs, and the fork then plays them', () => {
    const s = seats.find((x) => x.actions.filter((a) => a.available).length > 1)!;
    const other = s.actions.find((a) => a.available && a.id !== s.recorded)!.id;
    const choose = changedChoices(seats, { ...same, [s.actor]: { action: other } });
    expect(choose).toEqual({ [s.actor]: { action: other } });
    const fork = forkGame(sc, game, { turn: 2, choose });
    expect(
      fork.state.history.find((r) => r.turn === 2)!.events.some((e) => e.type === 'action' && e.result.actor === s.actor && e.result.action === other),
    ).toBe(true);
  });
});
