// A complete game of the tutorial by keyboard alone: Tab, arrows, Enter, digits, "?", Esc; results announced.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, focusedId, launch, openApp, phase, problemsOf, shot, tabTo, waitPhase, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

describe('keyboard only', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('plays the tutorial to its ending without a mouse', async () => {
    const { page } = s;
    await openApp(s);
    expect((await phase(page)).name).toBe('title');
    await page.keyboard.press('?');
    await page.waitForSelector('dialog[open]');
    await shot(s, 'keys-dialog');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[open]', { state: 'detached' });

    await tabTo(page, 'scenario-tutorial');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'setup');
    await tabTo(page, 'seat-upland');
    await page.keyboard.press('ArrowRight');
    expect(await focusedId(page)).toBe('seat-lowland');
    await tabTo(page, 'seed');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('keyboard-seed');
    await tabTo(page, 'start');
    await page.keyboard.press('Enter');

    await waitPhase(page, 'briefing', 0);
    await tabTo(page, 'begin');
    await page.keyboard.press(' ');
    await waitPhase(page, 'main', 0);

    await tabTo(page, 'indicator-tension');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open] #why-body');
    expect(await page.locator('dialog[open] h2').textContent()).toContain('River tension');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    expect(await focusedId(page)).toBe('indicator-tension');

    for (let turn = 0; turn < 12; turn++) {
      const p = await phase(page);
      if (p.name === 'ending') break;
      if (p.name === 'main') {
        if (await page.locator('dialog[open]').count()) await page.keyboard.press('1');
        const cards = await page.$$eval('#controls button[id^="action-"]', (els) => els.map((e) => e.getAttribute('aria-disabled') !== 'true'));
        const n = cards.indexOf(true) + 1;
        expect(n).toBeGreaterThan(0);
        await page.keyboard.press(String(n));
        expect(await focusedId(page)).toBe('end-turn');
        await page.keyboard.press('Enter');
        await waitPhase(page, 'resolution');
        await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).document.getElementById('live')?.textContent ?? '').startsWith('Results of'));
        expect(await focusedId(page)).toBe('continue');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => ['main', 'ending'].includes((globalThis as unknown as PageGlobals).__statecraft.phase().name));
        await page.waitForTimeout(200);
      }
    }
    await waitPhase(page, 'ending');
    const endingTitle = (await page.locator('#ending-text h2').textContent()) ?? '';
    expect(endingTitle).toBeTruthy();
    await tabTo(page, 'tab-charts');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#chart-tension');
    await tabTo(page, 'tab-timeline');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#timeline table');
    expect(await page.locator('#timeline tbody tr').count()).toBeGreaterThan(0);

    // The printable debrief downloads from the keyboard too, and tells the ending shown on screen.
    await tabTo(page, 'export-debrief');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.debrief\.md$/);
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toMatch(/^# Debrief: /);
    expect(md).toContain(`## Ending: ${endingTitle}`);
    expect(md).toContain('## Timeline');
    expect(await problemsOf(s)).toEqual([]);
  });
});
