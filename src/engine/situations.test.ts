import { describe, expect, it } from 'vitest';
import { actionDef, baseScenario, compileOk, indicatorDef, situationDef, valueOf } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import { step } from './step.js';
import type { GameState, Scenario } from './types.js';

const hot = compileOk(
  baseScenario({
    turns: { count: 10, unit: 'round' },
    actions: [
      actionDef('up', 'a', { effects: [{ indicator: 'x', add: 10 }] }),
      actionDef('down', 'a', { effects: [{ indicator: 'x', add: -10 }] }),
      actionDef('b_wait', 'b'),
    ],
    situations: [
      situationDef('hot', 'x >= 70', 'x <= 40', {
        onStart: [{ indicator: 'ax', add: -5 }],
        whileActive: [{ indicator: 'bx', add: -1 }],
        onStop: [{ indicator: 'ax', add: 5 }],
      }),
    ],
  }),
);

function run(sc: Scenario, moves: string[]): GameState[] {
  let s = createGame(sc, { seed: 's' });
  return moves.map((m) => (s = step(sc, s, { a: { action: m } }).state));
}

describe('situations', () => {
  const moves = ['up', 'up', 'down', 'down', 'down', 'up', 'up'];
  const states = run(hot, moves);

  it('starts at the start threshold and stops only at the stop threshold, without flickering in between', () => {
    expect(states.map((s) => valueOf(hot, s, 'x'))).toEqual([60, 70, 60, 50, 40, 50, 60]);
    expect(states.map((s) => s.situations[0])).toEqual([0, 1, 1, 1, 0, 0, 0]);
  });

  it("reports starting and stopping among the turn's events", () => {
    expect(states[1]!.history.at(2)!.events).toContainEqual({ type: 'situation', id: 'hot', active: true });
    expect(states[4]!.history.at(5)!.events).toContainEqual({ type: 'situation', id: 'hot', active: false });
    expect(states[2]!.history.at(3)!.events.filter((e) => e.type === 'situation')).toEqual([]);
  });

  it('applies onStart once, whileActive every later turn it lasts, and onStop once', () => {
    expect(states.map((s) => valueOf(hot, s, 'ax'))).toEqual([50, 45, 45, 45, 50, 50, 50]);
    // whileActive on the turns after the start, while still active: turns 3 and 4 (not the start turn, not the stop turn).
    expect(states.map((s) => valueOf(hot, s, 'bx'))).toEqual([50, 50, 49, 48, 48, 48, 48]);
  });

  it('names the situation as the cause in the ledger', () => {
    expect(states[2]!.history.at(3)!.ledger).toContainEqual({
      turn: 3,
      target: 'indicator:bx',
      delta: -1,
      value: 49,
      cause: { kind: 'situation', id: 'hot', actor: null, label: 'Situation hot' },
    });
  });

  it('checks situations after per-turn changes', () => {
    const sc = compileOk(
      baseScenario({
        indicators: [indicatorDef('x', { perTurn: [{ label: 'heat', amount: 20 }] }), indicatorDef('ax', { actor: 'a' }), indicatorDef('bx', { actor: 'b' })],
        situations: [situationDef('hot', 'x >= 70', 'x <= 40')],
      }),
    );
    const s = step(sc, createGame(sc, { seed: 's' }), {}).state;
    expect(s.situations).toEqual([1]);
  });

  it('lets a later situation see what an earlier one did in the same turn', () => {
    const sc = compileOk(
      baseScenario({
        actions: [actionDef('up', 'a', { effects: [{ indicator: 'x', add: 30 }] }), actionDef('b_wait', 'b')],
        situations: [situationDef('first', 'x >= 70', 'x <= 0', { onStart: [{ indicator: 'ax', set: 99 }] }), situationDef('second', 'ax >= 99', 'ax <= 0')],
      }),
    );
    expect(step(sc, createGame(sc, { seed: 's' }), { a: { action: 'up' } }).state.situations).toEqual([1, 1]);
  });

  it('reads situations in expressions through active()', () => {
    const sc = compileOk(
      baseScenario({
        actions: [
          actionDef('up', 'a', { effects: [{ indicator: 'x', add: 30 }] }),
          actionDef('calm', 'a', { visible: 'active(hot)' }),
          actionDef('b_wait', 'b'),
        ],
        situations: [situationDef('hot', 'x >= 70', 'x <= 40')],
      }),
    );
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'up' } }).state;
    expect(step(sc, s, { a: { action: 'calm' } }).state.actionCounts[1]).toBe(1);
  });
});
