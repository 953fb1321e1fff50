// A student's view of a turn's results, a dilemma, and the ending (issue 11, points 4–6; issue 12, point 5), on the flagship as South Korea.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAGSHIP, nodeScenario } from './engineNode.js';
import { answerDilemmaIfAny, pickFirstAvailable } from './flows.js';
import { clickAt, close, focusedId, gameState, launch, openApp, phase, PHONE, problemsOf, shot, tabTo, waitPhase, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

const sc = nodeScenario(FLAGSHIP);
const capital = sc.def.indicators.find((i) => i.id === 'sk_capital')!.name;
const labels = sc.def.turns.labels!;

/** Opens the flagship as South Korea (seed results-1) and waits for the dilemma its first main screen opens with. */
async function toFirstDilemma(s: Session): Promise<void> {
  await openApp(s, `?scenario=${sc.def.id}&seed=results-1&human=sk`);
  await waitPhase(s.page, 'briefing', 0);
  await clickAt(s.page, '#begin');
  await waitPhase(s.page, 'main', 0);
  await s.page.waitForSelector('dialog[open] .option');
}

describe('results, dilemmas and the ending, as a student reads them', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('sets a dilemma aside to look at the board, then reopens it by keyboard; each option shows what it will do', async () => {
    const { page } = s;
    await toFirstDilemma(s);
    const options = await page.$$eval('dialog[open] .option', (els) => els.map((e) => ({ id: e.id, preview: e.querySelector('.preview')?.textContent ?? '' })));
    expect(options.length).toBeGreaterThan(1);
    for (const o of options) expect(o.preview, o.id).toMatch(/^What it will do: .*(Does|Changes nothing)/);
    expect(options.some((o) => /[+−]\d/.test(o.preview))).toBe(true);
    await shot(s, 'dilemma-previews');

    await clickAt(page, '#dilemma-aside');
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    expect(await page.isVisible('#dilemma-bar')).toBe(true);
    expect(await focusedId(page)).toBe('dilemma-reopen');
    // The board answers: a why panel opens and closes, and picking a card rebuilds the screen without pushing the dilemma back.
    await clickAt(page, '#controls button[id^="indicator-"]');
    await page.waitForSelector('dialog[open] #why-body');
    await clickAt(page, 'dialog[open] .dialog-close');
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    await clickAt(page, '#action-sk_aid');
    expect(await page.getAttribute('#action-sk_aid', 'aria-pressed')).toBe('true');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await page.isVisible('#dilemma-bar')).toBe(true);
    await shot(s, 'dilemma-set-aside');

    // Ending the turn with the dilemma unanswered brings it back; set aside again, it reopens from its bar by keyboard.
    await clickAt(page, '#end-turn');
    await page.waitForSelector('dialog[open] .option');
    expect((await phase(page)).name).toBe('main');
    await clickAt(page, '#dilemma-aside');
    await page.waitForSelector('#dilemma-bar');
    await tabTo(page, 'dilemma-reopen');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open] .option');
    expect(await page.locator('#dilemma-bar').count()).toBe(0);
    await page.keyboard.press('1');
    await page.waitForSelector('dialog[open] .option', { state: 'detached' });
    expect(await problemsOf(s)).toEqual([]);
  });

  it('starts the results with your own choice and what it did, its cost among what changed', async () => {
    const { page } = s;
    await answerDilemmaIfAny(page);
    if ((await page.getAttribute('#action-sk_aid', 'aria-pressed')) !== 'true') await clickAt(page, '#action-sk_aid');
    await clickAt(page, '#end-turn');
    await waitPhase(page, 'resolution');
    const own = (await page.locator('#own-results').textContent())!;
    expect(own).toContain('Your choice (South Korea)');
    expect(own).toContain(sc.def.actions.find((a) => a.id === 'sk_aid')!.label);
    expect(own).toContain(`It cost: ${capital} −3.2`);
    expect(own).toMatch(/It did: /);
    const transcript = (await page.locator('#resolution-transcript').textContent())!;
    const others = sc.def.actors.filter((a) => a.id !== 'sk').map((a) => transcript.indexOf(`${a.name}: `));
    expect(transcript.indexOf('Your choice: ')).toBeGreaterThan(0);
    for (const at of others) expect(at).toBeGreaterThan(transcript.indexOf('Your choice: '));
    const changed = await page.$$eval('#what-changed li', (els) => els.map((e) => e.textContent ?? ''));
    expect(changed.find((c) => c.startsWith(`${capital}: `))).toMatch(/; your cost −3\.2[,)]/);
    // The numbers your choice moved come first.
    expect(changed[0]).toMatch(/; your (cost|choice) /);
    await shot(s, 'resolution-own-first');
    expect(await problemsOf(s)).toEqual([]);
  });

  it('tells every turn in time order, no heading past the last turn, and ends in words: ratings, verdict, labels, reflection', async () => {
    const { page } = s;
    for (let guard = 0; guard < 30; guard++) {
      const p = await phase(page);
      if (p.name === 'ending') break;
      if (p.name === 'resolution') {
        await waitPhase(page, 'resolution');
        const heads = await page.$$eval('#news h3', (els) => els.map((e) => e.textContent ?? '').filter((h) => h !== 'What changed'));
        const turns = heads.map((h) => labels.indexOf(h));
        for (const t of turns) expect(t, heads.join(' | ')).toBeGreaterThanOrEqual(0);
        expect(new Set(heads).size).toBe(heads.length);
        expect([...turns].sort((a, b) => a - b)).toEqual(turns);
        await clickAt(page, '#continue');
        await page.waitForFunction(() => (globalThis as unknown as { __statecraft: { phase(): { name: string } } }).__statecraft.phase().name !== 'resolution');
        continue;
      }
      await waitPhase(page, 'main', 0);
      await answerDilemmaIfAny(page);
      await pickFirstAvailable(page);
      await clickAt(page, '#end-turn');
      await waitPhase(page, 'resolution');
    }
    await waitPhase(page, 'ending');
    // Every one of the five roles has its score line on the canvas, whole and above the exports (the fifth was cut off).
    const drawn = await page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.texts());
    const barTop = await page.$eval('#export-replay', (e) => parseFloat((e as unknown as { style: Record<string, string> }).style['top']!));
    for (const a of sc.def.actors) {
      const line = drawn.find((t) => t.text.startsWith(`${a.name}`) && / of \d+ points$/.test(t.text));
      expect(line, `${a.name}'s score line is drawn`).toBeDefined();
      expect(
        line!.x >= 0 && line!.y >= 0 && line!.x + line!.w <= 1280 && line!.y + line!.h <= barTop,
        `${a.name}'s score line lies inside the screen, above the exports`,
      ).toBe(true);
    }
    // The tab shown is marked by a fill and a ✓ in its text, not by the yellow outline that keyboard focus draws.
    expect(
      drawn
        .map((t) => t.text)
        .filter((t) => /^(✓ )?(Outcome|Indicators|Decisions)$/.test(t))
        .sort(),
    ).toEqual(['Decisions', 'Indicators', '✓ Outcome']);
    const g = await gameState(page);
    const ending = sc.def.endings.find((e) => e.id === g.ending)!;
    const rating = ending.ratings!.sk!;
    const word = ['disaster', 'setback', 'stalemate', 'gain', 'triumph'][rating + 2]!;
    const sign = rating > 0 ? `+${rating}` : rating < 0 ? `−${-rating}` : '0';
    expect(await page.locator('#objectives-sk').textContent()).toContain(
      `For South Korea this ending is ${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}: ${sign}`,
    );
    const verdict = (await page.locator('#ending-verdicts').textContent())!;
    expect(verdict).toMatch(new RegExp(`^An? ${word} for South Korea: \\d+ of \\d+ objectives? met, \\d+ of \\d+ points\\.$`, 'i'));
    const reflect = await page.$$eval('#ending-reflect li', (els) => els.map((e) => e.textContent ?? ''));
    expect(reflect.length).toBeGreaterThanOrEqual(2);
    expect(reflect[0]).toMatch(/^Your “.+” in .+\?$/);
    await shot(s, 'ending-in-words');

    await clickAt(page, '#tab-timeline');
    await page.waitForSelector('#timeline');
    const table = (await page.locator('#timeline').textContent())!;
    const answers = g.history.flatMap((h) => Object.entries(h.choices.sk?.dilemmas ?? {}).map(([event, option]) => ({ event, option })));
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) {
      const ev = sc.def.events!.find((e) => e.id === a.event)!;
      expect(table).toContain(`answered “${ev.dilemma!.options.find((o) => o.id === a.option)!.label}” to “${ev.title}”`);
      expect(table).not.toContain(`answered ${a.option}`);
    }
    await shot(s, 'ending-decisions');
    expect(await problemsOf(s)).toEqual([]);
  });
});

describe('the same on a phone', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch(PHONE);
  });
  afterAll(async () => {
    await close(s);
  });

  it('keeps the set-aside bar clear of the header buttons and shows your choice first on the results', async () => {
    const { page } = s;
    await toFirstDilemma(s);
    await shot(s, 'dilemma-previews');
    await clickAt(page, '#dilemma-aside');
    await page.waitForSelector('#dilemma-bar');
    const bar = (await page.locator('#dilemma-bar').boundingBox())!;
    for (const id of ['menu', 'keys', 'briefing']) {
      const b = (await page.locator(`#${id}`).boundingBox())!;
      const overlap = bar.x < b.x + b.width && b.x < bar.x + bar.width && bar.y < b.y + b.height && b.y < bar.y + bar.height;
      expect(overlap, id).toBe(false);
    }
    expect(bar.x).toBeGreaterThanOrEqual(0);
    expect(bar.x + bar.width).toBeLessThanOrEqual(PHONE.width);
    await shot(s, 'dilemma-set-aside');
    await clickAt(page, '#dilemma-reopen');
    await page.waitForSelector('dialog[open] .option');
    await clickAt(page, 'dialog[open] .option');
    await page.waitForSelector('dialog[open] .option', { state: 'detached' });
    await clickAt(page, '#tab-actions').catch(() => undefined);
    await pickFirstAvailable(page);
    await clickAt(page, '#end-turn');
    await waitPhase(page, 'resolution');
    const own = (await page.locator('#own-results').boundingBox())!;
    expect(own.y).toBeLessThan(200);
    expect(own.height).toBeGreaterThan(100);
    await shot(s, 'resolution-own-first');
    expect(await problemsOf(s)).toEqual([]);
  });
});
