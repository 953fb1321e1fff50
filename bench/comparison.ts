// Part "comparison": moves per second on bench/comparison.json, single-threaded, with a seeded random driver.
import { createGame, legalChoices, stateHash, step, type Choices, type GameState, type Scenario, type Seat, type StepOptions } from '../src/engine/index.js';
import { runReference } from './boardgameio.js';
import { driverFor } from './lib/driver.js';
import { fmt, measure, pct, round } from './lib/measure.js';
import { loadScenarioFile } from './lib/scenario.js';
import type { BenchContext, PartResult } from './lib/types.js';

/** The speed the engine is asked to reach on this workload (75× the reference framework's ~14,900 moves/s). */
export const TARGET_MOVES_PER_SECOND = 1_100_000;

/**
 * How the headline figure runs step(): as `statecraft batch` does, without the attribution ledger (the per-number
 * "why" record that interactive play shows). The reference framework keeps no such record; the state, its hash
 * and the history of choices, events and indicators are the same either way. The ledger's cost is reported too.
 */
export const BATCH_STEP: StepOptions = { ledger: false };

/**
 * Plays game `game` to its end: each round, for each actor, the driver picks one of the actor's actions.
 * Every action in this scenario is always available (no requirements, costs or cooldowns), so the driver picks
 * from the actor's action list; step() still checks every choice is legal. Returns the final state.
 */
export function playGame(sc: Scenario, game: number, seats: Record<string, Seat>, options: StepOptions = {}): GameState {
  const driver = driverFor(game);
  // step() never keeps or changes the choices it is given, so the driver fills the same objects every round.
  const slots = sc.actors.map(() => ({ action: '' }));
  const choices: Choices = Object.fromEntries(sc.actors.map((a, i) => [a.id, slots[i]!]));
  let s = createGame(sc, { seed: `cmp-${game}`, seats });
  while (!s.over) {
    for (let i = 0; i < slots.length; i++) {
      const list = sc.actionsByActor[i]!;
      slots[i]!.action = list[driver.pick(list.length)]!.id;
    }
    s = step(sc, s, choices, options).state;
  }
  return s;
}

/** The same game, but the driver asks legalChoices() for each actor's menu every round, as a UI would. */
function playGameWithMenus(sc: Scenario, game: number, seats: Record<string, Seat>): GameState {
  const driver = driverFor(game);
  let s = createGame(sc, { seed: `cmp-${game}`, seats });
  while (!s.over) {
    const choices: Choices = {};
    for (const actor of sc.actors) {
      const open = legalChoices(sc, s, actor.id).actions.filter((a) => a.available);
      choices[actor.id] = { action: open[driver.pick(open.length)]!.id };
    }
    s = step(sc, s, choices).state;
  }
  return s;
}

export function comparisonSetup(root: string): { sc: Scenario; seats: Record<string, Seat> } {
  const sc = loadScenarioFile(root, 'bench/comparison.json');
  // The driver plays every seat, so the AI is never consulted.
  const seats: Record<string, Seat> = Object.fromEntries(sc.actors.map((a) => [a.id, 'human' as const]));
  return { sc, seats };
}

export async function run(ctx: BenchContext): Promise<PartResult> {
  const { sc, seats } = comparisonSetup(ctx.root);
  const movesPerGame = sc.turnCount * sc.actors.length;
  const first = playGame(sc, 0, seats);
  let draws = 0;
  for (const rec of first.history) for (const e of rec.events) if (e.type === 'action' && e.result.roll !== null) draws++;
  const outcomeDraws = draws;
  // Event rolls that missed leave no trace in the history, so count the aftermath draws from the rules: one per actor per round after the first.
  draws += (sc.turnCount - 1) * sc.actors.length;

  const checksum = stateHash(first);
  const unledgered = playGame(sc, 0, seats, BATCH_STEP);
  const withoutLedger = (s: GameState) => JSON.stringify(s.history.map(({ ledger: _ledger, ...rest }) => rest));
  if (stateHash(unledgered) !== checksum || withoutLedger(unledgered) !== withoutLedger(first)) {
    throw new Error('comparison: the game played without the ledger differs from the game played with it');
  }

  let game = 0;
  const rate = measure(() => {
    playGame(sc, game++, seats, BATCH_STEP);
    return movesPerGame;
  }, ctx.timing);
  ctx.log(`comparison  engine         ${fmt(rate.median).padStart(11)} moves/s  (${pct(rate.spread)}, ${rate.samples} samples, ${fmt(rate.median / movesPerGame)} games/s; no ledger, as batch runs; target ${fmt(TARGET_MOVES_PER_SECOND)}: ${(rate.median / TARGET_MOVES_PER_SECOND * 100).toFixed(1)}%)`);

  let game1 = 0;
  const ledgered = measure(() => {
    playGame(sc, game1++, seats);
    return movesPerGame;
  }, ctx.timing);
  ctx.log(`comparison  engine+ledger  ${fmt(ledgered.median).padStart(11)} moves/s  (${pct(ledgered.spread)}; every change recorded with its cause, as interactive play does)`);

  let game2 = 0;
  const menus = measure(() => {
    playGameWithMenus(sc, game2++, seats);
    return movesPerGame;
  }, ctx.timing);
  ctx.log(`comparison  engine+menus   ${fmt(menus.median).padStart(11)} moves/s  (${pct(menus.spread)}; with the ledger, and the driver calls legalChoices() per actor per round, as a UI would)`);

  const reference = await runReference(ctx);
  if ('skipped' in reference) ctx.log(`comparison  boardgame.io   skipped: ${reference.skipped}`);
  else ctx.log(`comparison  boardgame.io   ${fmt(reference.movesPerSecond).padStart(11)} moves/s  (${pct(reference.spread)}, boardgame.io ${reference.version}); engine/reference = ${(rate.median / reference.movesPerSecond).toFixed(1)}×`);

  return {
    movesPerSecond: round(rate.median),
    spread: round(rate.spread),
    cpuMovesPerSecond: round(rate.cpuMedian),
    bestMovesPerSecond: round(rate.max),
    gamesPerSecond: round(rate.median / movesPerGame),
    movesPerSecondWithLedger: round(ledgered.median),
    movesPerSecondWithMenus: round(menus.median),
    targetMovesPerSecond: TARGET_MOVES_PER_SECOND,
    targetShare: round(rate.median / TARGET_MOVES_PER_SECOND),
    stepOptions: BATCH_STEP,
    workload: { actors: sc.actors.length, indicators: sc.indicators.length, rounds: sc.turnCount, movesPerGame, drawsPerGame: draws, outcomeDraws, updatesPerMove: 10 },
    checksum,
    ...('skipped' in reference
      ? { reference: { skipped: reference.skipped } }
      : {
          referenceMovesPerSecond: round(reference.movesPerSecond),
          reference: { name: 'boardgame.io', version: reference.version, spread: round(reference.spread), drawsPerGame: reference.drawsPerGame, checksum: reference.checksum },
          speedup: round(rate.median / reference.movesPerSecond),
        }),
  };
}
