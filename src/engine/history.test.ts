import { describe, expect, it } from 'vitest';
import { scalingScenario } from '../../bench/lib/scalingScenario.js';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { compileScenario } from './compile.js';
import { createGame } from './game.js';
import { History, PACK_BLOCK } from './history.js';
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

describe('History: packed records', () => {
  const long = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => ({ ...rec(from + i), indicators: [from + i, (from + i) / 3], choices: { a: { action: `x${i % 5}` } } }));

  it('reads back every record of a long history, packed or not, as it was appended', () => {
    const records = long(5 * PACK_BLOCK + 17);
    let h = History.of([]);
    for (const r of records) h = h.append(r);
    expect(h.toArray()).toStrictEqual(records);
    expect(h.at(3)).toStrictEqual(records[3]);
    expect(h.at(-1)).toBe(records.at(-1));
    expect(JSON.parse(JSON.stringify(h)) as unknown).toEqual(records);
  });

  it('branches from a record inside a packed block and from one still kept as an object', () => {
    const records = long(4 * PACK_BLOCK);
    const states: History[] = [History.of([])];
    for (const r of records) states.push(states.at(-1)!.append(r));
    for (const at of [PACK_BLOCK + 5, 2 * PACK_BLOCK, 4 * PACK_BLOCK - 3]) {
      const branch = long(2 * PACK_BLOCK + 1, 10_000);
      let b = states[at]!;
      for (const r of branch) b = b.append(r);
      expect(b.toArray()).toStrictEqual([...records.slice(0, at), ...branch]);
      expect(states[at]!.toArray()).toStrictEqual(records.slice(0, at));
    }
    expect(states.at(-1)!.toArray()).toStrictEqual(records);
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

  it("keeps a long game's records readable: each one equals the record the step that made it returned", () => {
    const compiled = compileScenario(scalingScenario({ actors: 3, indicatorsPerActor: 2, events: 3, turns: 5 * PACK_BLOCK }));
    if (!compiled.ok) throw new Error(compiled.diagnostics[0]?.message);
    const sc = compiled.scenario;
    let s = createGame(sc, { seed: 'long' });
    const made = [...s.history];
    while (!s.over) {
      s = step(sc, s, {}).state;
      made.push(s.history.at(-1)!);
    }
    expect(made.length).toBeGreaterThan(4 * PACK_BLOCK);
    expect(s.history.toArray()).toStrictEqual(JSON.parse(JSON.stringify(made)) as unknown);
  });

  it('steps a state whose history went through JSON as a plain array', () => {
    const g = step(tutorial, createGame(tutorial, { seed: 'json' }), {}).state;
    const copy = JSON.parse(JSON.stringify(g)) as typeof g;
    expect(step(tutorial, copy, {}).state.history.toArray()).toEqual(step(tutorial, g, {}).state.history.toArray());
  });
});
