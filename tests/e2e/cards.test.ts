// The main screen's cards, objectives and dashboard order, by mouse and by keyboard: every card in full in the detail
// panel (description, cost by label, every odds factor, the preview in previewLines' words), objectives met or not,
// the role's own indicators first, focus drawn apart from selection, card numbers that never shift.
import { afterEach, describe, expect, it } from 'vitest';
import { previewLines } from '../../src/analysis/previewText.js';
import { legalChoices, objectiveStatus, previewAction, viewFor, type GameState } from '../../src/engine/index.js';
import { FLAGSHIP, nodeScenario } from './engineNode.js';
import { clickAt, close, focusedId, launch, openApp, problemsOf, shot, tabTo, waitPhase, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

const sc = nodeScenario(FLAGSHIP);

async function fullState(s: Session): Promise<GameState> {
  return s.page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.state()) as Promise<GameState>;
}

/** Opens the flagship as `role` and leaves the briefing; answers a dilemma put on turn 1 with its first option. */
async function startAs(s: Session, role: string, seed: string): Promise<void> {
  await openApp(s, `?scenario=${FLAGSHIP}&seed=${seed}&human=${role}`);
  await waitPhase(s.page, 'briefing', 0);
  await clickAt(s.page, '#begin');
  await waitPhase(s.page, 'main', 0);
  if (await s.page.locator('dialog[open]').count()) {
    await s.page.keyboard.press('1');
    await s.page.waitForSelector('dialog[open]', { state: 'detached' });
  }
}

interface Detail {
  shown: boolean;
  card: string;
  text: string;
  factors: string[];
  preview: string[];
  status: string;
}

async function detail(s: Session): Promise<Detail> {
  return s.page.evaluate(() => {
    const d = (
      globalThis as unknown as {
        document: {
          getElementById(id: string): {
            hidden: boolean;
            dataset: Record<string, string>;
            textContent: string;
            querySelectorAll(q: string): ArrayLike<{ textContent: string }>;
            querySelector(q: string): { textContent: string } | null;
          };
        };
      }
    ).document;
    const p = d.getElementById('card-detail');
    const texts = (q: string) => Array.from(p.querySelectorAll(q)).map((e) => e.textContent);
    return {
      shown: !p.hidden,
      card: p.dataset['card'] ?? '',
      text: p.textContent,
      factors: texts('.card-detail-factors li'),
      preview: texts('.card-detail-preview li'),
      status: p.querySelector('.card-detail-status')?.textContent ?? '',
    };
  });
}

describe('cards, objectives and the dashboard on the main screen', () => {
  let s: Session | null = null;
  afterEach(async () => {
    if (s) await close(s);
    s = null;
  });

  it("shows a card in full by mouse hover and by keyboard focus, with the preview in previewLines' words", async () => {
    s = await launch();
    const { page } = s;
    await startAs(s, 'sk', 'cards-e2e');
    const state = await fullState(s);
    const actions = legalChoices(sc, state, 'sk').actions;
    const odds = actions.find((a) => a.odds && a.odds.factors.length > 0)!;
    const costly = actions.find((a) => a.cost.length > 0)!;
    expect(await detail(s)).toMatchObject({ shown: false });
    for (const [a, how] of [
      [odds, 'mouse'],
      [costly, 'keyboard'],
    ] as const) {
      if (how === 'mouse') await page.hover(`#action-${a.id}`);
      else await tabTo(page, `action-${a.id}`);
      const d = await detail(s);
      expect(d.shown).toBe(true);
      expect(d.card).toBe(a.id);
      expect(d.text).toContain(a.label);
      expect(d.text).toContain(a.description);
      for (const c of a.cost) expect(d.text).toContain(`${Math.round(c.amount * 10) / 10} ${c.name}`);
      if (a.odds)
        expect(d.factors.map((f) => f.replace(/^(For|Against): [+−]\d+(\.\d)? /, '').replace(/ \(not in force now\)$/, ''))).toEqual(
          a.odds.factors.map((f) => f.label),
        );
      const lines = previewLines(previewAction(sc, state, 'sk', a.id));
      expect(d.preview).toEqual(lines);
      const described = await page.locator(`#action-${a.id}-desc`).textContent();
      expect(described).toContain(a.description);
      for (const l of lines) expect(described).toContain(l);
    }
    expect(await problemsOf(s)).toEqual([]);
  });

  it("lists the role's objectives met or not and puts its own indicators first", async () => {
    s = await launch();
    const { page } = s;
    await startAs(s, 'sk', 'cards-e2e');
    const state = await fullState(s);
    const view = viewFor(sc, state, 'sk');
    const want = objectiveStatus(
      sc,
      state,
      'sk',
      view.indicators.map((r) => r.value),
    );
    const items = await page.$$eval('#objectives li', (els) => els.map((e) => ({ id: e.id, met: e.getAttribute('data-met'), text: e.textContent ?? '' })));
    expect(items.map((i) => i.id)).toEqual(want.map((o) => `objective-${o.id}`));
    for (const [k, o] of want.entries()) {
      expect(items[k]!.met).toBe(String(o.met));
      expect(items[k]!.text).toContain(o.met ? '✓ Met' : '✗ Not met');
      expect(items[k]!.text).toContain(o.label);
      for (const t of o.terms) expect(items[k]!.text).toContain(`${t.label}: needs`);
    }
    const rows = await page.$$eval('#controls button[id^="indicator-"]', (els) => els.map((e) => e.id.replace(/^indicator-/, '')));
    const own = sc.def.indicators.filter((i) => i.actor === 'sk').map((i) => i.id);
    expect(rows.slice(0, own.length)).toEqual(own);
    await shot(s, 'main-sk');
  });

  it('draws focus as an outline and selection as a marked fill, and keeps card numbers when a card becomes unavailable', async () => {
    s = await launch();
    const { page } = s;
    await startAs(s, 'sk', 'cards-keys');
    const ids = await page.$$eval('#controls button[id^="action-"]', (els) => els.map((e) => e.id));
    expect(ids).toEqual(sc.def.actions.filter((a) => a.actor === 'sk').map((a) => `action-${a.id}`));
    const picked = legalChoices(sc, await fullState(s), 'sk').actions.find(
      (a) => a.available && (sc.def.actions.find((d) => d.id === a.id)?.cooldown ?? 0) > 0,
    )!.id;
    await clickAt(page, `#action-${picked}`);
    expect(await focusedId(page)).toBe('end-turn');
    const other = ids.find((id) => id !== `action-${picked}`)!;
    await tabTo(page, other);
    const look = (id: string) =>
      page.$eval(`#${id}`, (e) => {
        const c = (
          globalThis as unknown as { getComputedStyle(x: unknown): { outlineStyle: string; outlineWidth: string; outlineOffset: string } }
        ).getComputedStyle(e);
        return { outline: `${c.outlineStyle} ${c.outlineWidth} ${c.outlineOffset}`, pressed: e.getAttribute('aria-pressed'), label: e.textContent ?? '' };
      });
    const focused = await look(other);
    const selected = await look(`action-${picked}`);
    expect(focused.outline).toBe('solid 4px 3px');
    expect(focused.pressed).toBe('false');
    expect(selected.outline.startsWith('none')).toBe(true);
    expect(selected.pressed).toBe('true');
    expect(selected.label).toContain('(selected)');
    await page.mouse.move(1, 1);
    await tabTo(page, `action-${picked}`);
    expect((await detail(s)).status).toBe('✓ Selected');
    expect((await look(`action-${picked}`)).outline).toBe('solid 4px 3px');
    await page.keyboard.press('e');
    await waitPhase(page, 'resolution');
    await clickAt(page, '#continue');
    await waitPhase(page, 'main', 0);
    if (await page.locator('dialog[open]').count()) {
      await page.keyboard.press('1');
      await page.waitForSelector('dialog[open]', { state: 'detached' });
    }
    const after = await page.$$eval('#controls button[id^="action-"]', (els) =>
      els.map((e) => [e.id, e.querySelector('.twin-label')?.textContent ?? '', e.getAttribute('aria-disabled')]),
    );
    expect(after.map(([id]) => id)).toEqual(ids);
    after.forEach(([, label], k) => expect(label!.startsWith(`${k + 1}. `)).toBe(true));
    expect(after.find(([id]) => id === `action-${picked}`)![2]).toBe('true');
    expect(await problemsOf(s)).toEqual([]);
  });

  it("keeps a hidden action's place in the tutorial, so the cards after it keep their numbers", async () => {
    s = await launch();
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=cards-hidden&human=lowland');
    await waitPhase(page, 'briefing', 0);
    await clickAt(page, '#begin');
    await waitPhase(page, 'main', 0);
    const tut = nodeScenario('tutorial');
    const order = tut.def.actions.filter((a) => a.actor === 'lowland').map((a) => `action-${a.id}`);
    const seen = await page.$$eval('#controls button[id^="action-"]', (els) => els.map((e) => [e.id, e.querySelector('.twin-label')?.textContent ?? '']));
    expect(seen.map(([id]) => id)).toEqual(order);
    const visible = new Set(legalChoices(tut, await fullState(s), 'lowland').actions.map((a) => `action-${a.id}`));
    const hidden = order.filter((id) => !visible.has(id));
    expect(hidden.length).toBeGreaterThan(0);
    for (const [k, [id, label]] of seen.entries())
      expect(label).toEqual(visible.has(id!) ? expect.stringMatching(new RegExp(`^${k + 1}\\. `)) : `${k + 1}. Not open now (not available)`);
  });

  it('has no invisible tab stop on the main screen, and the skip link shows when focused and leads to the controls', async () => {
    s = await launch();
    const { page } = s;
    await startAs(s, 'sk', 'cards-tabs');
    const first = await page.$eval('#controls button[id^="action-"]', (e) => e.id);
    await tabTo(page, first);
    const stops: string[] = [];
    for (let i = 0; i < 60 && (await focusedId(page)) !== 'end-turn'; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const g = globalThis as unknown as {
          document: {
            activeElement: { id: string; tagName: string; getBoundingClientRect(): { x: number; y: number; width: number; height: number } } | null;
            body: unknown;
          };
          innerWidth: number;
          innerHeight: number;
          getComputedStyle(e: unknown): { outlineStyle: string; visibility: string };
        };
        const e = g.document.activeElement;
        if (!e || e === g.document.body) return { id: 'BODY', visible: false };
        const r = e.getBoundingClientRect();
        const c = g.getComputedStyle(e);
        return {
          id: e.id || e.tagName,
          visible:
            r.width >= 4 &&
            r.height >= 4 &&
            r.x >= 0 &&
            r.y >= 0 &&
            r.x + r.width <= g.innerWidth &&
            r.y + r.height <= g.innerHeight &&
            c.visibility !== 'hidden' &&
            c.outlineStyle !== 'none',
        };
      });
      stops.push(stop.id);
      expect(stop, `tab stop ${i + 1} after ${first}`).toMatchObject({ visible: true });
    }
    expect(stops.at(-1)).toBe('end-turn');
    expect(stops).toContain('objectives');
    await tabTo(page, 'menu');
    await page.keyboard.press('Shift+Tab');
    const skip = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { activeElement: { className: string; getBoundingClientRect(): { y: number; height: number } } | null } };
      const e = g.document.activeElement!;
      return { cls: e.className, top: e.getBoundingClientRect().y, h: e.getBoundingClientRect().height };
    });
    expect(skip.cls).toBe('skip-link');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.h).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('controls');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id ?? '')).toMatch(/^(menu|keys|briefing|actor-|action-)/);
  });
});
