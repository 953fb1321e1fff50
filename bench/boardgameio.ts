// The comparison workload written a second time against boardgame.io's game reducer, to measure the two side by side.
// boardgame.io is not a dependency: this module is skipped unless the package can be required from the project
// (e.g. after `npm i --no-save boardgame.io@0.50.2`) or from $BENCH_BOARDGAMEIO_DIR (a folder whose node_modules holds it).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { driverFor } from './lib/driver.js';
import { ACTORS, AFTERMATH_CHANCE, initialStance, partnerOf, rivalOf, ROUNDS } from './lib/comparisonScenario.js';

// The little of boardgame.io's API this uses, typed here so the project needs no types from the package.
interface MoveContext {
  G: State;
  ctx: { currentPlayer: string; playOrderPos: number };
  random: { Number(): number };
}
interface GameDef {
  name: string;
  seed: string;
  setup: () => State;
  moves: Record<string, (c: MoveContext) => void>;
  turn: { minMoves: number; maxMoves: number; onBegin: (c: MoveContext) => void };
  endIf: (c: { G: State }) => unknown;
}
interface BgioState {
  G: State;
  ctx: { gameover?: unknown; currentPlayer: string };
}
interface MoveAction {
  type: 'MAKE_MOVE';
  payload: { type: string; args: unknown[]; playerID: string };
}
type Reducer = (state: BgioState, action: MoveAction) => BgioState;
/** boardgame.io/internal: what its Master (the server) runs for every move. */
interface Internal {
  InitializeGame(opts: { game: GameDef; numPlayers: number }): BgioState;
  CreateGameReducer(opts: { game: GameDef }): Reducer;
}

export interface State {
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
const E = 0,
  M = 1,
  I = 2,
  S = 3;
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
/** One roll against `odds` percent; `record` (when given) gets the draw. */
const roll = (G: State, random: MoveContext['random'], odds: number, record: number[] | null) => {
  const x = random.Number();
  G.draws++;
  if (record) record.push(x);
  return x * 100 < clamp(odds, 0, 100);
};

/** The three moves; each mirrors the action of the same name in bench/comparison.json effect for effect. */
function movesFor(record: number[] | null): Record<string, (c: MoveContext) => void> {
  return {
    invest: ({ G, ctx, random }) => {
      const a = Number(ctx.currentPlayer),
        p = partnerOf(a),
        r = rivalOf(a);
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
      if (roll(G, random, odds, record)) add(G, a, E, 3);
      else add(G, a, S, -2);
      G.moves++;
    },
    arm: ({ G, ctx, random }) => {
      const a = Number(ctx.currentPlayer),
        r = rivalOf(a);
      add(G, a, M, 3);
      add(G, a, E, -1 - ind0(G, a, M) / 100);
      add(G, a, S, 1);
      add(G, a, I, 1);
      add(G, r, S, -1);
      add(G, r, M, 1);
      stance(G, r, a, -3);
      stance(G, a, r, -2);
      G.acted[a] = 1;
      if (roll(G, random, 50 + (ind0(G, a, M) - ind0(G, r, M)) / 4, record)) add(G, r, S, -2);
      else add(G, a, I, -2);
      G.moves++;
    },
    court: ({ G, ctx, random }) => {
      const a = Number(ctx.currentPlayer),
        p = partnerOf(a),
        r = rivalOf(a);
      add(G, a, I, 1 + G.st0[p * N + a]! / 50);
      add(G, a, E, 1);
      add(G, a, S, -1);
      add(G, p, I, 1);
      add(G, p, S, 1);
      add(G, r, E, -1);
      stance(G, p, a, 3);
      stance(G, r, a, -1);
      G.acted[a] = 1;
      if (roll(G, random, 40 + ind0(G, a, I) / 4 - ind0(G, p, S) / 10, record)) add(G, p, E, 2);
      else add(G, a, E, -1);
      G.moves++;
    },
  };
}
const MOVE_NAMES = ['invest', 'arm', 'court'] as const;

function gameDef(game: number, record: number[] | null): GameDef {
  return {
    name: 'bench-comparison',
    seed: `cmp-${game}`,
    setup: () => {
      const st: number[] = [];
      for (let f = 0; f < N; f++) for (let t = 0; t < N; t++) st.push(f === t ? 0 : initialStance(f, t));
      return { ind: new Array<number>(N * 4).fill(50), st, ind0: [], st0: [], acted: new Array<number>(N).fill(0), moves: 0, draws: 0 };
    },
    moves: movesFor(record),
    // One move per turn, players in order: a round is five turns.
    turn: {
      minMoves: 1,
      maxMoves: 1,
      onBegin: ({ G, ctx, random }) => {
        if (ctx.playOrderPos !== 0) return;
        // The start of a round: each actor that moved last round rolls its move's aftermath, then the round's snapshot.
        for (let a = 0; a < N; a++) if (G.acted[a] === 1 && roll(G, random, AFTERMATH_CHANCE, record)) add(G, a, S, 1);
        G.ind0 = G.ind.slice();
        G.st0 = G.st.slice();
      },
    },
    endIf: ({ G }) => (G.moves >= ROUNDS * N ? { draw: true } : undefined),
  };
}

/** boardgame.io, loaded in production mode, playing the comparison workload through its game reducer. */
export interface Reference {
  version: string;
  /** How the production mode was obtained and checked. */
  mode: string;
  /** Plays game `game` to its end; `record` (when given) gets every draw in order. */
  play(game: number, record?: number[]): State;
  /** Puts NODE_ENV back as it was before loading. */
  release(): void;
}

/**
 * Loads boardgame.io/internal with NODE_ENV=production, which its modules (and immer's entry) read when they load
 * and its serializability check reads on every move, so NODE_ENV stays "production" until release().
 */
export function loadReference(root: string): Reference | { skipped: string } {
  const places = [process.env.BENCH_BOARDGAMEIO_DIR, root].filter((x): x is string => !!x);
  for (const dir of places) {
    const req = createRequire(join(dir, 'package.json'));
    let version: string;
    try {
      version = (req('boardgame.io/package.json') as { version: string }).version;
    } catch {
      continue;
    }
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const release = () => {
      if (before === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = before;
    };
    const internal = req('boardgame.io/internal') as Internal;
    const immerFiles = Object.keys(req.cache).filter((f) => /[\\/]immer[\\/]dist[\\/]immer\.cjs\./.test(f));
    if (immerFiles.length !== 1 || !immerFiles[0]!.endsWith('immer.cjs.production.min.js')) {
      release();
      throw new Error(
        `boardgame.io: immer is not running its production build alone (loaded: ${immerFiles.join(', ') || 'no immer build'}); was boardgame.io loaded before the bench set NODE_ENV?`,
      );
    }
    return {
      version,
      mode: 'NODE_ENV=production before boardgame.io/internal was required (immer loaded immer.cjs.production.min.js); InitializeGame + CreateGameReducer({ game }), the reducer its Master runs for every move',
      play: (game, record) => playGame(internal, game, record ?? null),
      release,
    };
  }
  return { skipped: 'boardgame.io is not installed (npm i --no-save boardgame.io@0.50.2, or set BENCH_BOARDGAMEIO_DIR to a folder holding it)' };
}

/** Plays game `game` through boardgame.io's reducer, one MAKE_MOVE action per move with the player on turn; returns the final G. */
function playGame(internal: Internal, game: number, record: number[] | null): State {
  const driver = driverFor(game);
  const def = gameDef(game, record);
  let state = internal.InitializeGame({ game: def, numPlayers: N });
  const reducer = internal.CreateGameReducer({ game: def });
  for (let m = 0; m < ROUNDS * N; m++) {
    // The action's shape is boardgame.io's makeMove (dist/cjs/turn-order-*.js), which its public entries do not export.
    const move: MoveAction = { type: 'MAKE_MOVE', payload: { type: MOVE_NAMES[driver.pick(MOVE_NAMES.length)]!, args: [], playerID: state.ctx.currentPlayer } };
    state = reducer(state, move);
  }
  if (!state.ctx.gameover || state.G.moves !== ROUNDS * N)
    throw new Error(`boardgame.io game ${game} did not end after ${ROUNDS * N} moves (made ${state.G.moves})`);
  return state.G;
}
