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
 * One live generator parked under the exact (immutable) state object it was exported as, so that resuming the
 * next turn from that object skips seedrandom's re-seeding. Only a speed-up: a generator is parked only while
 * it sits at that state, and a miss re-creates it from the four numbers. One slot suffices for games stepped
 * one after another, and unlike a WeakMap it costs the garbage collector nothing.
 */
let parkedState: RngState | null = null;
let parkedLive: Tychei | null = null;

function park(state: RngState | null, live: Tychei | null): void {
  parkedState = state;
  parkedLive = live;
}

/** A generator that may park its seedrandom instance under the state it last exported. */
class ResumedRng implements Rng {
  private exported: RngState | null = null;
  constructor(private live: Tychei) {}

  /** Takes the live instance back from the parking, or, when someone else resumed from our export, continues from a copy. */
  private reclaim(): void {
    const e = this.exported;
    if (e === null) return;
    if (parkedState === e && parkedLive === this.live) park(null, null);
    else this.live = tychei('', { state: { ...e } });
    this.exported = null;
  }

  next(): number {
    this.reclaim();
    return this.live();
  }

  state(): RngState {
    this.reclaim();
    const s = this.live.state() as RngState;
    park(s, this.live);
    this.exported = s;
    return s;
  }
}

/** pure; a generator resumed from `state` (the argument is never mutated). */
export function resumeRng(state: RngState): Rng {
  if (parkedState === state && parkedLive !== null) {
    const live = parkedLive;
    park(null, null);
    return new ResumedRng(live);
  }
  return new ResumedRng(tychei('', { state: { ...state } }));
}
