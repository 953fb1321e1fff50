// The game's dice: a root seeded from the run's seed (seedrandom's tychei, four int32s kept in the game state), and
// one draw per decision keyed by (turn, what it decides), so two timelines of one game share every draw they both make.
import tychei from 'seedrandom/lib/tychei.js';

export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** What a draw decides: an uncertain action's roll, or an event's chance. */
export const DRAW_ACTION = 1;
export const DRAW_EVENT = 2;

/** pure; the root a fresh run draws from for this seed. */
export function seedRng(seed: string): RngState {
  return tychei(seed, { state: true }).state() as RngState;
}

/** Each lane's salt. */
const SALT_HI = 0x3c6ef372;
const SALT_LO = 0xa54ff53a;

/** An integer finalizer (murmur3's) that spreads every input bit over the output. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The root's part of each lane's hash, for the last root drawn from: a game draws from one root throughout. */
const seen = { a: 0, b: 0, c: 0, d: 0, hi: mixRoot({ a: 0, b: 0, c: 0, d: 0 }, SALT_HI), lo: mixRoot({ a: 0, b: 0, c: 0, d: 0 }, SALT_LO) };

function mixRoot(root: RngState, salt: number): number {
  let h = mix(root.a ^ salt);
  h = mix(h ^ root.b);
  h = mix(h ^ root.c);
  return mix(h ^ root.d);
}

function lane(rooted: number, turn: number, what: number, index: number): number {
  let h = mix(rooted ^ Math.imul(turn + 1, 0x9e3779b1));
  h = mix(h ^ Math.imul(what + 1, 0x27d4eb2f));
  return mix(h ^ Math.imul(index + 1, 0x165667b1));
}

/**
 * pure; the draw in [0, 1) for decision `what` about item `index` (an action's or an event's index) on `turn`.
 * Integer operations and one exact division only, so identical in every engine; 53 bits from two independent lanes.
 */
export function drawFor(root: RngState, turn: number, what: number, index: number): number {
  if (root.a !== seen.a || root.b !== seen.b || root.c !== seen.c || root.d !== seen.d) {
    seen.hi = mixRoot(root, SALT_HI);
    seen.lo = mixRoot(root, SALT_LO);
    seen.a = root.a;
    seen.b = root.b;
    seen.c = root.c;
    seen.d = root.d;
  }
  const hi = lane(seen.hi, turn, what, index) >>> 5;
  const lo = lane(seen.lo, turn, what, index) >>> 6;
  return (hi * 67108864 + lo) / 9007199254740992;
}
