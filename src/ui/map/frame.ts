// Which actors share the main map frame and which are shown as insets, and the projections for each.
import { geoDistance, geoMercator, type GeoProjection } from 'd3-geo';
import type { Rect } from '../dom/twins.js';

export interface Located {
  index: number;
  lon: number;
  lat: number;
}

export interface MapFrame {
  main: GeoProjection;
  /** Actors drawn on the main map. */
  inMain: Located[];
  /** Actors away from the main group (with a small map of their own) or without a location (projection null). */
  insets: Array<{ index: number; rect: Rect; projection: GeoProjection | null; direction: number | null }>;
  /** The height of each inset's title strip. */
  insetHeader: number;
  /** Screen position of every located actor's marker (main map or inset centre), spread apart so markers never overlap. */
  positions: Map<number, { x: number; y: number }>;
  /** True projected locations of main-map actors whose marker had to move (drawn with a leader line). */
  anchors: Map<number, { x: number; y: number }>;
}

/** pure; pushes points apart until no two are closer than `gap`, keeping them inside `r`. */
export function spread(points: Map<number, { x: number; y: number }>, gap: number, r: Rect): Map<number, { x: number; y: number }> {
  const out = new Map([...points].map(([k, p]) => [k, { ...p }]));
  const list = [...out.values()];
  for (let iter = 0; iter < 60; iter++) {
    let moved = false;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d >= gap) continue;
        if (d < 0.01) {
          dx = 0;
          dy = 1;
          d = 1;
        }
        const push = (gap - d) / 2 + 0.5;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
        moved = true;
      }
    }
    for (const p of list) {
      p.x = Math.min(r.x + r.w - gap / 2, Math.max(r.x + gap / 2, p.x));
      p.y = Math.min(r.y + r.h - gap / 2, Math.max(r.y + gap / 2, p.y));
    }
    if (!moved) break;
  }
  return out;
}

const EARTH_KM = 6371;
const CLUSTER_KM = 3200;

/** pure; the largest group of actors within CLUSTER_KM of one of them (ties: the earliest actor). */
export function mainCluster(points: Located[]): Located[] {
  let best: Located[] = [];
  for (const p of points) {
    const group = points.filter((q) => geoDistance([p.lon, p.lat], [q.lon, q.lat]) * EARTH_KM <= CLUSTER_KM);
    if (group.length > best.length) best = group;
  }
  return best;
}

/** pure; the direction from `from` to `to` on a Mercator map (radians, 0 = east, counter-clockwise), taking the shorter way round in longitude. */
export function directionTo(from: { lon: number; lat: number }, to: { lon: number; lat: number }): number {
  const dLon = ((((to.lon - from.lon) % 360) + 540) % 360) - 180;
  const merc = (lat: number) => (Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360)) * 180) / Math.PI;
  return Math.atan2(merc(to.lat) - merc(from.lat), dLon);
}

/** pure; the compass word for a direction from `directionTo`, on sixteen points ("west-north-west"). */
export function compassWord(angle: number): string {
  const words = [
    'east',
    'east-north-east',
    'north-east',
    'north-north-east',
    'north',
    'north-north-west',
    'north-west',
    'west-north-west',
    'west',
    'west-south-west',
    'south-west',
    'south-south-west',
    'south',
    'south-south-east',
    'south-east',
    'east-south-east',
  ];
  return words[((Math.round(angle / (Math.PI / 8)) % 16) + 16) % 16]!;
}

export interface InsetSlot {
  index: number;
  side: 'left' | 'right';
  y: number;
}

/**
 * pure; where each inset goes: on the left or right edge of `r` (west or east of the main map), as high as the ray from
 * the map's centre toward the actor leaves the frame, stacked so none overlap; actors without a location go right, last.
 */
export function placeInsets(wanted: Array<{ index: number; angle: number | null }>, r: Rect, insetH: number, gap = 8): InsetSlot[] {
  const top = r.y + gap;
  const bottom = r.y + r.h - gap;
  const out: InsetSlot[] = [];
  for (const side of ['left', 'right'] as const) {
    const here = wanted
      .filter((w) => (w.angle === null ? side === 'right' : Math.cos(w.angle) < 0 === (side === 'left')))
      .map((w) => {
        if (w.angle === null) return { index: w.index, y: bottom };
        const t = Math.min(r.w / 2 / Math.max(1e-6, Math.abs(Math.cos(w.angle))), r.h / 2 / Math.max(1e-6, Math.abs(Math.sin(w.angle))));
        return { index: w.index, y: r.y + r.h / 2 - Math.sin(w.angle) * t - insetH / 2 };
      })
      .sort((a, b) => a.y - b.y);
    let y = top;
    const placed = here.map((p) => {
      y = Math.max(y, Math.min(bottom - insetH, p.y));
      const slot = { index: p.index, side, y };
      y += insetH + gap;
      return slot;
    });
    // Too many for the edge: shift the stack up so the last one ends inside (the first may then start above the top).
    const over = placed.length ? placed[placed.length - 1]!.y + insetH - bottom : 0;
    for (const p of placed) p.y = Math.max(top, p.y - Math.max(0, over));
    out.push(...placed);
  }
  return out;
}

/** Frames the map rectangle `r` on the actors; actors far from the main group get framed insets on the edge facing them. */
export function frameMap(points: Located[], unlocated: number[], r: Rect, compact: boolean): MapFrame {
  const inMain = points.length ? mainCluster(points) : [];
  const outside = points.filter((p) => !inMain.includes(p));
  const insetW = compact ? 80 : 140;
  const insetH = compact ? 72 : 96;
  const lons = inMain.map((p) => p.lon);
  const lats = inMain.map((p) => p.lat);
  const cLon = lons.length ? (Math.min(...lons) + Math.max(...lons)) / 2 : 0;
  const cLat = lats.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 30;
  const slots = placeInsets(
    [...outside.map((p) => ({ index: p.index, angle: directionTo({ lon: cLon, lat: cLat }, p) })), ...unlocated.map((index) => ({ index, angle: null }))],
    r,
    insetH,
  );
  const insets: MapFrame['insets'] = slots.map((slot) => {
    const rect = { x: slot.side === 'left' ? r.x + 8 : r.x + r.w - 8 - insetW, y: slot.y, w: insetW, h: insetH };
    const actor = outside.find((p) => p.index === slot.index);
    const projection = actor
      ? geoMercator()
          .center([actor.lon, actor.lat])
          .scale(insetW * 1.6)
          .translate([rect.x + rect.w / 2, markerY(rect, compact)])
          .clipExtent([
            [rect.x, rect.y],
            [rect.x + rect.w, rect.y + rect.h],
          ])
      : null;
    return { index: slot.index, rect, projection, direction: actor ? directionTo({ lon: cLon, lat: cLat }, actor) : null };
  });
  const left = slots.some((s) => s.side === 'left') ? insetW + 8 : 0;
  const right = slots.some((s) => s.side === 'right') ? insetW + 8 : 0;
  const spanLon = Math.max(9, (lons.length ? Math.max(...lons) - Math.min(...lons) : 0) * 1.2 + 5);
  const spanLat = Math.max(6, (lats.length ? Math.max(...lats) - Math.min(...lats) : 0) * 1.2 + 3.5);
  const inner = { x: r.x + 24 + left, y: r.y + 24, w: r.w - 48 - left - right, h: r.h - 48 };
  const box = {
    type: 'MultiPoint' as const,
    coordinates: [
      [cLon - spanLon / 2, cLat - spanLat / 2],
      [cLon + spanLon / 2, cLat + spanLat / 2],
      [cLon - spanLon / 2, cLat + spanLat / 2],
      [cLon + spanLon / 2, cLat - spanLat / 2],
    ],
  };
  const main = geoMercator().fitExtent(
    [
      [inner.x, inner.y],
      [inner.x + Math.max(40, inner.w), inner.y + Math.max(40, inner.h)],
    ],
    box,
  );
  main.clipExtent([
    [r.x, r.y],
    [r.x + r.w, r.y + r.h],
  ]);
  const projected = new Map<number, { x: number; y: number }>();
  for (const p of inMain) {
    const xy = main([p.lon, p.lat]);
    if (xy) projected.set(p.index, { x: xy[0], y: xy[1] });
  }
  const positions = spread(projected, compact ? 44 : 54, { x: r.x + 8 + left, y: r.y + 8, w: r.w - 16 - left - right, h: r.h - 16 });
  const anchors = new Map<number, { x: number; y: number }>();
  for (const [k, p] of projected) {
    const q = positions.get(k)!;
    if (Math.hypot(q.x - p.x, q.y - p.y) > 2) anchors.set(k, p);
  }
  for (const i of insets) positions.set(i.index, { x: i.rect.x + i.rect.w / 2, y: markerY(i.rect, compact) });
  return { main, inMain, insets, positions, anchors, insetHeader: insetHeader(compact) };
}

/** The height of an inset's title strip (the country's name). */
export function insetHeader(compact: boolean): number {
  return compact ? 15 : 18;
}

/** Where an inset's marker sits: centred in the part below the title strip, a little high to leave room for its label. */
function markerY(rect: Rect, compact: boolean): number {
  const head = insetHeader(compact);
  return rect.y + head + (rect.h - head) / 2 - (compact ? 7 : 8);
}
