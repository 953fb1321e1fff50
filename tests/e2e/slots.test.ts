// Saved games you can trust: several kept and listed, a new game or a link never overwrites one, two tabs on one game
// lose no move, and the briefing has a way back to the title.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { playSeat, toNextMain } from './flows.js';
import type { PageGlobals } from './pageTypes.js';
import { clearStorage, clickAt, close, hash, launch, openApp, phase, problemsOf, storedSaves, waitPhase, type Session } from './helpers.js';

const RESUME = '#controls button[id^="resume-"]';

/** The accessible names of the saved games the title lists, newest first. */
async function listed(page: Page): Promise<string[]> {
  return page.locator(`${RESUME} .twin-label`).allTextContents();
}

describe('several saved games', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('keeps two games, lists both with scenario, roles, turn and time, and resumes each where it was', async () => {
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=slots-a&human=upland');
    await waitPhase(page, 'briefing', 0);
    expect(await toNextMain(page)).toBe('main');
    await playSeat(page);
    await waitPhase(page, 'resolution');
    expect(await toNextMain(page)).toBe('main');
    const a = await hash(page);
    await clickAt(page, '#menu');
    await waitPhase(page, 'title');
    expect(await listed(page)).toEqual([expect.stringMatching(/^Continue Tutorial: the river dispute: Upland, turn 2, saved today \d\d:\d\d$/)]);

    // "Start the game" with a game in progress saves the new one beside it.
    await clickAt(page, '#scenario-tutorial');
    await waitPhase(page, 'setup');
    await clickAt(page, '#seat-upland');
    await clickAt(page, '#seat-lowland');
    expect((await page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.texts())).map((t) => t.text)).toContain(
      'Your saved game is kept: this game is saved beside it.',
    );
    await clickAt(page, '#start');
    await waitPhase(page, 'briefing', 0);
    const b = await hash(page);
    expect(b).not.toBe(a);
    expect(Object.keys(await storedSaves(page))).toHaveLength(2);

    // The briefing's way back to the title.
    await clickAt(page, '#briefing-title');
    await waitPhase(page, 'title');
    const names = await listed(page);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/: Lowland, turn 1, saved today/);
    expect(names[1]).toMatch(/: Upland, turn 2, saved today/);

    await clickAt(page, `${RESUME} >> nth=1`);
    await waitPhase(page, 'main', 0);
    expect(await hash(page)).toBe(a);
    await clickAt(page, '#menu');
    await waitPhase(page, 'title');
    // Resuming without a move leaves the order alone; the other game resumes on its briefing.
    const again = await listed(page);
    await clickAt(page, `${RESUME} >> nth=${again.findIndex((n) => n.includes('Lowland'))}`);
    await waitPhase(page, 'briefing', 0);
    expect(await hash(page)).toBe(b);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('starts a ?scenario= link with a game in progress in a slot of its own, leaving the saved game as it was', async () => {
    const { page } = s;
    await clearStorage(page);
    await openApp(s, '?scenario=tutorial&seed=slots-b&human=upland');
    await waitPhase(page, 'briefing', 0);
    const before = await storedSaves(page);
    expect(Object.keys(before)).toHaveLength(1);
    await openApp(s, '?scenario=tutorial&seed=slots-c&human=lowland');
    await waitPhase(page, 'briefing', 0);
    const after = await storedSaves(page);
    expect(Object.keys(after)).toHaveLength(2);
    for (const [k, v] of Object.entries(before)) expect(after[k]).toBe(v);
    // The same link again resumes its own game rather than starting a third.
    await openApp(s, '?scenario=tutorial&seed=slots-b&human=upland');
    await waitPhase(page, 'briefing', 0);
    expect(Object.keys(await storedSaves(page))).toHaveLength(2);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('asks before deleting a saved game, and deletes only that one', async () => {
    const { page } = s;
    await clickAt(page, '#briefing-title');
    await waitPhase(page, 'title');
    expect(await listed(page)).toHaveLength(2);
    await clickAt(page, '#controls button[id^="delete-"]');
    await page.locator('dialog[open] #keep-save').waitFor();
    await clickAt(page, 'dialog[open] #keep-save');
    expect(await listed(page)).toHaveLength(2);
    await clickAt(page, '#controls button[id^="delete-"]');
    await clickAt(page, 'dialog[open] #confirm-delete');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(q: string): { length: number } } }).document.querySelectorAll(
          '#controls button[id^="resume-"]',
        ).length === 1,
    );
    expect(Object.keys(await storedSaves(page))).toHaveLength(1);
    expect(await problemsOf(s)).toEqual([]);
  });
});

describe('one game in two tabs', () => {
  let s: Session;
  let second: Page | null = null;
  beforeAll(async () => {
    s = await launch();
  });
  afterEach(async () => {
    await second?.close();
    second = null;
  });
  afterAll(async () => {
    await close(s);
  });

  it('tells the second tab, lets it take over, tells the first, and loses no move either way', async () => {
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=two-tabs&human=upland');
    expect(await toNextMain(page)).toBe('main');
    await playSeat(page);
    await waitPhase(page, 'resolution');
    expect(await toNextMain(page)).toBe('main');
    const first = await hash(page);

    // A second tab opens the same game (the last screen was a game): it is told, not given a second copy.
    second = await s.ctx.newPage();
    await second.goto(page.url().split('?')[0]!);
    await second.waitForFunction(() => {
      const g = globalThis as unknown as PageGlobals;
      return g.__statecraft?.ready() && !!g.document.getElementById('take-over');
    });
    expect((await phase(second)).name).toBe('title');
    expect(await second.locator('#take-over .twin-label').textContent()).toBe('Take over Tutorial: the river dispute here');

    await clickAt(second, '#take-over');
    await waitPhase(second, 'main', 0);
    expect(await hash(second)).toBe(first);
    // The first tab is told, stops saving, and offers to take the game back.
    await page.waitForSelector('#take-over', { timeout: 10_000 });
    expect((await phase(page)).name).toBe('title');

    await playSeat(second);
    await waitPhase(second, 'resolution');
    const moved = await hash(second);
    expect(moved).not.toBe(first);

    await clickAt(page, '#take-over');
    await waitPhase(page, 'resolution');
    expect(await hash(page)).toBe(moved);
    await second.waitForSelector('#take-over', { timeout: 10_000 });
    const saved = Object.values(await storedSaves(page));
    expect(saved).toHaveLength(1);
    expect(JSON.parse(saved[0]!).hash).toBe(moved);
    expect(await problemsOf(s)).toEqual([]);
  });
});
