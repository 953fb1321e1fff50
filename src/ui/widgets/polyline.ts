// Strokes an open polyline through plain {x, y} points.
import type { GameObjects } from 'phaser';

export function polyline(g: GameObjects.Graphics, pts: ReadonlyArray<{ x: number; y: number }>): void {
  const first = pts[0];
  if (!first) return;
  g.beginPath();
  g.moveTo(first.x, first.y);
  for (let i = 1; i < pts.length; i++) g.lineTo(pts[i]!.x, pts[i]!.y);
  g.strokePath();
}
