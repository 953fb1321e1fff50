// The map panel: land, labelled insets, the stance network and the actor markers, each marker with a DOM twin.
import type { Scenario } from '../../engine/index.js';
import { app } from '../app.js';
import type { StanceView } from '../bridge.js';
import type { Rect } from '../dom/twins.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLOR, CSS } from '../theme.js';
import { drawActorBadge } from '../widgets/actorBadge.js';
import { countries, loadCountries } from './atlas.js';
import { compassWord, frameMap, type Located, type MapFrame } from './frame.js';
import { landImage, landTexture } from './landLayer.js';
import { drawLegend } from './mapLegend.js';
import { DEPTH, networkLayer } from './networkLayer.js';
import { requestFrames } from '../renderLoop.js';
import { pickSpot } from './spots.js';
import { changeWords, signed, stanceChanges, topMovers, type StanceChange } from './stanceChanges.js';

export interface MapOptions {
  rect: Rect;
  stances: StanceView[];
  /** The stances before the last resolved turn (null on the first turn): what moved is marked. */
  before: StanceView[] | null;
  /** The seat's actor: its arrows are in front until another marker is hovered or focused. */
  focus: number | null;
  onActor: (index: number) => void;
  legend: boolean;
}

/** Draws the whole map panel into `scene` within `o.rect`. */
export function drawMap(scene: BaseScene, sc: Scenario, o: MapOptions): void {
  const t0 = performance.now();
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
  const changes = stanceChanges(o.stances, o.before);
  insetTitles(scene, sc, frame, compact);
  app().twins.note('map-summary', mapSummary(sc, frame, o, changes));
  const taken: Rect[] = frame.insets.map((i) => ({ ...i.rect, h: frame.insetHeader }));
  let hovered: number | null = null;
  let focused: number | null = null;
  let select: (selected: number | null) => void = () => undefined;
  const show = () => {
    select(hovered ?? focused ?? o.focus);
    requestFrames();
  };
  const movers = new Map(topMovers(changes).map((c) => [c.from, c]));
  sc.def.actors.forEach((a, i) => {
    const p = frame.positions.get(i);
    if (!p) return;
    drawActorBadge(scene, p.x, p.y, radius, a, i).setDepth(DEPTH.markers);
    const label = scene.txt(p.x, p.y + radius + 3, a.short ?? a.name, { size: compact ? 11 : 13, weight: 600, align: 'center', maxLines: 1 });
    label.setBackgroundColor('#0d1620cc').setPadding(4, 1, 4, 1).setDepth(DEPTH.markers);
    taken.push(
      { x: p.x - radius - 2, y: p.y - radius - 2, w: radius * 2 + 4, h: radius * 2 + 4 },
      { x: label.x - label.width / 2, y: label.y, w: label.width, h: label.height },
    );
    const button = app().twins.button({
      id: `actor-${a.id}`,
      label: `${a.name}: stances and leverage`,
      description: actorWords(sc, o, i, changes),
      className: 'round',
      rect: { x: p.x - radius - 6, y: p.y - radius - 6, w: radius * 2 + 12, h: radius * 2 + 12 },
      onActivate: () => o.onActor(i),
    });
    button.addEventListener('mouseenter', () => {
      hovered = i;
      show();
    });
    button.addEventListener('mouseleave', () => {
      hovered = null;
      show();
    });
    button.addEventListener('focus', () => {
      focused = i;
      show();
    });
    button.addEventListener('blur', () => {
      focused = null;
      show();
    });
  });
  for (const [i, c] of movers) moverBadge(scene, sc, frame.positions.get(i)!, radius, c, compact, taken, r);
  select = networkLayer(scene, { frame, stances: o.stances, changes, radius, compact, seat: o.focus, taken, within: r });
  if (o.legend) {
    const leftInset = frame.insets.some((i) => i.rect.x < r.x + r.w / 2);
    drawLegend(scene, sc, { x: r.x + 8, y: r.y + r.h - 8 }, compact, leftInset ? frame.insets[0]!.rect.w : 150);
  }
  const frameG = scene.add.graphics().setDepth(DEPTH.top);
  frameG.lineStyle(2, COLOR.panelEdge, 1);
  frameG.strokeRoundedRect(r.x, r.y, r.w, r.h, 6);
  performance.measure('map:draw', { start: t0 });
}

/** Each inset's title strip: the country's name (its short name where the full one does not fit). */
function insetTitles(scene: BaseScene, sc: Scenario, frame: MapFrame, compact: boolean): void {
  for (const inset of frame.insets) {
    const a = sc.def.actors[inset.index]!;
    const room = inset.rect.w - 10;
    const t = scene
      .txt(inset.rect.x + 5, inset.rect.y + (compact ? 1 : 2), a.name, { size: compact ? 10 : 12, weight: 600, maxLines: 1, color: CSS.accent })
      .setDepth(DEPTH.markers);
    if (t.width > room) t.setText(a.short ?? a.name);
  }
}

/** The "▼ −8 ROK" badge by an actor whose own stance moved most this turn, where it covers no marker or label. */
function moverBadge(
  scene: BaseScene,
  sc: Scenario,
  p: { x: number; y: number },
  radius: number,
  c: StanceChange,
  compact: boolean,
  taken: Rect[],
  within: Rect,
): void {
  const to = sc.def.actors[c.to]!;
  const t = scene.txt(0, 0, `${signed(c.delta)} ${to.short ?? to.name}`, { size: compact ? 10 : 11, weight: 600, maxLines: 1, color: CSS.dark });
  t.setBackgroundColor(c.delta >= 0 ? '#6cc59b' : '#f2b84b')
    .setPadding(3, 1, 3, 1)
    .setDepth(DEPTH.top);
  const w = t.width;
  const h = t.height;
  const d = radius + 3;
  const spot = pickSpot(
    [
      { x: p.x - w / 2, y: p.y - d - h, w, h },
      { x: p.x + d - 4, y: p.y - d - h + 4, w, h },
      { x: p.x - d - w + 4, y: p.y - d - h + 4, w, h },
      { x: p.x + d, y: p.y - h / 2, w, h },
      { x: p.x - d - w, y: p.y - h / 2, w, h },
    ],
    taken,
    within,
  );
  t.setPosition(spot.x, spot.y);
}

/** What an actor's twin reads after its name: each stance it holds, and what last turn changed in it. */
function actorWords(sc: Scenario, o: MapOptions, i: number, changes: StanceChange[]): string {
  return o.stances
    .filter((s) => s.from === i)
    .map((s) => {
      const c = changes.find((x) => x.from === s.from && x.to === s.to);
      return `toward ${sc.def.actors[s.to]!.name}: ${c ? changeWords(c, s) : s.band}`;
    })
    .join('; ');
}

/** The map in words for screen readers: where each inset lies and every stance last turn moved. */
function mapSummary(sc: Scenario, frame: MapFrame, o: MapOptions, changes: StanceChange[]): string {
  const name = (i: number) => sc.def.actors[i]!.name;
  const insets = frame.insets.map(
    (i) => `${name(i.index)} in an inset${i.direction === null ? ' (no place on the map)' : ` to the ${compassWord(i.direction)}`}`,
  );
  const moved = changes
    .filter((c) => Math.abs(c.delta) >= 0.05 || c.wasBand)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .map((c) => {
      const now = o.stances.find((s) => s.from === c.from && s.to === c.to)!;
      return `${name(c.from)} toward ${name(c.to)}: ${changeWords(c, now)}`;
    });
  const head = `Map: ${insets.length ? `${insets.join(', ')}.` : 'every country on one map.'}`;
  if (!o.before) return `${head} The first turn: nothing has moved yet.`;
  return `${head} ${moved.length ? `Stances moved last turn: ${moved.join('; ')}.` : 'No stance moved last turn.'}`;
}
