import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import { History } from './history.js';
import { step } from './step.js';
import type { TurnRecord } from './types.js';

const rec = (turn: number): TurnRecord => ({ turn, choices: {}, events: [], ledger: [], indicators: [turn] });
const turns = (h: History) => h.map((r) => r.turn);

describe('History', () => {
  it('appends without changing the history it was appended to', () => {
    const a = History.of([rec(0)]);
    const b = a.append(rec(1));
    expect(turns(a)).toEqual([0]);
    expect(turns(b)).toEqual([0, 1]);
    expect(a.at(1)).toBeUndefined();
  });

  it('gives two appends to the same history separate records (a branch copies its prefix)', () => {
    const a = History.of([rec(0)]).append(rec(1));
    const b = a.append(rec(2));
    const c = a.append(rec(7));
    expect(turns(b)).toEqual([0, 1, 2]);
    expect(turns(c)).toEqual([0, 1, 7]);
    expect(turns(b.append(rec(3)))).toEqual([0, 1, 2, 3]);
    expect(turns(a)).toEqual([0, 1]);
  });

  it('reads like an array: at (also from the end), iteration, slice, and JSON', () => {
    const h = History.of([rec(0), rec(1), rec(2)]);
    expect(h.at(-1)?.turn).toBe(2);
    expect(h.at(3)).toBeUndefined();
    expect([...h].map((r) => r.turn)).toEqual([0, 1, 2]);
    expect(h.slice(1).map((r) => r.turn)).toEqual([1, 2]);
    expect(JSON.parse(JSON.stringify({ h })) as unknown).toEqual({ h: [rec(0), rec(1), rec(2)] });
  });
});

describe('step: the history', () => {
  const tutorial = loadScenario('tutorial');

  it("leaves the input state's history as it was when a second step branches from it", () => {
    const g = createGame(tutorial, { seed: 'branch' });
    const s1 = step(tutorial, g, {}).state;
    const s2 = step(tutorial, s1, {}).state;
    const again = step(tutorial, s1, {}).state;
    expect(s1.history.length).toBe(2);
    expect(s2.history.length).toBe(3);
    expect(again.history.toArray()).toEqual(s2.history.toArray());
    expect(again.history.at(2)).not.toBe(s2.history.at(2));
  });

  it('steps a state whose history went through JSON as a plain array', () => {
    const g = step(tutorial, createGame(tutorial, { seed: 'json' }), {}).state;
    const copy = JSON.parse(JSON.stringify(g)) as typeof g;
    expect(step(tutorial, copy, {}).state.history.toArray()).toEqual(step(tutorial, g, {}).state.history.toArray());
  });
});
