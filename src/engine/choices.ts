// What an actor may do this turn: visible actions, what each still lacks, costs, odds and pending dilemmas.
import { clamp } from './clamp.js';
import type { ExprEnv } from './expr/index.js';
import { evaluate, StateEnv } from './env.js';
import { EngineError, type ActionResult, type CAction, type GameState, type Scenario } from './types.js';

/** The id of the built-in "hold course" action, offered only when nothing else is available. */
export const PASS_ID = 'pass';

/** One named term of an action's odds: its points and whether its condition holds now. */
export interface OddsFactor {
  label: string;
  add: number;
  applies: boolean;
}
/** A factor that held when an action's odds were rolled, as the turn's record keeps it. */
export type RolledFactor = ActionResult['factors'][number];
export interface OddsView {
  base: number;
  total: number;
  factors: OddsFactor[];
}

export interface ActionView {
  id: string;
  label: string;
  description: string;
  tags: readonly string[];
  available: boolean;
  /** Why it is not available: the labels of unmet requirements, unaffordable costs, cooldowns. */
  missing: string[];
  cost: Array<{ indicator: string; name: string; amount: number }>;
  odds: OddsView | null;
}

export interface DilemmaView {
  event: string;
  title: string;
  prompt: string;
  options: Array<{ id: string; label: string; description: string }>;
}

export interface LegalChoices {
  actor: string;
  actions: ActionView[];
  dilemmas: DilemmaView[];
}

/** pure; the odds points that the actor's leverage over the action's target adds (negative when it depends on the target), 0 without a target. */
export function leverageOddsOf(sc: Scenario, a: CAction, env: ExprEnv): number {
  if (a.target < 0 || !a.outcome) return 0;
  return env.leverage(a.actor, a.target) * sc.leverageStrength * sc.leverageOdds;
}

/** pure; how the leverage factor of an action's odds is named: who depends on whom, and how much. */
export function leverageFactorLabel(sc: Scenario, a: CAction, env: ExprEnv): string {
  const lev = env.leverage(a.actor, a.target);
  const actor = sc.def.actors[a.actor]!.name;
  const target = sc.def.actors[a.target]!.name;
  return lev >= 0 ? `Leverage: ${target} depends on ${actor} (${lev.toFixed(2)})` : `Leverage: ${actor} depends on ${target} (${(-lev).toFixed(2)})`;
}

/**
 * pure; the odds rule, the one the turn rolls against, the AI weighs and the player is shown: the base, plus each
 * factor whose condition holds, plus the leverage factor, summed in that order and clamped to 0..100 (null when the
 * action is certain). Given `factors`, it also lists every factor in that order, holding or not; given `applied`, the
 * factors that hold, as a turn's record keeps them.
 */
export function oddsTotal(sc: Scenario, a: CAction, env: ExprEnv, factors: OddsFactor[] | null = null, applied: RolledFactor[] | null = null): number | null {
  if (!a.outcome) return null;
  let total = evaluate(a.outcome.odds, env);
  for (const f of a.outcome.factors) {
    const applies = f.when === null || evaluate(f.when, env) !== 0;
    if (applies) {
      const add = evaluate(f.add, env);
      total += add;
      factors?.push({ label: f.label, add, applies });
      applied?.push({ label: f.label, add });
    } else factors?.push({ label: f.label, add: evaluate(f.add, env), applies });
  }
  const lev = leverageOddsOf(sc, a, env);
  if (lev !== 0) {
    total += lev;
    const label = leverageFactorLabel(sc, a, env);
    factors?.push({ label, add: lev, applies: true });
    applied?.push({ label, add: lev });
  }
  return clamp(total, 0, 100);
}

/** pure; the stated odds of an uncertain action against `env` (oddsTotal's rule): base, named factors, then the leverage factor. */
export function oddsOf(sc: Scenario, a: CAction, env: ExprEnv): OddsView | null {
  if (!a.outcome) return null;
  const factors: OddsFactor[] = [];
  const total = oddsTotal(sc, a, env, factors)!;
  return { base: evaluate(a.outcome.odds, env), total, factors };
}

/**
 * pure; the availability rule (requirements, costs, cooldown, uses; visibility is apart): whether `a` may be taken in
 * state `s`. Given `missing`, it names every unmet condition there; without, it stops at the first. A new kind of
 * condition must also be added to canTake's test for an action that has none.
 */
function meets(sc: Scenario, s: GameState, a: CAction, env: ExprEnv, missing: string[] | null): boolean {
  let ok = true;
  for (const r of a.requires) {
    if (r.when.fn(env) !== 0) continue;
    if (!missing) return false;
    ok = false;
    missing.push(r.label);
  }
  for (const c of a.cost) {
    const def = sc.indicators[c.indicator]!;
    const has = s.indicators[c.indicator]!;
    if (has - c.amount >= def.min) continue;
    if (!missing) return false;
    ok = false;
    const seen = (def.estimateError[a.actor] ?? 0) > 0 ? 'you see only an estimate of it' : `has ${Math.round(has * 10) / 10}`;
    missing.push(`needs ${c.amount} ${sc.def.indicators[c.indicator]!.name} (${seen})`);
  }
  const last = s.actionLast[a.index]!;
  if (a.cooldown > 0 && last >= 1 && s.turn - last <= a.cooldown) {
    if (!missing) return false;
    ok = false;
    const left = a.cooldown - (s.turn - last) + 1;
    missing.push(`available again in ${left} turn${left === 1 ? '' : 's'}`);
  }
  if (a.maxUses > 0 && s.actionCounts[a.index]! >= a.maxUses) {
    if (!missing) return false;
    ok = false;
    missing.push(`already used ${a.maxUses} time${a.maxUses === 1 ? '' : 's'}`);
  }
  return ok;
}

/** pure; the reasons `a` is unavailable in state `s` (empty when it is available). */
export function missingFor(sc: Scenario, s: GameState, a: CAction, env: ExprEnv): string[] {
  const missing: string[] = [];
  meets(sc, s, a, env, missing);
  return missing;
}

/** pure; ids of the actions `actor` may take now, in scenario order (PASS_ID alone when none). */
export function availableActionIds(sc: Scenario, s: GameState, actor: number, env: ExprEnv = new StateEnv(sc, s)): string[] {
  const ids: string[] = [];
  for (const a of sc.actionsByActor[actor] ?? []) {
    if (canTake(sc, s, a, env)) ids.push(a.id);
  }
  return ids.length ? ids : [PASS_ID];
}

/** pure; whether action `a` is visible and available to its actor now. */
export function canTake(sc: Scenario, s: GameState, a: CAction, env: ExprEnv): boolean {
  // An action with none of the conditions meets() tests is always available: said here, it saves that call on every step.
  if (a.visible === null && a.requires.length === 0 && a.cost.length === 0 && a.cooldown === 0 && a.maxUses === 0) return true;
  return !(a.visible && a.visible.fn(env) === 0) && meets(sc, s, a, env, null);
}

export function actorIndexOf(sc: Scenario, actorId: string): number {
  const i = sc.actorIndex.get(actorId);
  if (i === undefined) throw new EngineError(`unknown actor "${actorId}"`);
  return i;
}

/** pure; everything `actorId` may choose this turn, for a menu or a card view. */
export function legalChoices(sc: Scenario, s: GameState, actorId: string): LegalChoices {
  const actor = actorIndexOf(sc, actorId);
  const env = new StateEnv(sc, s);
  const actions: ActionView[] = [];
  for (const a of sc.actionsByActor[actor] ?? []) {
    if (a.visible && a.visible.fn(env) === 0) continue;
    const def = sc.def.actions[a.index]!;
    const missing = missingFor(sc, s, a, env);
    actions.push({
      id: a.id,
      label: a.label,
      description: def.description,
      tags: a.tags,
      available: missing.length === 0,
      missing,
      cost: a.cost.map((c) => ({ indicator: sc.indicators[c.indicator]!.id, name: sc.def.indicators[c.indicator]!.name, amount: c.amount })),
      odds: oddsOf(sc, a, env),
    });
  }
  if (!actions.some((a) => a.available)) {
    actions.push({
      id: PASS_ID,
      label: 'Hold course',
      description: 'Take no new initiative this turn.',
      tags: ['cautious'],
      available: true,
      missing: [],
      cost: [],
      odds: null,
    });
  }
  const dilemmas: DilemmaView[] = s.dilemmas
    .filter((d) => d.actor === actorId)
    .map((d) => {
      const def = sc.def.events?.[sc.eventIndex.get(d.event) ?? -1];
      if (!def?.dilemma) throw new EngineError(`pending dilemma for unknown event "${d.event}"`);
      return {
        event: d.event,
        title: def.title,
        prompt: def.dilemma.prompt,
        options: def.dilemma.options.map((o) => ({ id: o.id, label: o.label, description: o.description ?? '' })),
      };
    });
  return { actor: actorId, actions, dilemmas };
}
