// A corrupt, foreign, outdated or mismatched save is reported and set aside under another key, never deleted; the page works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, close, launch, openApp, phase, problemsOf, waitPhase, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

const cases: Array<[string, string, RegExp]> = [
  ['corrupt', '{"format":"statecraft-save","version":1,"scen', /corrupt/],
  ['foreign', JSON.stringify({ hello: 'world', version: 3 }), /foreign/],
  ['outdated', JSON.stringify({ format: 'statecraft-save', version: 0, turns: [] }), /version 0/],
  [
    'mismatched',
    JSON.stringify({
      format: 'statecraft-save',
      version: 1,
      savedAt: '2026-01-01T00:00:00.000Z',
      scenario: { id: 'tutorial', hash: '0'.repeat(64), bundled: 'tutorial', file: null },
      seed: 'x',
      seats: { upland: 'human' },
      aiFuzz: null,
      turns: [],
      hash: '1'.repeat(64),
      phase: { name: 'main', seat: 0 },
      draft: {},
    }),
    /changed since this game was saved/,
  ],
];

describe('bad saves', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it.each(cases)('reports a %s save, keeps it aside and stays usable', async (_kind, raw, reason) => {
    const { page } = s;
    await openApp(s);
    await page.evaluate((value) => {
      const ls = (globalThis as unknown as PageGlobals).localStorage;
      for (let i = ls.length - 1; i >= 0; i--) ls.removeItem(ls.key(i)!);
      ls.setItem('statecraft.save', value);
    }, raw);
    await page.reload();
    await waitPhase(page, 'title');
    const message = await page.locator('#messages').textContent();
    expect(message).toMatch(reason);
    expect(message).toContain('statecraft.save.set-aside.');
    const kept = await page.evaluate(() => {
      const ls = (globalThis as unknown as PageGlobals).localStorage;
      const keys: string[] = [];
      for (let i = 0; i < ls.length; i++) keys.push(ls.key(i)!);
      const aside = keys.find((k) => k.startsWith('statecraft.save.set-aside.'));
      const main = keys.find((k) => k === 'statecraft.save' || k.startsWith('statecraft.slot.'));
      return { main: main ? ls.getItem(main) : null, aside: aside ? ls.getItem(aside) : null };
    });
    expect(kept.main).toBeNull();
    expect(kept.aside).toBe(raw);
    await clickAt(page, '#scenario-tutorial');
    await waitPhase(page, 'setup');
    await clickAt(page, '#start');
    await waitPhase(page, 'briefing', 0);
    expect((await phase(page)).name).toBe('briefing');
    expect(await problemsOf(s)).toEqual([]);
  });
});
