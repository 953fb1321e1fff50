// The same engine in Node: loads bundled scenarios and re-plays choices, to compare hashes with the browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGame, stateHash, step, type Choices, type Scenario, type Seat } from '../../src/engine/index.js';
import { loadScenario } from '../../src/format/loadScenario.js';
import { ROOT } from './helpers.js';

export const FLAGSHIP = 'party-congress';

export function nodeScenario(id: string): Scenario {
  const file = join(ROOT, 'scenarios', `${id}.json`);
  const r = loadScenario(readFileSync(file, 'utf8'), `scenarios/${id}.json`);
  if (!r.ok) throw new Error(`${id} does not load: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.scenario;
}

/** The hash Node reaches from the same seed, seats and per-turn choices. */
export function nodeHash(sc: Scenario, seed: string, seats: Record<string, Seat>, aiFuzz: number | null, turns: Choices[]): string {
  let s = createGame(sc, { seed, seats, aiFuzz });
  for (const c of turns) s = step(sc, s, c).state;
  return stateHash(s);
}
