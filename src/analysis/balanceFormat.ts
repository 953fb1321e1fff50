// The balance report as text: a readable table (the CLI), the checks in one line each (test failures), and the
// short table kept in a scenario's notes.
import type { BalanceCheck, BalanceReport, EndingCounts } from './balance.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A figure as the checks state it: counts as whole numbers, distances to 3 places, shares as percentages. */
function figure(c: BalanceCheck, x: number): string {
  if (c.name === 'endings-occurring') return String(x);
  if (c.name === 'choices-matter') return x.toFixed(3);
  return pct(x);
}

/** pure; one line per check: "PASS choices-matter: 0.192 (needs >= 0.25) lowest: cn 0.192; ...". */
export function checkLines(report: BalanceReport): string[] {
  return report.checks.map((c) => `${c.passed ? 'PASS' : 'FAIL'} ${c.name}: ${figure(c, c.figure)} (needs ${c.comparison} ${figure(c, c.threshold)}) ${c.detail}`);
}

/** Short column labels for endings: the last word of each id when those are unique, else the ids. */
function endingLabels(ids: readonly string[]): string[] {
  const last = ids.map((id) => id.slice(id.lastIndexOf('_') + 1));
  return new Set(last).size === last.length ? last : ids.slice();
}

function shares(counts: EndingCounts, ids: readonly string[]): number[] {
  const n = Object.values(counts).reduce((t, x) => t + x, 0);
  return ids.map((id) => (n ? (counts[id] ?? 0) / n : 0));
}

/** pure; the whole report as a table for a terminal. */
export function formatBalance(report: BalanceReport): string {
  const out: string[] = [];
  const a = report.allAi;
  const T = report.thresholds;
  const fuzz = report.aiFuzz === null ? "each actor's own fuzz" : `fuzz ${report.aiFuzz} for every AI`;
  out.push(`Balance of "${report.scenario}": run i uses the seed "${report.seedPrefix}-i"; the AI plays with ${fuzz}`);
  out.push('', `All AI: ${a.runs} runs, mean ${a.meanTurns.toFixed(2)} turns`);
  const ids = Object.keys(a.endings);
  const w = Math.max(6, ...ids.map((id) => id.length));
  out.push(`  ${'ending'.padEnd(w)}    runs   share`);
  for (const id of ids) out.push(`  ${id.padEnd(w)} ${String(a.endings[id]).padStart(7)}  ${pct(a.endings[id]! / a.runs).padStart(6)}`);
  const bound = Object.entries(a.atBoundShare).filter(([, x]) => x > 0).sort((x, y) => y[1] - x[1]);
  const rest = Object.keys(a.atBoundShare).length - bound.length;
  out.push(`  at a bound (share of the values after turns 1..end at the indicator's min or max): ${bound.length ? bound.map(([id, x]) => `${id} ${pct(x)}`).join(', ') : 'none'}${rest && bound.length ? `; the other ${rest} indicators 0.0%` : ''}`);

  const labels = endingLabels(ids);
  const cw = labels.map((l) => Math.max(6, l.length));
  const rw = Math.max(4, ...report.roles.map((r) => r.role.length));
  out.push('', `Fixed strategies, ${report.strategyRuns} seeds each (one role on the strategy, every other seat the AI; the role's dilemmas answered by the AI).`);
  out.push(`Share of runs per ending; TVD = total variation distance between the two rows ("clearly different" at ${T.minTvd} or more):`);
  out.push(`  ${'role'.padEnd(rw)}  ${'strategy'.padEnd(11)} ${labels.map((l, i) => l.padStart(cw[i]!)).join(' ')}     TVD`);
  for (const r of report.roles) {
    const row = (name: string, counts: EndingCounts, tail: string) =>
      `  ${(name === 'cooperative' ? r.role : '').padEnd(rw)}  ${name.padEnd(11)} ${shares(counts, ids).map((x, i) => pct(x).padStart(cw[i]!)).join(' ')}${tail}`;
    out.push(row('cooperative', r.cooperative, ''));
    out.push(row('coercive', r.coercive, `   ${r.tvd.toFixed(3)}${r.tvd >= T.minTvd ? '' : '  < ' + T.minTvd}`));
  }
  const renamed = labels.map((l, i) => [l, ids[i]!] as const).filter(([l, id]) => l !== id);
  if (renamed.length) out.push(`  columns: ${renamed.map(([l, id]) => `${l} = ${id}`).join(', ')}`);

  out.push('', `"Always the same action" (else the first available cautious one): share of seeds reaching the role's best-rated ending (at most ${pct(T.maxFixedBestShare)}):`);
  for (const r of report.roles) {
    const best = r.bestEndings.length ? `${r.bestEndings.join(' / ')} (${r.bestRating! > 0 ? '+' : ''}${r.bestRating})` : 'no ending rates this role';
    const max = r.maxFixed ? `highest ${pct(r.maxFixed.bestShare)} (${r.maxFixed.action})` : 'no actions';
    out.push(`  ${r.role.padEnd(rw)}  best: ${best}; ${max}`);
    if (r.fixed.length) out.push(`  ${''.padEnd(rw)}  ${r.fixed.map((f) => `${f.action} ${pct(f.bestShare)}`).join(', ')}`);
  }

  out.push('', 'Checks:');
  for (const line of checkLines(report)) out.push(`  ${line}`);
  const failed = report.checks.filter((c) => !c.passed).length;
  out.push('', failed ? `${failed} of ${report.checks.length} checks FAILED` : `All ${report.checks.length} checks passed`);
  return out.join('\n');
}

/** pure; a short table for a scenario's `notes`, one string per line. */
export function balanceNoteLines(report: BalanceReport, command: string): string[] {
  const a = report.allAi;
  const T = report.thresholds;
  const ids = Object.keys(a.endings);
  const labels = endingLabels(ids);
  const dist = (counts: EndingCounts) => {
    const s = shares(counts, ids);
    return ids.map((_, i) => [labels[i]!, s[i]!] as const).filter(([, x]) => x > 0).sort((x, y) => y[1] - x[1]).map(([l, x]) => `${l} ${pct(x)}`).join(', ');
  };
  const byName = new Map(report.checks.map((c) => [c.name, c]));
  const mark = (name: string) => (byName.get(name)?.passed ? 'pass' : 'FAIL');
  const fuzz = report.aiFuzz === null ? "this file's fuzz" : `fuzz ${report.aiFuzz}`;
  const bound = Object.entries(a.atBoundShare).sort((x, y) => y[1] - x[1]);
  const out = [
    `Balance table (${command}; src/analysis/balance.ts; seeds '${report.seedPrefix}-1'..'${report.seedPrefix}-${a.runs}'; AI with ${fuzz}; checked by tests/balance/partyCongress.test.ts):`,
    `All AI, ${a.runs} runs | ${dist(a.endings)} | ${a.endingsOccurring} endings occur (>= ${T.minEndings}: ${mark('endings-occurring')}); most common ${pct(a.topEnding.share)} (<= ${pct(T.maxEndingShare)}: ${mark('top-ending-share')})`,
    `At a bound, share of turns 1..end | ${bound.filter(([, x]) => x > 0).map(([id, x]) => `${id} ${pct(x)}`).join(', ') || 'none'}${bound.some(([, x]) => x === 0) ? ', every other indicator 0.0%' : ''} | highest ${pct(bound[0]?.[1] ?? 0)} (<= ${pct(T.maxAtBoundShare)}: ${mark('nothing-pinned')})`,
    `Role | always most cooperative | always most coercive | TVD (>= ${T.minTvd}) | best ending: highest share by one fixed action (<= ${pct(T.maxFixedBestShare)}); ${report.strategyRuns} seeds each, other seats AI`,
  ];
  for (const r of report.roles) {
    const fixedPart = r.maxFixed ? `${pct(r.maxFixed.bestShare)} ${r.maxFixed.action}` : '-';
    out.push(`${r.role} | ${dist(r.cooperative)} | ${dist(r.coercive)} | ${r.tvd.toFixed(3)} ${r.tvd >= T.minTvd ? 'pass' : 'FAIL'} | ${r.bestEndings.map((id) => labels[ids.indexOf(id)] ?? id).join('/')}: ${fixedPart} ${r.maxFixed && r.maxFixed.bestShare > T.maxFixedBestShare ? 'FAIL' : 'pass'}`);
  }
  const renamed = labels.map((l, i) => [l, ids[i]!] as const).filter(([l, id]) => l !== id);
  if (renamed.length) out.push(`Endings: ${renamed.map(([l, id]) => `${l} = ${id}`).join(', ')}.`);
  const failed = report.checks.filter((c) => !c.passed);
  const n = report.checks.length;
  out.push(failed.length
    ? `Checks: ${n - failed.length} of ${n} pass; FAILING: ${failed.map((c) => `${c.name} ${figure(c, c.figure)} (needs ${c.comparison} ${figure(c, c.threshold)}; ${c.detail})`).join('; ')}.`
    : `Checks: all ${n} pass.`);
  return out;
}
