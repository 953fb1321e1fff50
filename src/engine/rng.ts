// The seeded generator: seedrandom's tychei, whose whole state is four int32s kept inside the game state.
import tychei from 'seedrandom/lib/tychei.js';

export interface RngState { a: number; b: number; c: number; d: number }

/** A generator positioned at `state`; draws advance only the returned object. */
export interface Rng { next(): number; state(): RngState }

/** pure; the state a fresh run starts from for this seed. */
export function seedRng(seed: string): RngState {
  return tychei(seed, { state: true }).state() as RngState;
}

type Tychei = ReturnType<typeof tychei>;

/**
 * Live generators parked under the exact (immutable) state object they were exported as, so that resuming
 * the next turn from that object skips seedrandom's re-seeding. Only a speed-up: a generator is parked only
 * while it sits at that state, and a miss re-creates it from the four numbers.
 */
const parked = new WeakMap<RngState, Tychei>();

/** pure; a generator resumed from `state` (the argument is never mutated). */
export function resumeRng(state: RngState): Rng {
  let prng = parked.get(state);
  if (prng) parked.delete(state);
  else prng = tychei('', { state: { ...state } });
  let exported: RngState | null = null;
  let live: Tychei = prng;
  return {
    next: () => {
      if (exported) {
        // Someone resumed from what we exported and now owns that generator: continue from our own copy.
        if (parked.get(exported) === live) parked.delete(exported);
        else live = tychei('', { state: { ...exported } });
        exported = null;
      }
      return live();
    },
    state: () => {
      const s = live.state() as RngState;
      if (exported && parked.get(exported) === live) parked.delete(exported);
      else if (exported) live = tychei('', { state: { ...exported } });
      parked.set(s, live);
      exported = s;
      return s;
    },
  };
}
