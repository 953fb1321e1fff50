// The classroom's command line against a server on loopback: create a class, a bot plays a seat to the end, export it all.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { verifyReplay, type Replay } from '../../src/engine/index.js';
import type { Dashboard } from '../../src/server/classroom.js';
import { cli } from '../cli/runCli.js';
import { loadScenario } from '../unit/fixtures.js';
import { dataDir, opened, start, withClass } from './harness.js';

describe('statecraft classroom and bot', () => {
  test('create prints the code and token, a bot plays its seat to the end, and export writes replays that verify, the CSV and the debrief', async () => {
    const s = await start(dataDir());
    try {
      const made = await cli([
        'classroom',
        'create',
        '--server',
        s.url,
        '--scenario',
        'tutorial',
        '--tables',
        '2',
        '--human',
        'upland',
        '--seed',
        'cli',
        '--json',
      ]);
      expect(made.stderr).toBe('');
      const { code, token } = JSON.parse(made.stdout) as { code: string; token: string };
      const bot = await cli(['bot', '--server', s.url, '--code', code, '--table', '2']);
      expect(bot).toMatchObject({ code: 0, stdout: expect.stringMatching(/^upland at table 2: game over, ending \w+/) });
      const out = dataDir();
      const wrong = await cli(['classroom', 'export', '--server', s.url, '--token', 'x'.repeat(22), '--out', out]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toBe('statecraft: the server refused the export: this instructor token is not valid for any class on this server\n');
      expect(existsSync(join(out, 'history.csv'))).toBe(false);
      const ok = await cli(['classroom', 'export', '--server', s.url, '--token', token, '--out', out]);
      expect(ok.code, ok.stderr).toBe(0);
      const sc = loadScenario('tutorial');
      for (const n of [1, 2]) {
        const replay = JSON.parse(readFileSync(join(out, `table-${n}.replay.json`), 'utf8')) as Replay;
        expect(verifyReplay(sc, replay).ok).toBe(true);
      }
      const csv = readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\r\n');
      expect(csv[0]).toMatch(/^table,run,/);
      expect(csv.filter((l) => l.startsWith('2,')).length).toBe(s.classroom.tableState(code, 1).turn);
      expect(readFileSync(join(out, 'debrief.md'), 'utf8')).toMatch(/Table 2/);
    } finally {
      await s.close();
    }
  }, 60_000);

  test('a bot waits while its table is paused and plays on once it is resumed', async () => {
    await withClass({ scenario: 'tutorial', seed: 'wait', tables: 1, humans: ['upland'] }, async (s, { code, token }) => {
      const { probe: ins } = await opened(s.url, { t: 'watch', code, token }, 'dashboard');
      ins.send({ t: 'pause', table: 0, paused: true });
      await ins.until<Dashboard>('dashboard', 'dashboard', (d) => d.tables[0]!.paused);
      const bot = cli(['bot', '--server', s.url, '--code', code]);
      await ins.until<Dashboard>('dashboard', 'dashboard', (d) => d.tables[0]!.seats[0]!.connected);
      await new Promise((ok) => setTimeout(ok, 300));
      expect(s.classroom.tableState(code, 0).turn).toBe(1);
      ins.send({ t: 'pause', table: 0, paused: false });
      expect(await bot).toMatchObject({ code: 0, stderr: '' });
      expect(s.classroom.tableState(code, 0).over).toBe(true);
    });
  }, 60_000);
});
