// Event conditions kept between turns: a `when` that reads only indicators, flags and stances is evaluated again only
// after one of the values it reads has changed; otherwise its last result stands (reads are pure, so this is exact).
import { evaluate } from './env.js';
import type { ExprEnv } from './expr/index.js';
import type { CEvent, GameState, Scenario } from './types.js';

/** Per scenario: which events' conditions can be kept, and per indicator, flag and stance pair the events that read it. */
interface Watchers {
  kept: Uint8Array;
  indicator: number[][];
  flag: number[][];
  stance: number[][];
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
  const lists = (k: number) => Array.from({ length: k }, () => [] as number[]);
  const n = sc.actors.length;
  const built: Watchers = { kept: new Uint8Array(sc.events.length), indicator: lists(sc.indicators.length), flag: lists(sc.keys.flag.length), stance: lists(n * n) };
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
  w = any ? built : null;
  WATCHERS.set(sc, w);
  return w;
}

/** Per event, its condition's last result and whether a value it reads has changed since (1: evaluate again). */
export class EventMemo {
  private constructor(private readonly watch: Watchers, private readonly stale: Uint8Array, private readonly held: Uint8Array) {}

  /** A memo with every condition still to evaluate. */
  static fresh(watch: Watchers): EventMemo {
    return new EventMemo(watch, new Uint8Array(watch.kept.length).fill(1), new Uint8Array(watch.kept.length));
  }

  copy(): EventMemo {
    return new EventMemo(this.watch, this.stale.slice(), this.held.slice());
  }

  /** Whether `ev`'s condition holds in `env`: its last result when nothing it reads has changed since. */
  holds(ev: CEvent, env: ExprEnv): boolean {
    const i = ev.index;
    if (this.watch.kept[i] === 0) return evaluate(ev.when!, env) !== 0;
    if (this.stale[i] === 0) return this.held[i] === 1;
    const result = evaluate(ev.when!, env) !== 0;
    this.held[i] = result ? 1 : 0;
    this.stale[i] = 0;
    return result;
  }

  indicatorChanged(i: number): void { this.touch(this.watch.indicator[i]!); }
  flagChanged(i: number): void { this.touch(this.watch.flag[i]!); }
  stanceChanged(pair: number): void { this.touch(this.watch.stance[pair]!); }

  private touch(events: readonly number[]): void {
    for (let k = 0; k < events.length; k++) this.stale[events[k]!] = 1;
  }
}

/** The memo a state was opened with, and the arrays it describes (a state with other arrays is evaluated in full). */
interface Kept { memo: EventMemo; indicators: readonly number[]; flags: readonly number[]; stances: readonly number[] }

const KEPT = new WeakMap<GameState, Kept>();

/** A memo to open the turn after `s` with: a copy of the one `s` was opened with, or a fresh one (null: nothing to keep). */
export function memoFor(sc: Scenario, s: GameState): EventMemo | null {
  const watch = watchersOf(sc);
  if (watch === null) return null;
  const k = KEPT.get(s);
  return k && k.indicators === s.indicators && k.flags === s.flags && k.stances === s.stances ? k.memo.copy() : EventMemo.fresh(watch);
}

/** Remembers the memo `s` was opened with; it must not change afterwards. */
export function keepMemo(s: GameState, memo: EventMemo | null): void {
  if (memo !== null) KEPT.set(s, { memo, indicators: s.indicators, flags: s.flags, stances: s.stances });
}
