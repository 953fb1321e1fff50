// Balance report: does a scenario "play well"? Plain data from seeded runs, the same on every machine.
// All-AI runs (as is, with leverage off, at fuzz 0, with each flow cut) and, per role, the adversary (every policy on
// training seeds, the leaders on holdout seeds); then the checks of balanceChecks.ts. General for any scenario.
import type { Scenario } from '../engine/index.js';
import { runAdversary, type RoleAdversary } from './adversary.js';
import { BOUND_SAMPLE, OPENING_TURNS, playAllAi, type AllAiStats, type EndingCounts } from './allAi.js';
import { balanceChecks, type BalanceCheck } from './balanceChecks.js';
import { actionsOf, ADVERSARY_KINDS, rolePolicies } from './policies.js';
import { meanPairwiseJaccard, sharesOf, totalVariation } from './stats.js';
import { defaultMajorFlows, withFlowCut, withoutLeverage } from './worlds.js';

export { totalVariation } from './stats.js';
export { bestEndingsOf } from './adversary.js';
export type { BalanceCheck } from './balanceChecks.js';
export type { EndingCounts } from './allAi.js';

export const BALANCE_THRESHOLDS = {
  /** All AI: endings that occur at least once, at least. */
  minEndings: 4,
  /** All AI: share of runs the most common ending may take, at most. */
  maxEndingShare: 0.6,
  /** All AI: share of runs every ending takes, at least, unless some policy reaches it. */
  minEndingShare: 0.02,
  /** (a) Holdout: share of seeds any policy reaches the role's top-rated ending in, at most. */
  maxTopShare: 0.6,
  /** (b) Holdout: the best policy's mean score minus the AI's, as a share of the role's maximum points, at least. */
  minAdvantage: 0.1,
  /** (c) Holdout: total variation distance between the cooperative and coercive ending distributions, at least. */
  minTvd: 0.25,
  /** All AI: TVD between the ending distributions with leverage as is and with leverage.strength 0, at least. */
  minLeverageTvd: 0.15,
  /** All AI: a flow cut "measurably changes" an action mix when some actor's mix moves by this TVD, at least (major flows must). */
  minFlowTvd: 0.05,
  /** Training: per role, the widest pair of fixed policies moves the other roles' action mixes by this mean TVD, at least. */
  minRespondTvd: 0.15,
  /** All AI: share of its actor's turns each action takes, at least (human-only actions excepted). */
  minActionShare: 0.01,
  /** Human-only actions per actor, at most. */
  maxHumanOnlyPerActor: 1,
  /** Share of seeds an objective is met in at the start of turn 1, at most. */
  maxMetAtStart: 0.5,
  /** All AI: share of runs an objective is met in at the end, at most. */
  maxMetAtEnd: 0.9,
  /** All AI: each role's mean points as a share of its maximum, within [min, max]. */
  minAiScoreShare: 0.25,
  maxAiScoreShare: 0.75,
  /** Training: per role, Spearman correlation of policies' mean scores with their mean ending ratings, at least. */
  minSpearman: 0.5,
  /** All AI: share of runs every event fires in, at least. */
  minEventShare: 0.01,
  /** All AI: share of runs an event without a scheduled turn fires in, at most. */
  maxUnscheduledShare: 0.95,
  /** All AI: share of the times a dilemma was put that each of its options was the answer, at least. */
  minOptionShare: 0.02,
  /** All AI: mean Jaccard distance between the sets of events fired in two runs (whole game), at least. */
  minEventVariety: 0.4,
  /** All AI: share of an indicator's values (turns 1..end) at its min or max, at most. */
  maxAtBoundShare: 0.5,
} as const;

export type BalanceThresholds = typeof BALANCE_THRESHOLDS;

export interface BalanceOptions {
  /** All-AI runs per world (as is, leverage off, fuzz 0, each flow cut); run i uses the seed `${seedPrefix}-${i}`. */
  runs: number;
  seedPrefix: string;
  /** Training seeds per role (default 100), `${seedPrefix}-train-${i}`. */
  train?: number;
  /** Holdout seeds per role (default 200), `${seedPrefix}-holdout-${i}`. */
  holdout?: number;
  /** Random action sequences per role (default 300), drawn from a generator seeded by the prefix and the role. */
  sequences?: number;
  /** Leaders per class replayed on the holdout seeds (default 3 by top-ending share and 3 by mean score). */
  leaders?: number;
  /** Flow ids the flow-cut check applies to; default the flows the scenario marks major (defaultMajorFlows in worlds.ts). */
  majorFlows?: readonly string[];
  /** Every AI's fuzz, or null (default) for each actor's own from the scenario. */
  aiFuzz?: number | null;
  /** Called now and then with the games done and the games in all (an estimate until the end). */
  onProgress?: (done: number, total: number) => void;
}

export const BALANCE_DEFAULTS = { runs: 1000, train: 100, holdout: 200, sequences: 300, leaders: 3 } as const;

export interface FlowCut {
  flow: string;
  from: string;
  to: string;
  major: boolean;
  /** Per actor: TVD between its all-AI action mix with the flow cut and as is. */
  perActor: Record<string, number>;
  maxTvd: number;
  maxActor: string;
  /** The same, over the actors other than the flow's two ends (0 when there are none). */
  maxOtherTvd: number;
}

export interface BalanceReport {
  scenario: string;
  seedPrefix: string;
  aiFuzz: number | null;
  thresholds: BalanceThresholds;
  sizes: { runs: number; train: number; holdout: number; sequences: number; leaders: number };
  allAi: {
    runs: number;
    meanTurns: number;
    endings: EndingCounts;
    endingsOccurring: number;
    topEnding: { id: string; share: number };
    boundSample: string;
    atBoundShare: Record<string, number>;
    /** Per actor: each action's share of the actor's turns (every action listed; "pass" when taken). */
    actionShare: Record<string, Record<string, number>>;
  };
  /** Per ending: its all-AI share, and the adversary policy (fixed, alternation, greedy, random; any role, training seeds) reaching it most often. */
  endings: Array<{ id: string; allAiShare: number; reachedBy: { role: string; policy: string; share: number } | null }>;
  /** Per actor: its human-only actions and their reasons. */
  humanOnly: Record<string, Array<{ action: string; why: string }>>;
  leverage: { strength: number; endingsOff: EndingCounts; tvd: number };
  flows: { major: string[]; cuts: FlowCut[] };
  fuzz: { perActor: Record<string, { decisions: number; differ: number; share: number }>; endingsFuzz0: EndingCounts; tvd: number };
  objectives: Array<{ actor: string; id: string; label: string; points: number; startShare: number; endShare: number }>;
  /** Per role, all AI: mean points, maximum and their ratio (null when the role has no points to score). */
  aiScore: Record<string, { meanScore: number; max: number; share: number | null }>;
  /** Per role, per ending reached (all AI): runs and the role's mean points. */
  scoresByEnding: Record<string, Record<string, { runs: number; meanScore: number }>>;
  events: Array<{ id: string; scheduled: boolean; fireShare: number }>;
  dilemmas: Array<{ event: string; actor: string; put: number; optionShare: Record<string, number> }>;
  /** Mean Jaccard distance between two runs' sets of fired events: whole game, and turns 1..openingTurns. */
  eventVariety: { whole: number; opening: number; openingTurns: number; pairs: number; sampled: boolean };
  roles: RoleAdversary[];
  checks: BalanceCheck[];
  passed: boolean;
}

/** pure; the reason an action is marked human-only, read defensively: a non-empty `humanOnly` string, else null. */
export function humanOnlyOf(sc: Scenario, actionIndex: number): string | null {
  const v = (sc.def.actions[actionIndex] as { humanOnly?: unknown } | undefined)?.humanOnly;
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function checkSizes(o: Required<Omit<BalanceOptions, 'majorFlows' | 'aiFuzz' | 'onProgress'>>): void {
  for (const k of ['runs', 'train', 'holdout', 'sequences', 'leaders'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`balance: ${k} must be a whole number of at least 1, not ${o[k]}`);
  }
}

/** pure; the balance report of `sc` (see BalanceOptions). */
export function runBalance(sc: Scenario, options: BalanceOptions): BalanceReport {
  const o = { ...BALANCE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<BalanceOptions>;
  checkSizes(o);
  const aiFuzz = options.aiFuzz ?? null;
  const { runs, seedPrefix } = o;
  const major = options.majorFlows ? [...options.majorFlows] : defaultMajorFlows(sc);
  for (const f of major) if (!sc.flowIndex.has(f)) throw new Error(`balance: unknown flow "${f}"; flows: ${sc.flows.map((x) => x.id).join(', ') || 'none'}`);

  const policyCounts = sc.actors.map((a) => rolePolicies(sc, a.id, { sequences: o.sequences, seedPrefix }).length);
  const holdoutMax = sc.actors.map((a) => {
    const k = actionsOf(sc, a.id).length;
    return Math.min(k, 2 * o.leaders) + Math.min(k * (k - 1), 2 * o.leaders) + 1 + Math.min(k ? o.sequences : 0, 2 * o.leaders) + 3;
  });
  let total = runs * (3 + sc.flows.length) + sc.actors.reduce((t, _, i) => t + o.train * policyCounts[i]! + o.holdout * holdoutMax[i]!, 0);
  let done = 0;
  const tick = (games: number) => {
    done += games;
    total = Math.max(total, done);
    options.onProgress?.(done, total);
  };
  const world = (w: Scenario, fuzz: number | null, fuzzCheck = false): AllAiStats =>
    playAllAi(w, { runs, seedPrefix, aiFuzz: fuzz, fuzzCheck, onGame: () => tick(1) });

  const base = world(sc, aiFuzz, true);
  const off = world(withoutLeverage(sc), aiFuzz);
  const fuzz0 = world(sc, 0);
  const cuts: FlowCut[] = sc.flows.map((f) => {
    const cut = world(withFlowCut(sc, f.id), aiFuzz);
    const perActor: Record<string, number> = {};
    for (const a of sc.actors) perActor[a.id] = totalVariation(cut.actionMix[a.id]!, base.actionMix[a.id]!);
    let maxActor = '';
    let maxTvd = -1;
    let maxOtherTvd = 0;
    for (const a of sc.actors) {
      const v = perActor[a.id]!;
      if (v > maxTvd) [maxActor, maxTvd] = [a.id, v];
      if (a.index !== f.from && a.index !== f.to && v > maxOtherTvd) maxOtherTvd = v;
    }
    return {
      flow: f.id,
      from: sc.actors[f.from]!.id,
      to: sc.actors[f.to]!.id,
      major: major.includes(f.id),
      perActor,
      maxTvd: Math.max(0, maxTvd),
      maxActor,
      maxOtherTvd,
    };
  });

  const roles = sc.actors.map((a) =>
    runAdversary(sc, a.id, { train: o.train, holdout: o.holdout, sequences: o.sequences, leaders: o.leaders, seedPrefix, aiFuzz, onGames: tick }),
  );
  options.onProgress?.(total, total);

  const share = (n: number) => (runs ? n / runs : 0);
  let top = { id: '', share: -1 };
  for (const [id, n] of Object.entries(base.endings)) if (share(n) > top.share) top = { id, share: share(n) };
  const endings = Object.entries(base.endings).map(([id, n]) => {
    let reachedBy: BalanceReport['endings'][number]['reachedBy'] = null;
    for (const r of roles) {
      for (const p of r.training) {
        if (!ADVERSARY_KINDS.includes(p.kind)) continue;
        const s = p.games ? (p.endings[id] ?? 0) / p.games : 0;
        if (s > 0 && (reachedBy === null || s > reachedBy.share)) reachedBy = { role: r.role, policy: p.name, share: s };
      }
    }
    return { id, allAiShare: share(n), reachedBy };
  });
  const humanOnly: BalanceReport['humanOnly'] = {};
  for (const a of sc.actors) {
    humanOnly[a.id] = (sc.actionsByActor[a.index] ?? []).flatMap((x) => {
      const why = humanOnlyOf(sc, x.index);
      return why === null ? [] : [{ action: x.id, why }];
    });
  }
  const aiScore: BalanceReport['aiScore'] = {};
  const scoresByEnding: BalanceReport['scoresByEnding'] = {};
  for (const r of roles) {
    const mean = share(base.scoreSum[r.role]!);
    aiScore[r.role] = { meanScore: mean, max: r.maxPoints, share: r.maxPoints > 0 ? mean / r.maxPoints : null };
    scoresByEnding[r.role] = Object.fromEntries(Object.entries(base.scoreByEnding[r.role]!).map(([e, c]) => [e, { runs: c.runs, meanScore: c.sum / c.runs }]));
  }
  const fuzzPerActor: BalanceReport['fuzz']['perActor'] = {};
  for (const [id, f] of Object.entries(base.fuzz)) fuzzPerActor[id] = { ...f, share: f.decisions ? f.differ / f.decisions : 0 };
  const whole = meanPairwiseJaccard(base.fired, `${seedPrefix}-jaccard`);
  const opening = meanPairwiseJaccard(base.firedOpening, `${seedPrefix}-jaccard`);

  const body: Omit<BalanceReport, 'checks' | 'passed'> = {
    scenario: sc.def.id,
    seedPrefix,
    aiFuzz,
    thresholds: BALANCE_THRESHOLDS,
    sizes: { runs, train: o.train, holdout: o.holdout, sequences: o.sequences, leaders: o.leaders },
    allAi: {
      runs,
      meanTurns: base.meanTurns,
      endings: base.endings,
      endingsOccurring: Object.values(base.endings).filter((n) => n > 0).length,
      topEnding: top,
      boundSample: BOUND_SAMPLE,
      atBoundShare: base.atBoundShare,
      actionShare: Object.fromEntries(Object.entries(base.actionMix).map(([id, mix]) => [id, sharesOf(mix)])),
    },
    endings,
    humanOnly,
    leverage: { strength: sc.leverageStrength, endingsOff: off.endings, tvd: totalVariation(base.endings, off.endings) },
    flows: { major, cuts },
    fuzz: { perActor: fuzzPerActor, endingsFuzz0: fuzz0.endings, tvd: totalVariation(base.endings, fuzz0.endings) },
    objectives: base.objectives.map((x) => ({
      actor: x.actor,
      id: x.id,
      label: x.label,
      points: x.points,
      startShare: share(x.metAtStart),
      endShare: share(x.metAtEnd),
    })),
    aiScore,
    scoresByEnding,
    events: sc.events.map((e) => ({ id: e.id, scheduled: e.turn !== null, fireShare: share(base.eventRuns[e.id]!) })),
    dilemmas: sc.events.flatMap((e) => {
      if (!e.dilemma) return [];
      const counts = base.dilemmaAnswers[e.id]!;
      return [{ event: e.id, actor: sc.actors[e.dilemma.actor]!.id, put: Object.values(counts).reduce((t, n) => t + n, 0), optionShare: sharesOf(counts) }];
    }),
    eventVariety: { whole: whole.mean, opening: opening.mean, openingTurns: OPENING_TURNS, pairs: whole.pairs, sampled: whole.sampled },
    roles,
  };
  const checks = balanceChecks(body);
  return { ...body, checks, passed: checks.every((c) => c.passed) };
}
