// The balance checks as short text: one line per check (test failures, the CLI) and the Markdown table kept in a
// scenario's notes.
import type { BalanceCheck, BalanceReport } from './balance.js';
import { CHECK_GROUPS, type CheckGroup } from './balanceChecks.js';
import { md, mdTable, type Md } from './markdown.js';

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The headings of the check groups. */
export const GROUP_TITLES: Record<CheckGroup, string> = {
  adversary: "Adversary (policies on one role's seat)",
  endings: 'Endings',
  leverage: 'Leverage switch',
  flows: 'Flow cuts',
  'actors-respond': 'Actors respond',
  'action-usage': 'Action usage',
  objectives: 'Objectives',
  'scores-endings': 'Scores agree with endings',
  events: 'Events and dilemmas',
  indicators: 'Indicators',
};

/** pure; a figure as its check states it: counts whole, shares as percentages, distances and correlations to 3 places. */
export function figureText(c: BalanceCheck, x: number): string {
  if (c.unit === 'count') return String(x);
  if (c.unit === 'share') return pct(x);
  return x.toFixed(3);
}

/** pure; one line per check: "PASS choices-matter: 0.312 (needs >= 0.250) worst: cn 0.312; ...". */
export function checkLine(c: BalanceCheck): string {
  return `${c.passed ? 'PASS' : 'FAIL'} ${c.name}: ${figureText(c, c.figure)} (needs ${c.comparison} ${figureText(c, c.threshold)}) ${c.detail}`;
}

/** pure; every check as one line, in report order. */
export function checkLines(report: BalanceReport): string[] {
  return report.checks.map(checkLine);
}

/** pure; the checks of the report grouped by deliverable, in CHECK_GROUPS order (groups without checks left out). */
export function checksByGroup(report: BalanceReport): Array<{ group: CheckGroup; title: string; checks: BalanceCheck[] }> {
  return CHECK_GROUPS.map((group) => ({ group, title: GROUP_TITLES[group], checks: report.checks.filter((c) => c.group === group) })).filter(
    (g) => g.checks.length > 0,
  );
}

/**
 * pure; a short Markdown table for a scenario's notes, one string per line: how it was measured, then one row per
 * check (deliverable, check, figure, bar, pass or FAIL, where the figure comes from), then the tally. Written through
 * the Markdown writer, so a label from the scenario cannot break the table.
 */
export function balanceNoteLines(report: BalanceReport, command: string): string[] {
  const z = report.sizes;
  const fuzz = report.aiFuzz === null ? "each actor's own fuzz" : `fuzz ${report.aiFuzz}`;
  const p = report.seedPrefix;
  const rows: string[][] = [];
  for (const g of checksByGroup(report)) {
    for (const c of g.checks) {
      const where = c.detail.length > 160 ? `${c.detail.slice(0, 157)}...` : c.detail;
      rows.push([g.title, c.name, figureText(c, c.figure), `${c.comparison} ${figureText(c, c.threshold)}`, c.passed ? 'pass' : 'FAIL', where]);
    }
  }
  const failed = report.checks.filter((c) => !c.passed).length;
  const out: Md[] = [
    md`Balance (${command}; src/analysis/balance.ts): ${z.runs} all-AI runs per world (seeds '${`${p}-1`}'..'${`${p}-${z.runs}`}'), ${md`${z.train} training and ${z.holdout} holdout seeds per role ('${`${p}-train-i`}', '${`${p}-holdout-i`}'), ${z.sequences} random sequences per role; AI with ${fuzz}.`}`,
    md``,
    ...mdTable(['deliverable', 'check', 'figure', 'bar', 'result', 'where'], rows),
    md``,
    failed ? md`${report.checks.length - failed} of ${report.checks.length} checks pass; ${failed} FAIL.` : md`All ${report.checks.length} checks pass.`,
  ];
  return out.map((l) => l.text);
}
