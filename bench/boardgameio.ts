// The comparison workload written a second time against boardgame.io's headless Client, to measure the two side by side.
// boardgame.io is not a dependency: this module is skipped unless the package can be required from the project
// (e.g. after `npm i --no-save boardgame.io`) or from $BENCH_BOARDGAMEIO_DIR (a folder whose node_modules holds it).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sha256Hex } from '../src/engine/index.js';
import { driverFor } from './lib/driver.js';
import { measure } from './lib/measure.js';
import type { BenchContext } from './lib/types.js';
import { ACTORS, AFTERMATH_CHANCE, initialStance, partnerOf, rivalOf, ROUNDS } from './lib/comparisonScenario.js';

// The little of boardgame.io's API this uses, typed here so the project needs no types from the package.
interface MoveContext { G: State; ctx: { currentPlayer: string; playOrderPos: number }; playerID?: string; random: { Number(): number } }
interface GameDef {
  name: string;
  seed: string;
  setup: () => State;
  moves: Record<string, (c: MoveContext) => void>;
  turn: { minMoves: number; maxMoves: number; onBegin: (c: MoveContext) => void };
  endIf: (c: { G: State }) => unknown;
}
interface ClientInstance {
  start(): void;
  stop(): void;
  moves: Record<string, () => void>;
  getState(): { G: State; ctx: { gameover?: unknown; turn: number } } | null;
}
type ClientFactory = (opts: { game: GameDef; numPlayers: number; debug: boolean }) => ClientInstance;

interface State {
  /** 20 indicators: actor a's economy, military, influence and stability at 4a .. 4a+3. */
  ind: number[];
  /** 5×5 stances, from * 5 + to. */
  st: number[];
  /** Start-of-round copies: amounts and odds are read from these, as the engine reads the start-of-turn state. */
  ind0: number[];
  st0: number[];
  acted: number[];
  moves: number;
  draws: number;
}

const N = ACTORS.length;
const E = 0, M = 1, I = 2, S = 3;
const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
const add = (G: State, actor: number, kind: number, amount: number) => {
  const k = actor * 4 + kind;
  G.ind[k] = clamp(G.ind[k]! + amount, 0, 100);
};
const stance = (G: State, from: number, to: number, amount: number) => {
  const k = from * N + to;
  G.st[k] = clamp(G.st[k]! + amount, -100, 100);
};
const ind0 = (G: State, actor: number, kind: number) => G.ind0[actor * 4 + kind]!;
/** One roll against `odds` percent. */
const roll = (G: State, random: MoveContext['random'], odds: number) => {
  G.draws++;
  return random.Number() * 100 < clamp(odds, 0, 100);
};

/** The three moves; each mirrors the action of the same name in bench/comparison.json effect for effect. */
const MOVES: Record<string, (c: MoveContext) => void> = {
  invest: ({ G, ctx, random }) => {
    const a = Number(ctx.currentPlayer), p = partnerOf(a), r = rivalOf(a);
    add(G, a, E, 2 + ind0(G, a, S) / 50);
    add(G, a, S, 1);
    add(G, a, M, -1);
    add(G, a, I, 1);
    add(G, p, E, 1);
    add(G, r, I, -1);
    stance(G, a, p, 2);
    stance(G, p, a, 2);
    G.acted[a] = 1;
    const odds = 30 + ind0(G, a, E) / 5 + (ind0(G, a, S) >= 60 ? 10 : 0);
    if (roll(G, random, odds)) add(G, a, E, 3);
    else add(G, a, S, -2);
    G.moves++;
  },
  arm: ({ G, ctx, random }) => {
    const a = Number(ctx.currentPlayer), r = rivalOf(a);
    add(G, a, M, 3);
    add(G, a, E, -1 - ind0(G, a, M) / 100);
    add(G, a, S, 1);
    add(G, a, I, 1);
    add(G, r, S, -1);
    add(G, r, M, 1);
    stance(G, r, a, -3);
    stance(G, a, r, -2);
    G.acted[a] = 1;
    if (roll(G, random, 50 + (ind0(G, a, M) - ind0(G, r, M)) / 4)) add(G, r, S, -2);
    else add(G, a, I, -2);
    G.moves++;
  },
  court: ({ G, ctx, random }) => {
    const a = Number(ctx.currentPlayer), p = partnerOf(a), r = rivalOf(a);
    add(G, a, I, 1 + G.st0[p * N + a]! / 50);
    add(G, a, E, 1);
    add(G, a, S, -1);
    add(G, p, I, 1);
    add(G, p, S, 1);
    add(G, r, E, -1);
    stance(G, p, a, 3);
    stance(G, r, a, -1);
    G.acted[a] = 1;
    if (roll(G, random, 40 + ind0(G, a, I) / 4 - ind0(G, p, S) / 10)) add(G, p, E, 2);
    else add(G, a, E, -1);
    G.moves++;
  },
};
const MOVE_NAMES = ['invest', 'arm', 'court'] as const;

function gameDef(game: number): GameDef {
  return {
    name: 'bench-comparison',
    seed: `cmp-${game}`,
    setup: () => {
      const st: number[] = [];
      for (let f = 0; f < N; f++) for (let t = 0; t < N; t++) st.push(f === t ? 0 : initialStance(f, t));
      return { ind: new Array<number>(N * 4).fill(50), st, ind0: [], st0: [], acted: new Array<number>(N).fill(0), moves: 0, draws: 0 };
    },
    moves: MOVES,
    // One move per turn, players in order: a round is five turns.
    turn: {
      minMoves: 1,
      maxMoves: 1,
      onBegin: ({ G, ctx, random }) => {
        if (ctx.playOrderPos !== 0) return;
        // The start of a round: each actor that moved last round rolls its move's aftermath, then the round's snapshot.
        for (let a = 0; a < N; a++) if (G.acted[a] === 1 && roll(G, random, AFTERMATH_CHANCE)) add(G, a, S, 1);
        G.ind0 = G.ind.slice();
        G.st0 = G.st.slice();
      },
    },
    endIf: ({ G }) => (G.moves >= ROUNDS * N ? { draw: true } : undefined),
  };
}

function loadClient(root: string): { Client: ClientFactory; version: string; from: string } | { skipped: string } {
  const places = [process.env.BENCH_BOARDGAMEIO_DIR, root].filter((x): x is string => !!x);
  for (const dir of places) {
    const req = createRequire(join(dir, 'package.json'));
    try {
      const mod = req('boardgame.io/client') as { Client?: ClientFactory };
      const version = (req('boardgame.io/package.json') as { version: string }).version;
      if (typeof mod.Client === 'function') return { Client: mod.Client, version, from: dir };
    } catch {
      // not installed there
    }
  }
  return { skipped: 'boardgame.io is not installed (npm i --no-save boardgame.io, or set BENCH_BOARDGAMEIO_DIR to a folder holding it)' };
}

/** Plays game `game` through a fresh headless Client; returns the final state. */
function playGame(Client: ClientFactory, game: number): State {
  const driver = driverFor(game);
  const client = Client({ game: gameDef(game), numPlayers: N, debug: false });
  client.start();
  for (let m = 0; m < ROUNDS * N; m++) client.moves[MOVE_NAMES[driver.pick(MOVE_NAMES.length)]!]!();
  const state = client.getState();
  client.stop();
  if (!state?.ctx.gameover || state.G.moves !== ROUNDS * N) throw new Error(`boardgame.io game ${game} did not end after ${ROUNDS * N} moves`);
  return state.G;
}

export type ReferenceResult = { skipped: string } | { movesPerSecond: number; spread: number; version: string; drawsPerGame: number; checksum: string };

/** Measures the reference framework on the comparison workload, or says why it cannot. */
export async function runReference(ctx: BenchContext): Promise<ReferenceResult> {
  const found = loadClient(ctx.root);
  if ('skipped' in found) return found;
  const first = playGame(found.Client, 0);
  let game = 0;
  const rate = measure(() => {
    playGame(found.Client, game++);
    return ROUNDS * N;
  }, ctx.timing);
  const checksum = sha256Hex(JSON.stringify(first.ind));
  return { movesPerSecond: rate.median, spread: rate.spread, version: found.version, drawsPerGame: first.draws, checksum };
}
