// What one seat sees: every indicator exactly or as a seeded estimate, now and turn by turn. Never touches the state.
import { clamp } from './clamp.js';
import { hashText, noise } from './noise.js';
import { EngineError, type GameState, type LedgerEntry, type Scenario } from './types.js';

/** A reading within `error` of the truth: `value` is a whole number, and the truth lies in [low, high]. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  error: number;
}

/** One indicator as a seat sees it: the exact value, or an estimate. */
export type Reading = { exact: true; value: number } | ({ exact: false } & Estimate);

/**
 * A seat's view of the game's numbers. Only indicators can be estimates: stances, leverage, flows, flags,
 * situations, news and the legal choices are the same for every seat and are read from the state itself.
 */
export interface SeatView {
  /** The actors whose view this is: one for a seat's own screen, several for a screen they share. */
  actors: string[];
  /** The turn the current readings were taken at. */
  turn: number;
  /** Every indicator now, in scenario order. */
  indicators: Reading[];
  /** Every indicator after each history record (record 0 is the start), each read at the turn it was seen. */
  history: Array<{ turn: number; indicators: Reading[] }>;
  /** Ids of the indicators this view holds only as estimates. */
  estimated: string[];
}

/** A cause of change told without figures, for an indicator a seat sees only as an estimate. */
export interface VagueChange {
  turn: number;
  cause: LedgerEntry['cause'];
  direction: 'raised' | 'lowered' | 'unchanged';
}

/** The key of a game's estimate noise, apart from the AI's fuzz (which hashes the bare seed). */
function viewKey(seed: string): number {
  return hashText(`view\u0000${seed}`);
}

/**
 * pure; `truth` as read by `actor` at `turn`: a whole number drawn evenly (by the integer hash, never the game's
 * generator) from those within `error` of the truth and inside [min, max]; low/high are value ∓ error, clamped.
 */
export function estimateOf(key: number, turn: number, indicator: number, actor: number, truth: number, error: number, min: number, max: number): Estimate {
  const lo = Math.max(Math.ceil(truth - error), Math.ceil(min));
  const hi = Math.min(Math.floor(truth + error), Math.floor(max));
  // A range holding no whole number near the truth (only possible when it spans less than 1) gives the truth itself.
  const value = lo > hi ? truth : lo + Math.floor(noise(key, turn, actor, indicator) * (hi - lo + 1));
  return { value, low: clamp(value - error, min, max), high: clamp(value + error, min, max), error };
}

/** The readings of `values` at `turn` by the actor of index `reader` for each indicator (-1: exact). */
function readAll(sc: Scenario, key: number, turn: number, values: readonly number[], reader: readonly number[]): Reading[] {
  return sc.indicators.map((ind, i): Reading => {
    const truth = values[i] ?? 0;
    const a = reader[i] ?? -1;
    const error = a < 0 ? 0 : (ind.estimateError[a] ?? 0);
    if (error <= 0) return { exact: true, value: truth };
    return { exact: false, ...estimateOf(key, turn, i, a, truth, error, ind.min, ind.max) };
  });
}

function viewOf(sc: Scenario, s: GameState, actors: string[], reader: readonly number[]): SeatView {
  const key = viewKey(s.seed);
  const indicators = readAll(sc, key, s.turn, s.indicators, reader);
  return {
    actors,
    turn: s.turn,
    indicators,
    history: s.history.map((rec) => ({ turn: rec.turn, indicators: readAll(sc, key, rec.turn + 1, rec.indicators, reader) })),
    estimated: sc.indicators.filter((_, i) => !indicators[i]!.exact).map((ind) => ind.id),
  };
}

function indexOf(sc: Scenario, actorId: string): number {
  const i = sc.actorIndex.get(actorId);
  if (i === undefined) throw new EngineError(`unknown actor "${actorId}"; actors: ${[...sc.actorIndex.keys()].join(', ')}`);
  return i;
}

/** pure; what `actorId` sees: each indicator exactly, or as a reading that is stable within a turn and new each turn. */
export function viewFor(sc: Scenario, s: GameState, actorId: string): SeatView {
  const a = indexOf(sc, actorId);
  return viewOf(
    sc,
    s,
    [actorId],
    sc.indicators.map(() => a),
  );
}

/**
 * pure; the view for a screen several seats share: each indicator as the least-informed of them sees it (the
 * largest error; the first in scenario order on ties), so no seat reads a figure more exact than its own. Exact
 * when none of them estimates it, and for an empty list.
 */
export function sharedView(sc: Scenario, s: GameState, actorIds: readonly string[]): SeatView {
  const seats = [...new Set(actorIds)].map((id) => indexOf(sc, id)).sort((x, y) => x - y);
  const reader = sc.indicators.map((ind) => {
    let best = -1;
    for (const a of seats) if ((ind.estimateError[a] ?? 0) > (best < 0 ? 0 : (ind.estimateError[best] ?? 0))) best = a;
    return best;
  });
  return viewOf(
    sc,
    s,
    seats.map((a) => sc.actors[a]!.id),
    reader,
  );
}

/** pure; ledger entries as causes with a direction and no figures, in the order they happened. */
export function vagueChanges(entries: readonly LedgerEntry[]): VagueChange[] {
  return entries.map((e) => ({ turn: e.turn, cause: e.cause, direction: e.delta > 0 ? 'raised' : e.delta < 0 ? 'lowered' : 'unchanged' }));
}

/** pure; for each indicator that some actor sees only as an estimate, the groups of actor ids by error, largest error first. */
export function estimateGroups(sc: Scenario): Array<{ indicator: string; groups: Array<{ error: number; actors: string[] }> }> {
  const out: Array<{ indicator: string; groups: Array<{ error: number; actors: string[] }> }> = [];
  for (const ind of sc.indicators) {
    const byError = new Map<number, string[]>();
    ind.estimateError.forEach((e, a) => {
      if (e > 0) byError.set(e, [...(byError.get(e) ?? []), sc.actors[a]!.id]);
    });
    if (byError.size) out.push({ indicator: ind.id, groups: [...byError].sort((x, y) => y[0] - x[0]).map(([error, actors]) => ({ error, actors })) });
  }
  return out;
}
