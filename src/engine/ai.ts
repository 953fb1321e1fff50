// The AI for seats no human plays: scores each option against the actor's goals and picks deterministically.
import { availableActionIds, oddsOf, PASS_ID } from './choices.js';
import { StateEnv } from './env.js';
import { runEffects } from './effects.js';
import { resumeRng, seedRng } from './rng.js';
import type { Cause, CActor, CEffect, GameState, Scenario } from './types.js';
import { Work } from './work.js';

/** How much the AI values an effect that lands one turn later, compounded per turn of delay. */
const DELAY_DISCOUNT = 0.85;
/** Score spread that fuzz 1 adds, in goal points. */
const FUZZ_SCALE = 10;

export interface Reason { label: string; contribution: number }
export interface OptionScore { id: string; score: number; vetoed: string | null; reasons: Reason[] }
export interface AiDecision { actor: string; action: string; score: number; reasons: Reason[]; options: OptionScore[] }

const LOOKAHEAD: Cause = { kind: 'action', id: 'lookahead', actor: null, label: 'look-ahead' };

function goalValues(actor: CActor, env: Work): number[] {
  return actor.goals.map((g) => g.value.fn(env));
}

/** Scores the expected result of applying `lists` (each with its probability) on a look-ahead copy. */
function scoreEffects(sc: Scenario, s: GameState, env: StateEnv, actor: CActor, before: number[], cost: ReadonlyArray<{ indicator: number; amount: number }>, lists: ReadonlyArray<[readonly CEffect[], number]>): Reason[] {
  const sim = new Work(sc, s, null, true);
  for (const c of cost) sim.apply({ kind: 'indicator', index: c.indicator, mode: 'add', amount: -c.amount, label: null, decay: null }, LOOKAHEAD);
  for (const [effects, p] of lists) if (p > 0) runEffects(sim, effects, env, env, actor.index, LOOKAHEAD, p, DELAY_DISCOUNT);
  const after = goalValues(actor, sim);
  return actor.goals.map((g, i) => ({ label: g.label, contribution: g.weight * (after[i]! - before[i]!) }));
}

/** The fuzz the game applies to `actor`: the game's difficulty setting when given, else the scenario's. */
function fuzzOf(s: GameState, actor: CActor): number {
  return s.aiFuzz ?? actor.fuzz;
}

/** pure; the AI's choice for `actorId`, with every option's score and the top reasons. Draws nothing from the game's generator. */
export function chooseAi(sc: Scenario, s: GameState, actorId: string): AiDecision {
  const actor = sc.actors[sc.actorIndex.get(actorId) ?? -1];
  if (!actor) throw new Error(`unknown actor "${actorId}"`);
  const env = new StateEnv(sc, s);
  const base = new Work(sc, s, null, true);
  const before = goalValues(actor, base);
  const fuzz = fuzzOf(s, actor);
  const noise = fuzz > 0 ? resumeRng(seedRng(`${s.seed}|ai|${s.turn}|${actor.id}`)) : null;
  const options: OptionScore[] = [];
  for (const id of availableActionIds(sc, s, actor.index, env)) {
    const jitter = noise ? (noise.next() - 0.5) * fuzz * FUZZ_SCALE : 0;
    if (id === PASS_ID) {
      options.push({ id, score: jitter, vetoed: null, reasons: [] });
      continue;
    }
    const a = sc.actions[sc.actionIndex.get(id)!]!;
    const veto = actor.vetoes.find((v) =>
      ((v.actions === null && v.tags === null) || v.actions?.has(a.index) || a.tags.some((t) => v.tags?.has(t))) && (v.when === null || v.when.fn(env) !== 0));
    const vetoed = veto ? veto.label : null;
    const p = oddsOf(a, env);
    const chance = p ? p.total / 100 : 1;
    const lists: Array<[readonly CEffect[], number]> = [[a.effects, 1]];
    if (a.outcome) lists.push([a.outcome.success, chance], [a.outcome.failure, 1 - chance]);
    const reasons = scoreEffects(sc, s, env, actor, before, a.cost, lists);
    let preference = actor.preferences.get(a.id) ?? 0;
    for (const t of a.tags) preference += actor.preferences.get(t) ?? 0;
    if (preference !== 0) reasons.push({ label: 'temperament', contribution: preference });
    let score = jitter;
    for (const r of reasons) score += r.contribution;
    options.push({ id, score, vetoed, reasons });
  }
  let best: OptionScore | null = null;
  for (const o of options) if (o.vetoed === null && (best === null || o.score > best.score)) best = o;
  const chosen = best ?? { id: PASS_ID, score: 0, vetoed: null, reasons: [] };
  const reasons = chosen.reasons.filter((r) => r.contribution !== 0).sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution)).slice(0, 3);
  return { actor: actor.id, action: chosen.id, score: chosen.score, reasons, options };
}

/** pure; the option of a dilemma the AI of `actorId` picks, first on ties. */
export function chooseDilemmaOption(sc: Scenario, s: GameState, actorId: string, eventId: string): string {
  const actor = sc.actors[sc.actorIndex.get(actorId) ?? -1];
  const ev = sc.events[sc.eventIndex.get(eventId) ?? -1];
  if (!actor || !ev?.dilemma) throw new Error(`no dilemma "${eventId}" for "${actorId}"`);
  const env = new StateEnv(sc, s);
  const before = goalValues(actor, new Work(sc, s, null, true));
  let best = ev.dilemma.options[0]!.id;
  let bestScore = -Infinity;
  for (const o of ev.dilemma.options) {
    const score = scoreEffects(sc, s, env, actor, before, [], [[o.effects, 1]]).reduce((t, r) => t + r.contribution, 0);
    if (score > bestScore) {
      best = o.id;
      bestScore = score;
    }
  }
  return best;
}
