import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { comparisonSetup, playGame } from '../../bench/comparison.js';
import { engineDraw, playFloor, sequenceDraw, type DrawRecord } from '../../bench/lib/floor.js';
import { engineFacts, floorVersusEngine } from '../../bench/lib/sameGame.js';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const { sc, seats } = comparisonSetup(root);

describe('the bench floor', () => {
  it('ends every game with the engine exact indicators and stances, drawing what the engine draws', () => {
    for (const game of [0, 1, 2, 7, 42]) {
      const trace: DrawRecord[] = [];
      const floor = playFloor(game, engineDraw(game), trace);
      expect(floorVersusEngine(engineFacts(sc, playGame(sc, game, seats, { ledger: false })), floor, trace)).toEqual([]);
      expect(floor.draws).toBe(195);
    }
  });

  it('is caught when its dice are not the engine dice', () => {
    const game = 3;
    const trace: DrawRecord[] = [];
    const shifted = engineDraw(game + 1);
    const floor = playFloor(game, shifted, trace);
    expect(floorVersusEngine(engineFacts(sc, playGame(sc, game, seats, { ledger: false })), floor, trace).length).toBeGreaterThan(0);
  });

  it('replays a keyless sequence of draws in order and refuses to run past its end', () => {
    const trace: DrawRecord[] = [];
    const values = Array.from({ length: 195 }, (_, k) => (k * 0.618) % 1);
    playFloor(0, sequenceDraw(values), trace);
    expect(trace.map((d) => d.roll / 100)).toEqual(values.map((v) => (v * 100) / 100));
    expect(() => playFloor(0, sequenceDraw(values.slice(0, 10)))).toThrow(/draw 11 of a sequence of 10/);
  });
});
