// The balance checks as short text: one line per check (test failures, the CLI) and the Markdown table kept in a
// scenario's notes.
import type { BalanceCheck, BalanceReport } from './balance.js';
import { CHECK_GROUPS, type CheckGroup } from './balanceChecks.js';

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The headings of the check groups. */
export const GROUP_TITLES: Record<CheckGroup, string> = {
  adversary: 'Adversary (policies on one role\'s seat)',
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
  return CHECK_GROUPS.map((group) => ({ group, title: GROUP_TITLES[group], checks: report.checks.filter((c) => c.group === group) })).filter((g) => g.checks.length > 0);
}

