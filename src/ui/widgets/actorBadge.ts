// An actor's marker: its colour plus its pattern (a second carrier besides colour), drawn as vector graphics.
import type { GameObjects, Scene } from 'phaser';
import type { ActorDef } from '../../engine/compiler.js';
import { unreachable } from '../../engine/index.js';
import { hexColour } from '../theme.js';

const PATTERNS = ['striped', 'dotted', 'checked', 'hatched', 'solid'] as const;

/** The actor's pattern: its own, or one picked by its position so neighbours differ. */
export function patternOf(actor: Pick<ActorDef, 'pattern'>, index: number): NonNullable<ActorDef['pattern']> {
  return actor.pattern ?? PATTERNS[index % PATTERNS.length]!;
}

function chords(g: GameObjects.Graphics, cx: number, cy: number, r: number, angle: number, step: number): void {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  for (let o = -r + step / 2; o < r; o += step) {
    const half = Math.sqrt(Math.max(0, r * r - o * o));
    const px = cx - dy * o;
    const py = cy + dx * o;
    g.lineBetween(px - dx * half, py - dy * half, px + dx * half, py + dy * half);
  }
}

/** Draws the badge centred at (cx, cy) and returns its graphics. */
export function drawActorBadge(
  scene: Scene,
  cx: number,
  cy: number,
  r: number,
  actor: Pick<ActorDef, 'colour' | 'pattern'>,
  index: number,
): GameObjects.Graphics {
  const g = scene.add.graphics();
  g.fillStyle(hexColour(actor.colour), 1);
  g.fillCircle(cx, cy, r);
  const ink = 0x0d1620;
  const step = Math.max(4, r / 2.6);
  g.lineStyle(Math.max(1.5, r / 9), ink, 0.55);
  g.fillStyle(ink, 0.55);
  const pattern = patternOf(actor, index);
  switch (pattern) {
    case 'striped':
      chords(g, cx, cy, r - 1, Math.PI / 4, step);
      break;
    case 'hatched':
      chords(g, cx, cy, r - 1, Math.PI / 4, step * 1.2);
      chords(g, cx, cy, r - 1, -Math.PI / 4, step * 1.2);
      break;
    case 'dotted':
      for (let x = -r; x <= r; x += step) for (let y = -r; y <= r; y += step) if (x * x + y * y < (r - step / 3) ** 2) g.fillCircle(cx + x, cy + y, step / 4.5);
      break;
    case 'checked':
      for (let x = -r; x < r; x += step)
        for (let y = -r; y < r; y += step) {
          const cxm = x + step / 2;
          const cym = y + step / 2;
          if ((Math.round((x + r) / step) + Math.round((y + r) / step)) % 2 === 0 && cxm * cxm + cym * cym < (r - step / 2) ** 2)
            g.fillRect(cx + x, cy + y, step, step);
        }
      break;
    case 'solid':
      break;
    default:
      unreachable(pattern, 'actor pattern');
  }
  g.lineStyle(2, 0xe8edf2, 0.9);
  g.strokeCircle(cx, cy, r);
  return g;
}
