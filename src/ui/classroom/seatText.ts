// A classroom seat's screen in words, from what the server sent (never a full game state) and the scenario file.
import { turnLabel } from '../../analysis/debrief.js';
import type { Reading, Scenario } from '../../engine/index.js';
import { indicatorOrder } from '../indicatorOrder.js';
import { objectiveLines, type ObjectiveLine } from '../objectiveText.js';
import { readingText, readingWords } from '../readings.js';
import { fmt, fmtDelta } from '../theme.js';
import type { SeatState } from './wire.js';

export interface IndicatorRow {
  id: string;
  name: string;
  text: string;
  words: string;
  estimate: boolean;
  change: string | null;
}

/** pure; the seat's indicators, its own and those its objectives read first, each with its change since the last turn. */
export function indicatorRows(sc: Scenario, s: SeatState): IndicatorRow[] {
  const h = s.view.history;
  const before: readonly Reading[] | undefined = h.length >= 2 ? h[h.length - 2]!.indicators : undefined;
  return indicatorOrder(sc.def, s.role, s.status).map((i) => {
    const r = s.view.indicators[i]!;
    const ind = sc.def.indicators[i]!;
    const was = before?.[i];
    const delta = was === undefined ? 0 : r.value - was.value;
    return {
      id: ind.id,
      name: ind.name,
      text: r.exact ? readingText(r) : `${readingText(r)} ±${fmt(r.error)}`,
      words: readingWords(r),
      estimate: !r.exact,
      change: was === undefined || delta === 0 ? null : `${fmtDelta(delta)} since last turn${r.exact && was.exact ? '' : ' (estimates)'}`,
    };
  });
}

/** pure; the seat's objectives in words, judged on its own readings, with how far each comparison is. */
export function seatObjectives(sc: Scenario, s: SeatState): ObjectiveLine[] {
  const byId = new Map(sc.def.indicators.map((ind, i) => [ind.id, s.view.indicators[i]]));
  return objectiveLines(s.status, (id) => byId.get(id));
}

/** pure; "Year 1, Q2 — turn 2 of 6". */
export function turnLine(sc: Scenario, turn: number, over: boolean): string {
  return over ? `The game is over after ${turnLabel(sc, Math.min(turn, sc.turnCount))}` : `${turnLabel(sc, turn)} — turn ${turn} of ${sc.turnCount}`;
}

/** pure; who the seat waits for: "Waiting for 2 other players: Lowland, Harbor", or null when everyone is in. */
export function waitingLine(seats: ReadonlyArray<{ role: string; label: string; submitted: boolean }>, self: string): string | null {
  const waiting = seats.filter((x) => x.role !== self && !x.submitted).map((x) => x.label);
  if (waiting.length === 0) return null;
  return `Waiting for ${waiting.length} other player${waiting.length === 1 ? '' : 's'}: ${waiting.join(', ')}`;
}

/** pure; "0:42" left until `deadline`, or null without one. */
export function countdown(deadline: number | null | undefined, now: number): string | null {
  if (deadline === null || deadline === undefined) return null;
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/** pure; the line that says why the seat cannot play now, or null when it can. */
export function holdLine(s: SeatState): string | null {
  if (s.over) return null;
  if (s.stopped) return 'The instructor has ended the game at this table.';
  if (s.paused) return 'The instructor has paused this table. Your choices wait until play resumes.';
  if (s.ai) return 'The instructor has handed your seat to the AI: it chooses for you each turn until you get the seat back.';
  return null;
}

/** pure; the ending's title and text, the seat's score and the seed, for the end of the game. */
export function endingSummary(sc: Scenario, s: SeatState): { title: string; text: string; score: string; seed: string } {
  const e = sc.def.endings.find((x) => x.id === s.ending);
  const rating = e?.ratingReasons?.[s.role];
  return {
    title: e?.title ?? (s.stopped ? 'Stopped by the instructor' : 'The game is over'),
    text: [e?.text, rating].filter(Boolean).join(' '),
    score: s.objectives ? `Your score: ${fmt(s.objectives.score)} of ${fmt(s.objectives.max)} points` : 'Your score is shown when the game is over.',
    seed: s.seed === null ? 'The seed is shown when the game is over.' : `The seed was "${s.seed}": the same seed and choices give the same game offline.`,
  };
}

/** pure; who the AI played for last turn, in words ("Played by the AI last turn: you, Harbor"), or null when nobody. */
export function aiPlayedText(sc: Scenario, s: SeatState): string | null {
  if (s.aiPlayed.length === 0 || s.turn <= 1) return null;
  const names = s.aiPlayed.map((r) => (r === s.role ? 'you' : (sc.def.actors.find((a) => a.id === r)?.name ?? r)));
  return `Played by the AI last turn: ${names.join(', ')}.`;
}
