// Two humans on one screen: hand-over screens hide each seat's choice from the next; the result matches Node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHash, nodeScenario } from './engineNode.js';
import { pickFirstAvailable } from './flows.js';
import { clickAt, close, gameState, hash, launch, openApp, problemsOf, seatActor, waitPhase, type Session } from './helpers.js';

describe('hot-seat', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('hands the screen over between two human seats and hides the earlier choice', async () => {
    const { page } = s;
    await openApp(s);
    await clickAt(page, '#scenario-tutorial');
    await waitPhase(page, 'setup');
    await clickAt(page, '#seat-lowland');
    await clickAt(page, '#start');
    for (const seat of [0, 1]) {
      await waitPhase(page, 'handover', seat);
      expect(await seatActor(page)).toBe(seat === 0 ? 'upland' : 'lowland');
      await clickAt(page, '#ready');
      await waitPhase(page, 'briefing', seat);
      await clickAt(page, '#begin');
    }
    for (let turn = 0; turn < 2; turn++) {
      await waitPhase(page, 'handover', 0);
      await clickAt(page, '#ready');
      await waitPhase(page, 'main', 0);
      const chosen = await pickFirstAvailable(page);
      const label = (await page.locator(`#action-${chosen} .twin-label`).textContent())!.replace(/^\d+\.\s*/, '').replace(/ \(selected\)$/, '');
      await clickAt(page, '#end-turn');
      await waitPhase(page, 'handover', 1);
      const visible = `${await page.locator('#controls').textContent()} ${await page.locator('#live').textContent()}`;
      expect(visible).not.toContain(label);
      expect(visible).toContain('Lowland');
      await clickAt(page, '#ready');
      await waitPhase(page, 'main', 1);
      expect(await page.locator('#controls [aria-pressed="true"][id^="action-"]').count()).toBe(0);
      expect(await page.locator('#controls').textContent()).not.toContain(`${label} (selected)`);
      if (await page.locator('dialog[open] .option').count()) await clickAt(page, 'dialog[open] .option');
      await pickFirstAvailable(page);
      await clickAt(page, '#end-turn');
      await waitPhase(page, 'resolution');
      await clickAt(page, '#continue');
      if ((await gameState(page)).over) break;
    }
    const g = await gameState(page);
    expect(g.seats).toEqual({ upland: 'human', lowland: 'human', harbor: 'ai' });
    const turns = g.history.filter((h) => h.turn > 0).map((h) => h.choices);
    expect(turns.length).toBe(2);
    expect(Object.keys(turns[0]!).sort()).toEqual(['harbor', 'lowland', 'upland']);
    expect(await hash(page)).toBe(nodeHash(nodeScenario('tutorial'), g.seed, { upland: 'human', lowland: 'human', harbor: 'ai' }, null, turns));
    expect(await problemsOf(s)).toEqual([]);
  });
});
