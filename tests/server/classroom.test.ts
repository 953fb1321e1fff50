// The classroom server on loopback: classes, seats, turns, refusals, and nothing lost across a restart or kill -9.
import { describe, expect, test } from 'vitest';
import { stateHash, verifyReplay } from '../../src/engine/index.js';
import { loadScenario } from '../unit/fixtures.js';
import { create, dataDir, Probe, serveChild, start } from './harness.js';

type Seat = {
  turn: number;
  over: boolean;
  submitted: string[];
  legal: { actions: Array<{ id: string; available: boolean }> };
  seed: string | null;
  hash: string;
};

describe('the classroom server', () => {
  test('runs a table when every human seat has chosen, refuses illegal moves with a reason, and its export verifies', async () => {
    const s = await start(dataDir());
    try {
      const made = await create(s, { scenario: 'tutorial', seed: 'room-1', tables: 2, humans: ['upland', 'lowland'] });
      expect(made.status).toBe(201);
      const { code, token } = made.json as { code: string; token: string };
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
      const up = new Probe(s.url);
      const low = new Probe(s.url);
      await Promise.all([up.opened(), low.opened()]);
      up.send({ t: 'join', code, table: 0, role: 'upland' });
      low.send({ t: 'join', code, table: 0, role: 'lowland' });
      await up.next('joined');
      const first = (await up.next('seat')).state as Seat;
      expect(first.turn).toBe(1);
      expect(first.seed).toBeNull();
      const taken = new Probe(s.url);
      await taken.opened();
      taken.send({ t: 'join', code, table: 0, role: 'upland' });
      expect((await taken.next('refused')).reason).toMatch(/already taken/);
      up.send({ t: 'submit', turn: 1, choice: { action: 'nosuch' } });
      expect((await up.next('refused')).reason).toMatch(/"nosuch" is not available to "upland" on turn 1; available: /);
      up.send({ t: 'submit', turn: 2, choice: 'ai' });
      expect((await up.next('refused')).reason).toMatch(/this is turn 1, not 2/);
      low.send({ t: 'submit', turn: 1, choice: { action: 'x', extra: 1 } });
      expect((await low.next('refused')).reason).toMatch(/choice/);
      up.send({ t: 'submit', turn: 1, choice: 'ai' });
      await up.next('accepted');
      low.send({ t: 'submit', turn: 1, choice: 'ai' });
      await low.next('accepted');
      let st = (await up.next('seat')).state as Seat;
      while (st.turn < 2) st = (await up.next('seat')).state as Seat;
      expect(st.turn).toBe(2);
      const r = await fetch(`${s.url}/api/sessions/${code}/replays`, { headers: { Authorization: `Bearer ${token}` } });
      const { replays } = (await r.json()) as { replays: Array<{ table: number; replay: Parameters<typeof verifyReplay>[1] }> };
      const check = verifyReplay(loadScenario('tutorial'), replays[0]!.replay);
      expect(check.ok).toBe(true);
      expect((await fetch(`${s.url}/api/sessions/${code}/replays`, { headers: { Authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(403);
      for (const p of [up, low, taken]) p.close();
    } finally {
      await s.close();
    }
  });

  test("refuses a socket from another site's page, an oversized message and a scenario that does not validate", async () => {
    const s = await start(dataDir());
    try {
      const evil = new Probe(s.url, { Origin: 'http://evil.example' });
      await expect(evil.opened()).rejects.toThrow(/403/);
      const p = new Probe(s.url);
      await p.opened();
      const closed = new Promise((ok) => p.ws.once('close', ok));
      p.ws.send('x'.repeat(20_000));
      await closed;
      const bad = await create(s, { scenario: '{"formatVersion": 1}', seed: 's', tables: 1, humans: [] });
      expect(bad.status).toBe(400);
      expect(bad.json.error).toMatch(/the scenario is not valid/);
      const role = await create(s, { scenario: 'tutorial', seed: 's', tables: 1, humans: ['nobody'] });
      expect(role.json.error).toMatch(/"nobody" is not a role of tutorial/);
    } finally {
      await s.close();
    }
  });

  test('keeps every accepted move across a restart: the seat rejoins with its token and the table is at the same hash', async () => {
    const data = dataDir();
    const s1 = await start(data);
    const { code, token } = (await create(s1, { scenario: 'party-congress', seed: 'durable', tables: 1, humans: ['nk', 'us'] })).json as {
      code: string;
      token: string;
    };
    const nk = new Probe(s1.url);
    await nk.opened();
    nk.send({ t: 'join', code, table: 0, role: 'nk' });
    const seatToken = (await nk.next('joined')).token as string;
    nk.send({ t: 'submit', turn: 1, choice: 'ai' });
    await nk.next('accepted');
    const before = stateHash(s1.classroom.tableState(code, 0));
    nk.close();
    await s1.close();
    const s2 = await start(data);
    try {
      expect(stateHash(s2.classroom.tableState(code, 0))).toBe(before);
      const back = new Probe(s2.url);
      await back.opened();
      back.send({ t: 'hello', code, token: seatToken });
      const st = (await back.next('seat')).state as Seat;
      expect(st.submitted).toEqual(['nk']);
      const watch = new Probe(s2.url);
      await watch.opened();
      watch.send({ t: 'watch', code, token });
      await watch.next('dashboard');
      watch.send({ t: 'advance', table: 0 });
      const d = (await watch.next('dashboard')).dashboard as { tables: Array<{ turn: number }> };
      expect(d.tables[0]!.turn).toBe(2);
      back.close();
      watch.close();
    } finally {
      await s2.close();
    }
  });

  test('after kill -9 mid-game and a restart, the class resumes at the same state hash', async () => {
    const data = dataDir();
    const p1 = serveChild(data);
    const url1 = await p1.url;
    const r = await fetch(`${url1}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: 'tutorial', seed: 'kill', tables: 1, humans: ['upland'] }),
    });
    const { code, token } = (await r.json()) as { code: string; token: string };
    const w = new Probe(url1);
    await w.opened();
    w.send({ t: 'watch', code, token });
    await w.next('dashboard');
    w.send({ t: 'advance', table: 0 });
    w.send({ t: 'advance', table: 0 });
    let d = (await w.next('dashboard')).dashboard as { tables: Array<{ turn: number; hash: string }> };
    while (d.tables[0]!.turn < 3) d = (await w.next('dashboard')).dashboard as typeof d;
    const hash = d.tables[0]!.hash;
    await p1.kill();
    const p2 = serveChild(data);
    try {
      const url2 = await p2.url;
      const w2 = new Probe(url2);
      await w2.opened();
      w2.send({ t: 'watch', code, token });
      const again = (await w2.next('dashboard')).dashboard as typeof d;
      expect(again.tables[0]).toMatchObject({ turn: 3, hash });
      w2.close();
    } finally {
      await p2.kill();
    }
  }, 60_000);
});
