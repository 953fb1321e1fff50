// The flagship's bars on a small sample: every balance check must pass.
// Sample sizes are here to edit; the thresholds live in
// src/analysis/balance.ts (BALANCE_THRESHOLDS) and are never loosened here. `statecraft batch
// scenarios/party-congress.json --balance --seed bars` with the same sizes prints the same report.
import { beforeAll, describe, expect, it } from 'vitest';
import { runBalance, type BalanceReport } from '../../src/analysis/balance.js';
import { formatBalance } from '../../src/analysis/balanceFormat.js';
import { loadScenario } from '../unit/fixtures.js';

/** Sample sizes: small enough for a test file (about a minute on a quiet 2-core machine), large enough to mean something. */
const SAMPLE = { runs: 200, train: 20, holdout: 100, sequences: 100, leaders: 3, seedPrefix: 'bars', majorFlows: ['cn_nk_trade', 'ru_nk_aid', 'ru_nk_tech'] };

/** Every bar of the issue, by check name. */
const BARS = [
  'no-trivial-win',
  'adversary-beats-ai',
  'choices-matter',
  'endings-occurring',
  'top-ending-share',
  'endings-reachable',
  'leverage-matters',
  'major-flows-matter',
  'actors-respond',
  'action-usage',
  'human-only-limit',
  'objectives-open-at-start',
  'objectives-not-automatic',
  'ai-score-floor',
  'ai-score-ceiling',
  'scores-match-endings',
  'events-fire',
  'unscheduled-not-certain',
  'dilemma-options-used',
  'event-variety',
  'nothing-pinned',
];

// The major flows are the issue's: China's trade and Russia's payments and technology.
describe('scenarios/party-congress.json meets every balance bar (small sample)', () => {
  let report: BalanceReport;

  beforeAll(() => {
    report = runBalance(loadScenario('party-congress'), SAMPLE);
  }, 600_000);

  it.each(BARS)('%s passes', (name) => {
    const c = report.checks.find((x) => x.name === name);
    expect(c, `no check "${name}"`).toBeDefined();
    expect(c!.passed, `${name}: ${c!.rule}: figure ${c!.figure} (needs ${c!.comparison} ${c!.threshold}); ${c!.detail}\n\n${formatBalance(report)}`).toBe(true);
  });
});
