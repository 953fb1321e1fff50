// One batch run (every seat on the AI), shared by the in-process path and the worker threads.
// It imports the engine's runtime entry, which loads no schema or validator, so a worker thread starts light.
import { createGame, scoreObjectives, step, type Scenario } from '../engine/index.js';

export interface RunResult {
  /** 1-based run number; its seed is `${seed}-${run}`. */
  run: number;
  seed: string;
  turns: number;
  ending: string | null;
  /** Objective points per actor, in scenario order. */
  scores: number[];
  /** Indicator values after each played turn (1..end), flattened: turns × indicators, in scenario order. */
  indicators: number[];
}

/** Messages a worker sends back. */
export type WorkerReply = { type: 'ready' } | { type: 'result'; from: number; runs: RunResult[] } | { type: 'error'; message: string; stack?: string };

/** What the main thread sends a worker: a range of runs [from, to), or the order to stop. */
export type WorkerTask = { type: 'runs'; from: number; to: number } | { type: 'stop' };

export interface WorkerInput {
  scenarioText: string;
  file: string;
  seed: string;
  fuzz: number | null;
}

/** pure; plays run `run` of a batch to its end with the AI in every seat. */
export function playRun(sc: Scenario, seedBase: string, run: number, fuzz: number | null): RunResult {
  const seed = `${seedBase}-${run}`;
  let s = createGame(sc, { seed, aiFuzz: fuzz });
  while (!s.over) s = step(sc, s, {}, { ledger: false }).state;
  const indicators: number[] = [];
  for (const rec of s.history) if (rec.turn >= 1) indicators.push(...rec.indicators);
  return { run, seed, turns: s.history.length - 1, ending: s.ending, scores: scoreObjectives(sc, s).map((o) => o.score), indicators };
}

/** pure; runs [from, to) in order. */
export function playRuns(sc: Scenario, seedBase: string, from: number, to: number, fuzz: number | null): RunResult[] {
  const out: RunResult[] = [];
  for (let run = from; run < to; run++) out.push(playRun(sc, seedBase, run, fuzz));
  return out;
}
