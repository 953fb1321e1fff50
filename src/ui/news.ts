// What happened, in words: turn events (actions with rolled odds, events, dilemmas, situations, endings), told by the
// debrief's narrate() so the browser, the CLI and the debrief say the same thing.
import { narrate } from '../analysis/debrief.js';
import { unreachable, type GameState, type Scenario, type TurnEvent } from '../engine/index.js';
import { fmt } from './theme.js';

export interface NewsItem {
  turn: number;
  title: string;
  text: string;
  kind: TurnEvent['type'];
}

/** "62% — succeeded" for a rolled action; null when the outcome was certain. */
export function rollText(odds: number | null, success: boolean | null): string | null {
  if (odds === null || success === null) return null;
  return `${fmt(odds)}% — ${success ? 'succeeded' : 'failed'}`;
}

/** The turn whose news an event is: the resolved turn's own choices, or the opening of the next (never past the last turn: the ending is the last turn's news). */
function newsTurn(e: TurnEvent, resolved: number, last: number): number {
  switch (e.type) {
    case 'action':
    case 'dilemma-answer':
      return resolved;
    case 'event':
    case 'dilemma':
    case 'situation':
    case 'ending':
      return Math.max(1, Math.min(resolved + 1, last));
    default:
      return unreachable(e, 'turn event');
  }
}

/** pure; one turn's events in words; `resolved` is the turn the record resolved. */
export function describeEvents(sc: Scenario, events: readonly TurnEvent[], resolved: number): NewsItem[] {
  return events.map((e) => ({ turn: newsTurn(e, resolved, sc.turnCount), kind: e.type, ...narrate(sc, e) }));
}

/** pure; the whole game's news, most recent first. */
export function newsFeed(sc: Scenario, s: GameState): NewsItem[] {
  const items: NewsItem[] = [];
  for (const rec of s.history) items.push(...describeEvents(sc, rec.events, rec.turn));
  return items.sort((a, b) => b.turn - a.turn);
}
