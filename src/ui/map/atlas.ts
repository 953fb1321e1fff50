// The world map data: Natural Earth countries (world-atlas, 1:50m), served as a static file from our own origin.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';

export type Country = Feature<Geometry, { name?: string }> & { bounds: [number, number, number, number] };
export type Countries = Country[];

let loading: Promise<Countries | null> | null = null;
let loaded: Countries | null = null;

function boundsOf(g: Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const visit = (p: Position) => {
    const [x = 0, y = 0] = p;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  };
  if (g.type === 'Polygon') g.coordinates.forEach((r) => r.forEach(visit));
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit)));
  return b;
}

/** Loads the countries once, each with its longitude/latitude bounds; null when the file cannot be read (the map then shows sea only). */
export function loadCountries(): Promise<Countries | null> {
  loading ??= fetch(atlasUrl)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((topo: Topology<{ countries: GeometryCollection<{ name?: string }> }>) => {
      const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
      loaded = fc.features.filter((f) => f.geometry).map((f) => Object.assign(f, { bounds: boundsOf(f.geometry) }));
      return loaded;
    })
    .catch(() => null);
  return loading;
}

/** The countries if already loaded. */
export function countries(): Countries | null {
  return loaded;
}

/** pure; whether a country's bounds meet the longitude/latitude box [west, south, east, north]. */
export function overlaps(c: Country, box: [number, number, number, number]): boolean {
  return c.bounds[0] <= box[2] && c.bounds[2] >= box[0] && c.bounds[1] <= box[3] && c.bounds[3] >= box[1];
}
