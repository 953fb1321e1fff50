// The balance report as a readable table for a terminal, grouped by deliverable, each group ending with its checks.
import type { BalanceReport, EndingCounts } from './balance.js';
import type { CheckGroup } from './balanceChecks.js';
import { checkLine, checksByGroup, pct } from './balanceNotes.js';
import { sharesOf } from './stats.js';

export { checkLines } from './balanceNotes.js';

const f3 = (x: number) => x.toFixed(3);

/** Short column labels for endings: the last word of each id when those are unique, else the ids. */
function endingLabels(ids: readonly string[]): string[] {
  const last = ids.map((id) => id.slice(id.lastIndexOf('_') + 1));
  return new Set(last).size === last.length ? last : ids.slice();
}

/** Rows of cells as aligned text: the first `left` columns left-aligned (or, given as 'l'/'r' per column, as spelt), the rest right-aligned. */
function table(rows: ReadonlyArray<readonly string[]>, left: number | string = 1, indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  const isLeft = (i: number) => (typeof left === 'number' ? i < left : left[i] === 'l');
  return rows.map(
    (r) =>
      indent +
      r
        .map((c, i) => (isLeft(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
  );
}

function distributionRows(ids: readonly string[], rows: ReadonlyArray<[string, EndingCounts]>): string[][] {
  const labels = endingLabels(ids);
  return [
    ['', ...labels],
    ...rows.map(([name, counts]) => {
      const s = sharesOf(counts);
      return [name, ...ids.map((id) => pct(s[id] ?? 0))];
    }),
  ];
}

/** The fuzz measurement, which has no bar. */
function fuzzSection(r: BalanceReport, ids: readonly string[]): string[] {
  return [
    "Share of AI decisions (all AI) whose action differs from the same AI's at fuzz 0 in the same state:",
    `  ${Object.entries(r.fuzz.perActor)
      .map(([a, f]) => `${a} ${pct(f.share)} of ${f.decisions}`)
      .join(', ')}`,
    `All-AI endings as run and with every AI at fuzz 0; TVD ${f3(r.fuzz.tvd)}`,
    ...table(
      distributionRows(ids, [
        ['as run', r.allAi.endings],
        ['fuzz 0', r.fuzz.endingsFuzz0],
      ]),
    ),
  ];
}

function section(report: BalanceReport, group: CheckGroup, ids: readonly string[]): string[] {
  const r = report;
  switch (group) {
    case 'adversary': {
      const out = [
        `Per role on holdout seeds (leaders picked on training seeds). "top": share reaching the role's top-rated ending; scores in objective points.`,
      ];
      out.push(
        ...table(
          [
            ['role', 'top endings', 'best top share', 'best mean score', 'AI score', 'max', 'advantage', 'coop/coer TVD'],
            ...r.roles.map((x) => [
              x.role,
              x.topEndings.join('/') || '-',
              x.bestTop ? `${pct(x.bestTop.share)} ${x.bestTop.policy}` : '-',
              x.bestScore ? `${x.bestScore.meanScore.toFixed(2)} ${x.bestScore.policy}` : '-',
              x.ai.meanScore.toFixed(2),
              String(x.maxPoints),
              x.maxPoints > 0 && x.bestScore ? pct((x.bestScore.meanScore - x.ai.meanScore) / x.maxPoints) : '-',
              f3(x.tvd),
            ]),
          ],
          4,
        ),
      );
      out.push('', "Cooperative and coercive reference policies (the AI's scores restricted to actions with that tag), holdout ending shares:");
      out.push(
        ...table(
          distributionRows(
            ids,
            r.roles.flatMap(
              (x) =>
                [
                  [`${x.role} cooperative`, x.cooperative],
                  [`${x.role} coercive`, x.coercive],
                ] as Array<[string, EndingCounts]>,
            ),
          ),
        ),
      );
      for (const x of r.roles) {
        const leaders = x.holdout.filter((p) => p.kind !== 'cooperative' && p.kind !== 'coercive');
        out.push(`  ${x.role} holdout: ${leaders.map((p) => `${p.name} ${p.meanScore.toFixed(2)}/${pct(p.topShare)}`).join(', ')}`);
      }
      return out;
    }
    case 'endings':
      return table(
        [
          ['ending', 'all AI', 'best adversary share (training)', 'policy'],
          ...r.endings.map((e) => [
            e.id,
            pct(e.allAiShare),
            e.reachedBy ? pct(e.reachedBy.share) : '-',
            e.reachedBy ? `${e.reachedBy.role} ${e.reachedBy.policy}` : 'no policy',
          ]),
        ],
        'lrrl',
      );
    case 'leverage':
      return [
        `All-AI endings with leverage as is (strength ${r.leverage.strength}) and with strength 0; TVD ${f3(r.leverage.tvd)}`,
        ...table(
          distributionRows(ids, [
            ['as is', r.allAi.endings],
            ['strength 0', r.leverage.endingsOff],
          ]),
        ),
      ];
    case 'flows':
      return [
        `Each flow cut (initial and max 0), all AI: TVD of each actor's action mix against the scenario as is; * = major flow`,
        ...table(
          [
            ['flow', 'from>to', 'max TVD', 'actor', 'others max', ...Object.keys(r.allAi.actionShare)],
            ...r.flows.cuts.map((c) => [
              `${c.major ? '*' : ' '}${c.flow}`,
              `${c.from}>${c.to}`,
              f3(c.maxTvd),
              c.maxActor,
              f3(c.maxOtherTvd),
              ...Object.keys(r.allAi.actionShare).map((a) => f3(c.perActor[a] ?? 0)),
            ]),
          ],
          2,
        ),
      ];
    case 'actors-respond':
      return [
        `Per role, the pair of its fixed policies that moves the other roles' action mixes most (mean TVD over the other roles, training seeds)`,
        ...table(
          [
            ['role', 'widest pair', 'mean TVD', 'per other role'],
            ...r.roles.map((x) => [
              x.role,
              x.respond.pair?.join(' vs ') ?? '-',
              f3(x.respond.meanTvd),
              Object.entries(x.respond.perActor)
                .map(([a, v]) => `${a} ${f3(v)}`)
                .join(', '),
            ]),
          ],
          2,
        ),
      ];
    case 'action-usage': {
      const out = ["Each action's share of its actor's turns, all AI (h = human-only):"];
      for (const [actor, mix] of Object.entries(r.allAi.actionShare)) {
        const human = new Set((r.humanOnly[actor] ?? []).map((h) => h.action));
        out.push(
          `  ${actor}: ${Object.entries(mix)
            .map(([id, s]) => `${id}${human.has(id) ? ' (h)' : ''} ${pct(s)}`)
            .join(', ')}`,
        );
      }
      return out;
    }
    case 'objectives':
      return [
        ...table(
          [
            ['objective', 'actor', 'points', 'met at start', 'met at end (all AI)'],
            ...r.objectives.map((o) => [o.id, o.actor, String(o.points), pct(o.startShare), pct(o.endShare)]),
          ],
          2,
        ),
        `  AI mean points: ${Object.entries(r.aiScore)
          .map(([a, s]) => `${a} ${s.meanScore.toFixed(2)} of ${s.max}${s.share === null ? '' : ` (${pct(s.share)})`}`)
          .join(', ')}`,
      ];
    case 'scores-endings': {
      const labels = endingLabels(ids);
      return [
        `Spearman (training, every policy tried): ${r.roles.map((x) => `${x.role} ${x.spearman === null ? '-' : f3(x.spearman)}`).join(', ')}`,
        'Mean points per ending reached, all AI (rating in brackets):',
        ...table([
          ['role', ...labels],
          ...r.roles.map((x) => [
            x.role,
            ...ids.map((id) => {
              const c = r.scoresByEnding[x.role]?.[id];
              const rating = `(${x.ratings[id] ?? '-'})`;
              return c ? `${c.meanScore.toFixed(2)} ${rating}` : `- ${rating}`;
            }),
          ]),
        ]),
      ];
    }
    case 'events': {
      const out = table([['event', 'scheduled', 'fires in'], ...r.events.map((e) => [e.id, e.scheduled ? 'yes' : '', pct(e.fireShare)])], 2);
      out.push('  Dilemmas (share of the times put):');
      for (const d of r.dilemmas)
        out.push(
          `    ${d.event} (${d.actor}, put ${d.put}): ${Object.entries(d.optionShare)
            .map(([o, s]) => `${o} ${pct(s)}`)
            .join(', ')}`,
        );
      out.push(
        `  Event variety (mean Jaccard distance of two runs' fired events): whole game ${f3(r.eventVariety.whole)}, turns 1-${r.eventVariety.openingTurns} ${f3(r.eventVariety.opening)}`,
      );
      return out;
    }
    case 'indicators': {
      const bound = Object.entries(r.allAi.atBoundShare)
        .filter(([, x]) => x > 0)
        .sort((x, y) => y[1] - x[1]);
      return [
        `At a bound (share of the values after turns 1..end at the indicator's min or max): ${bound.length ? bound.map(([id, x]) => `${id} ${pct(x)}`).join(', ') : 'none'}`,
      ];
    }
  }
}

/** pure; the whole report as text for a terminal. */
export function formatBalance(report: BalanceReport): string {
  const r = report;
  const z = r.sizes;
  const fuzz = r.aiFuzz === null ? "each actor's own fuzz" : `fuzz ${r.aiFuzz} for every AI`;
  const out = [
    `Balance of "${r.scenario}": all-AI run i uses the seed "${r.seedPrefix}-i" (${z.runs} runs per world); ${z.train} training seeds "${r.seedPrefix}-train-i" and ${z.holdout} holdout seeds "${r.seedPrefix}-holdout-i" per role; ${z.sequences} random sequences per role; the AI plays with ${fuzz}`,
    `All AI: ${r.allAi.runs} runs, mean ${r.allAi.meanTurns.toFixed(2)} turns`,
  ];
  const ids = Object.keys(r.allAi.endings);
  for (const g of checksByGroup(r)) {
    out.push('', `== ${g.title} ==`, ...section(r, g.group, ids));
    for (const c of g.checks) out.push(`  ${checkLine(c)}`);
    if (g.group === 'action-usage') out.push('', '== Fuzz (informative, no bar) ==', ...fuzzSection(r, ids));
  }
  const renamed = endingLabels(ids)
    .map((l, i) => [l, ids[i]!] as const)
    .filter(([l, id]) => l !== id);
  if (renamed.length) out.push('', `Ending columns: ${renamed.map(([l, id]) => `${l} = ${id}`).join(', ')}`);
  const failed = r.checks.filter((c) => !c.passed).length;
  out.push('', failed ? `${failed} of ${r.checks.length} checks FAILED` : `All ${r.checks.length} checks passed`);
  return out.join('\n');
}
