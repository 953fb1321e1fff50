// The AI's look-ahead copy: changes it makes are undone by rollback, and it shares no array with the state it copies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, loadScenario } from '../../tests/unit/fixtures.js';
import { runEffects } from './effects.js';
import { createGame } from './game.js';
import { step } from './step.js';
import type { Cause } from './types.js';
import { Work } from './work.js';

const flagship = loadScenario('party-congress');
const cause: Cause = { kind: 'action', id: 'test', actor: null, label: 'test' };
const values = (w: Work) => [w.indicators, w.flows, w.flags, w.raw, w.stances].map((a) => a.slice());

describe('look-ahead Work', () => {
  it("undoes every change of every action's effects with rollback, however many are stacked", () => {
    let s = createGame(flagship, { seed: 'look' });
    for (let t = 0; t < 3; t++) s = step(flagship, s, {}).state;
    const w = new Work(flagship, s, false, true);
    const start = values(w);
    for (const a of flagship.actions) runEffects(w, [...a.effects, ...(a.outcome?.success ?? [])], w, w, a.actor, cause, 0.5, 0.85);
    expect(values(w)).not.toEqual(start);
    w.rollback();
    expect(values(w)).toEqual(start);
  });

  it('owns every array it has, so its changes never reach the state it was made from', () => {
    const s = deepFreeze(createGame(flagship, { seed: 'own' }));
    const w = new Work(flagship, s, false, true);
    for (const key of ['indicators', 'flows', 'flags', 'stances', 'pending', 'actionCounts', 'actionLast', 'eventCounts', 'eventLast', 'situations'] as const) {
      expect(w[key], key).not.toBe(s[key]);
    }
    for (const a of flagship.actions) runEffects(w, a.effects, w, w, a.actor, cause, 1, 0.85);
  });
});

describe('Work: stance modifiers', () => {
  it('adds to the modifier of the same pair and label, wherever it sits in the list, and appends a new one otherwise', () => {
    const s = createGame(flagship, { seed: 'mods' });
    const w = new Work(flagship, s, false);
    const n = flagship.actors.length;
    const before = w.modifiers.length;
    w.addToStance(1, 2, 'first', 0, cause, 0);
    w.addToStance(n, 3, 'second', 0, cause, 0);
    w.addToStance(1, 4, 'first', 0, cause, 0);
    w.addToStance(1, 1, 'other', 0, cause, 0);
    expect(w.modifiers.slice(before)).toEqual([
      { pair: 1, label: 'first', value: 6, decay: 0 },
      { pair: n, label: 'second', value: 3, decay: 0 },
      { pair: 1, label: 'other', value: 1, decay: 0 },
    ]);
    w.fadeModifiers();
    w.addToStance(n, 1, 'second', 0, cause, 0);
    expect(w.modifiers.filter((m) => m.pair === n && m.label === 'second')).toEqual([{ pair: n, label: 'second', value: 4, decay: 0 }]);
  });

  it('gives a new modifier the part of the amount that fits in the stance range, as Math.min and Math.max would', () => {
    const s = createGame(flagship, { seed: 'room' });
    const { stanceMin: lo, stanceMax: hi } = flagship;
    const amounts = fc.oneof(fc.double({ min: -300, max: 300, noNaN: true }), fc.constantFrom(0, -0, 1e-12, -1e-12, hi - lo, lo - hi));
    fc.assert(
      fc.property(fc.double({ min: lo - 50, max: hi + 50, noNaN: true }), amounts, (raw, amount) => {
        const w = new Work(flagship, s, false);
        w.raw[1] = raw;
        w.addToStance(1, amount, 'probe', 0, cause, 0);
        const room = amount > 0 ? Math.max(0, Math.min(amount, hi - raw)) : Math.min(0, Math.max(amount, lo - raw));
        const added = w.modifiers.find((m) => m.pair === 1 && m.label === 'probe');
        expect(Object.is(added!.value, room), `raw ${raw}, amount ${amount}: ${added!.value} against ${room}`).toBe(true);
        expect(w.raw[1]).toBe(raw + room);
      }),
      { numRuns: 2000, seed: 20261203 },
    );
  });
});
