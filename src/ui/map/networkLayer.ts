// The stance arrows for one selected actor: its own in front at full strength with their band named, the rest faint.
import type { GameObjects } from 'phaser';
import type { StanceView } from '../bridge.js';
import type { Rect } from '../dom/twins.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLOR, CSS } from '../theme.js';
import type { MapFrame } from './frame.js';
import { drawStance } from './network.js';
import { centredOn, pickSpot } from './spots.js';
import { marked, type StanceChange } from './stanceChanges.js';

/** Display depths of the map's layers: the land and leader lines stay at 0. */
export const DEPTH = { network: 1, markers: 2, top: 3 } as const;

export interface NetworkInput {
  frame: MapFrame;
  stances: StanceView[];
  changes: StanceChange[];
  radius: number;
  compact: boolean;
  seat: number | null;
  /** What the band names on the arrows must not cover (markers, their labels and badges), and the map's frame. */
  taken: readonly Rect[];
  within: Rect;
}

/** Draws the network with `selected` in front (null: every arrow alike, faint) and returns a function that draws it again for another. */
export function networkLayer(scene: BaseScene, n: NetworkInput): (selected: number | null) => void {
  let drawn: GameObjects.GameObject[] = [];
  const moved = new Map(n.changes.filter((c) => marked(c)).map((c) => [`${c.from}>${c.to}`, c]));
  const paint = (selected: number | null) => {
    const t0 = performance.now();
    for (const o of drawn) o.destroy();
    const g = scene.add.graphics().setDepth(DEPTH.network);
    drawn = [g];
    const lit = (s: StanceView) => selected !== null && (s.from === selected || s.to === selected);
    const order = [...n.stances].sort((a, b) => Number(lit(a)) - Number(lit(b)));
    const chips: Array<{ pts: Array<{ x: number; y: number }>; s: StanceView; change: StanceChange | undefined }> = [];
    for (const s of order) {
      const a = n.frame.positions.get(s.from);
      const b = n.frame.positions.get(s.to);
      if (!a || !b) continue;
      const on = lit(s);
      const change = moved.get(`${s.from}>${s.to}`);
      const alpha = on ? 0.95 : selected === null ? (change ? 0.75 : 0.45) : change ? 0.45 : 0.16;
      const pts = drawStance(g, a, b, s, n.radius, { alpha, thin: !on && selected !== null, halo: !!change });
      if (pts && on && s.from === selected) chips.push({ pts, s, change });
    }
    const taken = [...n.taken];
    for (const c of chips) {
      const glyph = c.change?.bandStep ? (c.change.bandStep > 0 ? '▲ ' : '▼ ') : '';
      const t = scene.txt(0, 0, `${glyph}${c.s.band}`, { size: n.compact ? 10 : 11, weight: 600, maxLines: 1, color: glyph ? CSS.accent : CSS.text });
      t.setBackgroundColor('#0d1620e6').setPadding(3, 1, 3, 1).setDepth(DEPTH.markers);
      const spot = pickSpot(centredOn(chipPoints(c.pts, t.height + 2), t.width, t.height), taken, n.within);
      t.setPosition(spot.x, spot.y);
      drawn.push(t);
    }
    const p = selected === null ? undefined : n.frame.positions.get(selected);
    if (p) {
      const ring = scene.add.graphics().setDepth(DEPTH.markers);
      ring.lineStyle(3, selected === n.seat ? COLOR.accent : COLOR.text, 1);
      ring.strokeCircle(p.x, p.y, n.radius + 5);
      drawn.push(ring);
    }
    performance.measure('map:select', { start: t0 });
  };
  paint(n.seat);
  return paint;
}

/** pure; where a band name may sit on a curve: along it from the middle outward, then beside it (a step of `step` to either side). */
export function chipPoints(pts: ReadonlyArray<{ x: number; y: number }>, step: number): Array<{ x: number; y: number }> {
  const out: Array<{ x: number; y: number }> = [];
  for (const side of [0, 1, -1, 2, -2]) {
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const i = Math.round((pts.length - 1) * f);
      const p = pts[i]!;
      const a = pts[Math.max(0, i - 1)]!;
      const b = pts[Math.min(pts.length - 1, i + 1)]!;
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      out.push({ x: p.x - ((b.y - a.y) / len) * side * step, y: p.y + ((b.x - a.x) / len) * side * step });
    }
  }
  return out;
}
