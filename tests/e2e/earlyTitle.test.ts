// The title screen is usable before the game (Phaser) has loaded: the same controls, in plain DOM, then the game takes over.
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, close, launch, problemsOf, shot, waitPhase, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

describe('title before the game loads', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('shows the scenarios at once and hands a choice made there over to the game', async () => {
    const { page } = s;
    // Hold the game's code back for a while, as a slow network or a busy machine would.
    await page.route(/\/assets\/game-[^/]*\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await page.goto(new URL('', inject('baseUrl')).toString());
    await page.waitForSelector('#controls #scenario-tutorial');
    const early = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return { ready: g.__statecraft.ready(), phase: g.__statecraft.phase().name, focused: g.document.activeElement?.id ?? '' };
    });
    expect(early).toEqual({ ready: false, phase: 'title', focused: 'scenario-party-congress' });
    expect(await page.locator('#controls .early-text', { hasText: 'Choose a scenario' }).count()).toBe(1);
    await shot(s, 'title-early');
    await clickAt(page, '#scenario-tutorial');
    await waitPhase(page, 'setup');
    expect(await page.locator('#controls #start').count()).toBe(1);
    expect(await problemsOf(s)).toEqual([]);
  });
});
