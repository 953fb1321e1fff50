import { describe, expect, it } from 'vitest';
import { createGame, step } from '../../engine/index.js';
import { loadScenario } from '../../../tests/unit/fixtures.js';
import { changeWords, marked, signed, stanceChanges, stanceViews, topMovers, valuesBefore } from './stanceChanges.js';

const sc = loadScenario('party-congress');

describe('what the last turn changed in the stance network', () => {
  it('has nothing to compare on the first turn', () => {
    expect(valuesBefore(sc, createGame(sc, { seed: 'map' }))).toBeNull();
  });

  it('undoes each resolved turn from its ledger back to the stances and flows it started from', () => {
    let s = createGame(sc, { seed: 'map' });
    for (let turn = 0; turn < 4; turn++) {
      const start = s;
      s = step(sc, s, {}).state;
      const was = valuesBefore(sc, s)!;
      expect(was.stances.map((v, i) => v - start.stances[i]!).every((d) => Math.abs(d) < 1e-9)).toBe(true);
      expect(was.flows.map((v, i) => v - start.flows[i]!).every((d) => Math.abs(d) < 1e-9)).toBe(true);
    }
  });

  it('lists the stances that moved, with the band left behind when one was crossed', () => {
    const start = createGame(sc, { seed: 'map' });
    let s = start;
    for (let turn = 0; turn < 3; turn++) s = step(sc, s, {}).state;
    const was = valuesBefore(sc, s)!;
    const now = stanceViews(sc, s.stances, s.flows);
    const changes = stanceChanges(now, stanceViews(sc, was.stances, was.flows));
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      const n = sc.actors.length;
      expect(c.delta).toBeCloseTo(s.stances[c.from * n + c.to]! - was.stances[c.from * n + c.to]!, 9);
      if (c.bandStep !== 0) expect(c.wasBand).not.toBe(now.find((v) => v.from === c.from && v.to === c.to)!.band);
    }
    expect(stanceChanges(now, null)).toEqual([]);
  });

  it("marks a crossed band or a big move, and names each actor's biggest move once, largest first", () => {
    const base = { wasBand: null, bandStep: 0, leverageDelta: 0 };
    const changes = [
      { ...base, from: 0, to: 1, delta: 2 },
      { ...base, from: 0, to: 2, delta: -7 },
      { ...base, from: 1, to: 0, delta: 3 },
      { ...base, from: 2, to: 0, delta: 0.5 },
    ];
    expect(topMovers(changes).map((c) => [c.from, c.delta])).toEqual([
      [0, -7],
      [1, 3],
    ]);
    expect(marked(changes[0]!)).toBe(false);
    expect(marked(changes[1]!)).toBe(true);
    expect(marked({ ...changes[0]!, bandStep: 1, wasBand: 'cold' })).toBe(true);
    expect(signed(-7)).toBe('▼ −7');
    expect(signed(2.5)).toBe('▲ +2.5');
  });

  it('says a change in words a student reads', () => {
    const now = { from: 0, to: 1, value: 10, band: 'cold', bandPos: 1, bandCount: 5, leverage: 0 };
    expect(changeWords({ from: 0, to: 1, delta: -8, wasBand: 'wary', bandStep: -1, leverageDelta: -0.2 }, now)).toBe(
      'now cold (was wary), down 8 this turn, leverage lost (−0.2)',
    );
  });
});
