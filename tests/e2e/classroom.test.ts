// A class in Chromium: the instructor creates a tutorial class from the title, three students join from their own
// browsers and play it to its end, one reloading mid-turn and keeping its seat; the instructor advances once; the
// tables' replay verifies in Node; axe finds nothing serious on the new screens.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReplay, type Replay } from '../../src/engine/index.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { axe, type Finding } from './axeRun.js';
import { nodeScenario } from './engineNode.js';
import type { PageGlobals } from './pageTypes.js';
import { close, DESKTOP, launch, PHONE, problemsOf, ROOT, shot, type Session } from './helpers.js';

let server: RunningServer;
let data: string;
const sessions: Session[] = [];

beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), 'statecraft-class-e2e-'));
  server = await startServer({ port: 0, host: '127.0.0.1', data, site: join(ROOT, 'dist'), scenarios: join(ROOT, 'scenarios') });
});

afterAll(async () => {
  for (const s of sessions) await close(s);
  await server.close();
  rmSync(data, { recursive: true, force: true });
});

async function open(size = DESKTOP): Promise<Session> {
  const s = await launch(size, `${server.url}/`);
  sessions.push(s);
  return s;
}

/** The turn a student's seat shows (0 once the ending shows). */
async function seatTurn(page: Page): Promise<number> {
  if (await page.locator('#seat-ending').count()) return 0;
  const text = (await page.locator('#seat-turn').textContent()) ?? '';
  return Number(/turn (\d+) of/.exec(text)?.[1] ?? -1);
}

/**
 * Picks the first available action and the first option of every dilemma, then submits, all from the keyboard; waits
 * until the seat shows it is in (or the turn resolved at once). `meanwhile` runs while Space is held on the action.
 */
async function playTurn(page: Page, meanwhile?: () => Promise<void>): Promise<void> {
  const turn = await seatTurn(page);
  // Focus and Space, as a keyboard does (the radio groups and the button are native controls).
  for (const d of await page.locator('fieldset.dilemma').all()) {
    await d.locator('input[type=radio]').first().focus();
    await page.keyboard.press('Space');
  }
  await page.locator('#seat-actions input[type=radio]:not([disabled])').first().focus();
  await page.keyboard.down('Space');
  await meanwhile?.();
  await page.keyboard.up('Space');
  await page.waitForSelector('#seat-actions input:checked', { timeout: 5000 });
  await page.locator('#seat-submit').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => {
    const d = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
    return d.querySelector('#seat-submitted, #seat-ending') !== null || !new RegExp(`turn ${t} of`).test(d.querySelector('#seat-turn')?.textContent ?? '');
  }, turn);
}

/** A tutorial class made through the server's API, as `classroom create` makes one. */
async function createClass(body: Record<string, unknown>): Promise<{ code: string; token: string }> {
  const r = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status).toBe(201);
  return (await r.json()) as { code: string; token: string };
}

/** Opens the title and waits for the game's own (the plain-DOM title shown first is replaced, focus and all). */
async function titleOf(page: Page): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => (globalThis as unknown as Partial<PageGlobals>).__statecraft?.ready() === true);
  await page.waitForSelector('#controls #run-class');
}

const findings: Record<string, Finding[]> = {};

describe('a class played in Chromium', () => {
  it("runs from the title to every student's ending, with a reload, an advance and a replay that verifies", async () => {
    const teacher = await open();
    const tp = teacher.page;
    await titleOf(tp);
    await tp.locator('#run-class').focus();
    await tp.keyboard.press('Enter');
    await tp.waitForSelector('dialog[open] #class-scenario');
    // An uploaded file the server refuses: its reason is shown, and nothing is created.
    await tp.selectOption('#class-scenario', '');
    await tp.setInputFiles('#class-file', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ title: 'Broken', actors: [{ id: 'a', name: 'Aland' }] })),
    });
    await tp.waitForSelector('#class-human-a');
    await tp.click('#class-create');
    await tp.waitForSelector('#class-problem:has-text("The class was not created: the scenario is not valid")');
    await tp.selectOption('#class-scenario', 'tutorial');
    await tp.fill('#class-seed', 'class-e2e');
    findings['run a class'] = await axe(tp);
    const humans = await tp.locator('#class-roles input[type=checkbox]:checked').evaluateAll((xs) => xs.map((x) => (x as unknown as { value: string }).value));
    expect(humans).toEqual(['upland', 'lowland', 'harbor']);
    await tp.click('#class-create');
    await tp.waitForSelector('#join-code');
    const code = (await tp.locator('#join-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await tp.locator('#join-url').getAttribute('href')).toBe(`${server.url}/?join=${code}`);
    const secret = (await tp.locator('#instructor-link').getAttribute('href'))!;
    expect(secret).toMatch(new RegExp(`/\\?dashboard=${code}#instructor=${code}\\.[A-Za-z0-9_-]{16,}$`));
    await expect(tp.locator('.warning').textContent()).resolves.toMatch(/private/);
    findings['class created'] = await axe(tp);
    await shot(teacher, 'class-created');
    await tp.click('#open-dashboard');
    await tp.waitForSelector('#table-0');
    // The token leaves the address bar; a reload comes back to the dashboard with the token this browser kept.
    expect(new URL(tp.url()).hash).toBe('');
    await tp.reload();
    await tp.waitForSelector('#table-0 #advance-0');
    findings.dashboard = await axe(tp);

    const students: Session[] = [];
    const roles = ['upland', 'lowland', 'harbor'];
    for (const [k, role] of roles.entries()) {
      const s = await open(k === 2 ? PHONE : DESKTOP);
      students.push(s);
      if (k === 0) {
        // One student types the code on the title's "Join a class", keyboard only.
        await titleOf(s.page);
        await s.page.locator('#join-class').focus();
        await s.page.keyboard.press('Enter');
        await s.page.waitForSelector('#join-code-input');
        await s.page.keyboard.type(code.toLowerCase());
        await s.page.keyboard.press('Enter');
      } else await s.page.goto(`${server.url}/?join=${code}`);
      await s.page.waitForSelector(`#join-0-${role}`);
      if (k === 0) findings.lobby = await axe(s.page);
      await s.page.click(`#join-0-${role}`);
      await s.page.waitForSelector('#seat-title');
      await expect(s.page.locator('#seat-title').textContent()).resolves.toMatch(/^You are /);
      await s.page.waitForSelector('#link-status[data-status="open"]');
    }
    await tp.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('#table-0 .seat-state')
          .length === 3,
    );
    expect(await tp.locator('#table-0 .seat-state').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^taken/)]));
    findings.seat = await axe(students[0]!.page);
    await shot(students[1]!, 'class-seat');
    await shot(students[2]!, 'class-seat');
    await shot(teacher, 'class-dashboard');
    findings['seat on a phone'] = await axe(students[2]!.page);
    // The estimate is marked as one for Lowland, which reads Upland's economy only within ±5.
    await expect(students[1]!.page.locator('#seat-indicators').textContent()).resolves.toMatch(/±5 estimate/);

    // Each open card says what it will do, from the engine's preview computed on the server.
    await expect(students[1]!.page.locator('#seat-actions .choice-effects').first().textContent()).resolves.toMatch(/^What it will do: .+ now/);
    let reloaded = false;
    let advanced = false;
    for (let guard = 0; guard < 12; guard++) {
      const turn = await seatTurn(students[0]!.page);
      if (turn === 0) break;
      await playTurn(students[0]!.page);
      if (!reloaded && turn === 2) {
        // A reload mid-turn: the seat comes back from the token in storage, its table-mate's choice still counted.
        const p = students[1]!.page;
        await p.reload();
        await p.waitForSelector('#seat-title');
        await expect(p.locator('#seat-title').textContent()).resolves.toBe('You are Lowland');
        await expect(p.locator('#seat-others').textContent()).resolves.toMatch(/Upland/);
        reloaded = true;
      }
      if (!advanced && turn === 3) {
        await tp.waitForSelector('#table-0 .seat-state:has-text("submitted")');
        await tp.click('#advance-0');
        advanced = true;
      } else if (turn === 1) {
        // Harbor submits while Lowland's Space is still down: the update that reaches Lowland then must not eat the key.
        await playTurn(students[1]!.page, async () => {
          await playTurn(students[2]!.page);
          await students[1]!.page.waitForTimeout(400);
        });
      } else if (turn === 4) {
        // The same, with Space held past the longest a redraw waits (1.5 s): the redraw replaces the card under the key,
        // and the release on its replacement must still choose it.
        await playTurn(students[1]!.page, async () => {
          await playTurn(students[2]!.page);
          await students[1]!.page.waitForTimeout(1800);
        });
      } else {
        await playTurn(students[1]!.page);
        await playTurn(students[2]!.page);
      }
      for (const s of students)
        await s.page.waitForFunction((t) => {
          const d = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
          return d.querySelector('#seat-ending') !== null || !new RegExp(`turn ${t} of`).test(d.querySelector('#seat-turn')?.textContent ?? '');
        }, turn);
      if (advanced && turn === 3) {
        // The turn the instructor advanced: every seat reads what each role did, and who the AI played for.
        const p = students[0]!.page;
        if ((await p.locator('#seat-ending').count()) === 0) {
          await expect(p.locator('#news').textContent()).resolves.toMatch(/Lowland/);
          await expect(p.locator('#seat-ai-played').textContent()).resolves.toMatch(/^Played by the AI last turn: .*(Lowland|Harbor)/);
        }
      }
    }
    expect(reloaded && advanced).toBe(true);
    for (const s of students) {
      await s.page.waitForSelector('#seat-ending');
      await expect(s.page.locator('#seat-ending-title').textContent()).resolves.toMatch(/^Ending: /);
      await expect(s.page.locator('#seat-score').textContent()).resolves.toMatch(/^Your score: \d+ of \d+ points$/);
      await expect(s.page.locator('#seat-seed').textContent()).resolves.toMatch(/"class-e2e"/);
    }
    findings.ending = await axe(students[0]!.page);
    await shot(students[2]!, 'class-ending');
    await tp.waitForSelector('#table-0-turn:has-text("Over")');
    await tp.waitForSelector('#compare-endings li');
    await expect(tp.locator('#compare-endings li').first().textContent()).resolves.toMatch(/: 1 of 1 table \(Table 1\)$/);

    // The export downloads every table's replay, the CSV and the debrief; the replay verifies in Node.
    const files: Record<string, string> = {};
    const downloads = new Promise<void>((done) => {
      tp.on(
        'download',
        (d) =>
          void d.path().then((path) => {
            files[d.suggestedFilename()] = readFileSync(path, 'utf8');
            if (Object.keys(files).length === 3) done();
          }),
      );
    });
    await tp.click('#export-class');
    await downloads;
    expect(Object.keys(files).sort()).toEqual([`class-${code}-debrief.md`, `class-${code}-table-1.replay.json`, `class-${code}.csv`]);
    const replay = JSON.parse(files[`class-${code}-table-1.replay.json`]!) as Replay;
    const check = verifyReplay(nodeScenario('tutorial'), replay);
    expect(check.ok).toBe(true);
    expect(check.ok && check.state.over).toBe(true);
    expect(Object.keys(replay.turns[2]!.choices).sort()).toEqual(['harbor', 'lowland', 'upland']);
    expect(files[`class-${code}.csv`]!.split('\n')[0]).toMatch(/^table,/);

    // The projector shows the code and the tables, never the seed or a token.
    const wall = await open();
    await wall.page.goto(`${server.url}/?project=${code}`);
    await wall.page.waitForSelector('#project-table-0');
    await expect(wall.page.locator('#projector-code').textContent()).resolves.toBe(code);
    const shown = await wall.page.locator('#classroom').innerText();
    expect(shown).not.toContain('class-e2e');
    expect(shown).not.toContain(secret.split('.').pop()!);
    findings.projector = await axe(wall.page);

    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((k) => [k, []])));
    // The refused upload is the teacher's only problem (the browser logs its 400 too).
    expect(await problemsOf(teacher)).toEqual([
      `HTTP 400 for ${server.url}/api/sessions`,
      'console error: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    for (const [k, s] of [...students, wall].entries()) expect([k, await problemsOf(s)]).toEqual([k, []]);
  });

  it("carries pause, the AI seat, a server restart and the end of the game to the students' screens", async () => {
    const { code, token } = await createClass({ scenario: 'tutorial', seed: 'controls', tables: 1, humans: ['upland', 'lowland'] });
    const teacher = await open();
    const tp = teacher.page;
    await tp.goto(`${server.url}/?dashboard=${code}#instructor=${code}.${token}`);
    await tp.waitForSelector('#pause-0');
    const [a, b] = [await open(), await open(PHONE)];
    for (const [s, role] of [
      [a, 'upland'],
      [b, 'lowland'],
    ] as const) {
      await s.page.goto(`${server.url}/?join=${code}`);
      await s.page.click(`#join-0-${role}`);
      await s.page.waitForSelector('#seat-submit');
    }
    await tp.click('#pause-0');
    await a.page.waitForSelector('#seat-hold:has-text("paused")');
    expect(await a.page.locator('#seat-submit').count()).toBe(0);
    await tp.click('#pause-0:has-text("Resume")');
    await a.page.waitForSelector('#seat-submit');

    await tp.click('#table-0 tr[data-role="lowland"] button:has-text("Hand to the AI")');
    await b.page.waitForSelector('#seat-hold:has-text("AI")');
    // The AI has chosen for this turn at once; given back, the seat is the student's from the next turn.
    await tp.click('#table-0 tr[data-role="lowland"] button:has-text("Take back from the AI")');
    await b.page.waitForSelector('#seat-submitted');
    await playTurn(a.page);
    await b.page.waitForSelector('#seat-turn:has-text("turn 2 of")');
    await b.page.waitForSelector('#seat-submit');

    // The server stops and starts again on the same port and data: every device says so and comes back by itself.
    const port = new URL(server.url).port;
    await server.close();
    await a.page.waitForSelector('#link-status[data-status="reconnecting"]');
    await expect(a.page.locator('#link-status').textContent()).resolves.toMatch(/^Reconnecting…/);
    server = await startServer({ port: Number(port), host: '127.0.0.1', data, site: join(ROOT, 'dist'), scenarios: join(ROOT, 'scenarios') });
    for (const s of [a, b, teacher]) await s.page.waitForSelector('#link-status[data-status="open"]', { timeout: 20_000 });
    await expect(b.page.locator('#seat-turn').textContent()).resolves.toMatch(/turn 2 of/);
    await playTurn(b.page);
    await a.page.waitForSelector('#seat-others:has-text("Lowland")');

    // The instructor frees a seat: its old device is told and sent back to the lobby, where the role is free again.
    await tp.click('#table-0 tr[data-role="upland"] button:has-text("Free the seat")');
    await a.page.waitForSelector('#join-0-upland');
    await expect(a.page.locator('#class-refused').textContent()).resolves.toMatch(/another device/);
    await a.page.click('#join-0-upland');
    await a.page.waitForSelector('#seat-title');

    await tp.click('#end-0');
    await tp.click('#end-confirm');
    for (const s of [a, b]) {
      await s.page.waitForSelector('#seat-ending');
      await expect(s.page.locator('#seat-ending-title').textContent()).resolves.toBe('Ending: Stopped by the instructor');
      await expect(s.page.locator('#seat-seed').textContent()).resolves.toMatch(/"controls"/);
    }
    await tp.waitForSelector('#table-0-turn:has-text("Ended by you")');
    // While the server was down for its restart, a reconnect attempt can fail, and Chromium logs that failure itself.
    const downtime = /^console error: (WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ws' failed|Failed to load resource: net::ERR_CONNECTION_REFUSED)/;
    for (const [k, s] of [teacher, a, b].entries()) expect([k, (await problemsOf(s)).filter((p) => !downtime.test(p))]).toEqual([k, []]);
  });

  it('hands a seat to a student through the seat link the dashboard copies, and says so plainly when that seat is taken', async () => {
    const { code, token } = await createClass({ scenario: 'tutorial', seed: 'links', tables: 1, humans: ['upland', 'lowland'] });
    const teacher = await open();
    const tp = teacher.page;
    await teacher.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await tp.goto(`${server.url}/?dashboard=${code}#instructor=${code}.${token}`);
    const copy = tp.locator('#table-0 tr[data-role="upland"] button:has-text("Copy seat link")');
    await copy.waitFor();
    const link = (await copy.getAttribute('data-seat-link'))!;
    expect(link).toBe(`${server.url}/?join=${code}&seat=1-upland`);
    await copy.focus();
    await tp.keyboard.press('Enter');
    await tp.waitForSelector('#toast:has-text("Copied the seat link for Upland at table 1")');
    await expect(
      tp.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()),
    ).resolves.toBe(link);

    // The link takes the seat by itself; the dashboard then offers to free it instead of a link to it.
    const first = await open();
    await first.page.goto(link);
    await expect(first.page.locator('#seat-title').textContent()).resolves.toBe('You are Upland');
    await tp.waitForSelector('#table-0 tr[data-role="upland"] button:has-text("Free the seat")');
    expect(await tp.locator('#table-0 tr[data-role="upland"] button:has-text("Copy seat link")').count()).toBe(0);

    // A second device with the same link is told the seat is taken and offered the roles still free.
    const second = await open(PHONE);
    await second.page.goto(link);
    await second.page.waitForSelector('#join-0-lowland');
    await expect(second.page.locator('#class-refused').textContent()).resolves.toMatch(/Upland at table 1, is taken/);
    expect(await second.page.locator('#join-0-upland').count()).toBe(0);
    for (const [k, s] of [teacher, first, second].entries()) expect([k, await problemsOf(s)]).toEqual([k, []]);
  });

  it('counts a timed turn down on the seat and the dashboard, then lets the AI play the seat that did not choose', async () => {
    const { code, token } = await createClass({ scenario: 'tutorial', seed: 'timed', tables: 1, humans: ['upland'], timer: 4 });
    const teacher = await open();
    await teacher.page.goto(`${server.url}/?dashboard=${code}#instructor=${code}.${token}`);
    await teacher.page.waitForSelector('#pause-0');
    const student = await open();
    const p = student.page;
    await p.goto(`${server.url}/?join=${code}`);
    await p.click('#join-0-upland');
    await p.waitForSelector('#seat-turn:has-text("turn 1 of")');
    // The clock starts once the seat is taken and reads minutes and seconds, on the seat and on the dashboard.
    await p.waitForSelector('#seat-clock:has-text("Time left this turn: 0:0")');
    await teacher.page.waitForFunction(() =>
      /0:0\d/.test(
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('#table-0 .clock')
          ?.textContent ?? '',
      ),
    );
    // Nobody submits: when the time is up the AI plays the seat, and the student reads that it did.
    await p.waitForSelector('#seat-turn:has-text("turn 2 of")', { timeout: 15_000 });
    await expect(p.locator('#seat-ai-played').textContent()).resolves.toMatch(/^Played by the AI last turn: .*\byou\b/);
    await p.waitForSelector('#seat-clock:has-text("Time left this turn")');
    for (const [k, s] of [teacher, student].entries()) expect([k, await problemsOf(s)]).toEqual([k, []]);
  });
});
