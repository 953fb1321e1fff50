// `statecraft batch --balance`, run as child processes against scenarios/tutorial.json.
import { describe, expect, test } from 'vitest';
import { cli } from '../cli/runCli.js';

const TUTORIAL = 'scenarios/tutorial.json';

interface BalanceJson {
  balance: {
    seedPrefix: string;
    allAi: { runs: number; endings: Record<string, number>; atBoundShare: Record<string, number> };
    strategyRuns: number;
    roles: Array<{ role: string; tvd: number }>;
    checks: Array<{ name: string; passed: boolean; figure: number; threshold: number }>;
    passed: boolean;
    seconds: number;
  };
}

describe.concurrent('statecraft batch --balance', () => {
  test('--json prints {balance}; its all-AI endings and at-bound shares are the plain batch\'s with the same seeds', async () => {
    const [bal, plain] = await Promise.all([
      cli(['batch', TUTORIAL, '--balance', '--runs', '30', '--seed', 'tut', '--json']),
      cli(['batch', TUTORIAL, '--runs', '30', '--seed', 'tut', '--workers', '1', '--json']),
    ]);
    expect(bal.stderr).toBe('');
    expect(bal.code).toBe(0);
    const b = (JSON.parse(bal.stdout) as BalanceJson).balance;
    const p = JSON.parse(plain.stdout) as { endings: Record<string, number>; indicators: Record<string, { atBoundShare: number }> };
    expect(b.seedPrefix).toBe('tut');
    expect(b.allAi.runs).toBe(30);
    expect(b.strategyRuns).toBe(30);
    expect(b.allAi.endings).toEqual(p.endings);
    for (const [id, x] of Object.entries(p.indicators)) expect(b.allAi.atBoundShare[id]).toBe(x.atBoundShare);
    expect(b.roles.map((r) => r.role)).toEqual(['upland', 'lowland', 'harbor']);
    expect(b.checks.map((c) => c.name)).toEqual(['endings-occurring', 'top-ending-share', 'choices-matter', 'no-trivial-win', 'nothing-pinned']);
    expect(b.passed).toBe(b.checks.every((c) => c.passed));
    expect(typeof b.seconds).toBe('number');
  });

  test('prints a readable table with the checks', async () => {
    const r = await cli(['batch', TUTORIAL, '--balance', '--runs', '20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Balance of "tutorial": run i uses the seed "batch-i"/);
    expect(r.stdout).toContain('All AI: 20 runs');
    expect(r.stdout).toMatch(/upland\s+cooperative/);
    expect(r.stdout).toContain('Checks:');
    expect(r.stdout).toMatch(/(PASS|FAIL) choices-matter: [\d.]+ \(needs >= 0\.250\)/);
    const help = await cli(['batch', '--help']);
    expect(help.stdout).toContain('--balance');
  });

  test('refuses options it does not combine with, as a one-line usage error', async () => {
    const r = await cli(['batch', TUTORIAL, '--balance', '--workers', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('statecraft: batch: --workers cannot be combined with --balance, which runs in this process (see: statecraft batch --help)\n');
  });
});
