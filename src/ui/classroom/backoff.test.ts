import { canonicalJson, sha256Hex } from '../../engine/index.js';
import { describe, expect, it } from 'vitest';
import { backoffMs, hashMatches, seatVerdict } from './backoff.js';
import type { SeatState } from './wire.js';

function seat(turn: number, extra: Partial<SeatState> = {}): SeatState {
  const body = { code: 'ABCD23', table: 0, role: 'upland', turn, over: false, ending: null, seed: null, submitted: [], news: [], ...extra } as unknown as Omit<SeatState, 'hash'>;
  return { ...body, hash: sha256Hex(canonicalJson(body)) };
}

describe('backoffMs', () => {
  it('waits half a second first, doubling up to eight seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});

describe('seatVerdict', () => {
  it('shows a change within the turn and the next turn', () => {
    expect(seatVerdict(seat(2), seat(2, { submitted: ['lowland'] }), true)).toBe('show');
    expect(seatVerdict(seat(2), seat(3), true)).toBe('show');
  });
  it('ignores a state it already holds', () => {
    expect(seatVerdict(seat(2), seat(2), true)).toBe('same');
  });
  it('resyncs when a turn was skipped, went back, or the hash does not match the body', () => {
    expect(seatVerdict(seat(2), seat(4), true)).toBe('resync');
    expect(seatVerdict(seat(3), seat(2), true)).toBe('resync');
    expect(seatVerdict(seat(2), seat(3), false)).toBe('resync');
  });
});

describe('hashMatches', () => {
  it('accepts the hash of the body and refuses an altered body', () => {
    const s = seat(1);
    expect(hashMatches(s)).toBe(true);
    expect(hashMatches({ ...s, turn: 2 })).toBe(false);
  });
});
