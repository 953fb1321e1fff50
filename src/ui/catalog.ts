// The bundled scenarios: their text and summary at once, the full check (compile and analysis) only when needed.
import { bundledScenarios } from './bundled.js';
import { loadScenarioText, type LoadOutcome, type UiDiagnostic } from './scenarioLoader.js';

export interface Summary {
  title: string;
  summary: string;
  actors: number;
  turns: number;
  unit: string;
  names: Map<string, string>;
}

export interface CatalogEntry {
  id: string;
  file: string;
  text: string;
  /** What the title screen shows, read without checking the file (null when it is not even JSON). */
  summary: Summary | null;
  /** The full load outcome, computed on first use. */
  check: () => LoadOutcome;
}

/** What the title screen shows of a scenario's text, read without checking it; null when it is not even JSON. */
export function summaryOf(text: string): Summary | null {
  try {
    const v = JSON.parse(text) as { title?: unknown; summary?: unknown; actors?: unknown; turns?: { count?: unknown; unit?: unknown } };
    if (typeof v.title !== 'string') return null;
    const names = new Map<string, string>();
    for (const a of Array.isArray(v.actors) ? (v.actors as Array<{ id?: unknown; name?: unknown }>) : []) {
      if (typeof a?.id === 'string' && typeof a.name === 'string') names.set(a.id, a.name);
    }
    return {
      title: v.title,
      summary: typeof v.summary === 'string' ? v.summary : '',
      actors: Array.isArray(v.actors) ? v.actors.length : 0,
      turns: typeof v.turns?.count === 'number' ? v.turns.count : 0,
      unit: typeof v.turns?.unit === 'string' ? v.turns.unit : 'turn',
      names,
    };
  } catch {
    return null;
  }
}

let cache: Promise<CatalogEntry[]> | null = null;
let ready: CatalogEntry[] | null = null;

/** The catalog if it has finished loading (so a screen can draw it at once, without waiting a task). */
export function catalogNow(): CatalogEntry[] | null {
  return ready;
}

/** Every bundled scenario, flagship first. */
export function loadCatalog(): Promise<CatalogEntry[]> {
  cache ??= Promise.all(
    bundledScenarios().map(async (e) => {
      const text = await e.load();
      let outcome: LoadOutcome | null = null;
      return { id: e.id, file: e.file, text, summary: summaryOf(text), check: () => (outcome ??= loadScenarioText(text, e.file)) };
    }),
  ).then((all) => (ready = all));
  return cache;
}

/** One bundled scenario by id (file name or the scenario's own id), or undefined. */
export async function bundledById(id: string): Promise<CatalogEntry | undefined> {
  return entryById(await loadCatalog(), id);
}

/** The entry of `all` whose file name or scenario id is `id`. */
export function entryById(all: readonly CatalogEntry[], id: string): CatalogEntry | undefined {
  return (
    all.find((e) => e.id === id) ??
    all.find((e) => {
      const o = e.check();
      return o.ok && o.scenario.def.id === id;
    })
  );
}

/** The broken scenario file shown on the title screen, with every problem found. */
export interface FileErrors {
  name: string;
  diagnostics: UiDiagnostic[];
}
