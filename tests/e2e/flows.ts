// Reusable moves through the app for the browser tests (mouse clicks at on-screen positions).
import type { Page } from 'playwright-core';
import { clickAt, phase, waitPhase, waitPhaseChange } from './helpers.js';

/** Clicks the first action card that is available, returning its id. */
export async function pickFirstAvailable(page: Page): Promise<string> {
  const id = await page.$eval('#controls button[id^="action-"]:not([aria-disabled="true"])', (e) => e.id);
  await clickAt(page, `#${id}`);
  return id.replace(/^action-/, '');
}

/** Answers an open dilemma dialog with its first option by mouse, if one is open. */
export async function answerDilemmaIfAny(page: Page): Promise<boolean> {
  if ((await page.locator('dialog[open] .option').count()) === 0) return false;
  await clickAt(page, 'dialog[open] .option');
  await page.waitForSelector('dialog[open] .option', { state: 'detached' });
  return true;
}

/** From a main screen, plays the current seat's turn by mouse (dilemma, first available card, end turn). */
export async function playSeat(page: Page): Promise<void> {
  await answerDilemmaIfAny(page);
  await pickFirstAvailable(page);
  await clickAt(page, '#end-turn');
}

/** Clicks through hand-overs, briefings and resolutions until a main screen (or the ending) shows. */
export async function toNextMain(page: Page): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const p = await phase(page);
    if (p.name === 'main' || p.name === 'ending') {
      await waitPhase(page, p.name, p.seat);
      return p.name;
    }
    const button = p.name === 'handover' ? '#ready' : p.name === 'briefing' ? '#begin' : p.name === 'resolution' ? '#continue' : null;
    if (!button) throw new Error(`unexpected screen ${p.name}`);
    await waitPhase(page, p.name, p.seat);
    await clickAt(page, button);
    await waitPhaseChange(page, p);
  }
  throw new Error('never reached a main screen');
}
