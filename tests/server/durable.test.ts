// kill -9 after each kind of instructor command (pause, seatAi, end, a timer's advance) and a restart: the same state, the same dashboard.
import { describe, expect, test } from 'vitest';
import type { Dashboard } from '../../src/server/classroom.js';
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
    const b = await post(url, { scenario: 'tutorial', seed: 'kill-b', tables: 1, humans: ['upland'], timer: 3 });
    const steps: Array<{ made: Made; send: Record<string, unknown>; done: (d: Dashboard) => boolean }> = [
      { made: a, send: { t: 'pause', table: 0, paused: true }, done: (d) => d.tables[0]!.paused },
      { made: a, send: { t: 'seatAi', table: 1, role: 'lowland', ai: true }, done: (d) => d.tables[1]!.seats[1]!.ai && d.tables[1]!.seats[1]!.submitted },
      { made: a, send: { t: 'end', table: 2 }, done: (d) => d.tables[2]!.stopped },
      // The advance starts turn 2's clock; the timer then plays turn 2 by itself.
      { made: b, send: { t: 'advance', table: 0 }, done: (d) => d.tables[0]!.turn === 3 },
    ];
    try {
      for (const step of steps) {
        const { probe } = await opened(url, { t: 'watch', code: step.made.code, token: step.made.token }, 'dashboard');
        probe.send(step.send);
        const before = await probe.until<Dashboard>('dashboard', 'dashboard', step.done);
        await child.kill();
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
