// The floor: the comparison workload written by hand over plain arrays (no framework, no engine), doing the same
// arithmetic and the same draws as bench/comparison.json played by step(), so its speed is what the work itself costs.
import { DRAW_ACTION, DRAW_EVENT, drawFor, seedRng } from '../../src/engine/index.js';
import { ACTORS, AFTERMATH_CHANCE, initialStance, partnerOf, rivalOf, ROUNDS } from './comparisonScenario.js';
import { driverFor } from './driver.js';

/** A draw in [0, 1) for decision `what` (DRAW_ACTION, DRAW_EVENT) about item `index` on `turn`. */
export type Draw = (turn: number, what: number, index: number) => number;

/** One draw as the floor made it: its key and its roll in percent. */
export interface DrawRecord {
  turn: number;
  what: number;
  index: number;
  roll: number;
}

/** A finished floor game: indicators by actor * 4 + kind (economy, military, influence, stability), stances by from * 5 + to. */
export interface FloorGame {
  ind: number[];
  st: number[];
  draws: number;
}

const N = ACTORS.length;
const E = 0,
  M = 1,
  I = 2,
  S = 3;

/** pure; the engine's dice for game `game` (seed `cmp-<game>`, as bench/comparison.ts seeds it): drawFor on the seed's root. */
export function engineDraw(game: number): Draw {
  const root = seedRng(`cmp-${game}`);
  return (turn, what, index) => drawFor(root, turn, what, index);
}

/** Draws taken from `values` in order, whatever their key: to replay another framework's random sequence. */
export function sequenceDraw(values: readonly number[]): Draw {
  let k = 0;
  return () => {
    if (k >= values.length) throw new Error(`floor: asked for draw ${k + 1} of a sequence of ${values.length}`);
    return values[k++]!;
  };
}

/** Plays game `game` of the comparison workload with the driver's choices and `draw`'s dice; `trace` gets every draw. */
export function playFloor(game: number, draw: Draw, trace: DrawRecord[] | null = null): FloorGame {
  const driver = driverFor(game);
  const ind = new Array<number>(N * 4).fill(50);
  const st = new Array<number>(N * N).fill(0);
  for (let f = 0; f < N; f++) for (let t = 0; t < N; t++) if (f !== t) st[f * N + t] = initialStance(f, t);
  const acted = new Array<number>(N).fill(0);
  let draws = 0;
  const add = (k: number, amount: number) => {
    const x = ind[k]! + amount;
    ind[k] = x < 0 ? 0 : x > 100 ? 100 : x;
  };
  const stance = (k: number, amount: number) => {
    const x = st[k]! + amount;
    st[k] = x < -100 ? -100 : x > 100 ? 100 : x;
  };
  const roll = (turn: number, what: number, index: number, odds: number) => {
    const r = draw(turn, what, index) * 100;
    draws++;
    if (trace) trace.push({ turn, what, index, roll: r });
    return r < (odds < 0 ? 0 : odds > 100 ? 100 : odds);
  };
  for (let turn = 1; turn <= ROUNDS; turn++) {
    // Amounts and odds read the start-of-round values, as step() reads the start-of-turn state.
    const ind0 = ind.slice();
    const st0 = st.slice();
    for (let a = 0; a < N; a++) {
      const p = partnerOf(a),
        r = rivalOf(a);
      const move = driver.pick(3);
      const action = a * 3 + move;
      const A = a * 4,
        P = p * 4,
        R = r * 4;
      if (move === 0) {
        add(A + E, 2 + ind0[A + S]! / 50);
        add(A + S, 1);
        add(A + M, -1);
        add(A + I, 1);
        add(P + E, 1);
        add(R + I, -1);
        stance(a * N + p, 2);
        stance(p * N + a, 2);
        acted[a] = 1;
        if (roll(turn, DRAW_ACTION, action, 30 + ind0[A + E]! / 5 + (ind0[A + S]! >= 60 ? 10 : 0))) add(A + E, 3);
        else add(A + S, -2);
      } else if (move === 1) {
        add(A + M, 3);
        add(A + E, -1 - ind0[A + M]! / 100);
        add(A + S, 1);
        add(A + I, 1);
        add(R + S, -1);
        add(R + M, 1);
        stance(r * N + a, -3);
        stance(a * N + r, -2);
        acted[a] = 1;
        if (roll(turn, DRAW_ACTION, action, 50 + (ind0[A + M]! - ind0[R + M]!) / 4)) add(R + S, -2);
        else add(A + I, -2);
      } else {
        add(A + I, 1 + st0[p * N + a]! / 50);
        add(A + E, 1);
        add(A + S, -1);
        add(P + I, 1);
        add(P + S, 1);
        add(R + E, -1);
        stance(p * N + a, 3);
        stance(r * N + a, -1);
        acted[a] = 1;
        if (roll(turn, DRAW_ACTION, action, 40 + ind0[A + I]! / 4 - ind0[P + S]! / 10)) add(P + E, 2);
        else add(A + E, -1);
      }
    }
    // The next round opens with each mover's aftermath; past the last round the game ends first.
    if (turn < ROUNDS) for (let a = 0; a < N; a++) if (acted[a] === 1 && roll(turn + 1, DRAW_EVENT, a, AFTERMATH_CHANCE)) add(a * 4 + S, 1);
  }
  return { ind, st, draws };
}
