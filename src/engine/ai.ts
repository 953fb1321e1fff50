// The AI for seats no human plays: scores each option against the actor's goals and picks deterministically.
import { availableActionIds, oddsTotal, PASS_ID } from './choices.js';
import { evaluate, StateEnv } from './env.js';
import { runEffects } from './effects.js';
import { hashText, noise } from './noise.js';
import { EngineError, type Cause, type CActor, type CEffect, type GameState, type Scenario } from './types.js';
import { Work } from './work.js';

/** How much the AI values an effect that lands one turn later, compounded per turn of delay. */
const DELAY_DISCOUNT = 0.85;
/**
 * Fuzz is relative: at fuzz f an option's score moves by up to f/2 of the spread between the actor's best and worst
 * option this turn (at least one goal point), so a clear difference between goals survives a moderate fuzz while
 * near-ties go either way.
 */
const FUZZ_SHARE = 1;

export interface Reason {
  label: string;
  contribution: number;
}
export interface OptionScore {
  id: string;
  score: number;
  vetoed: string | null;
  reasons: Reason[];
}
export interface AiDecision {
  actor: string;
  action: string;
  score: number;
  reasons: Reason[];
  options: OptionScore[];
}

const LOOKAHEAD: Cause = { kind: 'action', id: 'lookahead', actor: null, label: 'look-ahead' };
/** The veto label of an action the scenario reserves for human players. */
const HUMAN_ONLY = 'an option for human players only';

function goalValues(actor: CActor, env: Work): number[] {
  return actor.goals.map((g) => g.value.fn(env));
}

/** What an actor's AI holds fixed for one decision: its goals' values and weights before it acts. */
interface Outlook {
  before: number[];
  weights: number[];
}

function outlookOf(actor: CActor, sim: Work, env: StateEnv): Outlook {
  return { before: goalValues(actor, sim), weights: actor.goals.map((g) => evaluate(g.weight, env)) };
}

/**
 * What the AI decides against: the state's environment and one look-ahead copy of it, made once and shared by
 * every decision on that state (each option's changes are rolled back after it is scored).
 */
export interface DecisionContext {
  readonly env: StateEnv;
  readonly sim: Work;
}

/** pure; a decision context for state `s`. */
export function decisionContext(sc: Scenario, s: GameState): DecisionContext {
  return { env: new StateEnv(sc, s), sim: new Work(sc, s, false, true) };
}

/** Scores the expected result of applying `lists` (each with its probability) on `sim`, then undoes them. */
function scoreEffects(
  sim: Work,
  env: StateEnv,
  actor: CActor,
  look: Outlook,
  cost: ReadonlyArray<{ indicator: number; amount: number }>,
  lists: ReadonlyArray<[readonly CEffect[], number]>,
): Reason[] {
  for (const c of cost) sim.apply({ kind: 'indicator', index: c.indicator, mode: 'add', amount: -c.amount, label: null, decay: null }, LOOKAHEAD);
  for (const [effects, p] of lists) if (p > 0) runEffects(sim, effects, env, env, actor.index, LOOKAHEAD, p, DELAY_DISCOUNT);
  const after = goalValues(actor, sim);
  sim.rollback();
  return actor.goals.map((g, i) => ({ label: g.label, contribution: look.weights[i]! * (after[i]! - look.before[i]!) }));
}

/** Adds each option's seeded jitter, scaled to the spread of the options' scores; `key(k)` names option k for the noise. */
function addJitter(options: OptionScore[], fuzz: number, seedKey: number, turn: number, actor: number, key: (k: number) => number): void {
  if (fuzz <= 0 || options.length < 2) return;
  let lo = Infinity;
  let hi = -Infinity;
  for (const o of options) {
    if (o.score < lo) lo = o.score;
    if (o.score > hi) hi = o.score;
  }
  // At least one goal point, so that fuzz also breaks exact ties between options.
  const spread = Math.max(hi - lo, 1);
  if (!Number.isFinite(spread)) return;
  options.forEach((o, k) => {
    const jitter = (noise(seedKey, turn, actor, key(k)) - 0.5) * fuzz * FUZZ_SHARE * spread;
    o.score += jitter;
    if (jitter !== 0) o.reasons.push({ label: 'unpredictability (fuzz)', contribution: jitter });
  });
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
  return decideAction(sc, s, actor, decisionContext(sc, s));
}

/** chooseAi with a context made for `s` (decisionContext), which may serve every actor's decision on `s`. */
export function decideAction(sc: Scenario, s: GameState, actor: CActor, ctx: DecisionContext): AiDecision {
  const { env, sim } = ctx;
  const look = outlookOf(actor, sim, env);
  // Each veto's condition is read once per decision, not once per option.
  const vetoOn = actor.vetoes.map((v) => v.when === null || v.when.fn(env) !== 0);
  const options: OptionScore[] = [];
  for (const id of availableActionIds(sc, s, actor.index, env)) {
    if (id === PASS_ID) {
      options.push({ id, score: 0, vetoed: null, reasons: [] });
      continue;
    }
    const a = sc.actions[sc.actionIndex.get(id)!]!;
    const veto = a.humanOnly
      ? null
      : actor.vetoes.find(
          (v, k) => vetoOn[k] === true && ((v.actions === null && v.tags === null) || v.actions?.has(a.index) || a.tags.some((t) => v.tags?.has(t))),
        );
    const vetoed = a.humanOnly ? HUMAN_ONLY : veto ? veto.label : null;
    const total = oddsTotal(sc, a, env);
    const chance = total === null ? 1 : total / 100;
    const lists: Array<[readonly CEffect[], number]> = [[a.effects, 1]];
    if (a.outcome) lists.push([a.outcome.success, chance], [a.outcome.failure, 1 - chance]);
    const reasons = scoreEffects(sim, env, actor, look, a.cost, lists);
    let preference = actor.preferences.get(a.id) ?? 0;
    for (const t of a.tags) preference += actor.preferences.get(t) ?? 0;
    if (preference !== 0) reasons.push({ label: 'temperament', contribution: preference });
    let score = 0;
    for (const r of reasons) score += r.contribution;
    options.push({ id, score, vetoed, reasons });
  }
  addJitter(options, fuzzOf(s, actor), hashText(s.seed), s.turn, actor.index, (k) => sc.actionIndex.get(options[k]!.id) ?? -1);
  // Vetoed options are taken only when nothing else is open; human-only options only when not even a vetoed one is.
  const chosen = bestOf(options.filter((o) => o.vetoed === null)) ?? bestOf(options.filter((o) => o.vetoed !== HUMAN_ONLY)) ?? bestOf(options)!;
  const reasons = chosen.reasons
    .filter((r) => r.contribution !== 0)
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))
    .slice(0, 3);
  return { actor: actor.id, action: chosen.id, score: chosen.score, reasons, options };
}

/** An AI's answer to a dilemma, with every option's score and reasons. */
export interface DilemmaDecision {
  actor: string;
  event: string;
  option: string;
  options: OptionScore[];
}

/** pure; how the AI of `actorId` weighs each option of a pending dilemma (the same seeded fuzz as its actions), and its pick, first on ties. */
export function dilemmaDecision(sc: Scenario, s: GameState, actorId: string, eventId: string): DilemmaDecision {
  const actor = sc.actors[sc.actorIndex.get(actorId) ?? -1];
  if (!actor) throw new EngineError(`no dilemma "${eventId}" for "${actorId}"`);
  return decideDilemma(sc, s, actor, eventId, decisionContext(sc, s));
}

/** dilemmaDecision with a context made for `s` (decisionContext). */
export function decideDilemma(sc: Scenario, s: GameState, actor: CActor, eventId: string, ctx: DecisionContext): DilemmaDecision {
  const ev = sc.events[sc.eventIndex.get(eventId) ?? -1];
  if (!ev?.dilemma || ev.dilemma.actor !== actor.index) throw new EngineError(`no dilemma "${eventId}" for "${actor.id}"`);
  const { env, sim } = ctx;
  const look = outlookOf(actor, sim, env);
  const options: OptionScore[] = ev.dilemma.options.map((o) => {
    const reasons = scoreEffects(sim, env, actor, look, [], [[o.effects, 1]]);
    return { id: o.id, score: reasons.reduce((t, r) => t + r.contribution, 0), vetoed: null, reasons };
  });
  addJitter(options, fuzzOf(s, actor), hashText(`${s.seed}|${ev.id}`), s.turn, actor.index, (k) => k);
  return { actor: actor.id, event: ev.id, option: bestOf(options)!.id, options };
}

/** pure; the option of a dilemma the AI of `actorId` picks. */
export function chooseDilemmaOption(sc: Scenario, s: GameState, actorId: string, eventId: string): string {
  return dilemmaDecision(sc, s, actorId, eventId).option;
}
