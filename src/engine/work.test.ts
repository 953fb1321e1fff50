// The attribution ledger kept by the working copy: every change to every number is recorded with its cause.
import { describe, expect, it } from 'vitest';
import { ledgerSums, ledgerValues, loadScenario } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import { step } from './step.js';
import type { GameState, LedgerEntry, Scenario } from './types.js';

const EPS = 1e-9;

/** Checks that `ledger` explains every difference between `from` and `to`, entry by entry. */
function expectAccounted(sc: Scenario, from: Map<string, number>, to: GameState, ledger: readonly LedgerEntry[]): void {
  const after = ledgerValues(sc, to);
  const sums = ledgerSums(ledger);
  for (const [key, value] of after) {
    const change = value - from.get(key)!;
    const sum = sums.get(key) ?? 0;
    if (Math.abs(change - sum) > EPS) throw new Error(`${key}: changed by ${change} but the ledger accounts for ${sum}`);
  }
  for (const key of sums.keys()) expect(after.has(key)).toBe(true);
  // Each entry's value is the previous value plus its delta.
  const running = new Map(from);
  for (const e of ledger) {
    const next = running.get(e.target)! + e.delta;
    if (Math.abs(next - e.value) > EPS) throw new Error(`${e.target}: entry value ${e.value} does not follow from ${running.get(e.target)} + ${e.delta}`);
    running.set(e.target, e.value);
    expect(e.delta !== 0 || e.clamped).toBe(true);
  }
}

/** Values of a scenario's numbers as declared in the file. */
function declared(sc: Scenario): Map<string, number> {
  const out = new Map<string, number>();
  sc.keys.indicator.forEach((k, i) => out.set(k, sc.def.indicators[i]!.initial));
  sc.keys.flow.forEach((k, i) => out.set(k, sc.def.flows![i]!.initial));
  sc.keys.flag.forEach((k, i) => out.set(k, sc.def.flags![i]!.initial ?? 0));
  sc.keys.stance.forEach((k, i) => out.set(k, sc.initialStance[i]!));
  return out;
}

function checkGames(name: string, seeds: number): void {
  const sc = loadScenario(name);
  for (let i = 0; i < seeds; i++) {
    let s = createGame(sc, { seed: `ledger-${i}`, aiFuzz: (i % 5) / 4 });
    expectAccounted(sc, declared(sc), s, s.history.at(0)!.ledger);
    while (!s.over) {
      const before = ledgerValues(sc, s);
      s = step(sc, s, {}).state;
      expectAccounted(sc, before, s, s.history.at(-1)!.ledger);
    }
  }
}

describe('the attribution ledger', () => {
  it('accounts for every change to every number in the tutorial, turn by turn, over many seeds', () => {
    checkGames('tutorial', 60);
  });

  it('accounts for every change to every number in the party-congress scenario over several seeds', () => {
    checkGames('party-congress', 12);
  });

  it('stamps every entry with the turn it happened in and a cause', () => {
    const sc = loadScenario('tutorial');
    let s = createGame(sc, { seed: 'stamp' });
    while (!s.over) s = step(sc, s, {}).state;
    s.history.forEach((rec, k) => {
      for (const e of rec.ledger) {
        // A turn's record holds its own resolution and the opening of the next turn.
        expect([rec.turn, rec.turn + 1]).toContain(e.turn);
        expect(e.cause.label.length).toBeGreaterThan(0);
        expect(['action', 'cost', 'outcome', 'delayed', 'event', 'dilemma', 'situation', 'drift', 'decay', 'start']).toContain(e.cause.kind);
      }
      expect(rec.turn).toBe(k);
    });
  });

  it('records the whole history: summing every entry of every turn gives the final value', () => {
    const sc = loadScenario('tutorial');
    let s = createGame(sc, { seed: 'whole' });
    while (!s.over) s = step(sc, s, {}).state;
    expectAccounted(
      sc,
      declared(sc),
      s,
      s.history.flatMap((r) => r.ledger),
    );
  });
});
