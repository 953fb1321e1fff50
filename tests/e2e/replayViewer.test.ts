// The replay viewer: a replay recorded in Node opened by the file picker and by drag-and-drop, verified, stepped through
// with buttons and arrow keys (choices, odds, events, indicators, "Why?", objectives); a tampered one refused naming the
// turn; and the visible, announced confirmation after an export.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGame, recordReplay, step, type Replay } from '../../src/engine/compiler.js';
import { nodeScenario } from './engineNode.js';
import { dropFiles, endTurnsToEnding } from './flows.js';
import { clickAt, close, focusedId, launch, openApp, phase, problemsOf, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

const sc = nodeScenario('party-congress');

function allAiReplay(seed: string): Replay {
  let s = createGame(sc, { seed });
  while (!s.over) s = step(sc, s, {}).state;
  return recordReplay(sc, s);
}

const text = (page: Page, selector: string) =>
  page
    .locator(selector)
    .textContent()
    .then((t) => t ?? '');

describe('replay viewer', () => {
  let s: Session;
  const replay = allAiReplay('viewer-1');
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it("verifies a picked replay and steps through it by buttons and arrow keys, showing every screen's information", async () => {
    const { page } = s;
    await openApp(s);
    await page.setInputFiles('#scenario-file', {
      name: 'group-1.replay.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(replay, null, 2)),
    });
    await page.waitForSelector('#replay-viewer[open]');
    const n = replay.turns.length;
    expect(await text(page, '#replay-summary')).toContain('verified');
    expect(await text(page, '#replay-turn-title')).toContain(`Turn 1 of ${n}`);
    expect(await page.locator('#replay-choices tbody tr').count()).toBe(sc.actors.length);
    const choices = await text(page, '#replay-choices');
    for (const a of sc.def.actors) expect(choices).toContain(a.name);
    const labels = sc.def.actions.filter((a) => Object.values(replay.turns[0]!.choices).some((c) => c.action === a.id)).map((a) => a.label);
    for (const l of labels) expect(choices).toContain(l);
    expect(await page.locator('#replay-indicators tbody tr').count()).toBe(sc.indicators.length);
    expect(await text(page, '#replay-objectives')).toMatch(/met/);
    expect(await page.locator('#replay-prev').isDisabled()).toBe(true);
    expect(await focusedId(page)).toBe('replay-next');

    await page.locator('#replay-next').click();
    expect(await text(page, '#replay-turn-title')).toContain(`Turn 2 of ${n}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await text(page, '#replay-turn-title')).toContain(`Turn 4 of ${n}`);
    await page.keyboard.press('ArrowLeft');
    expect(await text(page, '#replay-turn-title')).toContain(`Turn 3 of ${n}`);
    // Turn 3's indicators as recorded, the first one as the viewer rounds it.
    const first = replay.turns[2]!.indicators[0]!;
    const shown = await text(page, '#replay-indicators tbody tr:first-child td:nth-child(3)');
    expect(Number(shown.replace('−', '-'))).toBeCloseTo(first, 0);
    await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).document.getElementById('live')?.textContent ?? '').includes('Turn 3'));

    await page.locator(`#replay-why-${sc.indicators[0]!.id}`).click();
    await page.waitForSelector('#why-body');
    expect(await text(page, '#why-body')).toContain('This turn');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#why-body', { state: 'detached' });
    expect(await text(page, '#replay-turn-title')).toContain(`Turn 3 of ${n}`);
    await page.keyboard.press('End');
    expect(await text(page, '#replay-turn-title')).toContain(`Turn ${n} of ${n}`);
    expect(await page.locator('#replay-next').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#replay-viewer', { state: 'detached' });
    expect((await phase(page)).name).toBe('title');
    expect(await problemsOf(s)).toEqual([]);
  });

  it('opens a dropped replay in the viewer', async () => {
    const { page } = s;
    await openApp(s);
    await dropFiles(page, [{ name: 'dropped.replay.json', text: JSON.stringify(allAiReplay('viewer-2')) }]);
    await page.waitForSelector('#replay-viewer[open]');
    expect(await text(page, '#replay-summary')).toContain('dropped.replay.json');
    await page.keyboard.press('Escape');
    expect(await problemsOf(s)).toEqual([]);
  });

  it('refuses a tampered replay, naming the turn, the file position and the message from verifyReplay', async () => {
    const { page } = s;
    await openApp(s);
    const tampered = structuredClone(replay);
    const t3 = tampered.turns[2]!;
    const actor = Object.keys(t3.choices)[0]!;
    t3.choices[actor] = { action: 'pass' };
    if (replay.turns[2]!.choices[actor]!.action === 'pass') t3.choices[actor] = { action: replay.turns[0]!.choices[actor]!.action };
    const body = JSON.stringify(tampered, null, 2);
    await page.setInputFiles('#scenario-file', { name: 'tampered.replay.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    await page.waitForSelector('#file-errors .diag');
    const shown = await text(page, '#file-errors');
    const line = body.slice(0, body.indexOf('"turn": 3')).split('\n').length - 1;
    expect(shown).toContain(`tampered.replay.json:${line}:`);
    expect(shown).toMatch(/turn 3/);
    expect(shown).toContain('at turns[2]');
    expect(await text(page, '#alert')).toContain('refused');
    expect(await page.locator('#replay-viewer').count()).toBe(0);
    expect((await phase(page)).name).toBe('title');
    expect(await problemsOf(s)).toEqual([]);
  });

  it('refuses a replay of a scenario that is not bundled, and a file that only claims to be a replay, with clear messages', async () => {
    const { page } = s;
    await openApp(s);
    const other = { ...replay, scenario: { ...replay.scenario, id: 'elsewhere' } };
    const body = JSON.stringify(other, null, 2);
    await page.setInputFiles('#scenario-file', { name: 'other.replay.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    await page.waitForFunction(() =>
      ((globalThis as unknown as PageGlobals).document.querySelector('#file-errors')?.textContent ?? '').includes('other.replay.json'),
    );
    const line = body.slice(0, body.indexOf('"elsewhere"')).split('\n').length;
    expect(await text(page, '#file-errors')).toContain(`other.replay.json:${line}:`);
    expect(await text(page, '#file-errors')).toContain('"elsewhere", which is not bundled');
    expect(await text(page, '#file-errors')).toContain('at scenario.id');

    const claims = JSON.stringify({ ...replay, seed: 7, turns: replay.turns.map((t, i) => (i === 1 ? { ...t, hash: 'tampered' } : t)) }, null, 2);
    await page.setInputFiles('#scenario-file', { name: 'claims.json', mimeType: 'application/json', buffer: Buffer.from(claims) });
    await page.waitForFunction(() =>
      ((globalThis as unknown as PageGlobals).document.querySelector('#file-errors')?.textContent ?? '').includes('claims.json'),
    );
    const listed = await page.locator('#file-errors .diag').allTextContents();
    const lineOf = (needle: string) => claims.slice(0, claims.indexOf(needle)).split('\n').length;
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(
      new RegExp(`^claims\\.json:${lineOf('"seed": 7')}:11 error: not a valid replay: expected a string, got the number 7\\s+at seed$`),
    );
    expect(listed[1]).toMatch(new RegExp(`^claims\\.json:${lineOf('"tampered"')}:\\d+ error: not a valid replay: .*\\s+at turns\\[1\\]\\.hash$`));
    expect(await page.locator('#replay-viewer').count()).toBe(0);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('confirms each export on screen and to screen readers', async () => {
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=export-confirm');
    await endTurnsToEnding(page);
    for (const [id, ending] of [
      ['#export-debrief', '.debrief.md'],
      ['#export-csv', '.history.csv'],
      ['#export-replay', '.replay.json'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), clickAt(page, id)]);
      const name = download.suggestedFilename();
      expect(name.endsWith(ending)).toBe(true);
      await page.waitForSelector('#toast:not([hidden])');
      expect(await text(page, '#toast')).toContain(`Saved ${name}`);
      await page.waitForFunction(
        (n) => ((globalThis as unknown as PageGlobals).document.getElementById('live')?.textContent ?? '').includes(`Saved ${n}`),
        name,
      );
    }
    expect(await problemsOf(s)).toEqual([]);
  });
});
