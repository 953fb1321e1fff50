// When to try a lost connection again, and whether a seat's new state is the one this device expects.
import { canonicalJson, sha256Hex } from '../../engine/index.js';
import type { SeatState } from './wire.js';

/** pure; the wait before reconnection attempt `attempt` (0 first): 0.5 s doubling to at most 8 s. */
export function backoffMs(attempt: number): number {
  return Math.min(8000, 500 * 2 ** Math.max(0, Math.min(attempt, 5)));
}

/** pure; whether a seat state's hash is the hash of the rest of it (as the server computed it before sending). */
export function hashMatches(s: SeatState): boolean {
  const { hash, ...body } = s;
  return sha256Hex(canonicalJson(body)) === hash;
}

/**
 * pure; what to do with a seat state that arrived while `held` was shown: 'show' it (the same turn changed, or
 * the next turn opened), 'same' (nothing new), or 'resync' (a turn was skipped or went back, or the hash does not
 * match its body): the device then asks the server again rather than drift.
 */
export function seatVerdict(held: SeatState | null, next: SeatState, hashOk: boolean): 'show' | 'same' | 'resync' {
  if (!hashOk) return 'resync';
  if (held === null || held.table !== next.table || held.role !== next.role) return held === null ? 'show' : 'resync';
  if (next.hash === held.hash) return 'same';
  if (next.turn === held.turn || next.turn === held.turn + 1) return 'show';
  return 'resync';
}
