// Saves that cannot resume never crash the page: an illegal hot-seat draft, a lone-surrogate seed, a bad save met by
// "Continue", one set aside from the crash screen, and a 4.5 MB damaged save (with the real quota, and with no room for a
// copy) are set aside with a message on the title screen, the main slot is freed, and the page stays usable.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickFirstAvailable } from './flows.js';
import { clickAt, close, launch, openApp, problemsOf, waitPhase, type Session, onlySave } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

interface Stored {
  main: string | null;
  aside: Array<{ key: string; length: number; same: boolean }>;
}

/** A saved game still stored (the old single slot or any slot of the list), and every set-aside key with whether it holds exactly `raw`. */
async function stored(page: Page, raw: string | null): Promise<Stored> {
  return page.evaluate((r) => {
    const ls = (globalThis as unknown as PageGlobals).localStorage;
    const aside: Array<{ key: string; length: number; same: boolean }> = [];
    for (let i = 0; i < ls.length; i++) {
      const k = ls.key(i)!;
      if (k.startsWith('statecraft.save.set-aside.')) aside.push({ key: k, length: ls.getItem(k)!.length, same: ls.getItem(k) === r });
    }
    let main: string | null = null;
    for (let i = 0; i < ls.length; i++) {
      const k = ls.key(i)!;
      if (k === 'statecraft.save' || k.startsWith('statecraft.slot.')) main = ls.getItem(k);
    }
    return { main, aside };
  }, raw);
}

/** Empties the storage, then stores `raw` as the single autosave of earlier versions (moved into the list at start), the game (not the title) as the last screen. */
async function plant(page: Page, raw: string): Promise<void> {
  await page.evaluate((value) => {
    const ls = (globalThis as unknown as PageGlobals).localStorage;
    for (let i = ls.length - 1; i >= 0; i--) ls.removeItem(ls.key(i)!);
    ls.setItem('statecraft.save', value);
  }, raw);
}

/** Plays a hot-seat tutorial game up to Lowland's hand-over in turn 1 and returns the autosave (with Upland's draft). */
async function hotSeatSave(s: Session): Promise<Record<string, unknown>> {
  const { page } = s;
  await openApp(s, '?scenario=tutorial&seed=hostile-1&human=upland,lowland');
  await waitPhase(page, 'handover', 0);
  for (const seat of [0, 1]) {
    await clickAt(page, '#ready');
    await waitPhase(page, 'briefing', seat);
    await clickAt(page, '#begin');
    await waitPhase(page, 'handover', seat === 0 ? 1 : 0);
  }
  await clickAt(page, '#ready');
  await waitPhase(page, 'main', 0);
  if (await page.locator('dialog[open] .option').count()) await clickAt(page, 'dialog[open] .option');
  await pickFirstAvailable(page);
  await clickAt(page, '#end-turn');
  await waitPhase(page, 'handover', 1);
  return JSON.parse(await onlySave(page)) as Record<string, unknown>;
}

async function expectSetAside(s: Session, raw: string, reason: RegExp): Promise<void> {
  const { page } = s;
  await page.reload();
  await waitPhase(page, 'title');
  const message = (await page.locator('#messages').textContent()) ?? '';
  expect(message).toMatch(reason);
  expect(message).toContain('statecraft.save.set-aside.');
  const after = await stored(page, raw);
  expect(after.main).toBeNull();
  expect(after.aside.filter((a) => a.same)).toHaveLength(1);
  expect(await page.locator('#controls button[id^="resume-"]').count()).toBe(0);
  expect(await page.locator('.crash').count()).toBe(0);
}

describe('saves that cannot resume', () => {
  let s: Session;
  let valid: Record<string, unknown>;
  beforeAll(async () => {
    s = await launch();
    valid = await hotSeatSave(s);
  });
  afterAll(async () => {
    await close(s);
  });

  it.each([['protest'], ['nosuch'], ['']])('sets aside a hot-seat draft with the action %j instead of crashing when the turn ends', async (action) => {
    const draft = valid['draft'] as Record<string, { action: string }>;
    const raw = JSON.stringify({ ...valid, draft: { ...draft, upland: { ...draft['upland'], action } } });
    await plant(s.page, raw);
    await expectSetAside(
      s,
      raw,
      action === ''
        ? /the choice saved for "upland" names no action/
        : new RegExp(`the choice saved for "upland" is not legal now: "${action}" is not available to "upland"`),
    );
    expect(await problemsOf(s)).toEqual([]);
  });

  it('sets aside a save whose seed is a lone surrogate, and the page plays on', async () => {
    const raw = JSON.stringify({ ...valid, seed: '\uD800' });
    await plant(s.page, raw);
    await expectSetAside(s, raw, /seed: the seed cannot be used: a seed cannot hold an unpaired surrogate \(\\uD800 at position 1\)/);
    await clickAt(s.page, '#scenario-tutorial');
    await waitPhase(s.page, 'setup');
    await clickAt(s.page, '#start');
    await waitPhase(s.page, 'briefing', 0);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('sets aside a bad save met by "Continue" (written after the title screen was built) without a crash', async () => {
    const { page } = s;
    const good = JSON.stringify(valid);
    await plant(page, good);
    await page.evaluate(() => (globalThis as unknown as PageGlobals).localStorage.setItem('statecraft.screen', 'title'));
    await page.reload();
    await waitPhase(page, 'title');
    const resume = page.locator('#controls button[id^="resume-"]');
    expect(await resume.count()).toBe(1);
    const slot = (await resume.getAttribute('id'))!.slice('resume-'.length);
    const draft = valid['draft'] as Record<string, { action: string }>;
    const bad = JSON.stringify({ ...valid, draft: { ...draft, upland: { action: 'protest' } } });
    await page.evaluate(([key, value]) => (globalThis as unknown as PageGlobals).localStorage.setItem(key, value), [`statecraft.slot.${slot}`, bad] as const);
    await clickAt(page, '#controls button[id^="resume-"]');
    await page.locator('#messages').waitFor();
    expect(await page.locator('#messages').textContent()).toMatch(/"protest" is not available to "upland"/);
    expect((await stored(page, bad)).main).toBeNull();
    expect(await resume.count()).toBe(0);
    expect(await page.locator('.crash').count()).toBe(0);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('lets the player set the saved game aside from the crash screen, so a save that breaks the page cannot do it again', async () => {
    const { page } = s;
    const raw = JSON.stringify(valid);
    await plant(page, raw);
    await page.reload();
    await waitPhase(page, 'handover', 1);
    await page.evaluate(() => {
      const g = globalThis as unknown as { dispatchEvent(e: unknown): void; ErrorEvent: new (t: string, o: { message: string }) => unknown };
      g.dispatchEvent(new g.ErrorEvent('error', { message: 'a test error' }));
    });
    await page.locator('.crash #crash-set-aside').waitFor();
    await Promise.all([page.waitForEvent('load'), page.locator('#crash-set-aside').click()]);
    await waitPhase(page, 'title');
    const message = (await page.locator('#messages').textContent()) ?? '';
    expect(message).toMatch(
      /The saved game was set aside after an error \(a test error\)\. It was kept in this browser's storage under "statecraft\.save\.set-aside\./,
    );
    const after = await stored(page, raw);
    expect(after.main).toBeNull();
    expect(after.aside.filter((a) => a.same)).toHaveLength(1);
    await page.reload();
    await waitPhase(page, 'title');
    expect(await page.locator('#messages').count()).toBe(0);
    expect(await problemsOf(s)).toEqual([]);
  });

  it("keeps a 4.5 MB damaged save aside under the browser's own quota, freeing the main slot", async () => {
    const raw = `${JSON.stringify(valid).slice(0, -1)},"padding":"${'x'.repeat(4_500_000)}`;
    await plant(s.page, raw);
    await expectSetAside(s, raw, /the saved game is corrupt/);
    expect(await problemsOf(s)).toEqual([]);
  });
});

describe('a damaged save with no room for a copy', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
    // The browser refuses every set-aside copy, as a full storage would.
    await s.ctx.addInitScript(() => {
      const g = globalThis as unknown as { Storage: { prototype: { setItem(k: string, v: string): void } }; DOMException: new (m: string, n: string) => Error };
      const original = g.Storage.prototype.setItem;
      g.Storage.prototype.setItem = function setItem(this: unknown, k: string, v: string) {
        if (k.startsWith('statecraft.save.set-aside.')) throw new g.DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
        original.call(this, k, v);
      };
    });
  });
  afterAll(async () => {
    await close(s);
  });

  it('tells the player, frees the main slot, offers the save as a download, and says it only once', async () => {
    const { page } = s;
    await openApp(s);
    const raw = `{"format":"statecraft-save","version":1,"padding":"${'y'.repeat(4_500_000)}`;
    await plant(page, raw);
    await page.reload();
    await waitPhase(page, 'title');
    const message = (await page.locator('#messages').textContent()) ?? '';
    expect(message).toMatch(/no room in this browser's storage to keep a copy \(QuotaExceededError: /);
    expect((await stored(page, raw)).main).toBeNull();
    const [download] = await Promise.all([page.waitForEvent('download'), clickAt(page, '#download-set-aside')]);
    expect(download.suggestedFilename()).toBe('statecraft-set-aside-save.json');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toBe(raw);
    await page.reload();
    await waitPhase(page, 'title');
    expect(await page.locator('#messages').count()).toBe(0);
    expect(await page.locator('#download-set-aside').count()).toBe(0);
    expect(await problemsOf(s)).toEqual([]);
  });
});
