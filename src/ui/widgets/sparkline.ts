// A small line chart of one indicator's values turn by turn.
import type { GameObjects } from 'phaser';
import type { Rect } from '../dom/twins.js';
import { COLOR } from '../theme.js';
import { polyline } from './polyline.js';

/** Draws `values` into `r`, scaled within the declared range but zoomed to the data when it moves little. */
export function drawSparkline(g: GameObjects.Graphics, r: Rect, values: readonly number[], min: number, max: number, colour: number = COLOR.accent): void {
  g.fillStyle(0x0b141d, 1);
  g.fillRect(r.x, r.y, r.w, r.h);
  if (values.length === 0) return;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const span = Math.max((max - min) * 0.15, 1e-9);
  if (hi - lo < span) {
    const mid = (hi + lo) / 2;
    lo = Math.max(min, mid - span / 2);
    hi = Math.min(max, mid + span / 2);
    if (hi - lo < span) { lo = mid - span / 2; hi = mid + span / 2; }
  }
  const x = (i: number) => r.x + 3 + (values.length === 1 ? (r.w - 6) / 2 : (i / (values.length - 1)) * (r.w - 6));
  const y = (v: number) => r.y + r.h - 3 - ((v - lo) / (hi - lo)) * (r.h - 6);
  g.lineStyle(1.5, colour, 1);
  const pts = values.map((v, i) => ({ x: x(i), y: y(v) }));
  if (pts.length > 1) polyline(g, pts);
  const last = pts[pts.length - 1]!;
  g.fillStyle(colour, 1);
  g.fillCircle(last.x, last.y, 2.5);
}
