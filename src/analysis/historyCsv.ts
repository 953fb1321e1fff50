// The browser's history export as CSV: one row per turn of a game, through the one CSV writer, fit for a grade book.
import { scoreObjectives, type GameState, type Scenario } from '../engine/index.js';
import { csvText, type CsvValue } from './csv.js';

/** Decimal places of every number in the export: one, so 32.309999999999995 is written 32.3. */
export const CSV_DECIMALS = 1;
const round = (x: number): number => Math.round(x * 10) / 10;

/**
 * pure; the history table: run, scenario, seed, turn, period, every indicator (rounded to CSV_DECIMALS), each actor's
 * action id and label, each actor's dilemma answers that turn ("event=option" ids and the labels), then on the last
 * row the ending (id and title) and each actor's score out of its maximum.
 */
export function historyCsv(sc: Scenario, s: GameState, turnLabel: (t: number) => string): string {
  return csvText(historyRows(sc, s, turnLabel));
}

/** pure; historyCsv's table as rows, its header first, so several games can share one file. */
export function historyRows(sc: Scenario, s: GameState, turnLabel: (t: number) => string): CsvValue[][] {
  const def = sc.def;
  const actors = def.actors.map((a) => a.id);
  const header: CsvValue[] = ['run', 'scenario', 'seed', 'turn', 'period', ...def.indicators.map((i) => i.id)];
  for (const a of actors) header.push(`action_${a}`, `action_label_${a}`, `dilemmas_${a}`, `dilemma_labels_${a}`);
  header.push('ending', 'ending_title', ...actors.map((a) => `score_${a}`), ...actors.map((a) => `max_score_${a}`));
  const run = `${def.id}:${s.seed}`;
  const scores = scoreObjectives(sc, s);
  const last = s.history.at(-1)?.turn;
  const actionLabel = (id: string) => def.actions.find((x) => x.id === id)?.label ?? (id === 'pass' ? 'Hold course' : id);
  const rows = s.history.map((rec) => {
    const row: CsvValue[] = [run, def.id, s.seed, rec.turn, rec.turn === 0 ? 'start' : turnLabel(rec.turn), ...rec.indicators.map(round)];
    for (const a of actors) {
      const c = rec.choices[a];
      const answers = Object.entries(c?.dilemmas ?? {});
      const labels = answers.map(([ev, o]) => {
        const e = def.events?.find((x) => x.id === ev);
        return `${e?.title ?? ev}: ${e?.dilemma?.options.find((x) => x.id === o)?.label ?? o}`;
      });
      row.push(c?.action ?? '', c ? actionLabel(c.action) : '', answers.map(([ev, o]) => `${ev}=${o}`).join('; '), labels.join('; '));
    }
    const ending = rec.turn === last && s.ending !== null ? s.ending : '';
    row.push(ending, ending ? (def.endings.find((e) => e.id === ending)?.title ?? ending) : '');
    row.push(...scores.map((x) => (rec.turn === last ? x.score : '')), ...scores.map((x) => (rec.turn === last ? x.max : '')));
    return row;
  });
  return [header, ...rows];
}
