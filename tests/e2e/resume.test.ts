// Reload mid-game resumes exactly where the player was: the same screen, seat, pending hot-seat choice and state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickFirstAvailable } from './flows.js';
import { clickAt, close, gameState, hash, launch, openApp, phase, problemsOf, waitPhase, type Session, onlySave } from './helpers.js';

describe('reload and resume', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('resumes the main screen, the resolution screen and a hot-seat hand-over after a reload', async () => {
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=resume-1&human=upland,lowland');
    await waitPhase(page, 'handover', 0);
    for (const seat of [0, 1]) {
      await clickAt(page, '#ready');
      await waitPhase(page, 'briefing', seat);
      await clickAt(page, '#begin');
      await waitPhase(page, 'handover', seat === 0 ? 1 : 0);
    }
    await clickAt(page, '#ready');
    await waitPhase(page, 'main', 0);
    const uplandChoice = await pickFirstAvailable(page);
    await clickAt(page, '#end-turn');
    await waitPhase(page, 'handover', 1);
    const before = await hash(page);

    await page.reload();
    await waitPhase(page, 'handover', 1);
    expect(await hash(page)).toBe(before);
    await clickAt(page, '#ready');
    await waitPhase(page, 'main', 1);
    await page.reload();
    await waitPhase(page, 'main', 1);
    if (await page.locator('dialog[open] .option').count()) await clickAt(page, 'dialog[open] .option');
    await pickFirstAvailable(page);
    await clickAt(page, '#end-turn');
    await waitPhase(page, 'resolution');
    const g = await gameState(page);
    expect(g.history[1]!.choices['upland']!.action).toBe(uplandChoice);
    const transcript = await page.locator('#resolution-transcript').textContent();
    const afterTurn = await hash(page);

    await page.reload();
    await waitPhase(page, 'resolution');
    expect(await hash(page)).toBe(afterTurn);
    expect(await page.locator('#resolution-transcript').textContent()).toBe(transcript);

    await clickAt(page, '#continue');
    await waitPhase(page, 'handover', 0);
    await clickAt(page, '#ready');
    await waitPhase(page, 'main', 0);
    await clickAt(page, '#menu');
    await waitPhase(page, 'title');
    await page.reload();
    await waitPhase(page, 'title');
    expect(await page.locator('#controls button[id^="resume-"]').count()).toBe(1);
    await clickAt(page, '#controls button[id^="resume-"]');
    await waitPhase(page, 'main', 0);
    expect(await hash(page)).toBe(afterTurn);
    expect(JSON.parse(await onlySave(page)).version).toBe(1);
    expect((await phase(page)).name).toBe('main');
    expect(await problemsOf(s)).toEqual([]);
  });
});
