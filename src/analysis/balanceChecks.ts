// The balance checks: each rule judged on the report's figures, as one record with its worst case and where it comes from.
import type { BalanceReport } from './balance.js';

/** The deliverables the checks are grouped by, in the order reports list them. */
export const CHECK_GROUPS = [
  'adversary',
  'endings',
  'leverage',
  'flows',
  'actors-respond',
  'action-usage',
  'objectives',
  'scores-endings',
  'events',
  'indicators',
] as const;
export type CheckGroup = (typeof CHECK_GROUPS)[number];

export interface BalanceCheck {
  /** A stable id, e.g. "no-trivial-win". */
  name: string;
  group: CheckGroup;
  /** The rule in words. */
  rule: string;
  passed: boolean;
  /** The worst case the rule is judged on. */
  figure: number;
  threshold: number;
  /** The figure passes when `figure <comparison> threshold`. */
  comparison: '>=' | '<=';
  /** How the figure reads: a count, a share 0..1, a distance 0..1 or a correlation -1..1. */
  unit: 'count' | 'share' | 'distance' | 'correlation';
  /** Where the figure comes from (which ending, role, policy, action, flow, event or indicator). */
  detail: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

/** The worst of `items` by `value` (lowest for '>=' rules, highest for '<='), the first on ties; null when empty. */
function worst<T>(items: readonly T[], value: (t: T) => number, comparison: '>=' | '<='): T | null {
  let out: T | null = null;
  for (const t of items) if (out === null || (comparison === '>=' ? value(t) < value(out) : value(t) > value(out))) out = t;
  return out;
}

/** pure; every check of the report's figures, grouped by deliverable (CHECK_GROUPS order). */
export function balanceChecks(r: Omit<BalanceReport, 'checks' | 'passed'>): BalanceCheck[] {
  const T = r.thresholds;
  const out: BalanceCheck[] = [];
  const add = (
    group: CheckGroup,
    name: string,
    rule: string,
    figure: number,
    comparison: '>=' | '<=',
    threshold: number,
    unit: BalanceCheck['unit'],
    detail: string,
  ) => out.push({ name, group, rule, passed: comparison === '>=' ? figure >= threshold : figure <= threshold, figure, threshold, comparison, unit, detail });
  /** A rule over a list: the worst item's figure, or the threshold itself (vacuously met) when the list is empty. */
  const over = <X>(
    group: CheckGroup,
    name: string,
    rule: string,
    items: readonly X[],
    value: (x: X) => number,
    comparison: '>=' | '<=',
    threshold: number,
    unit: BalanceCheck['unit'],
    say: (x: X) => string,
    all: string,
    none: string,
  ) => {
    const w = worst(items, value, comparison);
    add(group, name, rule, w === null ? threshold : value(w), comparison, threshold, unit, w === null ? none : `worst: ${say(w)}; ${all}`);
  };
  const seeds = `${r.sizes.holdout} holdout seeds per role`;

  over(
    'adversary',
    'no-trivial-win',
    `holdout: no policy reaches the role's top-rated ending in more than ${pct(T.maxTopShare)} of seeds`,
    r.roles.filter((x) => x.bestTop !== null),
    (x) => x.bestTop!.share,
    '<=',
    T.maxTopShare,
    'share',
    (x) => `${x.role} ${x.bestTop!.policy} ${pct(x.bestTop!.share)}`,
    `${r.roles.map((x) => `${x.role} ${x.bestTop ? `${pct(x.bestTop.share)} (${x.bestTop.policy})` : '-'}`).join(', ')} (${seeds})`,
    'no role has a policy',
  );
  const advantage = (x: BalanceReport['roles'][number]) => (x.maxPoints > 0 && x.bestScore ? (x.bestScore.meanScore - x.ai.meanScore) / x.maxPoints : 0);
  over(
    'adversary',
    'adversary-beats-ai',
    `holdout: per role, the best policy's mean score beats the AI's by at least ${pct(T.minAdvantage)} of the role's maximum points`,
    r.roles,
    advantage,
    '>=',
    T.minAdvantage,
    'share',
    (x) => `${x.role} ${x.bestScore?.policy ?? '-'} ${x.bestScore?.meanScore.toFixed(2) ?? '-'} vs AI ${x.ai.meanScore.toFixed(2)} of ${x.maxPoints}`,
    `${r.roles.map((x) => `${x.role} ${pct(advantage(x))}`).join(', ')} (${seeds})`,
    'no roles',
  );
  over(
    'adversary',
    'choices-matter',
    `holdout: per role, cooperative and coercive ending distributions at a total variation distance of at least ${T.minTvd}`,
    r.roles,
    (x) => x.tvd,
    '>=',
    T.minTvd,
    'distance',
    (x) => `${x.role} ${f3(x.tvd)}`,
    `${r.roles.map((x) => `${x.role} ${f3(x.tvd)}`).join(', ')} (${seeds})`,
    'no roles',
  );

  const occurring = Object.entries(r.allAi.endings)
    .filter(([, n]) => n > 0)
    .map(([id]) => id);
  add(
    'endings',
    'endings-occurring',
    `all AI: at least ${T.minEndings} different endings occur`,
    occurring.length,
    '>=',
    T.minEndings,
    'count',
    `${occurring.length} of ${Object.keys(r.allAi.endings).length} occur in ${r.allAi.runs} runs: ${occurring.join(', ')}`,
  );
  add(
    'endings',
    'top-ending-share',
    `all AI: no ending occurs in more than ${pct(T.maxEndingShare)} of runs`,
    r.allAi.topEnding.share,
    '<=',
    T.maxEndingShare,
    'share',
    `most common: ${r.allAi.topEnding.id} in ${pct(r.allAi.topEnding.share)} of ${r.allAi.runs} runs`,
  );
  const unreached = r.endings.filter((e) => e.allAiShare < T.minEndingShare && e.reachedBy === null && e.id !== 'none');
  const rare = r.endings.filter((e) => e.allAiShare < T.minEndingShare && e.id !== 'none');
  add(
    'endings',
    'endings-reachable',
    `every ending occurs in at least ${pct(T.minEndingShare)} of all-AI runs or is reached by some adversary policy (training seeds)`,
    unreached.length,
    '<=',
    0,
    'count',
    rare.length === 0
      ? 'every ending is common enough with the AI alone'
      : rare
          .map(
            (e) =>
              `${e.id} ${pct(e.allAiShare)} all-AI, ${e.reachedBy ? `reached by ${e.reachedBy.role} ${e.reachedBy.policy} in ${pct(e.reachedBy.share)}` : 'reached by no policy'}`,
          )
          .join('; '),
  );

  add(
    'leverage',
    'leverage-matters',
    `all AI: ending distributions with leverage as is (strength ${r.leverage.strength}) and with strength 0 at a TVD of at least ${T.minLeverageTvd}`,
    r.leverage.tvd,
    '>=',
    T.minLeverageTvd,
    'distance',
    `TVD ${f3(r.leverage.tvd)} over ${r.allAi.runs} runs each`,
  );

  const majors = r.flows.cuts.filter((c) => c.major);
  over(
    'flows',
    'major-flows-matter',
    `all AI: cutting each major flow moves some actor's action mix by a TVD of at least ${T.minFlowTvd}`,
    majors,
    (c) => c.maxTvd,
    '>=',
    T.minFlowTvd,
    'distance',
    (c) => `${c.flow} ${f3(c.maxTvd)} (${c.maxActor})`,
    `${majors.map((c) => `${c.flow} ${f3(c.maxTvd)}`).join(', ')}; major: ${r.flows.major.join(', ')}`,
    'no major flows',
  );

  over(
    'actors-respond',
    'actors-respond',
    `training: per role, the widest pair of its fixed policies moves the other roles' action mixes by a mean TVD of at least ${T.minRespondTvd}`,
    r.roles,
    (x) => x.respond.meanTvd,
    '>=',
    T.minRespondTvd,
    'distance',
    (x) => `${x.role} ${f3(x.respond.meanTvd)} (${x.respond.pair?.join(' vs ') ?? 'fewer than two actions'})`,
    `${r.roles.map((x) => `${x.role} ${f3(x.respond.meanTvd)}`).join(', ')} (${r.sizes.train} training seeds)`,
    'no roles',
  );

  const usage = Object.entries(r.allAi.actionShare).flatMap(([actor, mix]) =>
    Object.entries(mix)
      .filter(([id]) => id !== 'pass' && !r.humanOnly[actor]?.some((h) => h.action === id))
      .map(([id, s]) => ({ actor, id, s })),
  );
  const low = usage.filter((u) => u.s < T.minActionShare);
  over(
    'action-usage',
    'action-usage',
    `all AI: every action takes at least ${pct(T.minActionShare)} of its actor's turns (human-only actions excepted)`,
    usage,
    (u) => u.s,
    '>=',
    T.minActionShare,
    'share',
    (u) => `${u.actor} ${u.id} ${pct(u.s)}`,
    low.length ? `below: ${low.map((u) => `${u.actor} ${u.id} ${pct(u.s)}`).join(', ')}` : 'none below',
    'no actions',
  );
  const marked = Object.entries(r.humanOnly);
  over(
    'action-usage',
    'human-only-limit',
    `at most ${T.maxHumanOnlyPerActor} human-only action per actor`,
    marked,
    ([, list]) => list.length,
    '<=',
    T.maxHumanOnlyPerActor,
    'count',
    ([actor, list]) => `${actor} ${list.length}`,
    `marked: ${marked.flatMap(([actor, list]) => list.map((h) => `${actor} ${h.action}`)).join(', ') || 'none'}`,
    'no actors',
  );

  const objective = (o: BalanceReport['objectives'][number]) => `${o.actor} ${o.id}`;
  over(
    'objectives',
    'objectives-open-at-start',
    `no objective is met at the start of turn 1 in more than ${pct(T.maxMetAtStart)} of seeds`,
    r.objectives,
    (o) => o.startShare,
    '<=',
    T.maxMetAtStart,
    'share',
    (o) => `${objective(o)} ${pct(o.startShare)}`,
    `met at the start in any seed: ${
      r.objectives
        .filter((o) => o.startShare > 0)
        .map((o) => `${o.id} ${pct(o.startShare)}`)
        .join(', ') || 'none'
    }`,
    'no objectives',
  );
  over(
    'objectives',
    'objectives-not-automatic',
    `all AI: no objective is met at the end in more than ${pct(T.maxMetAtEnd)} of runs`,
    r.objectives,
    (o) => o.endShare,
    '<=',
    T.maxMetAtEnd,
    'share',
    (o) => `${objective(o)} ${pct(o.endShare)}`,
    `above ${pct(T.maxMetAtEnd)}: ${
      r.objectives
        .filter((o) => o.endShare > T.maxMetAtEnd)
        .map((o) => o.id)
        .join(', ') || 'none'
    }`,
    'no objectives',
  );
  const scored = Object.entries(r.aiScore).filter(([, s]) => s.share !== null);
  const scoreList = scored.map(([id, s]) => `${id} ${pct(s.share!)}`).join(', ');
  over(
    'objectives',
    'ai-score-floor',
    `all AI: every role's mean points are at least ${pct(T.minAiScoreShare)} of its maximum`,
    scored,
    ([, s]) => s.share!,
    '>=',
    T.minAiScoreShare,
    'share',
    ([id, s]) => `${id} ${pct(s.share!)}`,
    scoreList,
    'no role has points to score',
  );
  over(
    'objectives',
    'ai-score-ceiling',
    `all AI: every role's mean points are at most ${pct(T.maxAiScoreShare)} of its maximum`,
    scored,
    ([, s]) => s.share!,
    '<=',
    T.maxAiScoreShare,
    'share',
    ([id, s]) => `${id} ${pct(s.share!)}`,
    scoreList,
    'no role has points to score',
  );

  over(
    'scores-endings',
    'scores-match-endings',
    `training: per role, over every policy tried, Spearman correlation of mean score with mean ending rating of at least ${T.minSpearman} (no spread counts as 0)`,
    r.roles,
    (x) => x.spearman ?? 0,
    '>=',
    T.minSpearman,
    'correlation',
    (x) => `${x.role} ${x.spearman === null ? 'undefined (no spread)' : f3(x.spearman)}`,
    `${r.roles.map((x) => `${x.role} ${x.spearman === null ? '-' : f3(x.spearman)}`).join(', ')} (${r.roles[0]?.policiesCorrelated ?? 0} policies for ${r.roles[0]?.role ?? '-'})`,
    'no roles',
  );

  over(
    'events',
    'events-fire',
    `all AI: every event fires in at least ${pct(T.minEventShare)} of runs`,
    r.events,
    (e) => e.fireShare,
    '>=',
    T.minEventShare,
    'share',
    (e) => `${e.id} ${pct(e.fireShare)}`,
    `below: ${
      r.events
        .filter((e) => e.fireShare < T.minEventShare)
        .map((e) => e.id)
        .join(', ') || 'none'
    }`,
    'no events',
  );
  const unscheduled = r.events.filter((e) => !e.scheduled);
  over(
    'events',
    'unscheduled-not-certain',
    `all AI: no event without a scheduled turn fires in more than ${pct(T.maxUnscheduledShare)} of runs`,
    unscheduled,
    (e) => e.fireShare,
    '<=',
    T.maxUnscheduledShare,
    'share',
    (e) => `${e.id} ${pct(e.fireShare)}`,
    `above: ${
      unscheduled
        .filter((e) => e.fireShare > T.maxUnscheduledShare)
        .map((e) => e.id)
        .join(', ') || 'none'
    }`,
    'no unscheduled events',
  );
  const options = r.dilemmas.flatMap((d) => Object.entries(d.optionShare).map(([option, s]) => ({ event: d.event, option, s, put: d.put })));
  over(
    'events',
    'dilemma-options-used',
    `all AI: every dilemma option is the answer in at least ${pct(T.minOptionShare)} of the times the dilemma is put (never put counts as 0)`,
    options,
    (x) => x.s,
    '>=',
    T.minOptionShare,
    'share',
    (x) => `${x.event}.${x.option} ${pct(x.s)} of ${x.put}`,
    `below: ${
      options
        .filter((x) => x.s < T.minOptionShare)
        .map((x) => `${x.event}.${x.option}`)
        .join(', ') || 'none'
    }`,
    'no dilemmas',
  );
  add(
    'events',
    'event-variety',
    `all AI: the mean Jaccard distance between two runs' sets of fired events is at least ${T.minEventVariety} (whole game)`,
    r.eventVariety.whole,
    '>=',
    T.minEventVariety,
    'distance',
    `whole game ${f3(r.eventVariety.whole)}; turns 1-${r.eventVariety.openingTurns} ${f3(r.eventVariety.opening)} (${r.eventVariety.pairs} pairs${r.eventVariety.sampled ? ', sampled' : ''})`,
  );

  let pinned = { id: '-', share: 0 };
  for (const [id, s] of Object.entries(r.allAi.atBoundShare)) if (s > pinned.share) pinned = { id, share: s };
  add(
    'indicators',
    'nothing-pinned',
    `all AI: no indicator spends more than ${pct(T.maxAtBoundShare)} of turns at its min or max`,
    pinned.share,
    '<=',
    T.maxAtBoundShare,
    'share',
    `highest: ${pinned.id} ${pct(pinned.share)}`,
  );
  return out;
}
