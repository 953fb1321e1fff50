import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame, explain, step, viewFor, type GameState } from '../engine/index.js';
import { biggestChanges, changeLine, num } from './narrate.js';
import { humanView, vagueExplanationLines, visibleChangeLines } from './seen.js';

const sc = loadScenario('tutorial');
const ECON = sc.indicatorIndex.get('upland_economy')!;

/** A game with the given human seats, every one holding course (or waiting), played for `turns` turns. */
function played(seats: Record<string, 'human'>, turns: number, seed = 'seen'): GameState {
  let s = createGame(sc, { seed, seats });
  for (let t = 0; t < turns && !s.over; t++) {
    const choices = Object.fromEntries(
      Object.keys(seats).map((id) => [
        id,
        {
          action: `${id}_wait`,
          dilemmas: Object.fromEntries(
            s.dilemmas.filter((d) => d.actor === id).map((d) => [d.event, sc.def.events!.find((e) => e.id === d.event)!.dilemma!.options[0]!.id]),
          ),
        },
      ]),
    );
    s = step(sc, s, choices).state;
  }
  return s;
}

describe('what the terminal shows of estimated numbers', () => {
  it("prints the truth when the AI plays every seat, and Lowland's reading when Lowland is human", () => {
    const ai = played({}, 2);
    expect(humanView(sc, ai).estimated).toEqual([]);
    const human = played({ lowland: 'human' }, 2);
    expect(humanView(sc, human).indicators).toEqual(viewFor(sc, human, 'lowland').indicators);
  });

  it("tells the turn's change of an estimated number between two readings, with causes but no true figures", () => {
    let found = 0;
    for (let k = 0; k < 12; k++) {
      const s = played({ lowland: 'human' }, 1 + (k % 3), `seen-${k}`);
      const v = humanView(sc, s);
      const lines = visibleChangeLines(sc, s, v, 50);
      const truths = biggestChanges(sc, s.history.at(-1)!.ledger, 50);
      for (const c of truths.filter((x) => x.key !== 'indicator:upland_economy')) expect(lines).toContain(changeLine(c));
      const line = lines.find((l) => l.startsWith("Upland's economy"));
      const from = v.history.at(-2)!.indicators[ECON]!;
      const to = v.indicators[ECON]!;
      if (from.value === to.value) {
        expect(line).toBeUndefined();
        continue;
      }
      found++;
      expect(line).toContain(`Upland's economy ≈ ${num(from.value)} → ≈ ${num(to.value)} (`);
      expect(line).toContain('between two estimates, each ±5');
      expect(line).not.toContain(num(s.indicators[ECON]!));
      expect(line).not.toMatch(/[+-]\d+(\.\d+)?(,|$)/);
    }
    expect(found).toBeGreaterThan(3);
  });

  it("explains an estimated number by its reading and the direction of each cause: its only figures are the reading's", () => {
    const s = played({ lowland: 'human' }, 3);
    const r = viewFor(sc, s, 'lowland').indicators[ECON]!;
    if (r.exact) throw new Error('Lowland should see an estimate');
    const x = explain(sc, s, 'indicator:upland_economy');
    const text = vagueExplanationLines(x, r, null).join('\n');
    expect(text).toContain(`Upland's economy: ≈ ${num(r.value)} (${num(r.low)}–${num(r.high)}), an estimate`);
    expect(text).toMatch(/exports to Harbor \((raised|lowered) it\)/);
    const figures = new Set((text.match(/\d+(\.\d+)?/g) ?? []).map(Number));
    expect(
      [...figures].every((f) => [r.value, r.low, r.high, r.error].includes(f)),
      [...figures].join(', '),
    ).toBe(true);
  });
});
