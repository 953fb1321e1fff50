// Balance report: does a scenario "play well"? Plain data from seeded runs, the same on every machine.
//
// The rules (the flagship issue), each checked on the figures below:
//  1. variety: with the AI on every seat, at least 4 endings occur and none in more than 60% of runs;
//  2. choices matter: per role, "always the most cooperative" and "always the most coercive" give ending
//     distributions at a total variation distance of at least 0.25 ("clearly different");
//  3. no trivial win: per role, no "always the same action" reaches the role's best ending in more than 80% of seeds;
//  4. nothing pinned: no indicator spends more than half of all turns at its min or max (all-AI runs).
import { createGame, step, type Choices, type GameState, type Scenario } from '../engine/index.js';
import { aiChoice, aiDilemmaAnswers, coercive, cooperative, fixed, type Strategy } from './strategies.js';

export const BALANCE_THRESHOLDS = {
  /** Rule 1: endings that occur at least once with the AI on every seat, at least. */
  minEndings: 4,
  /** Rule 1: share of all-AI runs the most common ending may take, at most. */
  maxEndingShare: 0.6,
  /** Rule 2: total variation distance between the cooperative and coercive distributions, at least ("clearly different"). */
  minTvd: 0.25,
  /** Rule 3: share of seeds in which one fixed action reaches the role's best ending, at most. */
  maxFixedBestShare: 0.8,
  /** Rule 4: share of an indicator's values (turns 1..end, all-AI runs) at its min or max, at most. */
  maxAtBoundShare: 0.5,
} as const;

/** Which indicator values the at-bound shares cover: the definition of `statecraft batch`'s atBoundShare. */
export const BOUND_SAMPLE = 'indicator values after every played turn (turns 1..end) of every all-AI run, exactly at the indicator\'s min or max';

export interface BalanceOptions {
  /** All-AI runs, which give the ending distribution and the at-bound shares. */
  seeds: number;
  /** Run i (1-based) uses the seed `${seedPrefix}-${i}`, as `statecraft batch --seed` does. */
  seedPrefix: string;
  /** Runs per fixed strategy (seeds 1..strategySeeds); default `seeds`. */
  strategySeeds?: number;
  /** Every AI's fuzz, or null (default) for each actor's own from the scenario. */
  aiFuzz?: number | null;
  /** Called after every game with the games done and the games in all. */
  onProgress?: (done: number, total: number) => void;
}

/** Runs per ending id, every ending of the scenario in order (zeros included), then "none" if a run ended without one. */
export type EndingCounts = Record<string, number>;

export interface FixedActionResult { action: string; bestShare: number }

export interface RoleBalance {
  role: string;
  name: string;
  cooperative: EndingCounts;
  coercive: EndingCounts;
  /** Total variation distance between the two distributions, 0 (same) .. 1 (disjoint). */
  tvd: number;
  /** The role's best-rated endings (ties all count), and that rating; empty and null when no ending rates the role. */
  bestEndings: string[];
  bestRating: number | null;
  /** For every action of the role, in scenario order: the share of seeds in which `fixed:<action>` reaches a best ending. */
  fixed: FixedActionResult[];
  /** The highest of those (the first on ties), or null when the role has no actions. */
  maxFixed: FixedActionResult | null;
}

export interface BalanceCheck {
  /** A stable id: endings-occurring, top-ending-share, choices-matter, no-trivial-win, nothing-pinned. */
  name: string;
  /** The rule in words. */
  rule: string;
  passed: boolean;
  /** The worst case the rule is judged on (a count, a share 0..1 or a distance 0..1). */
  figure: number;
  threshold: number;
  /** The figure passes when `figure <comparison> threshold`. */
  comparison: '>=' | '<=';
  /** Where the figure comes from (which ending, role, action or indicator). */
  detail: string;
}

export interface BalanceReport {
  scenario: string;
  seedPrefix: string;
  aiFuzz: number | null;
  thresholds: typeof BALANCE_THRESHOLDS;
  allAi: {
    runs: number;
    meanTurns: number;
    endings: EndingCounts;
    /** Endings with at least one run. */
    endingsOccurring: number;
    topEnding: { id: string; share: number };
    boundSample: string;
    /** Per indicator id, in scenario order: the share of values at min or max. */
    atBoundShare: Record<string, number>;
  };
  /** Seeds per fixed strategy; every other seat is played by the AI. */
  strategyRuns: number;
  roles: RoleBalance[];
  checks: BalanceCheck[];
  passed: boolean;
}

/** pure; total variation distance between two ending distributions given as counts: half the sum of |p - q|, 0..1. */
export function totalVariation(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): number {
  const sum = (x: Readonly<Record<string, number>>) => Object.values(x).reduce((t, n) => t + n, 0);
  const na = sum(a);
  const nb = sum(b);
  if (na === 0 || nb === 0) return na === nb ? 0 : 1;
  // On counts, the differences are whole numbers: the result is one correctly rounded division.
  let diff = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff += Math.abs((a[k] ?? 0) * nb - (b[k] ?? 0) * na);
  return diff / (2 * na * nb);
}

function emptyCounts(sc: Scenario): EndingCounts {
  const out: EndingCounts = {};
  for (const e of sc.endings) out[e.id] = 0;
  return out;
}

function count(counts: EndingCounts, ending: string | null): void {
  const k = ending ?? 'none';
  counts[k] = (counts[k] ?? 0) + 1;
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

/**
 * pure; plays one seed once for each of `strategies` on `role`'s seat (a 'human' seat fed by the strategy; every other
 * seat the AI) and returns each game's ending. Games are played as a tree: strategies that pick the same action in the
 * same state share the step, and the AI seats' choices are computed once per state. `step` is a pure function of the
 * state and the choices, so each ending is exactly that of the strategy's game played on its own.
 */
export function playRoleStrategies(sc: Scenario, seed: string, role: string, strategies: readonly Strategy[], aiFuzz: number | null = null): Array<string | null> {
  const endings = new Array<string | null>(strategies.length).fill(null);
  const stack: Array<{ state: GameState; members: number[] }> = [{ state: createGame(sc, { seed, seats: { [role]: 'human' }, aiFuzz }), members: strategies.map((_, i) => i) }];
  while (stack.length) {
    const { state, members } = stack.pop()!;
    if (state.over) {
      for (const m of members) endings[m] = state.ending;
      continue;
    }
    const byAction = new Map<string, number[]>();
    for (const m of members) {
      const action = strategies[m]!(sc, state, role);
      const group = byAction.get(action);
      if (group) group.push(m);
      else byAction.set(action, [m]);
    }
    const others: Choices = {};
    for (const a of sc.actors) if (a.id !== role) others[a.id] = aiChoice(sc, state, a.id);
    const dilemmas = aiDilemmaAnswers(sc, state, role);
    for (const [action, group] of byAction) {
      const choices: Choices = { ...others, [role]: dilemmas ? { action, dilemmas } : { action } };
      stack.push({ state: step(sc, state, choices).state, members: group });
    }
  }
  return endings;
}

/** pure; the balance report of `sc`: all-AI runs, then every role's fixed strategies, then the four rules checked. */
export function runBalance(sc: Scenario, options: BalanceOptions): BalanceReport {
  const { seeds, seedPrefix } = options;
  const strategyRuns = options.strategySeeds ?? seeds;
  const aiFuzz = options.aiFuzz ?? null;
  if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(strategyRuns) || strategyRuns < 1) throw new Error('balance: seeds must be whole numbers of at least 1');
  const seedOf = (i: number) => `${seedPrefix}-${i}`;
  const T = BALANCE_THRESHOLDS;
  const perRole = sc.actors.map((a) => 2 + (sc.actionsByActor[a.index]?.length ?? 0));
  const total = seeds + strategyRuns * perRole.reduce((t, n) => t + n, 0);
  let done = 0;
  const tick = (games: number) => {
    done += games;
    options.onProgress?.(done, total);
  };

  // 1 and 4: every seat on the AI.
  const endings = emptyCounts(sc);
  const nInd = sc.indicators.length;
  const atBound = new Array<number>(nInd).fill(0);
  let values = 0;
  let turns = 0;
  for (let i = 1; i <= seeds; i++) {
    let s = createGame(sc, { seed: seedOf(i), aiFuzz });
    while (!s.over) s = step(sc, s, {}).state;
    count(endings, s.ending);
    turns += s.history.length - 1;
    for (const rec of s.history) {
      if (rec.turn < 1) continue;
      values++;
      for (let k = 0; k < nInd; k++) {
        const v = rec.indicators[k]!;
        const ind = sc.indicators[k]!;
        if (v === ind.min || v === ind.max) atBound[k]! += 1;
      }
    }
    tick(1);
  }
  const atBoundShare: Record<string, number> = {};
  sc.indicators.forEach((ind, k) => (atBoundShare[ind.id] = values ? atBound[k]! / values : 0));
  let top = { id: '', share: -1 };
  for (const [id, n] of Object.entries(endings)) if (n / seeds > top.share) top = { id, share: n / seeds };
  const allAi = {
    runs: seeds, meanTurns: turns / seeds, endings, endingsOccurring: Object.values(endings).filter((n) => n > 0).length,
    topEnding: top, boundSample: BOUND_SAMPLE, atBoundShare,
  };

  // 2 and 3: one role at a time on a fixed strategy, the other seats on the AI.
  const roles: RoleBalance[] = sc.actors.map((actor) => {
    const role = actor.id;
    const actions = (sc.actionsByActor[actor.index] ?? []).map((a) => a.id);
    const strategies: Strategy[] = [cooperative, coercive, ...actions.map((id) => fixed(id))];
    const best = bestEndingsOf(sc, role);
    const coop = emptyCounts(sc);
    const coer = emptyCounts(sc);
    const bestHits = new Array<number>(actions.length).fill(0);
    for (let i = 1; i <= strategyRuns; i++) {
      const out = playRoleStrategies(sc, seedOf(i), role, strategies, aiFuzz);
      count(coop, out[0]!);
      count(coer, out[1]!);
      actions.forEach((_, k) => {
        const e = out[k + 2]!;
        if (e !== null && best.endings.includes(e)) bestHits[k]! += 1;
      });
      tick(strategies.length);
    }
    const fixedResults = actions.map((action, k) => ({ action, bestShare: bestHits[k]! / strategyRuns }));
    let maxFixed: FixedActionResult | null = null;
    for (const f of fixedResults) if (maxFixed === null || f.bestShare > maxFixed.bestShare) maxFixed = f;
    return {
      role, name: sc.def.actors[actor.index]!.name, cooperative: coop, coercive: coer, tvd: totalVariation(coop, coer),
      bestEndings: best.endings, bestRating: best.rating, fixed: fixedResults, maxFixed,
    };
  });

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const checks: BalanceCheck[] = [];
  const check = (name: string, rule: string, figure: number, comparison: '>=' | '<=', threshold: number, detail: string) =>
    checks.push({ name, rule, passed: comparison === '>=' ? figure >= threshold : figure <= threshold, figure, threshold, comparison, detail });

  const occurring = Object.entries(endings).filter(([, n]) => n > 0).map(([id]) => id);
  check('endings-occurring', `all AI: at least ${T.minEndings} different endings occur`, occurring.length, '>=', T.minEndings,
    `${occurring.length} of ${sc.endings.length} occur in ${seeds} runs: ${occurring.join(', ')}`);
  check('top-ending-share', `all AI: no ending occurs in more than ${pct(T.maxEndingShare)} of runs`, top.share, '<=', T.maxEndingShare,
    `most common: ${top.id} in ${pct(top.share)} of ${seeds} runs`);

  const lowest = roles.reduce<RoleBalance | null>((m, r) => (m === null || r.tvd < m.tvd ? r : m), null);
  check('choices-matter', `per role: cooperative and coercive ending distributions at a total variation distance of at least ${T.minTvd}`,
    lowest?.tvd ?? 0, '>=', T.minTvd,
    `lowest: ${lowest?.role ?? '-'} ${lowest?.tvd.toFixed(3) ?? '-'}; all: ${roles.map((r) => `${r.role} ${r.tvd.toFixed(3)}`).join(', ')} (${strategyRuns} seeds each)`);

  const highest = roles.reduce<RoleBalance | null>((m, r) => (r.maxFixed && (m === null || r.maxFixed.bestShare > m.maxFixed!.bestShare) ? r : m), null);
  check('no-trivial-win', `per role: no "always the same action" reaches the role's best ending in more than ${pct(T.maxFixedBestShare)} of seeds`,
    highest?.maxFixed?.bestShare ?? 0, '<=', T.maxFixedBestShare,
    `highest: ${highest ? `${highest.role} fixed:${highest.maxFixed!.action} ${pct(highest.maxFixed!.bestShare)}` : '-'}; all: ${roles.map((r) => `${r.role} ${r.maxFixed ? `${pct(r.maxFixed.bestShare)} (${r.maxFixed.action})` : '-'}`).join(', ')} (${strategyRuns} seeds each)`);

  let pinned = { id: '-', share: 0 };
  for (const [id, share] of Object.entries(atBoundShare)) if (share > pinned.share) pinned = { id, share };
  check('nothing-pinned', `all AI: no indicator spends more than ${pct(T.maxAtBoundShare)} of turns at its min or max`, pinned.share, '<=', T.maxAtBoundShare,
    `highest: ${pinned.id} ${pct(pinned.share)} of ${values} turn values`);

  return {
    scenario: sc.def.id, seedPrefix, aiFuzz, thresholds: BALANCE_THRESHOLDS, allAi, strategyRuns, roles, checks, passed: checks.every((c) => c.passed),
  };
}
