// The turn timer on loopback: a table moves on by itself when its turn's time is up, stands still while paused, and keeps its deadline across a restart.
import { describe, expect, test } from 'vitest';
import type { Dashboard, SeatState } from '../../src/server/classroom.js';
import { create, dataDir, opened, start, withClass } from './harness.js';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('the turn timer', () => {
  test('starts once every player seat is taken and plays the missing seats when the time is up', async () => {
    await withClass({ scenario: 'tutorial', seed: 'tick', tables: 2, humans: ['upland'], timer: 1 }, async (s, { code, token }) => {
      const { reply } = await opened(s.url, { t: 'watch', code, token }, 'dashboard');
      expect(reply.dashboard).toMatchObject({ timer: 1, tables: [{ deadline: null }, { deadline: null }] });
      const before = Date.now();
      const { probe: up, reply: joined } = await opened(s.url, { t: 'join', code, table: 0, role: 'upland' }, 'seat');
      const deadline = (joined.state as SeatState).deadline!;
      expect(deadline).toBeGreaterThanOrEqual(before + 1000);
      expect(deadline).toBeLessThanOrEqual(Date.now() + 1000);
      const next = await up.until<SeatState>('seat', 'state', (x) => x.turn === 2);
      expect(Date.now()).toBeGreaterThanOrEqual(deadline);
      expect(next.deadline).toBeGreaterThanOrEqual(deadline + 1000);
      expect(s.classroom.tableState(code, 0).history.at(1)!.choices.upland).toBeDefined();
      expect(s.classroom.tableState(code, 1).turn).toBe(1);
    });
  });

  test('stands still while the table is paused and runs on from where it stopped once resumed', async () => {
    await withClass({ scenario: 'tutorial', seed: 'hold', tables: 1, humans: ['upland'], timer: 1 }, async (s, { code, token }) => {
      const { probe: ins } = await opened(s.url, { t: 'watch', code, token }, 'dashboard');
      const { probe: up } = await opened(s.url, { t: 'join', code, table: 0, role: 'upland' }, 'seat');
      ins.send({ t: 'pause', table: 0, paused: true });
      await ins.until<Dashboard>('dashboard', 'dashboard', (d) => d.tables[0]!.paused && d.tables[0]!.deadline === null);
      await sleep(1300);
      expect(s.classroom.tableState(code, 0).turn).toBe(1);
      const resumed = Date.now();
      ins.send({ t: 'pause', table: 0, paused: false });
      const d = await ins.until<Dashboard>('dashboard', 'dashboard', (x) => !x.tables[0]!.paused);
      expect(d.tables[0]!.deadline).toBeGreaterThan(resumed + 500);
      await up.until<SeatState>('seat', 'state', (x) => x.turn === 2);
      expect(Date.now()).toBeGreaterThanOrEqual(d.tables[0]!.deadline!);
    });
  });

  test('keeps its deadline across a restart mid-turn and fires on time after it', async () => {
    const data = dataDir();
    const s1 = await start(data);
    const { code, token } = (await create(s1, { scenario: 'tutorial', seed: 'again', tables: 1, humans: ['upland'], timer: 2 })).json as {
      code: string;
      token: string;
    };
    const { probe: up, reply } = await opened(s1.url, { t: 'join', code, table: 0, role: 'upland' }, 'seat');
    const deadline = (reply.state as SeatState).deadline!;
    up.close();
    await s1.close();
    const s2 = await start(data);
    try {
      const { probe: ins, reply: d } = await opened(s2.url, { t: 'watch', code, token }, 'dashboard');
      expect((d.dashboard as Dashboard).tables[0]).toMatchObject({ turn: 1, deadline });
      await ins.until<Dashboard>('dashboard', 'dashboard', (x) => x.tables[0]!.turn === 2);
      expect(Date.now()).toBeGreaterThanOrEqual(deadline);
      ins.close();
    } finally {
      await s2.close();
    }
  });
});
