// Where small map labels go: the first candidate spot that covers nothing already drawn.
import type { Rect } from '../dom/twins.js';

/** pure; whether two rectangles overlap (touching edges do not). */
export function overlapsRect(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** pure; the first of `candidates` inside `within` that overlaps none of `taken` (else the first inside, else the first); it is added to `taken`. */
export function pickSpot(candidates: readonly Rect[], taken: Rect[], within: Rect): Rect {
  const inside = candidates.filter((c) => c.x >= within.x && c.y >= within.y && c.x + c.w <= within.x + within.w && c.y + c.h <= within.y + within.h);
  const spot = inside.find((c) => !taken.some((t) => overlapsRect(c, t))) ?? inside[0] ?? candidates[0]!;
  taken.push(spot);
  return spot;
}

/** pure; a w x h box centred on each point, in order. */
export function centredOn(points: ReadonlyArray<{ x: number; y: number }>, w: number, h: number): Rect[] {
  return points.map((p) => ({ x: p.x - w / 2, y: p.y - h / 2, w, h }));
}
