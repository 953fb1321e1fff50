// Which actors share the main map frame and which are shown as insets, and the projections for each.
import { geoDistance, geoMercator, type GeoProjection } from 'd3-geo';
import type { Rect } from '../dom/twins.js';

export interface Located { index: number; lon: number; lat: number }

export interface MapFrame {
  main: GeoProjection;
  /** Actors drawn on the main map. */
  inMain: Located[];
  /** Actors away from the main group (with a small map of their own) or without a location (projection null). */
  insets: Array<{ index: number; rect: Rect; projection: GeoProjection | null }>;
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
        if (d < 0.01) { dx = 0; dy = 1; d = 1; }
        const push = (gap - d) / 2 + 0.5;
        a.x -= (dx / d) * push; a.y -= (dy / d) * push;
        b.x += (dx / d) * push; b.y += (dy / d) * push;
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

/** Frames the map rectangle `r` on the actors; actors far from the main group get inset boxes along the right edge. */
export function frameMap(points: Located[], unlocated: number[], r: Rect, compact: boolean): MapFrame {
  const inMain = points.length ? mainCluster(points) : [];
  const outside = points.filter((p) => !inMain.includes(p));
  const insetW = compact ? 96 : 132;
  const insetH = compact ? 70 : 92;
  const perColumn = Math.max(1, Math.floor((r.h - 8) / (insetH + 8)));
  const slot = (i: number): Rect => {
    const col = Math.floor(i / perColumn);
    return { x: r.x + r.w - 8 - insetW - col * (insetW + 8), y: r.y + 8 + (i % perColumn) * (insetH + 8), w: insetW, h: insetH };
  };
  const insets: MapFrame['insets'] = outside.map((actor, i) => {
    const rect = slot(i);
    const projection = geoMercator().center([actor.lon, actor.lat]).scale(insetW * 1.6).translate([rect.x + rect.w / 2, rect.y + rect.h / 2 + 6]).clipExtent([[rect.x, rect.y], [rect.x + rect.w, rect.y + rect.h]]);
    return { index: actor.index, rect, projection };
  });
  unlocated.forEach((index, k) => insets.push({ index, rect: slot(outside.length + k), projection: null }));
  const columns = insets.length ? Math.floor((insets.length - 1) / perColumn) + 1 : 0;
  const reserve = columns * (insetW + 8) + (columns ? 8 : 0);
  const lons = inMain.map((p) => p.lon);
  const lats = inMain.map((p) => p.lat);
  const cLon = lons.length ? (Math.min(...lons) + Math.max(...lons)) / 2 : 0;
  const cLat = lats.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 30;
  const spanLon = Math.max(9, (lons.length ? Math.max(...lons) - Math.min(...lons) : 0) * 1.2 + 5);
  const spanLat = Math.max(6, (lats.length ? Math.max(...lats) - Math.min(...lats) : 0) * 1.2 + 3.5);
  const inner = { x: r.x + 24, y: r.y + 24, w: r.w - 48 - reserve, h: r.h - 48 };
  const box = {
    type: 'MultiPoint' as const,
    coordinates: [[cLon - spanLon / 2, cLat - spanLat / 2], [cLon + spanLon / 2, cLat + spanLat / 2], [cLon - spanLon / 2, cLat + spanLat / 2], [cLon + spanLon / 2, cLat - spanLat / 2]],
  };
  const main = geoMercator().fitExtent([[inner.x, inner.y], [inner.x + Math.max(40, inner.w), inner.y + Math.max(40, inner.h)]], box);
  main.clipExtent([[r.x, r.y], [r.x + r.w, r.y + r.h]]);
  const projected = new Map<number, { x: number; y: number }>();
  for (const p of inMain) {
    const xy = main([p.lon, p.lat]);
    if (xy) projected.set(p.index, { x: xy[0], y: xy[1] });
  }
  const positions = spread(projected, compact ? 44 : 54, { x: r.x + 8, y: r.y + 8, w: r.w - 16 - reserve, h: r.h - 16 });
  const anchors = new Map<number, { x: number; y: number }>();
  for (const [k, p] of projected) {
    const q = positions.get(k)!;
    if (Math.hypot(q.x - p.x, q.y - p.y) > 2) anchors.set(k, p);
  }
  for (const i of insets) positions.set(i.index, { x: i.rect.x + i.rect.w / 2, y: i.rect.y + i.rect.h / 2 + 6 });
  return { main, inMain, insets, positions, anchors };
}
