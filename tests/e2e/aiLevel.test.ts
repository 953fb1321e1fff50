// The AI difficulty chosen on the setup screen: kept in the game (and its autosave), shown on the briefing, kept on reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, close, focusedId, gameState, launch, openApp, problemsOf, waitPhase, type Session, clearStorage, onlySave } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

describe('AI difficulty', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('is chosen in setup, saved with the game and shown on the briefing', async () => {
    const { page } = s;
    await openApp(s);
    await clickAt(page, '#scenario-tutorial');
    await waitPhase(page, 'setup');
    expect(await page.locator('#ai-level .twin-label').textContent()).toBe('AI difficulty: normal');
    await clickAt(page, '#ai-level');
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.querySelector('#ai-level .twin-label')?.textContent === 'AI difficulty: erratic',
    );
    expect(await focusedId(page)).toBe('ai-level');
    await clickAt(page, '#start');
    await waitPhase(page, 'briefing', 0);
    expect(await page.locator('#briefing-ai').textContent()).toContain('AI difficulty: erratic');
    expect(((await gameState(page)) as unknown as { aiFuzz: number | null }).aiFuzz).toBe(0.8);
    const saved = JSON.parse(await onlySave(page)) as { aiFuzz?: unknown };
    expect(saved.aiFuzz).toBe(0.8);

    await page.reload();
    await waitPhase(page, 'briefing', 0);
    expect(await page.locator('#briefing-ai').textContent()).toContain('AI difficulty: erratic');
    expect(await problemsOf(s)).toEqual([]);
  });

  it('plays sharp when asked', async () => {
    const { page } = s;
    await clearStorage(page);
    await openApp(s);
    await clickAt(page, '#scenario-tutorial');
    await waitPhase(page, 'setup');
    await clickAt(page, '#ai-level');
    await clickAt(page, '#ai-level');
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.querySelector('#ai-level .twin-label')?.textContent === 'AI difficulty: sharp',
    );
    await clickAt(page, '#start');
    await waitPhase(page, 'briefing', 0);
    expect(await page.locator('#briefing-ai').textContent()).toContain('AI difficulty: sharp');
    expect(((await gameState(page)) as unknown as { aiFuzz: number | null }).aiFuzz).toBe(0);
    expect(await problemsOf(s)).toEqual([]);
  });
});
