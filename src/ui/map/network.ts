// The stance network: one curved arrow per directed stance, coloured and dashed by band, thick by leverage.
import type { GameObjects } from 'phaser';
import type { StanceView } from '../bridge.js';
import { bandColour, bandDash } from '../theme.js';
import { polyline } from '../widgets/polyline.js';

interface P {
  x: number;
  y: number;
}

/** pure; points along the quadratic curve from a to b bowing to the right of travel by `bow` pixels. */
export function curve(a: P, b: P, bow: number, trimStart: number, trimEnd: number, steps = 24): P[] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const c = { x: (a.x + b.x) / 2 - (dy / len) * bow, y: (a.y + b.y) / 2 + (dx / len) * bow };
  const pts: P[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    pts.push({ x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y });
  }
  return trim(trim(pts, trimStart), trimEnd, true);
}

function trim(pts: P[], by: number, fromEnd = false): P[] {
  const list = fromEnd ? [...pts].reverse() : pts;
  let left = by;
  while (list.length > 2) {
    const d = Math.hypot(list[1]!.x - list[0]!.x, list[1]!.y - list[0]!.y);
    if (d > left) {
      const t = left / d;
      list[0] = { x: list[0]!.x + (list[1]!.x - list[0]!.x) * t, y: list[0]!.y + (list[1]!.y - list[0]!.y) * t };
      break;
    }
    left -= d;
    list.shift();
  }
  return fromEnd ? list.reverse() : list;
}

function dashed(g: GameObjects.Graphics, pts: P[], dash: number, gap: number): void {
  if (dash <= 0) {
    polyline(g, pts);
    return;
  }
  let on = true;
  let left = dash;
  for (let i = 0; i + 1 < pts.length; i++) {
    let a = pts[i]!;
    const b = pts[i + 1]!;
    let seg = Math.hypot(b.x - a.x, b.y - a.y);
    while (seg > 0) {
      const step = Math.min(seg, left);
      const t = step / seg;
      const m = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      if (on) g.lineBetween(a.x, a.y, m.x, m.y);
      a = m;
      seg -= step;
      left -= step;
      if (left <= 0) {
        on = !on;
        left = on ? dash : gap;
      }
    }
  }
}

function offset(pts: P[], by: number): P[] {
  return pts.map((p, i) => {
    const a = pts[Math.max(0, i - 1)]!;
    const b = pts[Math.min(pts.length - 1, i + 1)]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    return { x: p.x - ((b.y - a.y) / len) * by, y: p.y + ((b.x - a.x) / len) * by };
  });
}

/** The line width for a leverage in [-1, 1] (only leverage over the target thickens the arrow). */
export function widthFor(leverage: number): number {
  return 1.5 + Math.max(0, leverage) * 5.5;
}

export interface StanceLook {
  alpha: number;
  /** Drawn thin (a faint arrow of an actor not selected). */ thin: boolean;
  /** Moved last turn: a glow under the line. */ halo: boolean;
}

/** Draws one directed stance from `a` to `b`; returns the curve's points (null when too short to draw). */
export function drawStance(g: GameObjects.Graphics, a: P, b: P, s: StanceView, radius: number, look: StanceLook): P[] | null {
  const colour = bandColour(s.bandPos, s.bandCount);
  const style = bandDash(s.bandPos, s.bandCount);
  const width = look.thin ? 1.2 : widthFor(s.leverage);
  const dist = Math.hypot(b.x - a.x, b.y - a.y);
  const pts = curve(a, b, Math.min(40, dist * 0.12), radius + 3, radius + 10);
  if (pts.length < 2) return null;
  if (look.halo) {
    g.lineStyle(width + (look.thin ? 5 : 9), 0xffffff, look.thin ? 0.16 : 0.28);
    polyline(g, pts);
  }
  g.lineStyle(width, colour, look.alpha);
  if (style.double && !look.thin) {
    dashed(g, offset(pts, width / 2 + 1.2), 0, 0);
    dashed(g, offset(pts, -(width / 2 + 1.2)), 0, 0);
  } else dashed(g, pts, style.dash, style.gap);
  const end = pts[pts.length - 1]!;
  const prev = pts[pts.length - 2]!;
  const ang = Math.atan2(end.y - prev.y, end.x - prev.x);
  const head = (look.thin ? 6 : 9) + width;
  g.fillStyle(colour, look.alpha);
  g.fillTriangle(
    end.x + Math.cos(ang) * 8,
    end.y + Math.sin(ang) * 8,
    end.x + Math.cos(ang + 2.6) * head * 0.8,
    end.y + Math.sin(ang + 2.6) * head * 0.8,
    end.x + Math.cos(ang - 2.6) * head * 0.8,
    end.y + Math.sin(ang - 2.6) * head * 0.8,
  );
  return pts;
}

/** Draws a legend sample of band `pos` as a short horizontal line. */
export function drawSample(g: GameObjects.Graphics, x: number, y: number, len: number, pos: number, count: number): void {
  const colour = bandColour(pos, count);
  const style = bandDash(pos, count);
  g.lineStyle(3, colour, 1);
  if (style.double) {
    g.lineBetween(x, y - 2.5, x + len, y - 2.5);
    g.lineBetween(x, y + 2.5, x + len, y + 2.5);
  } else
    dashed(
      g,
      [
        { x, y },
        { x: x + len, y },
      ],
      style.dash,
      style.gap,
    );
  g.fillStyle(colour, 1);
  g.fillTriangle(x + len + 7, y, x + len - 2, y - 5, x + len - 2, y + 5);
}
