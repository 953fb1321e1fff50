// Text read in full: every scenario's blurb on the title fits its card at both sizes, the briefing's header is never cut,
// and the phone header's buttons say what they do in words, each inside its own button.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { toNextMain } from './flows.js';
import { clickAt, close, DESKTOP, launch, openApp, PHONE, problemsOf, ROOT, shot, waitPhase, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const texts = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.texts());

/** A twin's rectangle in board pixels (where the canvas draws the control). */
async function twinRect(page: Page, id: string): Promise<Box> {
  return page.$eval(`#${id}`, (e) => {
    const s = (e as unknown as { style: Record<string, string> }).style;
    return { x: parseFloat(s['left']!), y: parseFloat(s['top']!), w: parseFloat(s['width']!), h: parseFloat(s['height']!) };
  });
}

const inside = (t: Box, r: Box) => t.x >= r.x - 0.5 && t.y >= r.y - 0.5 && t.x + t.w <= r.x + r.w + 0.5 && t.y + t.h <= r.y + r.h + 0.5;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('text at %s size', (_name, size) => {
  let s: Session | null = null;
  afterEach(async () => {
    if (s) await close(s);
    s = null;
  });

  it("shows each scenario's whole blurb inside its card on the title, with saved games listed", async () => {
    s = await launch(size);
    const { page } = s;
    for (const link of ['?scenario=tutorial&seed=text-fit&human=upland', '?scenario=party-congress&seed=text-fit&human=sk']) {
      await openApp(s, link);
      await waitPhase(page, 'briefing', 0);
      expect(
        (await texts(page)).filter((t) => t.text.includes('…')),
        `nothing is cut on the briefing of ${link}`,
      ).toEqual([]);
      await clickAt(page, '#briefing-title');
      await waitPhase(page, 'title');
    }
    expect(await page.locator('#controls button[id^="resume-"]').count()).toBe(2);
    await shot(s, 'title');
    const drawn = await texts(page);
    for (const [id, file] of [
      ['party-congress', 'party-congress.json'],
      ['tutorial', 'tutorial.json'],
    ] as const) {
      const summary = (JSON.parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8')) as { summary: string }).summary;
      const blurb = drawn.find((t) => flat(t.text) === flat(summary));
      expect(blurb, `the whole blurb of ${id} is drawn`).toBeDefined();
      expect(blurb!.text).not.toContain('…');
      expect(inside(blurb!, await twinRect(page, `scenario-${id}`)), `the blurb of ${id} lies inside its card`).toBe(true);
    }
    expect(drawn.filter((t) => t.text.includes('…'))).toEqual([]);
    expect(await problemsOf(s)).toEqual([]);
  });

  it("labels the main screen's header buttons in words, each inside its own button", async () => {
    s = await launch(size);
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=text-fit&human=upland');
    await waitPhase(page, 'briefing', 0);
    expect(await toNextMain(page)).toBe('main');
    await shot(s, 'main-header');
    const drawn = await texts(page);
    const rects: Box[] = [];
    for (const [id, word] of [
      ['briefing', 'Briefing'],
      ['keys', 'Keys ?'],
      ['menu', 'Menu'],
    ] as const) {
      const r = await twinRect(page, id);
      const label = drawn.find((t) => t.text === word && inside(t, r));
      expect(label, `"${word}" is drawn inside #${id}`).toBeDefined();
      expect(r.h).toBeGreaterThanOrEqual(40);
      for (const o of rects) expect(r.x + r.w <= o.x || o.x + o.w <= r.x || r.y + r.h <= o.y || o.y + o.h <= r.y).toBe(true);
      rects.push(r);
    }
    expect(drawn.some((t) => ['B', '?', '≡', '☰'].includes(t.text))).toBe(false);
    const role = await page.locator('#heading-role').textContent();
    expect(role).toBe('You are Upland');
    expect(await page.locator('h2#heading-turn').textContent()).toMatch(/^Turn 1 of \d+/);
    expect(await problemsOf(s)).toEqual([]);
  });
});
