// The browser's history export as CSV: one row per turn of a game, through the one CSV writer.
import type { GameState, Scenario } from '../engine/index.js';
import { csvText } from './csv.js';

/** pure; the history table: run, scenario, seed, turn, period, every indicator, then each actor's action. */
export function historyCsv(sc: Scenario, s: GameState, turnLabel: (t: number) => string): string {
  const actors = sc.def.actors.map((a) => a.id);
  const header = ['run', 'scenario', 'seed', 'turn', 'period', ...sc.def.indicators.map((i) => i.id), ...actors.map((a) => `action_${a}`), 'ending'];
  const run = `${sc.def.id}:${s.seed}`;
  const rows = s.history.map((rec) => {
    const period = rec.turn === 0 ? 'start' : turnLabel(rec.turn);
    const acts = actors.map((a) => rec.choices[a]?.action ?? '');
    const ending = rec.events.find((e) => e.type === 'ending');
    return [run, sc.def.id, s.seed, rec.turn, period, ...rec.indicators, ...acts, ending && ending.type === 'ending' ? ending.id : ''];
  });
  return csvText([header, ...rows]);
}
