// The instructor's controls on loopback: pause, hand a seat to the AI, end a table, the projector, the exports.
import { describe, expect, test } from 'vitest';
import { verifyReplay, type Replay } from '../../src/engine/index.js';
import type { Dashboard, ProjectorState, SeatState } from '../../src/server/classroom.js';
import { loadScenario } from '../unit/fixtures.js';
import { opened, withClass } from './harness.js';

describe('the instructor controls', () => {
  test('a paused table refuses choices with a reason and takes them again once resumed', async () => {
    await withClass({ scenario: 'tutorial', seed: 'pause', tables: 2, humans: ['upland'] }, async (s, { code, token }) => {
      const { probe: up } = await opened(s.url, { t: 'join', code, table: 0, role: 'upland' }, 'seat');
      const { probe: ins } = await opened(s.url, { t: 'watch', code, token }, 'dashboard');
      ins.send({ t: 'pause', table: 0, paused: true });
      const d = await ins.until<Dashboard>('dashboard', 'dashboard', (x) => x.tables[0]!.paused);
      expect(d.tables[1]!.paused).toBe(false);
      expect((await up.until<SeatState>('seat', 'state', (x) => x.paused)).turn).toBe(1);
      up.send({ t: 'submit', turn: 1, choice: 'ai' });
      expect(await up.next('refused')).toMatchObject({ to: 'submit', reason: 'the instructor has paused this table' });
      ins.send({ t: 'pause', table: 0, paused: false });
      await up.until<SeatState>('seat', 'state', (x) => !x.paused);
      up.send({ t: 'submit', turn: 1, choice: 'ai' });
      await up.next('accepted');
      expect((await up.until<SeatState>('seat', 'state', (x) => x.turn === 2)).paused).toBe(false);
    });
  });

  test('a seat handed to the AI is played at once and every turn after, and plays by hand again once given back', async () => {
    await withClass({ scenario: 'tutorial', seed: 'hand', tables: 1, humans: ['upland', 'lowland'] }, async (s, { code, token }) => {
      const { probe: up } = await opened(s.url, { t: 'join', code, table: 0, role: 'upland' }, 'seat');
      const { probe: low } = await opened(s.url, { t: 'join', code, table: 0, role: 'lowland' }, 'seat');
      const { probe: ins } = await opened(s.url, { t: 'watch', code, token }, 'dashboard');
      ins.send({ t: 'seatAi', table: 0, role: 'lowland', ai: true });
      const d = await ins.until<Dashboard>('dashboard', 'dashboard', (x) => x.tables[0]!.seats[1]!.ai);
      expect(d.tables[0]!.seats[1]).toMatchObject({ role: 'lowland', label: expect.any(String), ai: true, submitted: true, connected: true });
      expect((await low.until<SeatState>('seat', 'state', (x) => x.ai)).submitted).toEqual(['lowland']);
      low.send({ t: 'submit', turn: 1, choice: 'ai' });
      expect((await low.next('refused')).reason).toMatch(/handed this seat to the AI/);
      up.send({ t: 'submit', turn: 1, choice: 'ai' });
      const t2 = await up.until<SeatState>('seat', 'state', (x) => x.turn === 2);
      expect(t2.submitted).toEqual(['lowland']);
      ins.send({ t: 'seatAi', table: 0, role: 'lowland', ai: false });
      await low.until<SeatState>('seat', 'state', (x) => !x.ai);
      up.send({ t: 'submit', turn: 2, choice: 'ai' });
      const t3 = await up.until<SeatState>('seat', 'state', (x) => x.turn === 3);
      expect(t3.submitted).toEqual([]);
      low.send({ t: 'submit', turn: 3, choice: 'ai' });
      await low.next('accepted');
      expect(s.classroom.tableState(code, 0).turn).toBe(3);
    });
  });

  test('an ended table takes no more moves, shows the seed, and its replay, CSV and debrief still export', async () => {
    await withClass({ scenario: 'tutorial', seed: 'stop', tables: 2, humans: ['upland'] }, async (s, { code, token }) => {
      const { probe: up } = await opened(s.url, { t: 'join', code, table: 0, role: 'upland' }, 'seat');
      const { probe: ins } = await opened(s.url, { t: 'watch', code, token }, 'dashboard');
      ins.send({ t: 'advance', table: 0 });
      ins.send({ t: 'end', table: 0 });
      const d = await ins.until<Dashboard>('dashboard', 'dashboard', (x) => x.tables[0]!.stopped);
      expect(d.tables[0]).toMatchObject({ turn: 2, over: false, stopped: true, deadline: null });
      const seat = await up.until<SeatState>('seat', 'state', (x) => x.stopped);
      expect(seat.seed).toBe('stop');
      up.send({ t: 'submit', turn: 2, choice: 'ai' });
      expect((await up.next('refused')).reason).toBe('the instructor has ended the game at this table');
      for (const m of [
        { t: 'advance', table: 0 },
        { t: 'pause', table: 0, paused: true },
        { t: 'end', table: 0 },
      ]) {
        ins.send(m);
        expect(await ins.next('refused')).toMatchObject({ to: m.t, reason: 'the instructor has ended the game at table 1' });
      }
      const wrong = await fetch(`${s.url}/api/sessions/${code}/export`, { headers: { Authorization: 'Bearer not-the-instructor-token' } });
      expect(wrong.status).toBe(403);
      const r = await fetch(`${s.url}/api/sessions/${code}/export`, { headers: { Authorization: `Bearer ${token}` } });
      const x = (await r.json()) as { replays: Array<{ table: number; replay: Replay }>; csv: string; debrief: string };
      expect(x.replays.map((p) => p.table)).toEqual([0, 1]);
      for (const p of x.replays) expect(verifyReplay(loadScenario('tutorial'), p.replay).ok).toBe(true);
      const lines = x.csv.trim().split('\r\n');
      expect(lines[0]).toMatch(/^table,run,scenario,seed,turn,/);
      expect(lines.filter((l) => l.startsWith('1,')).length).toBe(2);
      expect(lines.filter((l) => l.startsWith('2,')).length).toBe(1);
      expect(x.debrief).toMatch(/Table 1/);
    });
  });

  test("a student's socket is refused every instructor control, with the reason", async () => {
    await withClass({ scenario: 'tutorial', seed: 'nope', tables: 1, humans: ['upland'] }, async (s, { code }) => {
      const { probe: up } = await opened(s.url, { t: 'join', code, table: 0, role: 'upland' }, 'seat');
      const controls = [
        { t: 'advance', table: 0 },
        { t: 'reassign', table: 0, role: 'upland' },
        { t: 'pause', table: 0, paused: true },
        { t: 'seatAi', table: 0, role: 'upland', ai: true },
        { t: 'end', table: 0 },
      ];
      for (const m of controls) {
        up.send(m);
        expect(await up.next('refused')).toMatchObject({
          to: m.t,
          reason: expect.stringMatching(/^only the instructor can .+; watch the class with its instructor token first$/),
        });
      }
      expect(s.classroom.tableState(code, 0).turn).toBe(1);
      up.close();
    });
  });

  test('the projector needs only the code and shows no seed and no exact figure of an indicator any seat only estimates', async () => {
    await withClass({ scenario: 'party-congress', seed: 'secret-seed-42', tables: 2, humans: ['nk', 'us', 'sk', 'cn', 'ru'] }, async (s, { code, token }) => {
      const { probe: proj, reply } = await opened(s.url, { t: 'projector', code: code.toLowerCase() }, 'projector');
      const p = reply.projector as ProjectorState;
      expect(p).toMatchObject({ code, scenario: 'party_congress', joinUrl: `${s.url}/?join=${code}` });
      const sc = s.classroom.scenarioOf(code);
      const estimated = sc.indicators.map((ind) => ind.estimateError.some((e) => e > 0));
      expect(estimated.some(Boolean)).toBe(true);
      for (const t of p.tables) t.indicators.forEach((r, i) => expect(r.exact).toBe(!estimated[i]));
      expect(JSON.stringify(p)).not.toContain('secret-seed-42');
      const { probe: ins } = await opened(s.url, { t: 'watch', code, token }, 'dashboard');
      ins.send({ t: 'advance', table: 1 });
      const after = await proj.until<ProjectorState>('projector', 'projector', (x) => x.tables[1]!.turn === 2);
      expect(after.tables[1]!.seats.map((x) => x.label)).toContain('North Korea');
      expect(JSON.stringify(after)).not.toContain('secret-seed-42');
      const { reply: refused } = await opened(s.url, { t: 'projector', code: 'ZZZZZZ' }, 'refused');
      expect(refused.reason).toBe('no class has this code');
    });
  });

  test("serves a session's scenario file and QR codes only for this server's own URLs", async () => {
    await withClass({ scenario: 'tutorial', seed: 'public', tables: 1, humans: [] }, async (s, { code }) => {
      const text = await (await fetch(`${s.url}/api/sessions/${code}/scenario`)).text();
      expect((JSON.parse(text) as { id: string }).id).toBe('tutorial');
      expect(text).not.toContain('"public"');
      expect((await fetch(`${s.url}/api/sessions/NOSUCH/scenario`)).status).toBe(404);
      const qr = await fetch(`${s.url}/api/qr?text=${encodeURIComponent(`${s.url}/?join=${code}`)}`);
      expect(qr.headers.get('content-type')).toBe('image/svg+xml');
      expect(await qr.text()).toMatch(/^<svg /);
      expect((await fetch(`${s.url}/api/qr?text=${encodeURIComponent('http://evil.example/')}`)).status).toBe(400);
    });
  });
});
