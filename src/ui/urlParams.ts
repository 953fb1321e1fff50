// Reads the start-a-game-directly parameters (?scenario=tutorial&seed=abc&human=upland,lowland&fuzz=0.2).
import { seedProblem } from '../engine/index.js';

export { seedProblem };

export interface StartRequest {
  scenario: string;
  seed: string | null;
  humans: string[];
  fuzz: number | null;
}

export type ParamsOutcome = { kind: 'none' } | { kind: 'start'; request: StartRequest } | { kind: 'error'; message: string };

const ID = /^[a-z][a-z0-9_-]{0,63}$/;

/** pure; the start request in a query string, or why it is unusable. Actor names are checked later, against the scenario. */
export function parseStartParams(search: string): ParamsOutcome {
  const q = new URLSearchParams(search);
  const scenario = q.get('scenario');
  const seed = q.get('seed');
  const human = q.get('human') ?? q.get('humans');
  const fuzz = q.get('fuzz');
  if (scenario === null && seed === null && human === null && fuzz === null) return { kind: 'none' };
  if (scenario === null || scenario.trim() === '') return { kind: 'error', message: 'The link gives a seed or players but no scenario; add ?scenario=<id>.' };
  if (!ID.test(scenario)) return { kind: 'error', message: `The link names the scenario "${scenario.slice(0, 80)}", which is not a valid scenario id.` };
  const problem = seed === null ? null : seedProblem(seed);
  if (problem) return { kind: 'error', message: `The seed in the link cannot be used: ${problem}.` };
  const humans =
    human === null || human.trim() === ''
      ? []
      : human
          .split(',')
          .map((h) => h.trim())
          .filter((h) => h.length > 0);
  for (const h of humans) if (!ID.test(h)) return { kind: 'error', message: `The link names the player "${h.slice(0, 80)}", which is not a valid actor id.` };
  if (new Set(humans).size !== humans.length) return { kind: 'error', message: 'The link names the same player twice.' };
  let f: number | null = null;
  if (fuzz !== null) {
    f = Number(fuzz);
    if (!(f >= 0 && f <= 1)) return { kind: 'error', message: `The AI fuzz in the link must be a number from 0 to 1, not "${fuzz.slice(0, 40)}".` };
  }
  return { kind: 'start', request: { scenario, seed, humans, fuzz: f } };
}
