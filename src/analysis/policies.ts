// Policies for one role's seat: what a player following a rule wants to do each turn. General for any scenario:
// none reads tag names (except the two tagged reference policies, which say so) or relies on file order.
import tychei from 'seedrandom/lib/tychei.js';
import { maxScoreOf, scoreObjectives, type AiDecision, type GameState, type Scenario } from '../engine/index.js';

/** The policy classes: the adversary's four, the AI baseline, and the two tagged reference policies. */
export type PolicyKind = 'fixed' | 'alternation' | 'greedy' | 'random' | 'ai' | 'cooperative' | 'coercive';

/** The adversary's classes, in the order reports list them. */
export const ADVERSARY_KINDS: readonly PolicyKind[] = ['fixed', 'alternation', 'greedy', 'random'];

/** What a policy sees on its turn: the state, what its role may do, the AI's view of the seat and a one-step look-ahead. */
export interface TurnView {
  readonly sc: Scenario;
  readonly state: GameState;
  readonly role: string;
  /** The role's available action ids now, in scenario order ("pass" alone when none). */
  readonly available: readonly string[];
  /** pure; the AI's decision for the role's seat in this state (computed once). */
  ai(): AiDecision;
  /** pure; the state after this turn when the role takes `action` (every other seat the AI; the role's dilemmas answered by the AI). */
  next(action: string): GameState;
}

export interface Policy {
  /** Stable and unique within a role: "fixed:x", "alt:x/y", "greedy", "random:7", "ai", "cooperative", "coercive". */
  name: string;
  kind: PolicyKind;
  /** pure; the action the policy wants; when it is not available the seat takes the AI's choice instead (policyAction). */
  want(t: TurnView): string;
  /** Random sequences only: the wanted action of turn 1, 2, …. */
  sequence?: readonly string[];
}

/** pure; the action the seat takes: the policy's wanted action when available, else the AI's own choice for the seat. */
export function policyAction(policy: Policy, t: TurnView): string {
  const wanted = policy.want(t);
  return t.available.includes(wanted) ? wanted : t.ai().action;
}

/** pure; the ids of `role`'s own actions, in scenario order. */
export function actionsOf(sc: Scenario, role: string): string[] {
  const i = sc.actorIndex.get(role);
  if (i === undefined) throw new Error(`unknown actor "${role}"`);
  return (sc.actionsByActor[i] ?? []).map((a) => a.id);
}

/** pure; the most points `role` can score: its objectives, plus the best ending's points where the scenario scores endings. */
export function maxPointsOf(sc: Scenario, role: string): number {
  const i = sc.actorIndex.get(role);
  return i === undefined ? 0 : maxScoreOf(sc, i);
}

/** pure; how `role` rates ending `ending` (-2..2), 0 when the ending does not rate the role or the game has none. */
export function ratingOf(sc: Scenario, role: string, ending: string | null): number {
  if (ending === null) return 0;
  return sc.def.endings.find((e) => e.id === ending)?.ratings?.[role] ?? 0;
}

/** pure; the points `role` holds in `state` (objectives, and the ending once reached where the scenario scores endings). */
export function pointsOf(sc: Scenario, state: GameState, role: string): number {
  return scoreObjectives(sc, state).find((o) => o.actor === role)?.score ?? 0;
}

/**
 * pure; the greedy policy's value of a state for `role`: its points. Where the scenario does not score endings, an ended
 * game adds the role's rating of the ending (-2..2) times a quarter of its maximum points (a +2 ending is worth half).
 */
export function greedyValue(sc: Scenario, state: GameState, role: string): number {
  const points = pointsOf(sc, state, role);
  return state.over && sc.endingPoints === 0 ? points + ratingOf(sc, role, state.ending) * (maxPointsOf(sc, role) / 4) : points;
}

/** "Always x". */
export function fixedPolicy(x: string): Policy {
  return { name: `fixed:${x}`, kind: 'fixed', want: () => x };
}

/** x on odd turns, y on even turns. */
export function alternationPolicy(x: string, y: string): Policy {
  return { name: `alt:${x}/${y}`, kind: 'alternation', want: (t) => (t.state.turn % 2 === 1 ? x : y) };
}

/** The wanted action of turn k is `sequence[k - 1]` (the AI's choice past its end). */
export function sequencePolicy(name: string, sequence: readonly string[]): Policy {
  return { name, kind: 'random', sequence, want: (t) => sequence[t.state.turn - 1] ?? '' };
}

/**
 * One-step look-ahead: every available action is stepped once from the real state (every other seat the AI, the
 * real step with the state's own generator, so the look-ahead sees this turn's dice) and valued by greedyValue;
 * the best is taken, ties broken by action id in code-unit order.
 */
export const greedyPolicy: Policy = {
  name: 'greedy',
  kind: 'greedy',
  want(t) {
    let best = '';
    let bestValue = -Infinity;
    for (const id of t.available) {
      const v = greedyValue(t.sc, t.next(id), t.role);
      if (v > bestValue || (v === bestValue && id < best)) {
        best = id;
        bestValue = v;
      }
    }
    return best;
  },
};

/** The AI itself on the seat: the baseline. */
export const aiPolicy: Policy = { name: 'ai', kind: 'ai', want: (t) => t.ai().action };

/**
 * The AI's own scores restricted to the available actions carrying `tag`: the best-scoring one the AI does not veto
 * (the first on ties, as the AI breaks them), else the best-scoring tagged one; the AI's own choice when none carries it.
 */
export function taggedPolicy(tag: 'cooperative' | 'coercive'): Policy {
  return {
    name: tag,
    kind: tag,
    want(t) {
      const decision = t.ai();
      const tagged = decision.options.filter((o) => t.sc.actions[t.sc.actionIndex.get(o.id) ?? -1]?.tags.includes(tag) === true);
      const best = (list: typeof tagged) => list.reduce<(typeof tagged)[number] | null>((b, o) => (b === null || o.score > b.score ? o : b), null);
      return (best(tagged.filter((o) => o.vetoed === null)) ?? best(tagged))?.id ?? decision.action;
    },
  };
}

export const cooperativePolicy = taggedPolicy('cooperative');
export const coercivePolicy = taggedPolicy('coercive');

/** pure; the seed of `role`'s random sequences for a seed prefix: the same prefix always gives the same sequences. */
export function sequenceSeed(seedPrefix: string, role: string): string {
  return `${seedPrefix}-sequences-${role}`;
}

/** pure; `count` sequences of one wanted action per turn, each drawn uniformly from `role`'s actions by a seeded generator. */
export function randomSequences(sc: Scenario, role: string, count: number, seedPrefix: string): string[][] {
  const actions = actionsOf(sc, role);
  if (actions.length === 0) return [];
  const rng = tychei(sequenceSeed(seedPrefix, role));
  return Array.from({ length: count }, () => Array.from({ length: sc.turnCount }, () => actions[Math.floor(rng() * actions.length)]!));
}

export interface PolicySetOptions {
  sequences: number;
  seedPrefix: string;
}

/**
 * pure; every policy tried for `role`: fixed (one per action), alternations (every ordered pair x ≠ y), greedy,
 * `sequences` random sequences, then the AI and the two tagged reference policies. Actions in scenario order.
 */
export function rolePolicies(sc: Scenario, role: string, options: PolicySetOptions): Policy[] {
  const actions = actionsOf(sc, role);
  const out: Policy[] = actions.map((x) => fixedPolicy(x));
  for (const x of actions) for (const y of actions) if (x !== y) out.push(alternationPolicy(x, y));
  out.push(greedyPolicy);
  randomSequences(sc, role, options.sequences, options.seedPrefix).forEach((seq, k) => out.push(sequencePolicy(`random:${k + 1}`, seq)));
  out.push(aiPolicy, cooperativePolicy, coercivePolicy);
  return out;
}
