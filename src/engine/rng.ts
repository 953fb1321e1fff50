// The seeded generator: seedrandom's tychei, whose whole state is four int32s kept inside the game state.
import tychei from 'seedrandom/lib/tychei.js';

export interface RngState { a: number; b: number; c: number; d: number }

/** A generator positioned at `state`; draws advance only the returned object. */
export interface Rng { next(): number; state(): RngState }

/** pure; the state a fresh run starts from for this seed. */
export function seedRng(seed: string): RngState {
  return tychei(seed, { state: true }).state() as RngState;
}

/** pure; a generator resumed from `state` (the argument is copied, never mutated). */
export function resumeRng(state: RngState): Rng {
  const prng = tychei('', { state: { ...state } });
  return { next: () => prng(), state: () => prng.state() as RngState };
}
