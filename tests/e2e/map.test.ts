// The map tells the story: labelled insets on the side each country lies, the selected actor's arrows in front with
// their band named, and what the last turn moved marked on the map and in the screen-reader text.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { answerDilemmaIfAny, pickFirstAvailable, playSeat, toNextMain } from './flows.js';
import { clickAt, close, DESKTOP, launch, openApp, phase, PHONE, problemsOf, shot, waitPhase, waitPhaseChange, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

const BANDS = /^(?:[▲▼] )?(hostile|cold|wary|cordial|aligned)$/;
const texts = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.texts());
const summary = (page: Page) => page.locator('#map-summary').textContent();
/** The band names drawn on arrows, with where they sit (not the phone legend's row of band names). */
async function chips(page: Page): Promise<string[]> {
  const drawn = await texts(page);
  const legend = drawn.find((t) => t.text.startsWith('Line style'));
  return drawn
    .filter((t) => BANDS.test(t.text) && !(legend && t.y > legend.y))
    .map((t) => `${t.text}@${Math.round(t.x)},${Math.round(t.y)}`)
    .sort();
}

/** Goes on to the next main screen and answers any dilemma it opens with (which come a moment after the screen). */
async function settleMain(page: Page): Promise<void> {
  expect(await toNextMain(page)).toBe('main');
  await page.waitForTimeout(400);
  while (await answerDilemmaIfAny(page)) await page.waitForTimeout(300);
  await waitPhase(page, 'main');
}

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('the map at %s size', (_name, size) => {
  let s: Session | null = null;
  afterEach(async () => {
    if (s) await close(s);
    s = null;
  });

  it('names each inset, puts Russia west of the United States, and marks what moved once a turn has passed', async () => {
    s = await launch(size);
    const { page } = s;
    await openApp(s, '?scenario=party-congress&seed=map-e2e&human=sk');
    await settleMain(page);
    const drawn = await texts(page);
    const russia = drawn.find((t) => t.text === 'Russia');
    const usa = drawn.find((t) => t.text === 'United States');
    expect(russia, 'the Russia inset is titled').toBeDefined();
    expect(usa, 'the United States inset is titled').toBeDefined();
    expect(russia!.x).toBeLessThan(usa!.x);
    // Each title sits above its own marker's label, inside the inset.
    for (const [title, label] of [
      [russia!, 'RUS'],
      [usa!, 'USA'],
    ] as const) {
      const mark = drawn.find((t) => t.text === label)!;
      expect(title.y + title.h).toBeLessThan(mark.y);
      expect(Math.abs(title.x - mark.x)).toBeLessThan(100);
    }
    expect(await summary(page)).toMatch(/Russia in an inset to the west-north-west, United States in an inset to the east\. The first turn/);
    // South Korea's own four stances carry their band's name; no other actor's do.
    expect(await chips(page)).toHaveLength(4);
    await shot(s, 'map-turn1');

    const before = await chips(page);
    await page.locator('#actor-ru').hover();
    await page.waitForTimeout(100);
    const hovered = await chips(page);
    expect(hovered).toHaveLength(4);
    expect(hovered).not.toEqual(before);
    await page.mouse.move(size.width - 5, size.height - 5);
    await page.waitForTimeout(100);
    expect(await chips(page)).toEqual(before);

    const turn1 = await phase(page);
    await playSeat(page);
    await waitPhaseChange(page, turn1);
    await settleMain(page);
    expect(await summary(page)).toMatch(/Stances moved last turn: [A-Z][a-z].* toward .*(up|down) \d/);
    const badges = (await texts(page)).filter((t) => /^[▲▼] [+−]\d+(\.\d)? [A-Z]{3,4}$/.test(t.text));
    expect(badges.length, 'the countries whose stance moved most carry a ▲/▼ badge').toBeGreaterThan(0);
    expect(await page.locator('#actor-sk-desc').textContent()).toMatch(/toward North Korea: /);
    await shot(s, 'map-turn2');
    // The README's screenshot (docs/screenshot.png is a copy): turn 3, a card picked, focus on End turn.
    const turn2 = await phase(page);
    await playSeat(page);
    await waitPhaseChange(page, turn2);
    await settleMain(page);
    await pickFirstAvailable(page);
    await clickAt(page, '#card-detail-hide');
    await page.mouse.move(size.width - 5, size.height - 5);
    await shot(s, 'map-turn3');
    expect(await problemsOf(s)).toEqual([]);
  });
});
