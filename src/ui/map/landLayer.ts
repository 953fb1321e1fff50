// Paints the land of the main map and the insets once, with the browser's 2D canvas, into a Phaser texture.
import { geoContains, geoGraticule10, geoPath, type GeoProjection } from 'd3-geo';
import type { GameObjects, Scene } from 'phaser';
import type { Rect } from '../dom/twins.js';
import { COLOR, cssColour } from '../theme.js';
import { overlaps, type Countries } from './atlas.js';
import type { MapFrame } from './frame.js';
import { currentZoom } from '../layout.js';

/** The longitude/latitude box a projection shows inside `rect`, with a margin (the whole world if it cannot tell). */
function visibleBox(projection: GeoProjection, rect: Rect): [number, number, number, number] {
  const corners = [
    [rect.x, rect.y],
    [rect.x + rect.w, rect.y],
    [rect.x, rect.y + rect.h],
    [rect.x + rect.w, rect.y + rect.h],
  ].map((p) => projection.invert?.(p as [number, number]) ?? null);
  if (corners.some((c) => c === null)) return [-180, -90, 180, 90];
  const lons = corners.map((c) => c![0]);
  const lats = corners.map((c) => c![1]);
  return [Math.min(...lons) - 2, Math.min(...lats) - 2, Math.max(...lons) + 2, Math.max(...lats) + 2];
}

function paintArea(ctx: CanvasRenderingContext2D, projection: GeoProjection, land: Countries | null, homes: ReadonlySet<number>, rect: Rect): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.x, rect.y, rect.w, rect.h);
  ctx.clip();
  ctx.fillStyle = cssColour(COLOR.sea);
  ctx.fillRect(rect.x, rect.y, rect.w, rect.h);
  const path = geoPath(projection, ctx);
  ctx.strokeStyle = cssColour(COLOR.seaLine);
  ctx.lineWidth = 1;
  ctx.beginPath();
  path(geoGraticule10());
  ctx.stroke();
  if (land) {
    const box = visibleBox(projection, rect);
    const shown = land.map((f, i) => [f, i] as const).filter(([f]) => overlaps(f, box));
    for (const [f, i] of shown) {
      ctx.fillStyle = cssColour(homes.has(i) ? COLOR.landOwn : COLOR.land);
      ctx.beginPath();
      path(f);
      ctx.fill('evenodd');
    }
    ctx.strokeStyle = cssColour(COLOR.border);
    ctx.lineWidth = 0.8;
    ctx.beginPath();
    for (const [f] of shown) path(f);
    ctx.stroke();
  }
  ctx.restore();
}

/** Indices of the countries containing an actor's location. */
function homeCountries(land: Countries | null, points: ReadonlyArray<{ lon: number; lat: number }>): Set<number> {
  const out = new Set<number>();
  land?.forEach((f, i) => {
    if (points.some((p) => overlaps(f, [p.lon, p.lat, p.lon, p.lat]) && geoContains(f, [p.lon, p.lat]))) out.add(i);
  });
  return out;
}

/** An image of the land for `frame` inside `rect`, drawn once per texture key and reused. */
export function landImage(
  scene: Scene,
  key: string,
  frame: MapFrame,
  land: Countries | null,
  points: ReadonlyArray<{ lon: number; lat: number }>,
  rect: Rect,
): GameObjects.Image {
  return scene.add
    .image(rect.x, rect.y, landTexture(scene, key, frame, land, points, rect))
    .setOrigin(0, 0)
    .setScale(1 / currentZoom());
}

/** The texture key of the land for `frame` inside `rect`, painted on first use. */
export function landTexture(
  scene: Scene,
  key: string,
  frame: MapFrame,
  land: Countries | null,
  points: ReadonlyArray<{ lon: number; lat: number }>,
  rect: Rect,
): string {
  const zoom = currentZoom();
  const zkey = `${key}@${zoom}`;
  if (!scene.textures.exists(zkey)) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(rect.w * zoom);
    canvas.height = Math.ceil(rect.h * zoom);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.scale(zoom, zoom);
      ctx.translate(-rect.x, -rect.y);
      const homes = homeCountries(land, points);
      paintArea(ctx, frame.main, land, homes, rect);
      for (const inset of frame.insets) {
        ctx.fillStyle = cssColour(COLOR.bg);
        ctx.fillRect(inset.rect.x - 3, inset.rect.y - 3, inset.rect.w + 6, inset.rect.h + 6);
        if (inset.projection) paintArea(ctx, inset.projection, land, homes, inset.rect);
        else {
          ctx.fillStyle = cssColour(COLOR.panel);
          ctx.fillRect(inset.rect.x, inset.rect.y, inset.rect.w, inset.rect.h);
        }
        ctx.fillStyle = cssColour(COLOR.panel);
        ctx.fillRect(inset.rect.x, inset.rect.y, inset.rect.w, frame.insetHeader);
        ctx.strokeStyle = cssColour(COLOR.panelEdge);
        ctx.lineWidth = 2;
        ctx.strokeRect(inset.rect.x, inset.rect.y, inset.rect.w, inset.rect.h);
        ctx.beginPath();
        ctx.moveTo(inset.rect.x, inset.rect.y + frame.insetHeader);
        ctx.lineTo(inset.rect.x + inset.rect.w, inset.rect.y + frame.insetHeader);
        ctx.stroke();
      }
    }
    scene.textures.addCanvas(zkey, canvas);
  }
  return zkey;
}
