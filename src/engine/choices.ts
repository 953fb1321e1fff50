// What an actor may do this turn: visible actions, what each still lacks, costs, odds and pending dilemmas.
import type { ExprEnv } from './expr/index.js';
import { StateEnv } from './env.js';
import { EngineError, type CAction, type GameState, type Scenario } from './types.js';

/** The id of the built-in "hold course" action, offered only when nothing else is available. */
export const PASS_ID = 'pass';

export interface OddsView { base: number; total: number; factors: Array<{ label: string; add: number; applies: boolean }> }

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

export interface DilemmaView { event: string; title: string; prompt: string; options: Array<{ id: string; label: string; description: string }> }

export interface LegalChoices { actor: string; actions: ActionView[]; dilemmas: DilemmaView[] }

const clampPct = (x: number) => (x < 0 ? 0 : x > 100 ? 100 : x);

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

/** pure; oddsOf(...).total without building the view: the same sum in the same order, clamped the same way (null when certain). */
export function oddsTotal(sc: Scenario, a: CAction, env: ExprEnv): number | null {
  if (!a.outcome) return null;
  let total = a.outcome.odds.fn(env);
  for (const f of a.outcome.factors) if (f.when === null || f.when.fn(env) !== 0) total += f.add.fn(env);
  const lev = leverageOddsOf(sc, a, env);
  if (lev !== 0) total += lev;
  return clampPct(total);
}

/** pure; the stated odds of an uncertain action against `env`: base, named factors, then the leverage factor. */
export function oddsOf(sc: Scenario, a: CAction, env: ExprEnv): OddsView | null {
  if (!a.outcome) return null;
  const base = a.outcome.odds.fn(env);
  const factors = a.outcome.factors.map((f) => ({ label: f.label, add: f.add.fn(env), applies: f.when === null || f.when.fn(env) !== 0 }));
  const lev = leverageOddsOf(sc, a, env);
  if (lev !== 0) factors.push({ label: leverageFactorLabel(sc, a, env), add: lev, applies: true });
  let total = base;
  for (const f of factors) if (f.applies) total += f.add;
  return { base, total: clampPct(total), factors };
}

/** pure; the reasons `a` is unavailable in state `s` (empty when it is available). */
export function missingFor(sc: Scenario, s: GameState, a: CAction, env: ExprEnv): string[] {
  const missing: string[] = [];
  for (const r of a.requires) if (r.when.fn(env) === 0) missing.push(r.label);
  for (const c of a.cost) {
    const def = sc.indicators[c.indicator]!;
    const has = s.indicators[c.indicator]!;
    const seen = (def.estimateError[a.actor] ?? 0) > 0 ? 'you see only an estimate of it' : `has ${Math.round(has * 10) / 10}`;
    if (has - c.amount < def.min) missing.push(`needs ${c.amount} ${sc.def.indicators[c.indicator]!.name} (${seen})`);
  }
  const last = s.actionLast[a.index]!;
  if (a.cooldown > 0 && last >= 1 && s.turn - last <= a.cooldown) {
    const left = a.cooldown - (s.turn - last) + 1;
    missing.push(`available again in ${left} turn${left === 1 ? '' : 's'}`);
  }
  if (a.maxUses > 0 && s.actionCounts[a.index]! >= a.maxUses) missing.push(`already used ${a.maxUses} time${a.maxUses === 1 ? '' : 's'}`);
  return missing;
}

/** pure; ids of the actions `actor` may take now, in scenario order (PASS_ID alone when none). */
export function availableActionIds(sc: Scenario, s: GameState, actor: number, env: ExprEnv = new StateEnv(sc, s)): string[] {
  const ids: string[] = [];
  for (const a of sc.actionsByActor[actor] ?? []) {
    if (a.visible && a.visible.fn(env) === 0) continue;
    if (missingFor(sc, s, a, env).length === 0) ids.push(a.id);
  }
  return ids.length ? ids : [PASS_ID];
}

/** pure; whether `actor` may take action `id` now: availableActionIds' rule for one action, without building the list. */
export function isAvailable(sc: Scenario, s: GameState, actor: number, id: string, env: ExprEnv): boolean {
  if (id === PASS_ID) return availableActionIds(sc, s, actor, env)[0] === PASS_ID;
  const i = sc.actionIndex.get(id);
  const a = i === undefined ? undefined : sc.actions[i];
  return a !== undefined && a.actor === actor && canTake(sc, s, a, env);
}

/** pure; whether action `a` is visible and available to its actor now. */
export function canTake(sc: Scenario, s: GameState, a: CAction, env: ExprEnv): boolean {
  if (a.visible && a.visible.fn(env) === 0) return false;
  for (const r of a.requires) if (r.when.fn(env) === 0) return false;
  for (const c of a.cost) if (s.indicators[c.indicator]! - c.amount < sc.indicators[c.indicator]!.min) return false;
  const last = s.actionLast[a.index]!;
  if (a.cooldown > 0 && last >= 1 && s.turn - last <= a.cooldown) return false;
  if (a.maxUses > 0 && s.actionCounts[a.index]! >= a.maxUses) return false;
  return true;
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
      id: a.id, label: a.label, description: def.description, tags: a.tags, available: missing.length === 0, missing,
      cost: a.cost.map((c) => ({ indicator: sc.indicators[c.indicator]!.id, name: sc.def.indicators[c.indicator]!.name, amount: c.amount })),
      odds: oddsOf(sc, a, env),
    });
  }
  if (!actions.some((a) => a.available)) {
    actions.push({ id: PASS_ID, label: 'Hold course', description: 'Take no new initiative this turn.', tags: ['cautious'], available: true, missing: [], cost: [], odds: null });
  }
  const dilemmas: DilemmaView[] = s.dilemmas
    .filter((d) => d.actor === actorId)
    .map((d) => {
      const def = sc.def.events?.[sc.eventIndex.get(d.event) ?? -1];
      if (!def?.dilemma) throw new EngineError(`pending dilemma for unknown event "${d.event}"`);
      return { event: d.event, title: def.title, prompt: def.dilemma.prompt, options: def.dilemma.options.map((o) => ({ id: o.id, label: o.label, description: o.description ?? '' })) };
    });
  return { actor: actorId, actions, dilemmas };
}
