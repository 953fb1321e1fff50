// Numbers seen only as estimates: a seat's dashboard, Why? and resolution show its readings, never the true figure;
// hot-seat players share the least-informed one's reading; the ending and the debrief show the truth. Keyboard only.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { num } from '../../src/analysis/debrief.js';
import { createGame, sharedView, viewFor, type GameState } from '../../src/engine/index.js';
import { readingText, readingWords } from '../../src/ui/readings.js';
import { fmt } from '../../src/ui/theme.js';
import { nodeScenario } from './engineNode.js';
import { clickAt, close, focusedId, launch, openApp, phase, problemsOf, shot, tabTo, waitPhase, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

const sc = nodeScenario('tutorial');
const ECON = sc.indicatorIndex.get('upland_economy')!;

async function fullState(s: Session): Promise<GameState> {
  return s.page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.state()) as Promise<GameState>;
}

async function labelOf(s: Session, id: string): Promise<string> {
  return (await s.page.locator(`#${id} .twin-label`).textContent()) ?? '';
}

/** A seed whose first reading of Upland's economy by Lowland differs from the truth (50), so the test can tell them apart. */
function telling(): string {
  for (let k = 0; ; k++) {
    const seed = `estimate-${k}`;
    if (viewFor(sc, createGame(sc, { seed }), 'lowland').indicators[ECON]!.value !== 50) return seed;
  }
}

describe('estimates in the browser', () => {
  let s: Session | null = null;
  afterEach(async () => {
    if (s) await close(s);
    s = null;
  });

  it("shows Lowland Upland's economy only as an estimate, by keyboard, and the ending and debrief the truth", async () => {
    s = await launch();
    const { page } = s;
    await openApp(s, `?scenario=tutorial&seed=${telling()}&human=lowland`);
    await waitPhase(page, 'briefing', 0);
    expect(await page.locator('#briefing-estimates').textContent()).toContain("Upland's economy: each turn you get a fresh reading, within 5 of the truth.");
    await tabTo(page, 'begin');
    await page.keyboard.press(' ');
    let seenEstimate = 0;
    for (let turn = 0; turn < 12 && (await phase(page)).name !== 'ending'; turn++) {
      await waitPhase(page, 'main', 0);
      if (await page.locator('dialog[open]').count()) {
        await page.keyboard.press('1');
        await page.waitForSelector('dialog[open]', { state: 'detached' });
      }
      const state = await fullState(s);
      const reading = viewFor(sc, state, 'lowland').indicators[ECON]!;
      if (reading.exact) throw new Error('Lowland should see an estimate');
      const truth = state.indicators[ECON]!;
      const label = await labelOf(s, 'indicator-upland_economy');
      expect(label).toContain(readingWords(reading));
      expect(label).toContain('an estimate');
      if (fmt(truth) !== fmt(reading.value)) {
        expect(label).not.toContain(`: ${fmt(truth)}`);
        seenEstimate++;
      }
      expect(await labelOf(s, 'indicator-tension')).toContain(`River tension: ${fmt(state.indicators[0]!)}`);
      if (turn === 1) {
        await shot(s, 'estimate-main');
        await tabTo(page, 'indicator-upland_economy');
        await page.keyboard.press('Enter');
        await page.waitForSelector('dialog[open] #why-body');
        const why = (await page.locator('#why-body').textContent()) ?? '';
        expect(why).toContain(`Now ${readingText(reading)} — an estimate`);
        expect(why).toContain('You see only an estimate of this number');
        expect(why).toMatch(/exports to Harbor.*(raised|lowered)/);
        expect(why).not.toContain('Then');
        expect(why).not.toContain('Net change by cause');
        await shot(s, 'estimate-why');
        await page.keyboard.press('Escape');
        await page.waitForSelector('dialog[open]', { state: 'detached' });
        expect(await focusedId(page)).toBe('indicator-upland_economy');
      }
      const cards = await page.$$eval('#controls button[id^="action-"]', (els) => els.map((e) => e.getAttribute('aria-disabled') !== 'true'));
      await page.keyboard.press(String(cards.indexOf(true) + 1));
      expect(await focusedId(page)).toBe('end-turn');
      await page.keyboard.press('Enter');
      await waitPhase(page, 'resolution');
      const after = await fullState(s);
      const v = viewFor(sc, after, 'lowland');
      const from = v.history[v.history.length - 2]!.indicators[ECON]!;
      const to = v.indicators[ECON]!;
      const panel = (await page.locator('#controls').textContent()) ?? '';
      if (from.value !== to.value) expect(panel).toContain(`Upland's economy: ≈ ${fmt(from.value)} → ≈ ${fmt(to.value)}`);
      expect(panel).not.toContain(`Upland's economy: ${fmt(after.history.at(-2)!.indicators[ECON]!)} →`);
      expect(await focusedId(page)).toBe('continue');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => ['main', 'ending'].includes((globalThis as unknown as PageGlobals).__statecraft.phase().name));
    }
    expect(seenEstimate).toBeGreaterThan(0);
    await waitPhase(page, 'ending');
    const final = await fullState(s);
    const truth = final.indicators[ECON]!;
    const last = viewFor(sc, final, 'lowland').indicators[ECON]!;
    if (last.exact) throw new Error('Lowland should see an estimate');
    const notes = (await page.locator('#ending-estimates').textContent()) ?? '';
    expect(notes).toContain(
      `Upland's economy: seen only as an estimate, ±5 by Lowland (human). Lowland last read ≈ ${num(last.value)} (${num(last.low)}–${num(last.high)}); the true value at the end is ${num(truth)}.`,
    );
    await shot(s, 'estimate-ending');
    await tabTo(page, 'tab-charts');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#chart-upland_economy');
    expect(await page.locator('#chart-upland_economy-desc').textContent()).toContain(final.history.map((h) => fmt(h.indicators[ECON]!)).join(', '));
    await tabTo(page, 'export-debrief');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toContain(`- **Upland's economy** *(estimated in play; true figures)*: 50 → ${num(truth)}`);
    expect(md).toContain('## Numbers seen only as estimates');
    expect(await problemsOf(s)).toEqual([]);
  });

  it("shows each hot-seat player its own view, and the shared resolution the least-informed one's", async () => {
    s = await launch();
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=estimate-hotseat&human=upland,lowland');
    for (const seat of [0, 1]) {
      await waitPhase(page, 'handover', seat);
      await clickAt(page, '#ready');
      await waitPhase(page, 'briefing', seat);
      expect(await page.locator('#briefing-estimates').count()).toBe(seat === 0 ? 0 : 1);
      await clickAt(page, '#begin');
    }
    for (let turn = 0; turn < 2; turn++) {
      for (const seat of [0, 1]) {
        await waitPhase(page, 'handover', seat);
        await clickAt(page, '#ready');
        await waitPhase(page, 'main', seat);
        const state = await fullState(s);
        const label = await labelOf(s, 'indicator-upland_economy');
        if (seat === 0) expect(label).toBe(`Upland's economy (Upland): ${fmt(state.indicators[ECON]!)}`);
        else expect(label).toContain(readingWords(viewFor(sc, state, 'lowland').indicators[ECON]!));
        if (await page.locator('dialog[open] .option').count()) await clickAt(page, 'dialog[open] .option');
        await clickAt(page, '#controls button[id^="action-"]:not([aria-disabled="true"])');
        await clickAt(page, '#end-turn');
      }
      await waitPhase(page, 'resolution');
      const after = await fullState(s);
      const shared = sharedView(sc, after, ['upland', 'lowland']);
      expect(shared.indicators[ECON]).toEqual(viewFor(sc, after, 'lowland').indicators[ECON]);
      const from = shared.history[shared.history.length - 2]!.indicators[ECON]!;
      const to = shared.indicators[ECON]!;
      const panel = (await page.locator('#controls').textContent()) ?? '';
      if (from.value !== to.value) {
        expect(panel).toContain(`Upland's economy: ≈ ${fmt(from.value)} → ≈ ${fmt(to.value)}`);
        expect(panel).toContain('shown as the least-informed of you sees them');
      }
      expect(panel).not.toMatch(/Upland's economy: \d/);
      await clickAt(page, '#continue');
      if ((await phase(page)).name === 'ending') break;
    }
    expect(await problemsOf(s)).toEqual([]);
  });
});
