// When to try a lost connection again, and whether a seat's new state is the one this device expects.
import type { SeatState } from './wire.js';

/** pure; the wait before reconnection attempt `attempt` (0 first): 0.5 s doubling to at most 8 s. */
export function backoffMs(attempt: number): number {
  return Math.min(8000, 500 * 2 ** Math.max(0, Math.min(attempt, 5)));
}

/**
 * pure; what to do with a seat state that arrived while `held` was shown: 'show' it (the same turn changed, or
 * the next turn opened), 'same' (the hash it holds: nothing new), or 'resync' (a turn was skipped or went back, or
 * another seat's state): the device then asks the server again rather than drift.
 */
export function seatVerdict(held: SeatState | null, next: SeatState): 'show' | 'same' | 'resync' {
  if (held === null || held.table !== next.table || held.role !== next.role) return held === null ? 'show' : 'resync';
  if (next.hash === held.hash) return 'same';
  if (next.turn === held.turn || next.turn === held.turn + 1) return 'show';
  return 'resync';
}
