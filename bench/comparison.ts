// Part "comparison": moves per second on bench/comparison.json, single-threaded, with a seeded random driver; beside
// it, interleaved in one process, boardgame.io's reducer and a hand-written floor loop playing the same games.
import { createGame, legalChoices, stateHash, step, type Choices, type GameState, type Scenario, type Seat, type StepOptions } from '../src/engine/index.js';
import { loadReference, type Reference } from './boardgameio.js';
import { driverFor } from './lib/driver.js';
import { engineDraw, playFloor, sequenceDraw, type DrawRecord } from './lib/floor.js';
import { interleave, pairedRatios, spreadOf, type InterleaveOptions, type Side, type Spread } from './lib/interleave.js';
import { fmt, measure, pct, round } from './lib/measure.js';
import { engineFacts, floorVersusEngine, valuesDiffer } from './lib/sameGame.js';
import { loadScenarioFile } from './lib/scenario.js';
import type { BenchContext, PartResult } from './lib/types.js';

/** The speed the engine is asked to reach on this workload (75× the reference framework's ~14,900 moves/s). */
export const TARGET_MOVES_PER_SECOND = 1_100_000;

/** The goals of issue 10: the engine at least this many times boardgame.io's reducer, and within this factor of the floor. */
export const GOAL_OVER_BOARDGAMEIO = 200;
export const GOAL_FLOOR_SLOWDOWN = 3;

/** Games checked side by side before anything is timed. */
const CHECK_GAMES = 20;

const FULL_INTERLEAVE: InterleaveOptions = { warmupMs: 1000, sampleMs: 200, rounds: 15 };
const QUICK_INTERLEAVE: InterleaveOptions = { warmupMs: 200, sampleMs: 100, rounds: 3 };

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

/**
 * Plays games 0 .. CHECK_GAMES-1 on every side and throws unless they played the same games: the floor with the
 * engine's keyed draws ends with the engine's exact indicators and stances, drawing what the engine's history
 * records; boardgame.io (its own random) draws as many numbers, and the floor fed its draw sequence ends with its
 * exact values. Returns the draws per game.
 */
export function checkSameGames(sc: Scenario, seats: Record<string, Seat>, reference: Reference | null): number {
  const problems: string[] = [];
  let drawsPerGame = -1;
  for (let game = 0; game < CHECK_GAMES && problems.length === 0; game++) {
    const engine = engineFacts(sc, playGame(sc, game, seats, BATCH_STEP));
    const trace: DrawRecord[] = [];
    const floor = playFloor(game, engineDraw(game), trace);
    problems.push(...floorVersusEngine(engine, floor, trace).map((p) => `game ${game}, engine vs floor: ${p}`));
    if (drawsPerGame === -1) drawsPerGame = floor.draws;
    else if (floor.draws !== drawsPerGame) problems.push(`game ${game}: the floor drew ${floor.draws} numbers, game 0 ${drawsPerGame}`);
    if (!reference) continue;
    const record: number[] = [];
    const G = reference.play(game, record);
    if (G.draws !== floor.draws || record.length !== floor.draws)
      problems.push(`game ${game}: boardgame.io drew ${G.draws} numbers (${record.length} recorded), the engine and the floor ${floor.draws}`);
    else problems.push(...valuesDiffer('boardgame.io', G, 'floor with its draws', playFloor(game, sequenceDraw(record))).map((p) => `game ${game}: ${p}`));
  }
  if (problems.length)
    throw new Error(
      `comparison: the sides did not play the same game: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
  return drawsPerGame;
}

const rounded = (x: Spread) => ({ min: round(x.min), median: round(x.median), max: round(x.max) });

export async function run(ctx: BenchContext): Promise<PartResult> {
  const { sc, seats } = comparisonSetup(ctx.root);
  const movesPerGame = sc.turnCount * sc.actors.length;
  const first = playGame(sc, 0, seats);
  const checksum = stateHash(first);
  const unledgered = playGame(sc, 0, seats, BATCH_STEP);
  const withoutLedger = (s: GameState) => JSON.stringify(s.history.map(({ ledger: _ledger, ...rest }) => rest));
  if (stateHash(unledgered) !== checksum || withoutLedger(unledgered) !== withoutLedger(first)) {
    throw new Error('comparison: the game played without the ledger differs from the game played with it');
  }

  const loaded = loadReference(ctx.root);
  const reference = 'skipped' in loaded ? null : loaded;
  try {
    if (!reference) ctx.log(`comparison  boardgame.io   skipped: ${(loaded as { skipped: string }).skipped}`);
    const drawsPerGame = checkSameGames(sc, seats, reference);
    ctx.log(
      `comparison  same games     ${CHECK_GAMES} games checked: ${drawsPerGame} draws each; the floor ends with the engine's exact values${reference ? ", and with boardgame.io's when fed its draws" : ''}`,
    );

    let gEngine = 0,
      gReference = 0,
      gFloor = 0;
    const sides: Side[] = [
      { name: 'engine', work: () => (playGame(sc, gEngine++, seats, BATCH_STEP), movesPerGame) },
      ...(reference ? [{ name: 'boardgameio', work: () => (reference.play(gReference++), movesPerGame) }] : []),
      { name: 'floor', work: () => (playFloor(gFloor, engineDraw(gFloor++)), movesPerGame) },
    ];
    const opts = ctx.quick ? QUICK_INTERLEAVE : FULL_INTERLEAVE;
    const rates = interleave(sides, opts);
    const engine = spreadOf(rates.engine!);
    const floor = spreadOf(rates.floor!);
    const floorSlowdown = pairedRatios(rates.floor!, rates.engine!);
    const line = (name: string, x: Spread) =>
      `comparison  ${name.padEnd(13)} ${fmt(x.median).padStart(11)} moves per CPU s  (min ${fmt(x.min)}, max ${fmt(x.max)})`;
    ctx.log(line('engine', engine));
    let versus: Record<string, unknown>;
    if (reference) {
      const bgio = spreadOf(rates.boardgameio!);
      const ratio = pairedRatios(rates.engine!, rates.boardgameio!);
      ctx.log(
        `${line('boardgame.io', bgio)}; engine ÷ boardgame.io, paired: ${ratio.median.toFixed(1)}× (${ratio.min.toFixed(1)}–${ratio.max.toFixed(1)}; goal ≥ ${GOAL_OVER_BOARDGAMEIO}×: ${ratio.median >= GOAL_OVER_BOARDGAMEIO ? 'met' : 'NOT met'})`,
      );
      versus = {
        boardgameio: { version: reference.version, mode: reference.mode, movesPerCpuSecond: rounded(bgio) },
        engineOverBoardgameio: { ...rounded(ratio), goal: GOAL_OVER_BOARDGAMEIO, met: ratio.median >= GOAL_OVER_BOARDGAMEIO },
      };
    } else versus = { boardgameio: { skipped: (loaded as { skipped: string }).skipped } };
    ctx.log(
      `${line('floor', floor)}; engine slowdown against the floor, paired: ${floorSlowdown.median.toFixed(2)}× (${floorSlowdown.min.toFixed(2)}–${floorSlowdown.max.toFixed(2)}; goal ≤ ${GOAL_FLOOR_SLOWDOWN}×: ${floorSlowdown.median <= GOAL_FLOOR_SLOWDOWN ? 'met' : 'NOT met'})`,
    );
    const interleaved = {
      method: `one process, samples interleaved ${sides.map((s) => s.name).join(' / ')} for ${opts.rounds} rounds of ≥ ${opts.sampleMs} ms each after a ${opts.warmupMs} ms alternating warm-up; rates in moves per second of this process's CPU time (process.cpuUsage); ratios from the samples of one round`,
      rounds: opts.rounds,
      sameGames: {
        games: CHECK_GAMES,
        drawsPerGame,
        engineAndFloor: 'identical draws and final values',
        boardgameio: reference ? 'same draw count; the floor fed its draws ends with its exact values' : 'skipped',
      },
      engine: { movesPerCpuSecond: rounded(engine) },
      floor: { movesPerCpuSecond: rounded(floor) },
      engineSlowdownOverFloor: { ...rounded(floorSlowdown), goal: GOAL_FLOOR_SLOWDOWN, met: floorSlowdown.median <= GOAL_FLOOR_SLOWDOWN },
      ...versus,
    };

    let game = 0;
    const rate = measure(() => {
      playGame(sc, game++, seats, BATCH_STEP);
      return movesPerGame;
    }, ctx.timing);
    ctx.log(
      `comparison  engine alone   ${fmt(rate.median).padStart(11)} moves/s  (${pct(rate.spread)}, ${rate.samples} samples, wall clock; no ledger, as batch runs; target ${fmt(TARGET_MOVES_PER_SECOND)}: ${((rate.median / TARGET_MOVES_PER_SECOND) * 100).toFixed(1)}%)`,
    );

    let game1 = 0;
    const ledgered = measure(() => {
      playGame(sc, game1++, seats);
      return movesPerGame;
    }, ctx.timing);
    ctx.log(
      `comparison  engine+ledger  ${fmt(ledgered.median).padStart(11)} moves/s  (${pct(ledgered.spread)}; every change recorded with its cause, as interactive play does)`,
    );

    let game2 = 0;
    const menus = measure(() => {
      playGameWithMenus(sc, game2++, seats);
      return movesPerGame;
    }, ctx.timing);
    ctx.log(
      `comparison  engine+menus   ${fmt(menus.median).padStart(11)} moves/s  (${pct(menus.spread)}; with the ledger, and the driver calls legalChoices() per actor per round, as a UI would)`,
    );

    return {
      interleaved,
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
      workload: { actors: sc.actors.length, indicators: sc.indicators.length, rounds: sc.turnCount, movesPerGame, drawsPerGame, updatesPerMove: 10 },
      checksum,
    };
  } finally {
    reference?.release();
  }
}
