// What a card or a dilemma option will do, read from the scenario and the state before it is chosen.
import { actorIndexOf, oddsTotal } from './choices.js';
import { effectFactor, effectAmount } from './effects.js';
import { StateEnv } from './env.js';
import type { ExprEnv } from './expr/index.js';
import { EngineError, type CEffect, type GameState, type Scenario, type TargetKind } from './types.js';

/** Which part of the choice a change belongs to: always, only on success or failure of its odds, or its cost. */
export type PreviewBranch = 'always' | 'success' | 'failure' | 'cost';

/** One change a choice makes, as stated in the scenario and evaluated against the current state. */
export interface PreviewChange {
  /** "indicator:<id>", "stance:<from>><to>", "flow:<id>" or "flag:<id>", as `explain` names it. */
  target: string;
  kind: TargetKind;
  /** The number's name ("China toward North Korea" for a stance). */
  label: string;
  /** The change's own name where the scenario gives one (a stance modifier's label), else null. */
  note: string | null;
  mode: 'add' | 'set';
  /** The number's value now. */
  from: number;
  /** For "add", the whole change (before the number's own bounds); for "set", the value set. */
  amount: number;
  branch: PreviewBranch;
  /** Turns until it starts (0: this turn) and over how many turns it is spread (1: at once). */
  delay: number;
  over: number;
  /** The share of `amount` that the actor's leverage over the number's owner adds (0: none). */
  leverage: number;
}

/** How one of the role's objectives stands and which way the choice pushes it. */
export interface PreviewObjective {
  id: string;
  label: string;
  met: boolean;
  effect: 'helps' | 'hurts' | 'none';
}

export interface ChoicePreview {
  actor: string;
  /** The action id, or "<event>:<option>" for a dilemma option. */
  choice: string;
  label: string;
  /** Chance of success from 0 to 1 for an uncertain action; null when there is nothing to roll. */
  chance: number | null;
  changes: PreviewChange[];
  objectives: PreviewObjective[];
}

/** pure; what `actorId` taking `actionId` would change, from the state at the start of this turn; draws nothing. */
export function previewAction(sc: Scenario, s: GameState, actorId: string, actionId: string): ChoicePreview {
  const actor = actorIndexOf(sc, actorId);
  const index = sc.actionIndex.get(actionId);
  const a = index === undefined ? undefined : sc.actions[index];
  if (!a || a.actor !== actor) throw new EngineError(`${actorId} has no action "${actionId}"`);
  const env = new StateEnv(sc, s);
  const changes: PreviewChange[] = a.cost.map((c) => ({
    target: sc.keys.indicator[c.indicator]!,
    kind: 'indicator',
    label: sc.def.indicators[c.indicator]!.name,
    note: null,
    from: env.indicator(c.indicator),
    mode: 'add',
    amount: -c.amount,
    branch: 'cost',
    delay: 0,
    over: 1,
    leverage: 0,
  }));
  changes.push(...changesOf(sc, env, a.effects, actor, 'always'));
  let chance: number | null = null;
  if (a.outcome) {
    chance = (oddsTotal(sc, a, env) ?? 100) / 100;
    changes.push(...changesOf(sc, env, a.outcome.success, actor, 'success'), ...changesOf(sc, env, a.outcome.failure, actor, 'failure'));
  }
  return { actor: actorId, choice: a.id, label: a.label, chance, changes, objectives: objectivesFor(sc, s, env, actor, changes, chance) };
}

/** pure; what answering dilemma `eventId` with `optionId` would change, from the current state; draws nothing. */
export function previewOption(sc: Scenario, s: GameState, actorId: string, eventId: string, optionId: string): ChoicePreview {
  const actor = actorIndexOf(sc, actorId);
  const ev = sc.events[sc.eventIndex.get(eventId) ?? -1];
  if (!ev?.dilemma || ev.dilemma.actor !== actor) throw new EngineError(`${actorId} has no dilemma "${eventId}"`);
  const option = ev.dilemma.options.find((o) => o.id === optionId);
  if (!option) throw new EngineError(`dilemma "${eventId}" has no option "${optionId}"; expected one of: ${ev.dilemma.options.map((o) => o.id).join(', ')}`);
  const env = new StateEnv(sc, s);
  const changes = changesOf(sc, env, option.effects, actor, 'always');
  return {
    actor: actorId,
    choice: `${eventId}:${optionId}`,
    label: option.label,
    chance: null,
    changes,
    objectives: objectivesFor(sc, s, env, actor, changes, null),
  };
}

function changesOf(sc: Scenario, env: StateEnv, effects: readonly CEffect[], actor: number, branch: PreviewBranch): PreviewChange[] {
  return effects.map((e) => {
    const factor = effectFactor(e, env, actor);
    const amount = effectAmount(e, env, env, actor);
    const { target, label, from } = nameOf(sc, env, e.kind, e.index);
    const leverage = factor === 1 || e.mode === 'set' || amount === 0 ? 0 : (factor - 1) / factor;
    return { target, kind: e.kind, label, note: e.label, from, mode: e.mode, amount, branch, delay: e.delay, over: e.over, leverage };
  });
}

function nameOf(sc: Scenario, env: StateEnv, kind: TargetKind, index: number): { target: string; label: string; from: number } {
  const def = sc.def;
  switch (kind) {
    case 'indicator':
      return { target: sc.keys.indicator[index]!, label: def.indicators[index]!.name, from: env.indicator(index) };
    case 'flow':
      return { target: sc.keys.flow[index]!, label: def.flows![index]!.label, from: env.flow(index) };
    case 'flag':
      return { target: sc.keys.flag[index]!, label: def.flags![index]!.label, from: env.flag(index) };
    case 'stance': {
      const n = sc.actors.length;
      const from = Math.floor(index / n);
      const to = index % n;
      return { target: sc.keys.stance[index]!, label: `${def.actors[from]!.name} toward ${def.actors[to]!.name}`, from: env.stance(from, to) };
    }
  }
}

/** pure; which way changing numbers by `delta` (target key to amount) pushes each of the actor's objectives from state `s`. */
export function objectiveEffects(sc: Scenario, s: GameState, actorId: string, delta: ReadonlyMap<string, number>): PreviewObjective[] {
  return probeObjectives(sc, s, new StateEnv(sc, s), actorIndexOf(sc, actorId), delta);
}

/** The probe steps along the choice's direction: far enough to reach a threshold a single turn only nears. */
const PROBES = [1, 2, 4, 8, 16, 32];

/**
 * Whether the choice pushes each objective towards being met or away from it: the expected changes are
 * scaled up step by step (and reversed) and the objective re-read, so any threshold it nears is found.
 */
function objectivesFor(sc: Scenario, s: GameState, env: StateEnv, actor: number, changes: readonly PreviewChange[], chance: number | null): PreviewObjective[] {
  return probeObjectives(sc, s, env, actor, expectedDelta(changes, chance));
}

function probeObjectives(sc: Scenario, s: GameState, env: StateEnv, actor: number, delta: ReadonlyMap<string, number>): PreviewObjective[] {
  return sc.actors[actor]!.objectives.map((o) => {
    const met = o.when.fn(env) !== 0;
    let effect: PreviewObjective['effect'] = 'none';
    for (const k of delta.size > 0 ? PROBES : []) {
      // Ahead: further along the choice's direction; behind: the opposite way.
      if ((o.when.fn(new ShiftedEnv(sc, s, env, delta, k)) !== 0) !== met) effect = met ? 'hurts' : 'helps';
      else if ((o.when.fn(new ShiftedEnv(sc, s, env, delta, -k)) !== 0) !== met) effect = met ? 'helps' : 'hurts';
      if (effect !== 'none') break;
    }
    return { id: o.id, label: o.label, met, effect };
  });
}

/** The chance-weighted change per number; a "set" counts as the distance from the value now to the value set. */
function expectedDelta(changes: readonly PreviewChange[], chance: number | null): Map<string, number> {
  const delta = new Map<string, number>();
  for (const c of changes) {
    const w = c.branch === 'success' ? (chance ?? 1) : c.branch === 'failure' ? 1 - (chance ?? 1) : 1;
    if (w === 0) continue;
    const amount = c.mode === 'add' ? c.amount : c.amount - c.from;
    delta.set(c.target, (delta.get(c.target) ?? 0) + amount * w);
  }
  for (const [k, v] of delta) if (v === 0) delta.delete(k);
  return delta;
}

/** The state's numbers with `delta` × `k` added, each kept within its bounds. */
class ShiftedEnv implements ExprEnv {
  constructor(
    private readonly sc: Scenario,
    private readonly s: GameState,
    private readonly base: StateEnv,
    private readonly delta: ReadonlyMap<string, number>,
    private readonly k: number,
  ) {}
  private shift(key: string, value: number, lo: number, hi: number): number {
    const d = this.delta.get(key);
    if (d === undefined) return value;
    const x = value + d * this.k;
    return x < lo ? lo : x > hi ? hi : x;
  }
  indicator(i: number): number {
    const ind = this.sc.indicators[i]!;
    return this.shift(this.sc.keys.indicator[i]!, this.base.indicator(i), ind.min, ind.max);
  }
  stance(from: number, to: number): number {
    return this.shift(this.sc.keys.stance[from * this.sc.actors.length + to]!, this.base.stance(from, to), this.sc.stanceMin, this.sc.stanceMax);
  }
  flow(i: number): number {
    const f = this.sc.flows[i]!;
    return this.shift(this.sc.keys.flow[i]!, this.base.flow(i), f.min, f.max);
  }
  leverage(from: number, to: number): number {
    return this.base.leverage(from, to);
  }
  /** A flag the choice sets or moves counts as changed on the way ahead only: a flag has no "further". */
  flag(i: number): number {
    const d = this.delta.get(this.sc.keys.flag[i]!);
    return d === undefined || this.k < 0 ? this.base.flag(i) : this.base.flag(i) + d;
  }
  situation(i: number): number {
    return this.base.situation(i);
  }
  fired(i: number): number {
    return this.base.fired(i);
  }
  taken(i: number): number {
    return this.base.taken(i);
  }
  turn(): number {
    return this.s.turn;
  }
}
