// `statecraft compare` and `statecraft fork`, run as child processes on replays recorded before the tests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './runCli.js';

const FLAGSHIP = 'scenarios/party-congress.json';
let dir = '';
const tmp = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-compare-'));
  await Promise.all([
    ...['0.1', '0.4', '0.7'].map((fuzz, k) =>
      cli(['play', FLAGSHIP, '--auto', '--seed', 'class', '--fuzz', fuzz, '--json', '--replay-out', tmp(`table${k + 1}.json`)]),
    ),
    cli(['play', 'scenarios/tutorial.json', '--auto', '--seed', 'class', '--json', '--replay-out', tmp('tutorial.json')]),
  ]);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('statecraft compare', () => {
  test('prints endings, scores and k of N groups per choice as Markdown', async () => {
    const r = await cli(['compare', tmp('table1.json'), tmp('table2.json'), tmp('table3.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 groups compared');
    expect(r.stdout).toMatch(/\(3 of 3\)/);
    expect(r.stdout).toContain('| table1 |');
  });

  test("gives JSON with each group's ending id and a CSV with labels beside ids", async () => {
    const r = await cli(['compare', tmp('table1.json'), tmp('table2.json'), '--json', '--csv', tmp('cmp.csv')]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as { groups: Array<{ name: string; ending: string }> };
    expect(c.groups.map((g) => g.name)).toEqual(['table1', 'table2']);
    for (const g of c.groups) expect(typeof g.ending).toBe('string');
    const csv = readFileSync(tmp('cmp.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^group,seed,turn,period,nk_action,nk_action_label,/);
    expect(csv.length).toBeGreaterThan(10);
  });

  test('refuses replays of another scenario and files that are not replays', async () => {
    const other = await cli(['compare', tmp('table1.json'), tmp('tutorial.json')]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/not of the same scenario/);
    writeFileSync(tmp('not-a-replay.json'), '{"hello": 1}');
    const bad = await cli(['compare', tmp('table1.json'), tmp('not-a-replay.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not-a-replay\.json:1:1: error: not a valid replay: it has no "format" property/);
    expect((await cli(['compare', tmp('table1.json')])).code).toBe(2);
  });
});

describe.concurrent('statecraft fork', () => {
  test('with no change reproduces the original game exactly', async () => {
    const r = await cli(['fork', tmp('table2.json'), '--turn', '4', '--json']);
    expect(r.code).toBe(0);
    const original = JSON.parse(readFileSync(tmp('table2.json'), 'utf8')) as { finalHash: string };
    expect((JSON.parse(r.stdout) as { hash: string }).hash).toBe(original.finalHash);
  });

  test('writes a changed game as a replay that verifies, and compares the two timelines', async () => {
    const r = await cli(['fork', tmp('table1.json'), '--turn', '3', '--choose', 'nk=nk_icbm_test', '--out', tmp('fork.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('North Korea chooses “Test a solid-fuel ICBM”');
    expect(r.stdout).toContain('## What ends differently, and why');
    const v = await cli(['replay', tmp('fork.json')]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^verified: \d+ turns/);
  });

  test('refuses an illegal choice with what is legal, a missing --turn and a turn the game does not have', async () => {
    const illegal = await cli(['fork', tmp('table1.json'), '--turn', '2', '--choose', 'nk=nosuch']);
    expect(illegal.code).toBe(1);
    expect(illegal.stderr).toMatch(/"nosuch" is not available to "nk" on turn 2; available: /);
    expect((await cli(['fork', tmp('table1.json')])).code).toBe(2);
    const late = await cli(['fork', tmp('table1.json'), '--turn', '99']);
    expect(late.stderr).toMatch(/no turn 99/);
  });
});
