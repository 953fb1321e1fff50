// Part "tutorial": whole games of scenarios/tutorial.json with the AI in every seat, in process, single-threaded.
import { createGame, step, type GameState, type Scenario } from '../src/engine/index.js';
import { fmt, measure, pct, round } from './lib/measure.js';
import { loadScenarioFile } from './lib/scenario.js';
import type { BenchContext, PartResult } from './lib/types.js';

/** Plays one all-AI game to its end (as the CLI's batch does); returns the final state. */
export function playAiGame(sc: Scenario, seed: string): GameState {
  let s = createGame(sc, { seed });
  while (!s.over) s = step(sc, s, {}).state;
  return s;
}

/** Measures all-AI games of `file`: games and turns per second. */
export function measureAiGames(ctx: BenchContext, file: string, label: string): Record<string, unknown> {
  const sc = loadScenarioFile(ctx.root, file);
  let game = 0;
  let turns = 0;
  const rate = measure(() => {
    const s = playAiGame(sc, `bench-${game++}`);
    turns += s.history.length - 1;
    return 1;
  }, ctx.timing);
  const turnsPerGame = turns / game;
  ctx.log(
    `${label.padEnd(11)} all-AI games  ${fmt(rate.median).padStart(11)} games/s  (${pct(rate.spread)}, ${rate.samples} samples; ${fmt(rate.median * turnsPerGame)} turns/s, ${turnsPerGame.toFixed(2)} turns/game)`,
  );
  return {
    gamesPerSecond: round(rate.median),
    turnsPerSecond: round(rate.median * turnsPerGame),
    spread: round(rate.spread),
    cpuGamesPerSecond: round(rate.cpuMedian),
    turnsPerGame: round(turnsPerGame),
  };
}

export async function run(ctx: BenchContext): Promise<PartResult> {
  return measureAiGames(ctx, 'scenarios/tutorial.json', 'tutorial');
}
