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

/** Plays the game on by mouse to its ending screen, ending every turn with the cards as they are. */
export async function endTurnsToEnding(page: Page, maxSteps = 30): Promise<void> {
  for (let i = 0; i < maxSteps && (await phase(page)).name !== 'ending'; i++) {
    const p = await phase(page);
    await waitPhase(page, p.name, p.seat);
    await clickAt(page, p.name === 'main' ? '#end-turn' : '#continue');
    await waitPhaseChange(page, p);
  }
  await waitPhase(page, 'ending');
}

/** Drops files (name and text) onto the page as a drag-and-drop from the desktop would. */
export async function dropFiles(page: Page, files: ReadonlyArray<{ name: string; text: string }>): Promise<void> {
  await page.evaluate((list) => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(f: unknown): void } };
      File: new (b: string[], n: string, o: object) => unknown;
      dispatchEvent(e: unknown): void;
      DragEvent: new (t: string, o: object) => unknown;
    };
    const dt = new g.DataTransfer();
    for (const f of list) dt.items.add(new g.File([f.text], f.name, { type: 'application/json' }));
    g.dispatchEvent(new g.DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    g.dispatchEvent(new g.DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}
