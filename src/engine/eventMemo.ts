// Event conditions kept between turns: a `when` that reads only indicators, flags and stances is evaluated again only
// after one of the values it reads has changed; otherwise its last result stands (reads are pure, so this is exact).
import { evaluate } from './env.js';
import type { ExprEnv } from './expr/index.js';
import { History } from './history.js';
import type { CEvent, GameState, Scenario } from './types.js';

/** Per scenario: which events' conditions can be kept, and per indicator, flag and stance pair the events that read it. */
interface Watchers {
  kept: Uint8Array;
  indicator: number[][];
  flag: number[][];
  stance: number[][];
  /** Per indicator, flag and stance pair: 1 when some kept condition reads it. */
  read: Readers;
}

/** Per indicator, flag and stance pair: 1 when some kept condition reads it. */
export interface Readers {
  indicator: Uint8Array;
  flag: Uint8Array;
  stance: Uint8Array;
}

/** pure; 1 for each value whose list of reading events is not empty. */
const readFlags = (lists: readonly number[][]): Uint8Array => Uint8Array.from(lists, (l) => (l.length > 0 ? 1 : 0));

/** Per scenario: the empty lists of readers per indicator, flag and stance pair. */
function emptyLists(sc: Scenario): { indicator: number[][]; flag: number[][]; stance: number[][] } {
  const lists = (k: number) => Array.from({ length: k }, () => [] as number[]);
  const n = sc.actors.length;
  return { indicator: lists(sc.indicators.length), flag: lists(sc.keys.flag.length), stance: lists(n * n) };
}

const NO_READERS = new WeakMap<Scenario, Readers>();

/** The readers of a state with no memo (a look-ahead copy, or a scenario with no condition to keep): none. */
export function noReaders(sc: Scenario): Readers {
  let r = NO_READERS.get(sc);
  if (!r) {
    const none = emptyLists(sc);
    r = { indicator: readFlags(none.indicator), flag: readFlags(none.flag), stance: readFlags(none.stance) };
    NO_READERS.set(sc, r);
  }
  return r;
}

const WATCHERS = new WeakMap<Scenario, Watchers | null>();

/** pure; an event's condition can be kept when it is not tied to a turn, has a condition to keep, and reads nothing but indicators, flags and stances. */
export function keepsCondition(ev: CEvent): boolean {
  const r = ev.when?.expr?.reads;
  if (ev.turn !== null || !ev.when || ev.when.constant !== null || !r) return false;
  return !r.turn && r.flows.length + r.situations.length + r.events.length + r.actions.length + r.leverages.length === 0;
}

/** The scenario's watchers (built once), or null when no event's condition can be kept. */
function watchersOf(sc: Scenario): Watchers | null {
  let w = WATCHERS.get(sc);
  if (w !== undefined) return w;
  const n = sc.actors.length;
  const built = { kept: new Uint8Array(sc.events.length), ...emptyLists(sc) };
  let any = false;
  for (const ev of sc.events) {
    if (!keepsCondition(ev)) continue;
    any = true;
    built.kept[ev.index] = 1;
    const r = ev.when!.expr!.reads;
    for (const i of r.indicators) built.indicator[i]!.push(ev.index);
    for (const i of r.flags) built.flag[i]!.push(ev.index);
    for (const [a, b] of r.stances) built.stance[a * n + b]!.push(ev.index);
  }
  w = any ? { ...built, read: { indicator: readFlags(built.indicator), flag: readFlags(built.flag), stance: readFlags(built.stance) } } : null;
  WATCHERS.set(sc, w);
  return w;
}

/** Per event: 0 or 1, its condition's last result, when nothing it reads has changed since; STALE: evaluate it again. */
const STALE = 2;

/** Which event conditions hold as last evaluated, and which must be evaluated again. */
export class EventMemo {
  private constructor(
    private readonly watch: Watchers,
    private readonly marks: number[],
  ) {}

  /** A memo with every condition still to evaluate. */
  static fresh(watch: Watchers): EventMemo {
    return new EventMemo(watch, new Array<number>(watch.kept.length).fill(STALE));
  }

  /** Per indicator, flag and stance pair: 1 when a kept condition reads it (a write to any other need not be reported). */
  get reads(): Readers {
    return this.watch.read;
  }

  copy(): EventMemo {
    return new EventMemo(this.watch, this.marks.slice());
  }

  /** Whether `ev`'s condition holds in `env`: its last result when nothing it reads has changed since. */
  holds(ev: CEvent, env: ExprEnv): boolean {
    const i = ev.index;
    if (this.watch.kept[i] === 0) return evaluate(ev.when!, env) !== 0;
    const mark = this.marks[i]!;
    if (mark !== STALE) return mark === 1;
    const result = evaluate(ev.when!, env) !== 0;
    this.marks[i] = result ? 1 : 0;
    return result;
  }

  indicatorChanged(i: number): void {
    this.touch(this.watch.indicator[i]!);
  }
  flagChanged(i: number): void {
    this.touch(this.watch.flag[i]!);
  }
  stanceChanged(pair: number): void {
    this.touch(this.watch.stance[pair]!);
  }

  private touch(events: readonly number[]): void {
    for (let k = 0; k < events.length; k++) this.marks[events[k]!] = STALE;
  }
}

/**
 * The memo a state was opened with and the arrays it describes, carried by the state's history (which the state
 * hash leaves out and JSON drops): a state with other arrays, or that went through JSON, is evaluated in full.
 */
export interface KeptMemo {
  memo: EventMemo;
  indicators: readonly number[];
  flags: readonly number[];
  stances: readonly number[];
}

/** A memo to open the turn after `s` with: a copy of the one `s` was opened with, or a fresh one (null: nothing to keep). */
export function memoFor(sc: Scenario, s: GameState): EventMemo | null {
  const k = s.history instanceof History ? s.history.memo : null;
  if (k && k.indicators === s.indicators && k.flags === s.flags && k.stances === s.stances) return k.memo.copy();
  const watch = watchersOf(sc);
  return watch === null ? null : EventMemo.fresh(watch);
}

/** What `s` (just opened with `memo`) carries to its next turn; it must not change afterwards. */
export function keptMemo(s: GameState, memo: EventMemo | null): KeptMemo | null {
  return memo === null ? null : { memo, indicators: s.indicators, flags: s.flags, stances: s.stances };
}
