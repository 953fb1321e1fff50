// Exports for debriefs: the replay as JSON and the indicator history as CSV (one row per run and turn).
import { csvText } from '../analysis/csv.js';
import type { GameState, Replay, Scenario } from '../engine/index.js';

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

/** pure; the replay file's text. */
export function replayJson(replay: Replay): string {
  return JSON.stringify(replay, null, 2) + '\n';
}

/** Offers `text` as a file download. */
export function download(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
