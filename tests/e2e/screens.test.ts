// Screenshots of every screen at 1280x720 and 390x844, written to screenshots/ (ignored by git) on each run.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FLAGSHIP } from './engineNode.js';
import { answerDilemmaIfAny, pickFirstAvailable, toNextMain } from './flows.js';
import { clickAt, close, DESKTOP, launch, openApp, phase, PHONE, problemsOf, ROOT, shot, waitPhase, waitPhaseChange, type Session } from './helpers.js';

const scenario = FLAGSHIP;
const humans = ['nk', 'sk'];

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('screens at %s size', (_name, size) => {
  let s: Session | null = null;
  afterEach(async () => {
    if (s) await close(s);
    s = null;
  });

  it('title, keys, broken file, setup, hand-over, briefing, main, why, actor, dilemma, resolution', async () => {
    s = await launch(size);
    const { page } = s;
    await openApp(s);
    await shot(s, 'title');
    await page.keyboard.press('?');
    await page.waitForSelector('dialog[open]');
    await shot(s, 'keys');
    await page.keyboard.press('Escape');
    await page.setInputFiles('#scenario-file', join(ROOT, 'tests/e2e/fixtures/broken-schema.json'));
    await page.waitForSelector('#file-errors .diag');
    await page.waitForTimeout(300);
    await shot(s, 'broken-file');
    await clickAt(page, `#scenario-${scenario}`);
    await waitPhase(page, 'setup');
    await clickAt(page, `#seat-${humans[1]}`);
    await shot(s, 'setup');
    await clickAt(page, '#start');
    await waitPhase(page, 'handover', 0);
    await shot(s, 'handover');
    await clickAt(page, '#ready');
    await waitPhase(page, 'briefing', 0);
    await shot(s, 'briefing');
    expect(await toNextMain(page)).toBe('main');
    await shot(s, 'main');
    if (size === PHONE) {
      await clickAt(page, '#tab-indicators');
      await waitPhase(page, 'main');
      await shot(s, 'main-indicators');
      await clickAt(page, '#tab-news');
      await waitPhase(page, 'main');
      await shot(s, 'main-news');
      await clickAt(page, '#tab-indicators');
      await waitPhase(page, 'main');
    }
    await clickAt(page, '#controls button[id^="indicator-"]');
    await page.waitForSelector('dialog[open] #why-body');
    await shot(s, 'why');
    await page.keyboard.press('Escape');
    await clickAt(page, `#actor-${humans[0]}`);
    await page.waitForSelector('dialog[open] .stance-list');
    await shot(s, 'actor');
    await clickAt(page, 'dialog[open] .stance-list button');
    await page.waitForSelector('dialog[open] #why-body');
    await shot(s, 'why-stance');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    if (size === PHONE) {
      await clickAt(page, '#tab-actions');
      await waitPhase(page, 'main');
    }
    for (let turn = 0; turn < 2; turn++) {
      for (let seat = 0; seat < 2; seat++) {
        await toNextMain(page);
        if (await page.locator('dialog[open] .option').count()) {
          await shot(s, 'dilemma');
          await answerDilemmaIfAny(page);
        }
        await pickFirstAvailable(page);
        if (turn === 0 && seat === 0) await shot(s, 'main-selected');
        await clickAt(page, '#end-turn');
      }
      await waitPhase(page, 'resolution');
      if (turn === 0) await shot(s, 'resolution');
    }
    expect(await problemsOf(s)).toEqual([]);
  });

  it('watching the AI, and the ending with charts and the timeline', async () => {
    s = await launch(size);
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=screens&human=');
    await waitPhase(page, 'main', 0);
    await shot(s, 'main-watch');
    for (let i = 0; i < 20 && (await phase(page)).name !== 'ending'; i++) {
      const p = await phase(page);
      await waitPhase(page, p.name, p.seat);
      await clickAt(page, p.name === 'main' ? '#end-turn' : '#continue');
      await waitPhaseChange(page, p);
    }
    await waitPhase(page, 'ending');
    await shot(s, 'ending');
    await clickAt(page, '#tab-charts');
    await page.waitForSelector('#chart-tension');
    await shot(s, 'ending-charts');
    await clickAt(page, '#tab-timeline');
    await page.waitForSelector('#timeline table');
    await shot(s, 'ending-timeline');
    expect(await problemsOf(s)).toEqual([]);
  });
});
