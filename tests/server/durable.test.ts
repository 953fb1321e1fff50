// kill -9 after each kind of instructor command (pause, seatAi, end, a timer's advance) and a restart: the same state, the same dashboard.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Dashboard } from '../../src/server/classroom.js';
import { SqliteStore } from '../../src/server/store.js';
import { dataDir, opened, serveChild } from './harness.js';

type Made = { code: string; token: string };

/** What must survive a restart: everything but which sockets are connected and the port in the join URL. */
const durable = (d: Dashboard) => d.tables.map((t) => ({ ...t, seats: t.seats.map((x) => ({ ...x, connected: false })) }));

async function post(url: string, body: unknown): Promise<Made> {
  const r = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return (await r.json()) as Made;
}

describe('the classroom after kill -9', () => {
  test('resumes every instructor command kind at the same state hashes', async () => {
    const data = dataDir();
    let child = serveChild(data);
    let url = await child.url;
    const a = await post(url, { scenario: 'tutorial', seed: 'kill-a', tables: 3, humans: ['upland', 'lowland'] });
    const b = await post(url, { scenario: 'tutorial', seed: 'kill-b', tables: 1, humans: ['upland'], timer: 1 });
    const steps: Array<{ made: Made; send: Array<Record<string, unknown>>; done: (d: Dashboard) => boolean }> = [
      { made: a, send: [{ t: 'pause', table: 0, paused: true }], done: (d) => d.tables[0]!.paused },
      { made: a, send: [{ t: 'seatAi', table: 1, role: 'lowland', ai: true }], done: (d) => d.tables[1]!.seats[1]!.ai && d.tables[1]!.seats[1]!.submitted },
      { made: a, send: [{ t: 'end', table: 2 }], done: (d) => d.tables[2]!.stopped },
      // With this seed the tutorial ends (a treaty) after turn 3: two advances, then the timer plays turn 3 and no timer runs on.
      {
        made: b,
        send: [
          { t: 'advance', table: 0 },
          { t: 'advance', table: 0 },
        ],
        done: (d) => d.tables[0]!.over,
      },
    ];
    try {
      for (const step of steps) {
        const { probe } = await opened(url, { t: 'watch', code: step.made.code, token: step.made.token }, 'dashboard');
        for (const m of step.send) probe.send(m);
        const before = await probe.until<Dashboard>('dashboard', 'dashboard', step.done);
        await child.kill();
        const store = new SqliteStore(join(data, 'classroom.sqlite'));
        expect(store.commands(step.made === a ? 1 : 2).at(-1)!.kind).toBe(step.send[0]!.t === 'advance' ? 'timeout' : step.send[0]!.t);
        store.close();
        child = serveChild(data);
        url = await child.url;
        const { probe: again, reply } = await opened(url, { t: 'watch', code: step.made.code, token: step.made.token }, 'dashboard');
        expect(durable(reply.dashboard as Dashboard)).toEqual(durable(before));
        again.close();
      }
    } finally {
      await child.kill();
    }
  }, 60_000);
});
