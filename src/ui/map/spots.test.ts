import { describe, expect, it } from 'vitest';
import { centredOn, overlapsRect, pickSpot } from './spots.js';

const within = { x: 0, y: 0, w: 100, h: 100 };

describe('pickSpot', () => {
  it('takes the first candidate that covers nothing already drawn, and keeps it as taken', () => {
    const taken = [{ x: 0, y: 0, w: 20, h: 20 }];
    const spot = pickSpot(
      [
        { x: 10, y: 10, w: 10, h: 10 },
        { x: 30, y: 30, w: 10, h: 10 },
      ],
      taken,
      within,
    );
    expect(spot).toEqual({ x: 30, y: 30, w: 10, h: 10 });
    expect(taken).toContainEqual(spot);
  });

  it('never picks a spot outside the frame when one inside exists, even if all inside overlap', () => {
    const taken = [{ x: 0, y: 0, w: 100, h: 100 }];
    expect(
      pickSpot(
        [
          { x: -5, y: 0, w: 10, h: 10 },
          { x: 50, y: 50, w: 10, h: 10 },
        ],
        taken,
        within,
      ),
    ).toEqual({ x: 50, y: 50, w: 10, h: 10 });
  });

  it('treats touching edges as not overlapping', () => {
    expect(overlapsRect({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(false);
    expect(overlapsRect({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 10, h: 10 })).toBe(true);
  });

  it('centres boxes on points', () => {
    expect(centredOn([{ x: 10, y: 20 }], 4, 6)).toEqual([{ x: 8, y: 17, w: 4, h: 6 }]);
  });
});
