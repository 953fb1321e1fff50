// The AI for seats no human plays: scores each option against the actor's goals and picks deterministically.
import { availableActionIds, oddsOf, PASS_ID } from './choices.js';
import { StateEnv } from './env.js';
import { runEffects } from './effects.js';
import { hashText, noise } from './noise.js';
import { EngineError, type Cause, type CActor, type CEffect, type GameState, type Scenario } from './types.js';
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

/** Scores the expected result of applying `lists` (each with its probability) on `sim`, a look-ahead copy reset to `base`. */
function scoreEffects(sim: Work, base: Work, env: StateEnv, actor: CActor, before: number[], cost: ReadonlyArray<{ indicator: number; amount: number }>, lists: ReadonlyArray<[readonly CEffect[], number]>): Reason[] {
  sim.resetTo(base);
  for (const c of cost) sim.apply({ kind: 'indicator', index: c.indicator, mode: 'add', amount: -c.amount, label: null, decay: null }, LOOKAHEAD);
  for (const [effects, p] of lists) if (p > 0) runEffects(sim, effects, env, env, actor.index, LOOKAHEAD, p, DELAY_DISCOUNT);
  const after = goalValues(actor, sim);
  return actor.goals.map((g, i) => ({ label: g.label, contribution: g.weight * (after[i]! - before[i]!) }));
}

/** The fuzz the game applies to `actor`: the game's difficulty setting when given, else the scenario's. */
function fuzzOf(s: GameState, actor: CActor): number {
  return s.aiFuzz ?? actor.fuzz;
}

/** The highest-scoring option, the first on ties. When every option is vetoed the vetoes give way. */
function bestOf(options: readonly OptionScore[]): OptionScore | null {
  let best: OptionScore | null = null;
  for (const o of options) if (best === null || o.score > best.score) best = o;
  return best;
}

/** pure; the AI's choice for `actorId`, with every option's score and the top reasons. Draws nothing from the game's generator. */
export function chooseAi(sc: Scenario, s: GameState, actorId: string): AiDecision {
  const actor = sc.actors[sc.actorIndex.get(actorId) ?? -1];
  if (!actor) throw new EngineError(`unknown actor "${actorId}"`);
  const env = new StateEnv(sc, s);
  const base = new Work(sc, s, false, true);
  const sim = new Work(sc, s, false, true);
  const before = goalValues(actor, base);
  const fuzz = fuzzOf(s, actor);
  const seedKey = hashText(s.seed);
  const options: OptionScore[] = [];
  for (const id of availableActionIds(sc, s, actor.index, env)) {
    const jitter = fuzz > 0 ? (noise(seedKey, s.turn, actor.index, sc.actionIndex.get(id) ?? -1) - 0.5) * fuzz * FUZZ_SCALE : 0;
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
    const reasons = scoreEffects(sim, base, env, actor, before, a.cost, lists);
    let preference = actor.preferences.get(a.id) ?? 0;
    for (const t of a.tags) preference += actor.preferences.get(t) ?? 0;
    if (preference !== 0) reasons.push({ label: 'temperament', contribution: preference });
    let score = jitter;
    for (const r of reasons) score += r.contribution;
    options.push({ id, score, vetoed, reasons });
  }
  const chosen = bestOf(options.filter((o) => o.vetoed === null)) ?? bestOf(options)!;
  const reasons = chosen.reasons.filter((r) => r.contribution !== 0).sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution)).slice(0, 3);
  return { actor: actor.id, action: chosen.id, score: chosen.score, reasons, options };
}

/** pure; the option of a dilemma the AI of `actorId` picks (with the same seeded fuzz as its actions), first on ties. */
export function chooseDilemmaOption(sc: Scenario, s: GameState, actorId: string, eventId: string): string {
  const actor = sc.actors[sc.actorIndex.get(actorId) ?? -1];
  const ev = sc.events[sc.eventIndex.get(eventId) ?? -1];
  if (!actor || !ev?.dilemma) throw new EngineError(`no dilemma "${eventId}" for "${actorId}"`);
  const env = new StateEnv(sc, s);
  const base = new Work(sc, s, false, true);
  const sim = new Work(sc, s, false, true);
  const before = goalValues(actor, base);
  const fuzz = fuzzOf(s, actor);
  const seedKey = hashText(`${s.seed}|${ev.id}`);
  let best = ev.dilemma.options[0]!.id;
  let bestScore = -Infinity;
  ev.dilemma.options.forEach((o, k) => {
    const jitter = fuzz > 0 ? (noise(seedKey, s.turn, actor.index, k) - 0.5) * fuzz * FUZZ_SCALE : 0;
    const score = scoreEffects(sim, base, env, actor, before, [], [[o.effects, 1]]).reduce((t, r) => t + r.contribution, jitter);
    if (score > bestScore) {
      best = o.id;
      bestScore = score;
    }
  });
  return best;
}
