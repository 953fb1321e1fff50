// Part "scaling": how the cost of a turn grows with actors, indicators, events and turns, on synthetic scenarios.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compileScenario, completeChoices, createGame, scenarioSchema, step, type GameState, type Scenario } from '../src/engine/compiler.js';
import { fmt, measure, round, type MeasureOptions } from './lib/measure.js';
import { BASE_SHAPE, scalingScenario, type ScalingShape } from './lib/scalingScenario.js';
import type { BenchContext, PartResult } from './lib/types.js';

/** The largest sizes the scenario format accepts; larger ones are compiled directly, in process only. */
const FORMAT_ACTORS = 64;
const FORMAT_TURNS = 1000;

function compiled(shape: ScalingShape): { sc: Scenario; withinFormat: boolean } {
  const def = scalingScenario(shape);
  const withinFormat = scenarioSchema.safeParse(def).success;
  const r = compileScenario(def);
  if (!r.ok) throw new Error(`synthetic scenario does not compile: ${r.diagnostics[0]?.message}`);
  return { sc: r.scenario, withinFormat };
}

/** Least-squares slope of log(y) against log(x): 1 is linear growth, 2 quadratic. */
export function logLogSlope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

function playTurns(sc: Scenario, seed: string): number {
  let s = createGame(sc, { seed });
  while (!s.over) s = step(sc, s, {}, { ledger: false }).state;
  return s.turn - 1;
}

/** Microseconds per all-AI turn (ledger off), and per AI pass alone (every seat's decision on a turn-3 state). */
export function turnCost(shape: ScalingShape, timing: MeasureOptions): { x: number; turnUs: number; aiUs: number; withinFormat: boolean } {
  const { sc, withinFormat } = compiled(shape);
  let game = 0;
  const turns = measure(() => playTurns(sc, `scaling-${game++}`), timing);
  let s: GameState = createGame(sc, { seed: 'scaling-ai' });
  for (let t = 0; t < 2; t++) s = step(sc, s, {}, { ledger: false }).state;
  const ai = measure(() => {
    completeChoices(sc, s, {});
    return 1;
  }, timing);
  // CPU time rather than wall time: the figures move less when other processes compete for the cores.
  return { x: 0, turnUs: 1e6 / turns.cpuMedian, aiUs: 1e6 / ai.cpuMedian, withinFormat };
}

/** `--expose-gc` at run time, so heap figures are taken after a full collection. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

/** The JS heap in use and the array buffers' memory outside it (packed history records live there). */
function retained(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** One long all-AI game: per-turn CPU cost of each tenth, and retained heap per turn (ledger off). */
export function longGameFigures(turns: number): { tenthsUs: number[]; lastOverFirst: number; heapPerTurnKB: number; perTurnUs: number } {
  const { sc } = compiled({ ...BASE_SHAPE, actors: 5, events: 5, turns });
  const gc = collector();
  // A short game first, so the first tenth is not also the JIT's warm-up.
  let w = createGame(sc, { seed: 'long-game-warm-up' });
  for (let t = 0; t < 2000 && !w.over; t++) w = step(sc, w, {}, { ledger: false }).state;
  let s = createGame(sc, { seed: 'long-game' });
  gc();
  const heap0 = retained();
  const tenth = Math.floor(turns / 10);
  const tenthsUs: number[] = [];
  // CPU time (this process, all threads: GC included), which moves less than wall time under load.
  const cpuUs = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const t0 = cpuUs();
  for (let k = 0; k < 10; k++) {
    const start = cpuUs();
    for (let t = 0; t < tenth && !s.over; t++) s = step(sc, s, {}, { ledger: false }).state;
    tenthsUs.push((cpuUs() - start) / tenth);
  }
  const totalMs = (cpuUs() - t0) / 1000;
  gc();
  const heap1 = retained();
  const played = s.turn - 1;
  return {
    tenthsUs: tenthsUs.map(round),
    lastOverFirst: round(tenthsUs[9]! / tenthsUs[0]!),
    heapPerTurnKB: round((heap1 - heap0) / played / 1024),
    perTurnUs: round((totalMs * 1000) / played),
  };
}

function sweep(ctx: BenchContext, name: string, values: readonly number[], shapeOf: (v: number) => ScalingShape, from = -Infinity, to = Infinity) {
  const points = values.map((v) => {
    const r = turnCost(shapeOf(v), ctx.timing);
    ctx.log(
      `scaling     ${name.padEnd(10)} ${String(v).padStart(6)}: ${fmt(r.turnUs, 1).padStart(10)} µs/turn, AI ${fmt(r.aiUs, 1).padStart(10)} µs/turn${r.withinFormat ? '' : ' (beyond the format, in process)'}`,
    );
    return { [name]: v, turnUs: round(r.turnUs), aiUs: round(r.aiUs), withinFormat: r.withinFormat };
  });
  const inRange = points.filter((p) => (p[name] as number) >= from && (p[name] as number) <= to);
  const turnSlope = round(logLogSlope(inRange.map((p) => ({ x: p[name] as number, y: p.turnUs }))));
  const aiSlope = round(logLogSlope(inRange.map((p) => ({ x: p[name] as number, y: p.aiUs }))));
  ctx.log(`scaling     ${name.padEnd(10)} log-log slope: turn ${turnSlope}, AI ${aiSlope}${Number.isFinite(from) ? ` (${from} to ${to})` : ''}`);
  return { points, turnSlope, aiSlope };
}

export async function run(ctx: BenchContext): Promise<PartResult> {
  // Settle the JIT on the base shape first, so the first point of each sweep is not also the compile time.
  const warm = compiled(BASE_SHAPE).sc;
  const warmEnd = performance.now() + (ctx.quick ? 300 : 1000);
  for (let g = 0; performance.now() < warmEnd; g++) playTurns(warm, `warm-${g}`);
  const timing = ctx.quick ? ctx.timing : { ...ctx.timing, samples: 5 };
  const c = { ...ctx, timing };
  const actorsList = ctx.quick ? [5, 10, 20, 40, 80] : [5, 10, 16, 20, 32, 40, 64, 80, 100];
  const actors = sweep(c, 'actors', actorsList, (n) => ({ ...BASE_SHAPE, actors: n, events: n }));
  const actorsSlope10to80 = sweep(
    c,
    'actors',
    actorsList.filter((n) => n >= 10 && n <= 80),
    (n) => ({ ...BASE_SHAPE, actors: n, events: n }),
    10,
    80,
  );
  const indicators = sweep(c, 'indicators', ctx.quick ? [2, 8, 32] : [2, 4, 8, 16, 32], (k) => ({ ...BASE_SHAPE, indicatorsPerActor: k }));
  const events = sweep(c, 'events', ctx.quick ? [8, 64, 256] : [8, 32, 128, 256, 500], (e) => ({ ...BASE_SHAPE, events: e }));
  const turnsList = ctx.quick ? [100, 1000] : [100, FORMAT_TURNS, 10_000];
  const turnPoints = turnsList.map((t) => {
    const { sc, withinFormat } = compiled({ ...BASE_SHAPE, actors: 5, events: 5, turns: t });
    let game = 0;
    const rate = measure(() => playTurns(sc, `turns-${t}-${game++}`), { warmupMs: 200, sampleMs: 200, samples: 3 });
    return { turns: t, turnUs: round(1e6 / rate.cpuMedian), withinFormat };
  });
  const long = longGameFigures(ctx.quick ? 3000 : 30_000);
  turnPoints.push({ turns: ctx.quick ? 3000 : 30_000, turnUs: long.perTurnUs, withinFormat: false });
  const turnsSlope = round(logLogSlope(turnPoints.map((p) => ({ x: p.turns, y: p.turnUs }))));
  ctx.log(`scaling     turns: ${turnPoints.map((p) => `${p.turns}: ${p.turnUs} µs`).join(', ')}; slope ${turnsSlope}`);
  ctx.log(
    `scaling     long game: per-turn µs by tenth ${long.tenthsUs.join(' ')}; last/first ${long.lastOverFirst}; heap ${long.heapPerTurnKB} KB/turn (ledger off)`,
  );
  return {
    formatCaps: { actors: FORMAT_ACTORS, turns: FORMAT_TURNS },
    actors: {
      points: actors.points,
      turnSlope: actors.turnSlope,
      aiSlope: actors.aiSlope,
      turnSlope10to80: actorsSlope10to80.turnSlope,
      aiSlope10to80: actorsSlope10to80.aiSlope,
    },
    indicators,
    events,
    turns: { points: turnPoints, turnSlope: turnsSlope, longGame: long },
  };
}
