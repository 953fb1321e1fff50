// The map's key: each stance band's line style and colour, what thickness, glow and brightness mean.
import type { Scenario } from '../../engine/index.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLOR, CSS } from '../theme.js';
import { drawSample } from './network.js';
import { DEPTH } from './networkLayer.js';

const NOTES = ['thicker: more leverage', 'glow: moved last turn', 'bright: selected country'];

/** Draws the legend with its bottom-left corner at `at`; `width` is the room it may take on a wide map. */
export function drawLegend(scene: BaseScene, sc: Scenario, at: { x: number; y: number }, compact: boolean, width: number): void {
  const bands = sc.stanceBands;
  const g = scene.add.graphics().setDepth(DEPTH.top);
  const text = (x: number, y: number, s: string, size: number, muted = false) =>
    scene.txt(x, y, s, { size, maxLines: 1, color: muted ? CSS.muted : CSS.text }).setDepth(DEPTH.top);
  if (compact) {
    const h = 34;
    const y = at.y - h;
    const item = Math.min(76, (scene.W - 40) / bands.length);
    g.fillStyle(COLOR.bg, 0.88);
    g.fillRoundedRect(at.x, y, item * bands.length + 8, h, 5);
    text(at.x + 6, y + 2, 'Line style = stance · thicker: leverage · glow: moved', 10, true);
    bands.forEach((b, i) => {
      const x = at.x + 6 + i * item;
      drawSample(g, x, y + 24, 16, i, bands.length);
      text(x + 26, y + 17, b.label, 10);
    });
    return;
  }
  // One text per column rather than one per row: every Text is a canvas of its own, and the map is redrawn often.
  const labels = scene.txt(0, 0, bands.map((b) => b.label).join('\n'), { size: 12, lineSpacing: 4 }).setDepth(DEPTH.top);
  const notes = scene.txt(0, 0, NOTES.join('\n'), { size: 11, lineSpacing: 2, color: CSS.muted }).setDepth(DEPTH.top);
  const rowH = labels.height / bands.length;
  const h = 24 + labels.height + 4 + notes.height + 6;
  const y = at.y - h;
  g.fillStyle(COLOR.bg, 0.88);
  g.fillRoundedRect(at.x, y, width, h, 6);
  text(at.x + 6, y + 3, 'Stance A → B', 12, true).setFontStyle('600');
  labels.setPosition(at.x + 54, y + 22);
  bands.forEach((_b, i) => drawSample(g, at.x + 8, y + 22 + i * rowH + rowH / 2, 34, i, bands.length));
  notes.setPosition(at.x + 6, y + 26 + labels.height);
}
