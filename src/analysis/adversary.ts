// The adversary: for one role, every policy played on training seeds, the leaders of each class replayed on
// separate holdout seeds, and the figures the balance checks read (best policies, the AI baseline, choices matter,
// scores against endings, how far the other actors respond).
import type { Scenario } from '../engine/index.js';
import { bump, type EndingCounts } from './allAi.js';
import { ADVERSARY_KINDS, maxPointsOf, ratingOf, rolePolicies, type Policy, type PolicyKind } from './policies.js';
import { playRolePolicies, type PolicyGameResult } from './policyGames.js';
import { spearman, totalVariation } from './stats.js';

export interface AdversaryOptions {
  /** Training seeds `${seedPrefix}-train-${i}`, i = 1..train: every policy; leaders are picked here. */
  train: number;
  /** Holdout seeds `${seedPrefix}-holdout-${i}`, i = 1..holdout: the leaders, the AI and the tagged policies; figures are reported here. */
  holdout: number;
  /** Random sequences per role. */
  sequences: number;
  /** Leaders per class: the top this many by training share of the top ending, and as many by training mean score. */
  leaders: number;
  seedPrefix: string;
  aiFuzz: number | null;
  /** Called after each seed with the policy games it played. */
  onGames?: (games: number) => void;
}

export const trainSeed = (prefix: string, i: number) => `${prefix}-train-${i}`;
export const holdoutSeed = (prefix: string, i: number) => `${prefix}-holdout-${i}`;

export interface PolicySummary {
  name: string;
  kind: PolicyKind;
  games: number;
  /** Mean objective points of the role at the end. */
  meanScore: number;
  /** Share of games ending in one of the role's top-rated endings. */
  topShare: number;
  /** Mean rating by the role of the ending reached (an ending that does not rate it counts 0). */
  meanRating: number;
  endings: EndingCounts;
  /** Random sequences: the wanted action per turn. */
  sequence?: readonly string[];
}

export interface RoleAdversary {
  role: string;
  name: string;
  maxPoints: number;
  /** The role's top-rated endings (ties all count) and that rating; empty and null when no ending rates the role. */
  topEndings: string[];
  topRating: number | null;
  /** The role's rating of each ending that rates it. */
  ratings: Record<string, number>;
  trainSeeds: string[];
  holdoutSeeds: string[];
  /** Every policy on the training seeds, in rolePolicies order. */
  training: PolicySummary[];
  /** The leaders of each class, then the AI and the tagged policies, on the holdout seeds. */
  holdout: PolicySummary[];
  /** Holdout: the highest share reaching a top-rated ending by an adversary policy or the AI (the first listed on ties). */
  bestTop: { policy: string; share: number } | null;
  /** Holdout: the highest mean score by an adversary policy (fixed, alternation, greedy, random). */
  bestScore: { policy: string; meanScore: number } | null;
  /** Holdout: the AI on the seat. */
  ai: { meanScore: number; topShare: number };
  cooperative: EndingCounts;
  coercive: EndingCounts;
  /** Total variation distance between the cooperative and coercive holdout ending distributions. */
  tvd: number;
  /** Training: Spearman correlation over the adversary policies and the AI of mean score against mean ending rating (null: no spread). */
  spearman: number | null;
  policiesCorrelated: number;
  /** Training: over every pair of fixed policies, the mean over the other roles of the TVD between their action mixes; the widest pair. */
  respond: { pair: [string, string] | null; meanTvd: number; perActor: Record<string, number> };
}

/** pure; the endings `role` rates highest (ties all count) and that rating. */
export function bestEndingsOf(sc: Scenario, role: string): { endings: string[]; rating: number | null } {
  let rating: number | null = null;
  let endings: string[] = [];
  for (const e of sc.def.endings) {
    const r = e.ratings?.[role];
    if (r === undefined) continue;
    if (rating === null || r > rating) {
      rating = r;
      endings = [e.id];
    } else if (r === rating) endings.push(e.id);
  }
  return { endings, rating };
}

interface Tally {
  results: PolicyGameResult[][];
}

/** Plays every policy on the given seeds; per policy, its results in seed order. */
function playSeeds(
  sc: Scenario,
  role: string,
  policies: readonly Policy[],
  seeds: readonly string[],
  options: AdversaryOptions,
  track: readonly boolean[],
): Tally {
  const results = policies.map((): PolicyGameResult[] => []);
  for (const seed of seeds) {
    const out = playRolePolicies(sc, seed, role, policies, options.aiFuzz, track);
    out.forEach((r, i) => results[i]!.push(r));
    options.onGames?.(policies.length);
  }
  return { results };
}

function summarise(sc: Scenario, role: string, top: readonly string[], policy: Policy, games: readonly PolicyGameResult[]): PolicySummary {
  const endings: EndingCounts = Object.fromEntries(sc.endings.map((e) => [e.id, 0]));
  let score = 0;
  let hits = 0;
  let rating = 0;
  for (const g of games) {
    bump(endings, g.ending ?? 'none');
    score += g.score;
    rating += ratingOf(sc, role, g.ending);
    if (g.ending !== null && top.includes(g.ending)) hits++;
  }
  const n = games.length;
  const out: PolicySummary = {
    name: policy.name,
    kind: policy.kind,
    games: n,
    meanScore: n ? score / n : 0,
    topShare: n ? hits / n : 0,
    meanRating: n ? rating / n : 0,
    endings,
  };
  if (policy.sequence) out.sequence = policy.sequence;
  return out;
}

/** pure; the leaders of one class: the top `k` by (share of the top ending, mean score, name), and the top `k` by (mean score, share, name). */
export function leadersOf(summaries: readonly PolicySummary[], kind: PolicyKind, k: number): string[] {
  const mine = summaries.filter((s) => s.kind === kind);
  const byName = (a: PolicySummary, b: PolicySummary) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const byTop = [...mine].sort((a, b) => b.topShare - a.topShare || b.meanScore - a.meanScore || byName(a, b));
  const byScore = [...mine].sort((a, b) => b.meanScore - a.meanScore || b.topShare - a.topShare || byName(a, b));
  return [...new Set([...byTop.slice(0, k), ...byScore.slice(0, k)].map((s) => s.name))];
}

/** The other roles' action mixes from a tracked result's counts, summed over games: per other actor, action id → count. */
function mixesOf(sc: Scenario, role: string, games: readonly PolicyGameResult[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const a of sc.actors) {
    if (a.id === role) continue;
    const mix: Record<string, number> = {};
    for (const x of sc.actionsByActor[a.index] ?? []) for (const g of games) bump(mix, x.id, g.otherActions![x.index]!);
    for (const g of games) bump(mix, 'pass', g.otherActions![sc.actions.length + a.index]!);
    out[a.id] = mix;
  }
  return out;
}

/** pure; the widest pair of fixed policies by the mean over other roles of the TVD between their action mixes. */
export function widestPair(mixes: ReadonlyArray<{ name: string; mix: Record<string, Record<string, number>> }>): RoleAdversary['respond'] {
  let best: RoleAdversary['respond'] = { pair: null, meanTvd: 0, perActor: {} };
  for (let i = 0; i < mixes.length; i++) {
    for (let j = i + 1; j < mixes.length; j++) {
      const a = mixes[i]!;
      const b = mixes[j]!;
      const perActor: Record<string, number> = {};
      for (const o of Object.keys(a.mix)) perActor[o] = totalVariation(a.mix[o]!, b.mix[o]!);
      const vals = Object.values(perActor);
      const mean = vals.length ? vals.reduce((t, x) => t + x, 0) / vals.length : 0;
      if (best.pair === null || mean > best.meanTvd) best = { pair: [a.name, b.name], meanTvd: mean, perActor };
    }
  }
  return best;
}

/** pure; the adversary's figures for `role` (see AdversaryOptions for the seeds). */
export function runAdversary(sc: Scenario, role: string, options: AdversaryOptions): RoleAdversary {
  const actor = sc.actors[sc.actorIndex.get(role) ?? -1];
  if (!actor) throw new Error(`unknown actor "${role}"`);
  const best = bestEndingsOf(sc, role);
  const policies = rolePolicies(sc, role, { sequences: options.sequences, seedPrefix: options.seedPrefix });
  const trainSeeds = Array.from({ length: options.train }, (_, i) => trainSeed(options.seedPrefix, i + 1));
  const holdoutSeeds = Array.from({ length: options.holdout }, (_, i) => holdoutSeed(options.seedPrefix, i + 1));

  const track = policies.map((p) => p.kind === 'fixed');
  const trained = playSeeds(sc, role, policies, trainSeeds, options, track);
  const training = policies.map((p, i) => summarise(sc, role, best.endings, p, trained.results[i]!));

  const chosen = new Set(ADVERSARY_KINDS.flatMap((k) => leadersOf(training, k, options.leaders)));
  const holdoutPolicies = policies.filter((p) => chosen.has(p.name) || p.kind === 'ai' || p.kind === 'cooperative' || p.kind === 'coercive');
  const held = playSeeds(sc, role, holdoutPolicies, holdoutSeeds, options, []);
  const holdout = holdoutPolicies.map((p, i) => summarise(sc, role, best.endings, p, held.results[i]!));

  const isAdversary = (s: PolicySummary) => ADVERSARY_KINDS.includes(s.kind);
  let bestTop: RoleAdversary['bestTop'] = null;
  let bestScore: RoleAdversary['bestScore'] = null;
  for (const s of holdout) {
    if ((isAdversary(s) || s.kind === 'ai') && (bestTop === null || s.topShare > bestTop.share)) bestTop = { policy: s.name, share: s.topShare };
    if (isAdversary(s) && (bestScore === null || s.meanScore > bestScore.meanScore)) bestScore = { policy: s.name, meanScore: s.meanScore };
  }
  const find = (kind: PolicyKind) => holdout.find((s) => s.kind === kind)!;
  const ai = find('ai');
  const cooperative = find('cooperative').endings;
  const coercive = find('coercive').endings;

  const correlated = training.filter((s) => isAdversary(s) || s.kind === 'ai');
  const fixedMixes = policies.flatMap((p, i) => (p.kind === 'fixed' ? [{ name: p.name, mix: mixesOf(sc, role, trained.results[i]!) }] : []));
  return {
    role,
    name: sc.def.actors[actor.index]!.name,
    maxPoints: maxPointsOf(sc, role),
    topEndings: best.endings,
    topRating: best.rating,
    ratings: Object.fromEntries(sc.def.endings.flatMap((e) => (e.ratings?.[role] === undefined ? [] : [[e.id, e.ratings[role]]]))),
    trainSeeds,
    holdoutSeeds,
    training,
    holdout,
    bestTop,
    bestScore,
    ai: { meanScore: ai.meanScore, topShare: ai.topShare },
    cooperative,
    coercive,
    tvd: totalVariation(cooperative, coercive),
    spearman: spearman(
      correlated.map((s) => s.meanScore),
      correlated.map((s) => s.meanRating),
    ),
    policiesCorrelated: correlated.length,
    respond: widestPair(fixedMixes),
  };
}
