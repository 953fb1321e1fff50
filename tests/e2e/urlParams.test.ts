// Links an instructor hands out start a game directly; bad values give a message on the title screen, never a blank page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, gameState, launch, openApp, phase, problemsOf, waitPhase, type Session } from './helpers.js';

describe('URL parameters', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('starts the game a link describes', async () => {
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=abc&human=upland,lowland');
    await waitPhase(page, 'handover', 0);
    const g = await gameState(page);
    expect(g.seed).toBe('abc');
    expect(g.seats).toEqual({ upland: 'human', lowland: 'human', harbor: 'ai' });
    await page.reload();
    await waitPhase(page, 'handover', 0);
    expect((await gameState(page)).seed).toBe('abc');
  });

  it.each([
    ['?scenario=atlantis&seed=1', /not bundled.*tutorial/],
    ['?scenario=tutorial&human=martians', /"martians".*Actors: upland, lowland, harbor/],
    ['?scenario=tutorial&fuzz=2', /fuzz/],
    ['?seed=abc', /no scenario/],
    ['?scenario=%3Cscript%3E', /not a valid scenario id/],
  ])('explains a bad link %s', async (query, message) => {
    const { page } = s;
    await page.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear());
    await openApp(s, query);
    await waitPhase(page, 'title');
    expect((await phase(page)).name).toBe('title');
    expect(await page.locator('#messages').textContent()).toMatch(message);
    expect(await page.locator('#scenario-tutorial').count()).toBe(1);
    expect(await problemsOf(s)).toEqual([]);
  });
});
