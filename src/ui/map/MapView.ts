// The map panel: land, insets, the stance network and the actor markers, each marker with a DOM twin.
import type { Scenario } from '../../engine/index.js';
import { app } from '../app.js';
import type { StanceView } from '../bridge.js';
import type { Rect } from '../dom/twins.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLOR, CSS } from '../theme.js';
import { drawActorBadge } from '../widgets/actorBadge.js';
import { countries, loadCountries } from './atlas.js';
import { frameMap, type Located } from './frame.js';
import { landImage, landTexture } from './landLayer.js';
import { requestFrames } from '../renderLoop.js';
import { drawSample, drawStance } from './network.js';

export interface MapOptions { rect: Rect; stances: StanceView[]; focus: number | null; onActor: (index: number) => void; legend: boolean }

/** Draws the whole map panel into `scene` within `o.rect`. */
export function drawMap(scene: BaseScene, sc: Scenario, o: MapOptions): void {
  const r = o.rect;
  const compact = r.w < 520;
  const located: Located[] = [];
  const unlocated: number[] = [];
  sc.def.actors.forEach((a, index) => (a.location ? located.push({ index, lon: a.location.lon, lat: a.location.lat }) : unlocated.push(index)));
  const frame = frameMap(located, unlocated, r, compact);
  const land = countries();
  const key = (withLand: boolean) => `map:${sc.hash.slice(0, 16)}:${r.x},${r.y},${r.w},${r.h}:${withLand ? 'land' : 'sea'}`;
  const image = landImage(scene, key(!!land), frame, land, located, r);
  // The sea first; the land is painted into the same image once the map data arrives (nothing else is redrawn).
  if (!land) {
    void loadCountries().then((c) => {
      if (c && image.active && scene.sys.isActive()) {
        image.setTexture(landTexture(scene, key(true), frame, c, located, r));
        requestFrames();
      }
    });
  }
  const radius = compact ? 12 : 15;
  const g = scene.add.graphics();
  for (const [i, p] of frame.anchors) {
    const q = frame.positions.get(i)!;
    g.lineStyle(1.5, 0xe8edf2, 0.7);
    g.lineBetween(p.x, p.y, q.x, q.y);
    g.fillStyle(0xe8edf2, 0.9);
    g.fillCircle(p.x, p.y, 3);
  }
  for (const s of o.stances) {
    const a = frame.positions.get(s.from);
    const b = frame.positions.get(s.to);
    if (!a || !b) continue;
    const lit = o.focus === null || s.from === o.focus || s.to === o.focus;
    drawStance(g, a, b, s, radius, lit ? 0.95 : 0.35);
  }
  sc.def.actors.forEach((a, i) => {
    const p = frame.positions.get(i);
    if (!p) return;
    drawActorBadge(scene, p.x, p.y, radius, a, i);
    const label = scene.txt(p.x, p.y + radius + 3, a.short ?? a.name, { size: compact ? 11 : 13, weight: 600, align: 'center', maxLines: 1 });
    label.setBackgroundColor('#0d1620cc').setPadding(4, 1, 4, 1);
    if (i === o.focus) {
      const ring = scene.add.graphics();
      ring.lineStyle(3, COLOR.accent, 1);
      ring.strokeCircle(p.x, p.y, radius + 5);
    }
    const out = o.stances.filter((s) => s.from === i).map((s) => `toward ${sc.def.actors[s.to]!.name}: ${s.band}`).join('; ');
    app().twins.button({
      id: `actor-${a.id}`, label: `${a.name}: stances and leverage`, description: out, className: 'round',
      rect: { x: p.x - radius - 6, y: p.y - radius - 6, w: radius * 2 + 12, h: radius * 2 + 12 }, onActivate: () => o.onActor(i),
    });
  });
  if (o.legend) drawLegend(scene, sc, { x: r.x + 8, y: r.y + r.h - 8 }, compact);
  const frameG = scene.add.graphics();
  frameG.lineStyle(2, COLOR.panelEdge, 1);
  frameG.strokeRoundedRect(r.x, r.y, r.w, r.h, 6);
}

function drawLegend(scene: BaseScene, sc: Scenario, bottomLeft: { x: number; y: number }, compact: boolean): void {
  const bands = sc.stanceBands;
  const g = scene.add.graphics();
  if (compact) {
    const h = 20;
    const y = bottomLeft.y - h;
    const item = Math.min(76, (scene.W - 40) / bands.length);
    g.fillStyle(COLOR.bg, 0.86);
    g.fillRoundedRect(bottomLeft.x, y, item * bands.length + 8, h, 5);
    bands.forEach((b, i) => {
      const x = bottomLeft.x + 6 + i * item;
      drawSample(g, x, y + h / 2, 16, i, bands.length);
      scene.txt(x + 26, y + 3, b.label, { size: 10, maxLines: 1 });
    });
    return;
  }
  const rowH = 17;
  const w = 150;
  const h = bands.length * rowH + 44;
  const x = bottomLeft.x;
  const y = bottomLeft.y - h;
  g.fillStyle(COLOR.bg, 0.86);
  g.fillRoundedRect(x, y, w, h, 6);
  scene.txt(x + 6, y + 3, 'Stance A → B', { size: 12, weight: 600, color: CSS.muted });
  bands.forEach((b, i) => {
    const yy = y + 22 + i * rowH;
    drawSample(g, x + 8, yy + rowH / 2 - 1, 34, i, bands.length);
    scene.txt(x + 54, yy, b.label, { size: 12, maxLines: 1 });
  });
  scene.txt(x + 6, y + h - 18, 'thicker = more leverage', { size: 11, color: CSS.muted });
}
