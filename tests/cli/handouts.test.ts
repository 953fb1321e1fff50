// `statecraft handouts`, run as a child process.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-handouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('statecraft handouts', () => {
  test('writes the index, the class sheet, a card per role, what is invented and the instructor page', async () => {
    const out = join(dir, 'flagship');
    const r = await cli(['handouts', 'scenarios/party-congress.json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('9 handouts written');
    for (const f of [
      'index.html',
      'class-sheet.html',
      'role-nk.html',
      'role-us.html',
      'role-sk.html',
      'role-cn.html',
      'role-ru.html',
      'invented.html',
      'instructor.html',
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(readFileSync(join(out, 'role-sk.html'), 'utf8')).toContain('What you can do on the first turn');
  });

  test('refuses a missing --out and a folder that is a file, with one line and no stack', async () => {
    const none = await cli(['handouts', 'scenarios/tutorial.json']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs --out DIR/);
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const clash = await cli(['handouts', 'scenarios/tutorial.json', '--out', file]);
    expect(clash.code).not.toBe(0);
    expect(clash.stderr.trim().split('\n')).toHaveLength(1);
    expect(clash.stderr).not.toMatch(/\n\s+at /);
  });
});
