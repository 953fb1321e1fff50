// `statecraft batch --balance`, run as child processes against scenarios/tutorial.json.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TUTORIAL = 'scenarios/tutorial.json';

interface Ran { code: number | null; stdout: string; stderr: string }

function cli(args: string[]): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end();
  });
}

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
