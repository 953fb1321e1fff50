import { describe, expect, it } from 'vitest';
import { compassWord, directionTo, frameMap, placeInsets } from './frame.js';

const seoul = { lon: 126.98, lat: 37.57 };
const moscow = { lon: 37.62, lat: 55.75 };
const washington = { lon: -77.04, lat: 38.9 };

describe('map frame', () => {
  it('finds Moscow to the north-west of Seoul and Washington east across the Pacific', () => {
    expect(compassWord(directionTo(seoul, moscow))).toBe('west-north-west');
    expect(Math.cos(directionTo(seoul, moscow))).toBeLessThan(0);
    expect(Math.sin(directionTo(seoul, moscow))).toBeGreaterThan(0);
    expect(compassWord(directionTo(seoul, washington))).toBe('east');
    expect(compassWord(Math.PI * 0.75)).toBe('north-west');
  });

  it('puts a western inset on the left edge near the top for a north-westerly actor, an eastern one on the right', () => {
    const r = { x: 0, y: 0, w: 640, h: 300 };
    const slots = placeInsets(
      [
        { index: 4, angle: directionTo(seoul, moscow) },
        { index: 1, angle: directionTo(seoul, washington) },
      ],
      r,
      96,
    );
    const rus = slots.find((s) => s.index === 4)!;
    const usa = slots.find((s) => s.index === 1)!;
    expect(rus.side).toBe('left');
    expect(rus.y).toBeLessThan(r.h / 2 - 96 / 2);
    expect(usa.side).toBe('right');
    expect(Math.abs(usa.y + 48 - r.h / 2)).toBeLessThan(30);
  });

  it('stacks insets on one edge without overlap and keeps them inside the frame', () => {
    const r = { x: 0, y: 0, w: 400, h: 300 };
    const slots = placeInsets(
      [
        { index: 0, angle: 0 },
        { index: 1, angle: 0.01 },
        { index: 2, angle: null },
      ],
      r,
      90,
    );
    const ys = slots.map((s) => s.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(90);
    for (const y of ys) expect(y + 90).toBeLessThanOrEqual(r.h);
    expect(slots.every((s) => s.side === 'right')).toBe(true);
  });

  it("keeps the main-map markers clear of the insets on the flagship's five capitals", () => {
    const points = [
      { index: 0, lon: 125.75, lat: 39.03 },
      { index: 1, ...washington },
      { index: 2, ...seoul },
      { index: 3, lon: 116.4, lat: 39.9 },
      { index: 4, ...moscow },
    ];
    for (const [r, compact] of [
      [{ x: 12, y: 64, w: 640, h: 296 }, false],
      [{ x: 8, y: 106, w: 374, h: 253 }, true],
    ] as const) {
      const f = frameMap(points, [], r, compact);
      expect(f.insets.map((i) => i.index).sort()).toEqual([1, 4]);
      for (const m of f.inMain) {
        const p = f.positions.get(m.index)!;
        for (const i of f.insets) expect(p.x < i.rect.x || p.x > i.rect.x + i.rect.w || p.y < i.rect.y || p.y > i.rect.y + i.rect.h).toBe(true);
      }
      expect(f.insets.find((i) => i.index === 4)!.rect.x).toBeLessThan(f.insets.find((i) => i.index === 1)!.rect.x);
    }
  });
});
