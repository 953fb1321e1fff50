// `statecraft replay` on a file that only claims to be a replay: every bad field at its line:column and JSON path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './runCli.js';

let dir = '';
const tmp = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-replay-diag-'));
  await cli(['play', 'scenarios/tutorial.json', '--auto', '--seed', 'diag', '--json', '--replay-out', tmp('good.json')]);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('statecraft replay on a broken replay file', () => {
  test('names the line, column and path of each bad field, the first one last, and exits 1 without a stack trace', async () => {
    const good = JSON.parse(readFileSync(tmp('good.json'), 'utf8')) as { seed: string; turns: Array<{ turn: unknown }> };
    const bad = { ...good, seed: 7, turns: good.turns.map((t, i) => (i === 2 ? { ...t, turn: 'three' } : t)) };
    const text = JSON.stringify(bad, null, 2);
    writeFileSync(tmp('bad.json'), text);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const r = await cli(['replay', tmp('bad.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `${tmp('bad.json')}:${lineOf('"turn": "three"')}:15: error: not a valid replay: expected a number, got a string ("three") (at turns[2].turn)`,
    );
    expect(lines[1]).toBe(
      `statecraft: ${tmp('bad.json')}:${lineOf('"seed": 7')}:11: error: not a valid replay: expected a string, got the number 7 (at seed) (and 1 more, above)`,
    );
  });

  test('the good replay still verifies', async () => {
    const r = await cli(['replay', tmp('good.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^verified: /);
  });
});
