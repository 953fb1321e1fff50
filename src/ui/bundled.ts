// The scenarios shipped with the game, loaded lazily as raw text so diagnostics can point into them.
const files = import.meta.glob<string>(['../../scenarios/*.json', '!../../scenarios/*.schema.json'], { query: '?raw', import: 'default' });

/** The flagship scenario's id; the default when it is bundled. */
export const FLAGSHIP = 'party-congress';
export const TUTORIAL = 'tutorial';

export interface BundledEntry {
  id: string;
  file: string;
  load: () => Promise<string>;
}

/** Every bundled scenario: the flagship first, then the tutorial, then the rest by id. */
export function bundledScenarios(): BundledEntry[] {
  const entries = Object.entries(files).map(([path, load]) => {
    const file = path.split('/').pop() ?? path;
    return { id: file.replace(/\.json$/, ''), file: `scenarios/${file}`, load };
  });
  const rank = (id: string) => (id === FLAGSHIP ? 0 : id === TUTORIAL ? 1 : 2);
  return entries.sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
