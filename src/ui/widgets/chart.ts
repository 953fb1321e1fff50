// A small line chart of one indicator over the whole game, with its range, bands and turn axis.
import type { Rect } from '../dom/twins.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLOR, CSS, fmt } from '../theme.js';
import { polyline } from './polyline.js';

export interface ChartSeries {
  name: string;
  values: number[];
  min: number;
  max: number;
  bands: ReadonlyArray<{ upTo: number; label: string }>;
}

/** Draws a titled chart in `r`. */
export function drawChart(scene: BaseScene, r: Rect, s: ChartSeries): void {
  scene.panel(r, COLOR.card, COLOR.panelEdge, 8);
  const g = scene.add.graphics();
  scene.txt(r.x + 8, r.y + 5, s.name, { size: 13, weight: 600, maxLines: 1, wrap: r.w - 60 });
  const last = s.values[s.values.length - 1];
  if (last !== undefined) scene.txt(r.x + r.w - 8, r.y + 5, fmt(last), { size: 13, weight: 600, align: 'right', color: CSS.accent });
  const p = { x: r.x + 30, y: r.y + 26, w: r.w - 40, h: r.h - 44 };
  if (p.h < 10 || p.w < 10) return;
  const y = (v: number) => p.y + p.h - ((v - s.min) / (s.max - s.min || 1)) * p.h;
  g.fillStyle(0x0b141d, 1);
  g.fillRect(p.x, p.y, p.w, p.h);
  g.lineStyle(1, 0x2a3d50, 1);
  for (const b of s.bands) if (b.upTo > s.min && b.upTo < s.max) g.lineBetween(p.x, y(b.upTo), p.x + p.w, y(b.upTo));
  scene.txt(p.x - 4, p.y - 7, fmt(s.max), { size: 10, color: CSS.muted, align: 'right' });
  scene.txt(p.x - 4, p.y + p.h - 7, fmt(s.min), { size: 10, color: CSS.muted, align: 'right' });
  const n = s.values.length;
  const x = (i: number) => p.x + (n <= 1 ? p.w / 2 : (i / (n - 1)) * p.w);
  scene.txt(p.x, p.y + p.h + 2, 'start', { size: 10, color: CSS.muted });
  scene.txt(p.x + p.w, p.y + p.h + 2, `turn ${n - 1}`, { size: 10, color: CSS.muted, align: 'right' });
  const pts = s.values.map((v, i) => ({ x: x(i), y: y(v) }));
  g.lineStyle(2, COLOR.accent, 1);
  if (pts.length > 1) polyline(g, pts);
  g.fillStyle(COLOR.accent, 1);
  for (const q of pts) g.fillCircle(q.x, q.y, 2.5);
}
