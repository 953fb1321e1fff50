import { describe, expect, it } from 'vitest';
import { backoffMs, seatVerdict } from './backoff.js';
import type { SeatState } from './wire.js';

function seat(turn: number, extra: Partial<SeatState> = {}): SeatState {
  const body = { code: 'ABCD23', table: 0, role: 'upland', turn, submitted: [], ...extra };
  return { ...body, hash: JSON.stringify(body) } as unknown as SeatState;
}

describe('backoffMs', () => {
  it('waits half a second first, doubling up to eight seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});

describe('seatVerdict', () => {
  it('shows a change within the turn and the next turn', () => {
    expect(seatVerdict(seat(2), seat(2, { submitted: ['lowland'] }))).toBe('show');
    expect(seatVerdict(seat(2), seat(3))).toBe('show');
  });
  it('ignores a state it already holds', () => {
    expect(seatVerdict(seat(2), seat(2))).toBe('same');
  });
  it("resyncs when a turn was skipped or went back, or the state is another seat's", () => {
    expect(seatVerdict(seat(2), seat(4))).toBe('resync');
    expect(seatVerdict(seat(3), seat(2))).toBe('resync');
    expect(seatVerdict(seat(2), seat(3, { role: 'lowland' }))).toBe('resync');
  });
});
