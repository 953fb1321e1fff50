// The flagship played by mouse for several turns; the hash matches Node's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAGSHIP, nodeHash, nodeScenario } from './engineNode.js';
import { answerDilemmaIfAny, pickFirstAvailable, toNextMain } from './flows.js';
import { clickAt, close, gameState, hash, launch, openApp, phase, problemsOf, waitPhase, type Session } from './helpers.js';

const id = FLAGSHIP;

describe(`mouse play of ${id}`, () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('sets up by mouse, reads why, answers dilemmas and plays four turns', async () => {
    const { page } = s;
    const sc = nodeScenario(id);
    const first = sc.def.actors[0]!.id;
    // The flagship's United States always meets a dilemma by turn 3 (the policy review).
    const human = 'us';
    await openApp(s);
    await clickAt(page, `#scenario-${id}`);
    await waitPhase(page, 'setup');
    await clickAt(page, `#seat-${first}`);
    await clickAt(page, `#seat-${human}`);
    expect(await page.getAttribute(`#seat-${human}`, 'aria-pressed')).toBe('true');
    expect(await page.getAttribute(`#seat-${first}`, 'aria-pressed')).toBe('false');
    await clickAt(page, '#new-seed');
    await clickAt(page, '#start');
    await waitPhase(page, 'briefing', 0);
    expect(await page.locator('#briefing-text').textContent()).toContain('Objectives scored at the end');
    await toNextMain(page);
    // A dilemma may be put on turn 1 (the flagship's party rules); its dialog comes first.
    let dilemmas = (await answerDilemmaIfAny(page)) ? 1 : 0;

    await clickAt(page, '#controls button[id^="indicator-"]');
    await page.waitForSelector('dialog[open] #why-body');
    await clickAt(page, 'dialog[open] .dialog-close');
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    if (await page.locator('#indicators-more').count()) {
      const before = await page.$$eval('#controls button[id^="indicator-"]', (els) => els.map((e) => e.id));
      await clickAt(page, '#indicators-more');
      await page.waitForFunction((b) => {
        const g = globalThis as unknown as { document: { querySelector(s: string): { id: string } | null } };
        return g.document.querySelector('#controls button[id^="indicator-"]')?.id !== b;
      }, before[0]);
    }

    for (let turn = 0; turn < 4; turn++) {
      if ((await toNextMain(page)) === 'ending') break;
      if (await answerDilemmaIfAny(page)) dilemmas += 1;
      await pickFirstAvailable(page);
      expect(await page.getAttribute('#end-turn', 'aria-disabled')).toBeNull();
      await clickAt(page, '#end-turn');
      await waitPhase(page, 'resolution');
      expect(await page.locator('#resolution-transcript').textContent()).toContain('Results of');
      await clickAt(page, '#continue');
      await page.waitForFunction(() => (globalThis as unknown as { __statecraft: { phase(): { name: string } } }).__statecraft.phase().name !== 'resolution');
    }
    expect(dilemmas).toBeGreaterThan(0);
    expect((await phase(page)).name).toMatch(/main|ending/);
    const g = await gameState(page);
    const turns = g.history.filter((h) => h.turn > 0).map((h) => h.choices);
    expect(turns.length).toBeGreaterThanOrEqual(3);
    expect(await hash(page)).toBe(nodeHash(sc, g.seed, g.seats as Record<string, 'human' | 'ai'>, null, turns));
    expect(await problemsOf(s)).toEqual([]);
  });
});
