// A private, mutable working copy of a game state: step and the AI's look-ahead change it, never the input.
import { clamp } from './clamp.js';
import { memoFor, noReaders, type EventMemo, type Readers } from './eventMemo.js';
import { leverageFactorOf, leverageOf, type LeverageEnv } from './env.js';
import { modeResult, type EffectMode } from './modes.js';
import { unreachable } from './unreachable.js';
import type { Cause, GameState, LedgerEntry, Modifier, PendingEffect, Scenario, TargetKind } from './types.js';

/** An effect with its amount already evaluated. */
export interface Resolved {
  kind: TargetKind;
  index: number;
  mode: EffectMode;
  amount: number;
  label: string | null;
  decay: number | null;
}

/** Ledger slots a Work starts with: a busy turn of a large scenario fits; more grow the array as usual. */
const LEDGER_ROOM = 64;
/** The ledger of a turn that keeps none: one shared empty list rather than a new one per turn record. */
const NO_ENTRIES = Object.freeze([]) as unknown as LedgerEntry[];
/** The cause passed for a modifier's fading when no ledger is kept (no entry is written, so it is never read). */
const UNRECORDED_FADE: Cause = Object.freeze({ kind: 'decay', id: '', actor: null, label: '' });
/** Modifier lists shorter than this are scanned for a stance change rather than indexed by pair. */
const SCAN_MODIFIERS = 48;
/** Values the engine stores are kept finite; a non-finite amount is treated as no change. */
const finite = (x: number) => (Number.isFinite(x) ? x : 0);

/** Per scenario, where each stance effect's modifier was last found (CEffect.slot): a hint, checked before use. */
const HINTS = new WeakMap<Scenario, Int32Array>();
function slotHints(sc: Scenario): Int32Array {
  let h = HINTS.get(sc);
  if (!h) HINTS.set(sc, (h = new Int32Array(sc.stanceSlots)));
  return h;
}

export class Work implements LeverageEnv {
  readonly n: number;
  turnNo: number;
  indicators: number[];
  flows: number[];
  flags: number[];
  /** rest + sum of modifiers per pair, before clamping. */
  raw: number[];
  stances: number[];
  modifiers: Modifier[];
  pending: PendingEffect[];
  actionCounts: number[];
  actionLast: number[];
  eventCounts: number[];
  eventLast: number[];
  situations: number[];
  /** Which event conditions must be evaluated again at the turn's opening (null: a look-ahead copy, or nothing to keep). */
  readonly memo: EventMemo | null;
  /** Per indicator, flag and stance pair: 1 when the memo must hear of a change to it (all 0 without a memo). */
  private readonly reads: Readers;

  /** The attribution ledger of this turn's changes (null: none kept); `logged` entries of it are in use. */
  private readonly ledger: LedgerEntry[] | null;
  private logged = 0;
  /** Per stance pair, the positions of its modifiers in `modifiers` (null: not built since the list was last replaced). */
  private byPair: Map<number, number[]> | null = null;
  /** Where each stance effect's modifier was last found, shared by every game of the scenario (checked before use, so exact). */
  private readonly hints: Int32Array;

  /** Look-ahead copies only: every overwritten value (its array, index and old value), so that rollback() can undo them. */
  private readonly undoArrays: number[][] = [];
  private readonly undoIndex: number[] = [];
  private readonly undoValue: number[] = [];

  /**
   * `lite`: a look-ahead copy that tracks stance values but not modifiers, keeps an undo log of what it changes
   * (rollback()), and owns every array it has, like any Work, so it cannot change the input state.
   */
  constructor(
    readonly sc: Scenario,
    s: GameState,
    keepLedger: boolean,
    readonly lite = false,
  ) {
    // Room for a typical turn's entries up front, rather than growing the array entry by entry.
    this.ledger = keepLedger ? new Array<LedgerEntry>(LEDGER_ROOM) : null;
    this.n = sc.actors.length;
    this.turnNo = s.turn;
    this.indicators = s.indicators.slice();
    this.flows = s.flows.slice();
    this.flags = s.flags.slice();
    this.stances = s.stances.slice();
    const raw = sc.rest.slice();
    const mods = s.modifiers;
    for (let k = 0; k < mods.length; k++) raw[mods[k]!.pair]! += mods[k]!.value;
    this.raw = raw;
    // Modifier objects are shared with the input state and never mutated: a changed modifier is a new object.
    this.modifiers = lite ? [] : s.modifiers.slice();
    this.pending = lite ? [] : s.pending.slice();
    this.actionCounts = s.actionCounts.slice();
    this.actionLast = s.actionLast.slice();
    this.eventCounts = s.eventCounts.slice();
    this.eventLast = s.eventLast.slice();
    this.situations = s.situations.slice();
    this.memo = lite ? null : memoFor(sc, s);
    this.reads = this.memo !== null ? this.memo.reads : noReaders(sc);
    this.hints = slotHints(sc);
  }

  /** Look-ahead copies only: undoes every change since the copy was made (or last rolled back), newest first. */
  rollback(): void {
    const arrays = this.undoArrays;
    for (let k = arrays.length - 1; k >= 0; k--) arrays[k]![this.undoIndex[k]!] = this.undoValue[k]!;
    arrays.length = 0;
    this.undoIndex.length = 0;
    this.undoValue.length = 0;
  }

  /** Sets `values[i]`, logging the old value first in a look-ahead copy. */
  private put(values: number[], i: number, value: number): void {
    if (this.lite) this.logUndo(values, i, values[i]!);
    values[i] = value;
  }

  /** Look-ahead copies only: logs the old value of `values[i]` for rollback(). */
  private logUndo(values: number[], i: number, old: number): void {
    this.undoArrays.push(values);
    this.undoIndex.push(i);
    this.undoValue.push(old);
  }

  indicator(i: number): number {
    return this.indicators[i] ?? 0;
  }
  stance(from: number, to: number): number {
    return this.stances[from * this.n + to] ?? 0;
  }
  flow(i: number): number {
    return this.flows[i] ?? 0;
  }
  flag(i: number): number {
    return this.flags[i] ?? 0;
  }
  situation(i: number): number {
    return this.situations[i] ?? 0;
  }
  fired(i: number): number {
    return this.eventCounts[i] ?? 0;
  }
  taken(i: number): number {
    return this.actionCounts[i] ?? 0;
  }
  turn(): number {
    return this.turnNo;
  }

  leverage(from: number, to: number): number {
    return leverageOf(this.sc, this.flows, from, to);
  }

  /** The factor by which `actor`'s effects on `target` are scaled. */
  leverageFactor(actor: number, target: number): number {
    return leverageFactorOf(this.leverage(actor, target), this.sc.leverageStrength);
  }

  apply(e: Resolved, cause: Cause): void {
    this.applyTo(e.kind, e.index, e.mode, e.amount, e.label, e.decay, cause);
  }

  /** apply() without the Resolved object: the hot path (runEffects) calls this directly. `share`: the part of the amount due to leverage. */
  applyTo(kind: TargetKind, index: number, mode: EffectMode, rawAmount: number, label: string | null, decay: number | null, cause: Cause, share = 0): void {
    const amount = finite(rawAmount);
    switch (kind) {
      case 'indicator': {
        const before = this.indicators[index]!;
        this.setIndicator(index, before, modeResult(mode, before, amount), cause, share);
        break;
      }
      // Stances change only through modifiers (the compiler refuses "set" for them).
      case 'stance':
        this.addToStance(index, amount, label, decay, cause, share);
        break;
      case 'flow': {
        const def = this.sc.flows[index]!;
        const before = this.flows[index]!;
        const wanted = modeResult(mode, before, amount);
        const after = clamp(wanted, def.min, def.max);
        this.put(this.flows, index, after);
        if (this.ledger !== null) this.record(this.sc.keys.flow, index, before, after, wanted !== after, cause, share);
        break;
      }
      case 'flag': {
        const before = this.flags[index]!;
        const after = clamp(modeResult(mode, before, amount), -1e9, 1e9);
        this.put(this.flags, index, after);
        if (before !== after && this.reads.flag[index] === 1) this.memo!.flagChanged(index);
        if (this.ledger !== null) this.record(this.sc.keys.flag, index, before, after, false, cause, share);
        break;
      }
      default:
        unreachable(kind, 'effect target kind');
    }
  }

  /** applyTo('indicator', index, 'add', amount, …) without the dispatch. */
  addToIndicator(index: number, rawAmount: number, cause: Cause, share: number): void {
    const before = this.indicators[index]!;
    this.setIndicator(index, before, before + finite(rawAmount), cause, share);
  }

  private setIndicator(index: number, before: number, wanted: number, cause: Cause, share: number): void {
    const values = this.indicators;
    const def = this.sc.indicators[index]!;
    // clamp() written out here and in setRaw: their callers are past V8's inlining budget, so the call stayed a call.
    const after = wanted < def.min ? def.min : wanted > def.max ? def.max : wanted;
    if (this.lite) this.logUndo(values, index, before);
    values[index] = after;
    if (before !== after && this.reads.indicator[index] === 1) this.memo!.indicatorChanged(index);
    if (this.ledger !== null) this.record(this.sc.keys.indicator, index, before, after, wanted !== after, cause, share);
  }

  /**
   * applyTo('stance', pair, 'add', amount, …) without the dispatch: adds to (or creates) the named modifier of the
   * stance, limited so the stance stays in range; `slot` numbers the stance effect (CEffect.slot), -1 for none.
   * One method rather than a wrapper round a helper: the effect loop inlines it and setRaw only within V8's budget.
   */
  addToStance(pair: number, rawAmount: number, label: string | null, decay: number | null, cause: Cause, share: number, slot = -1): void {
    const amount = finite(rawAmount);
    const raw = this.raw[pair]!;
    const hi = this.sc.stanceMax - raw,
      lo = this.sc.stanceMin - raw;
    // The part of the amount that fits in the range (Math.min and Math.max written out, for the bytecode budget).
    const room = amount > 0 ? (amount < hi ? amount : hi > 0 ? hi : 0) : amount > lo ? amount : lo <= 0 ? lo : 0;
    if (!this.lite) {
      const name = label ?? cause.label;
      const mods = this.modifiers;
      // A pair has at most one modifier of each label, so a remembered position that holds it is where a search would stop.
      const h = slot >= 0 ? this.hints[slot]! : mods.length;
      const i = h < mods.length && mods[h]!.pair === pair && mods[h]!.label === name ? h : this.modifierAt(pair, name, slot);
      mods[i] = { pair, label: name, value: i < mods.length ? mods[i]!.value + room : room, decay: decay ?? this.sc.stanceDecay };
    }
    this.setRaw(pair, raw + room, room !== amount, cause, share);
  }

  /**
   * The position in `modifiers` of the modifier of `pair` called `label`, or the list's length when it has none (and
   * it will be appended there), remembered for stance effect `slot`. A short list is scanned: building the index
   * costs more than it saves until then.
   */
  private modifierAt(pair: number, label: string, slot: number): number {
    const mods = this.modifiers;
    let i = 0;
    if (this.byPair === null && mods.length < SCAN_MODIFIERS) {
      while (i < mods.length && (mods[i]!.pair !== pair || mods[i]!.label !== label)) i++;
    } else {
      const at = this.positionsOf(pair);
      let k = 0;
      while (k < at.length && mods[at[k]!]!.label !== label) k++;
      if (k < at.length) i = at[k]!;
      else at.push((i = mods.length));
    }
    if (slot >= 0) this.hints[slot] = i;
    return i;
  }

  /** Positions in `modifiers` of the modifiers of `pair`, in order; the index is built on first use after the list was replaced. */
  private positionsOf(pair: number): number[] {
    let index = this.byPair;
    if (index === null) {
      index = new Map();
      this.modifiers.forEach((m, k) => {
        const list = index!.get(m.pair);
        if (list) list.push(k);
        else index!.set(m.pair, [k]);
      });
      this.byPair = index;
    }
    let list = index.get(pair);
    if (!list) index.set(pair, (list = []));
    return list;
  }

  /** Every modifier fades by its decay share; those that fade below half a point are dropped. */
  fadeModifiers(): void {
    const mods = this.modifiers;
    let first = 0;
    // Modifiers that cannot change (no decay, at least half a point) are kept as they are.
    while (first < mods.length && mods[first]!.decay === 0 && Math.abs(mods[first]!.value) >= 0.5) first++;
    if (first === mods.length) return;
    const kept: Modifier[] = mods.slice(0, first);
    let moved: number[] | null = null;
    for (let k = first; k < mods.length; k++) {
      const m = mods[k]!;
      const next = m.decay === 0 ? m.value : m.value * (1 - m.decay);
      const value = Math.abs(next) < 0.5 ? 0 : next;
      const delta = value - m.value;
      if (delta === 0) {
        if (value !== 0) kept.push(m);
        continue;
      }
      // The cause is named only for the ledger: without one, nothing reads it.
      const cause: Cause =
        this.ledger === null
          ? UNRECORDED_FADE
          : { kind: 'decay', id: m.label, actor: null, label: value === 0 ? `${m.label} (faded out)` : `${m.label} (fading)` };
      this.setRaw(m.pair, this.raw[m.pair]! + delta, false, cause, 0);
      if (value !== 0) kept.push({ pair: m.pair, label: m.label, value, decay: m.decay });
      (moved ??= []).push(m.pair);
    }
    this.modifiers = kept;
    this.byPair = null;
    // Only a stance whose modifiers faded can have left its range (fading at different rates).
    if (moved) for (const pair of moved) this.saturate(pair);
  }

  /** Keeps rest + modifiers within the stance range by trimming the modifiers that push past it, so what is shown adds up. */
  private saturate(pair: number): void {
    const { stanceMin, stanceMax } = this.sc;
    let raw = this.raw[pair]!;
    if (raw >= stanceMin && raw <= stanceMax) return;
    const up = raw > stanceMax;
    const push = this.modifiers.filter((m) => m.pair === pair && (up ? m.value > 0 : m.value < 0)).sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
    const cuts = new Map<Modifier, number>();
    for (const m of push) {
      const excess = up ? raw - stanceMax : raw - stanceMin;
      if (excess === 0) break;
      const cut = up ? Math.min(excess, m.value) : Math.max(excess, m.value);
      cuts.set(m, m.value - cut);
      raw -= cut;
    }
    this.raw[pair] = raw;
    const trimmed: Modifier[] = [];
    for (const m of this.modifiers) {
      const value = cuts.get(m);
      if (value === undefined) trimmed.push(m);
      else if (value !== 0) trimmed.push({ pair: m.pair, label: m.label, value, decay: m.decay });
    }
    this.modifiers = trimmed;
    this.byPair = null;
  }

  private setRaw(pair: number, raw: number, clamped: boolean, cause: Cause, share: number): void {
    const stances = this.stances;
    const before = stances[pair]!;
    const lo = this.sc.stanceMin,
      hi = this.sc.stanceMax;
    const after = raw < lo ? lo : raw > hi ? hi : raw;
    if (this.lite) this.logStance(pair, before);
    this.raw[pair] = raw;
    stances[pair] = after;
    if (before !== after && this.reads.stance[pair] === 1) this.memo!.stanceChanged(pair);
    if (this.ledger !== null) this.record(this.sc.keys.stance, pair, before, after, clamped, cause, share);
  }

  /** Look-ahead copies only: logs a stance pair's sum and value before they change. */
  private logStance(pair: number, before: number): void {
    this.logUndo(this.raw, pair, this.raw[pair]!);
    this.logUndo(this.stances, pair, before);
  }

  /** Writes a ledger entry (callers test that a ledger is kept first, which saves a call per change in batch runs). */
  private record(keys: readonly string[], index: number, before: number, after: number, clamped: boolean, cause: Cause, share: number): void {
    const ledger = this.ledger;
    if (ledger === null || (before === after && !clamped)) return;
    const target = keys[index]!;
    const delta = after - before;
    // Whole literals rather than adding fields afterwards, which would give ledger entries more hidden classes.
    if (share !== 0 && delta !== 0) {
      ledger[this.logged++] = clamped
        ? { turn: this.turnNo, target, delta, value: after, cause, clamped: true, leverage: delta * share }
        : { turn: this.turnNo, target, delta, value: after, cause, leverage: delta * share };
    } else {
      ledger[this.logged++] = clamped
        ? { turn: this.turnNo, target, delta, value: after, cause, clamped: true }
        : { turn: this.turnNo, target, delta, value: after, cause };
    }
  }

  /** The ledger entries recorded so far, in order (empty when no ledger is kept). */
  entries(): LedgerEntry[] {
    if (this.ledger === null) return NO_ENTRIES;
    this.ledger.length = this.logged;
    return this.ledger;
  }

  /** The working values written back over a copy of `base`. */
  toState(
    base: GameState,
    rng = base.rng,
    dilemmas = base.dilemmas,
    news = base.news,
    over = base.over,
    ending = base.ending,
    history = base.history,
  ): GameState {
    // Every field listed in one literal, in one order: a single hidden class, no object spread on the hot path.
    return {
      stateVersion: base.stateVersion,
      engineVersion: base.engineVersion,
      scenarioId: base.scenarioId,
      scenarioHash: base.scenarioHash,
      seed: base.seed,
      seats: base.seats,
      aiFuzz: base.aiFuzz,
      turn: this.turnNo,
      over,
      ending,
      rng,
      indicators: this.indicators,
      flows: this.flows,
      flags: this.flags,
      stances: this.stances,
      modifiers: this.modifiers,
      pending: this.pending,
      actionCounts: this.actionCounts,
      actionLast: this.actionLast,
      eventCounts: this.eventCounts,
      eventLast: this.eventLast,
      situations: this.situations,
      dilemmas,
      news,
      history,
    };
  }
}
