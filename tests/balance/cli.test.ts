// `statecraft batch --balance`, run as child processes against scenarios/tutorial.json.
import { describe, expect, test } from 'vitest';
import { runBalance } from '../../src/analysis/balance.js';
import { loadScenario } from '../unit/fixtures.js';
import { cli } from '../cli/runCli.js';

const TUTORIAL = 'scenarios/tutorial.json';
const SMALL = ['--runs', '30', '--train', '3', '--holdout', '4', '--sequences', '10', '--leaders', '2'];

describe.concurrent('statecraft batch --balance', () => {
  test('--json prints {balance}: the in-process report for the same options, plus the seconds it took', async () => {
    const [bal, plain] = await Promise.all([
      cli(['batch', TUTORIAL, '--balance', ...SMALL, '--seed', 'tut', '--major-flows', 'harbor_upland_trade,upland_harbor_power', '--json']),
      cli(['batch', TUTORIAL, '--runs', '30', '--seed', 'tut', '--workers', '1', '--json']),
    ]);
    expect(bal.stderr).toBe('');
    expect(bal.code).toBe(0);
    const { balance } = JSON.parse(bal.stdout) as { balance: Record<string, unknown> & { seconds: number } };
    const { seconds, ...rest } = balance;
    expect(typeof seconds).toBe('number');
    const inProcess = runBalance(loadScenario('tutorial'), {
      runs: 30,
      train: 3,
      holdout: 4,
      sequences: 10,
      leaders: 2,
      seedPrefix: 'tut',
      majorFlows: ['harbor_upland_trade', 'upland_harbor_power'],
    });
    expect(rest).toEqual(JSON.parse(JSON.stringify(inProcess)));
    expect((rest.flows as { major: string[] }).major).toEqual(['harbor_upland_trade', 'upland_harbor_power']);
    const p = JSON.parse(plain.stdout) as { endings: Record<string, number> };
    expect((rest.allAi as { endings: Record<string, number> }).endings).toEqual(p.endings);
  });

  test("--notes prints the Markdown table kept in a scenario's notes: the command, a row per check, the tally", async () => {
    const r = await cli(['batch', TUTORIAL, '--balance', ...SMALL, '--notes']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Balance \(statecraft batch scenarios\/tutorial\.json --balance --runs 30 .*\): 30 all-AI runs per world/);
    expect(lines).toContain('| deliverable | check | figure | bar | result | where |');
    expect(lines.filter((l) => /^\| [A-Z].* \| (pass|FAIL) \|/.test(l))).toHaveLength(21);
    expect(lines.at(-1)).toMatch(/^All 21 checks pass\.$|^\d+ of 21 checks pass; \d+ FAIL\.$/);
  });

  test('prints a readable table grouped by deliverable, with every check', async () => {
    const r = await cli(['batch', TUTORIAL, '--balance', ...SMALL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Balance of "tutorial": all-AI run i uses the seed "batch-i" \(30 runs per world\); 3 training seeds/);
    for (const heading of [
      'Adversary',
      'Endings',
      'Leverage switch',
      'Flow cuts',
      'Actors respond',
      'Action usage',
      'Objectives',
      'Scores agree with endings',
      'Events and dilemmas',
      'Indicators',
    ]) {
      expect(r.stdout).toContain(`== ${heading}`);
    }
    expect(r.stdout).toMatch(/(PASS|FAIL) choices-matter: [\d.]+ \(needs >= 0\.250\)/);
    expect(r.stdout).toMatch(/(PASS|FAIL) no-trivial-win: [\d.]+% \(needs <= 60\.0%\)/);
    expect(r.stdout).toMatch(/\d+ of 21 checks FAILED|All 21 checks passed/);
    const help = await cli(['batch', '--help']);
    for (const flag of ['--balance', '--train N', '--holdout N', '--sequences N', '--leaders N', '--major-flows']) expect(help.stdout).toContain(flag);
  });

  test.each([
    [['--balance', '--workers', '2'], 'batch: --workers cannot be combined with --balance, which runs in this process (see: statecraft batch --help)'],
    [['--balance', '--train', '0'], '--train must be a whole number from 1 to 1000000, not "0"'],
    [['--balance', '--sequences', 'many'], '--sequences must be a whole number from 1 to 1000000, not "many"'],
    [
      ['--balance', '--major-flows', 'harbor_upland_trade,nope'],
      'batch: --major-flows: "nope" is not a flow of tutorial; flows: harbor_lowland_trade, harbor_upland_trade, upland_harbor_power (see: statecraft batch --help)',
    ],
    [['--runs', '5', '--holdout', '3'], 'batch: --holdout needs --balance (see: statecraft batch --help)'],
    [['--balance', '--train'], "batch: Option '--train <value>' argument missing (see: statecraft batch --help)"],
  ])('refuses %j with a one-line usage error', async (args, message) => {
    const r = await cli(['batch', TUTORIAL, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`statecraft: ${message}\n`);
  });
});
