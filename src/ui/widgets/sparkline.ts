// A small line chart of one indicator's values turn by turn.
import type { GameObjects } from 'phaser';
import type { Rect } from '../dom/twins.js';
import { COLOR } from '../theme.js';
import { polyline } from './polyline.js';

/** The span an estimate may stray over, turn by turn: drawn as a shaded band behind the line. */
export interface SparkBand {
  low: readonly number[];
  high: readonly number[];
}

/**
 * Draws `values` into `r`, scaled within the declared range but zoomed to the data when it moves little; with `band`,
 * the line is dashed and the estimate's span is shaded behind it (cues besides colour that the line is an estimate).
 */
export function drawSparkline(
  g: GameObjects.Graphics,
  r: Rect,
  values: readonly number[],
  min: number,
  max: number,
  colour: number = COLOR.accent,
  band?: SparkBand,
): void {
  g.fillStyle(0x0b141d, 1);
  g.fillRect(r.x, r.y, r.w, r.h);
  if (values.length === 0) return;
  const all = band ? [...values, ...band.low, ...band.high] : values;
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const span = Math.max((max - min) * 0.15, 1e-9);
  if (hi - lo < span) {
    const mid = (hi + lo) / 2;
    lo = Math.max(min, mid - span / 2);
    hi = Math.min(max, mid + span / 2);
    if (hi - lo < span) {
      lo = mid - span / 2;
      hi = mid + span / 2;
    }
  }
  const x = (i: number) => r.x + 3 + (values.length === 1 ? (r.w - 6) / 2 : (i / (values.length - 1)) * (r.w - 6));
  const y = (v: number) => r.y + r.h - 3 - ((v - lo) / (hi - lo)) * (r.h - 6);
  const pts = values.map((v, i) => ({ x: x(i), y: y(v) }));
  if (band) {
    const top = band.high.map((v, i) => ({ x: x(i), y: y(v) }));
    const bottom = band.low.map((v, i) => ({ x: x(i), y: y(v) }));
    g.fillStyle(colour, 0.18);
    if (top.length > 1) {
      const ring = [...top, ...bottom.reverse()];
      g.beginPath();
      g.moveTo(ring[0]!.x, ring[0]!.y);
      for (const q of ring.slice(1)) g.lineTo(q.x, q.y);
      g.closePath();
      g.fillPath();
    } else if (top[0] && bottom[0]) g.fillRect(top[0].x - 3, top[0].y, 6, bottom[0].y - top[0].y);
    g.lineStyle(1.5, colour, 1);
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      g.lineBetween(a.x, a.y, a.x + (b.x - a.x) * 0.6, a.y + (b.y - a.y) * 0.6);
    }
  } else {
    g.lineStyle(1.5, colour, 1);
    if (pts.length > 1) polyline(g, pts);
  }
  const last = pts[pts.length - 1]!;
  g.fillStyle(colour, 1);
  g.fillCircle(last.x, last.y, 2.5);
}
