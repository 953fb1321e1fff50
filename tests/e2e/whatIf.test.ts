// What-if forks in the browser: from the replay viewer at any turn and from the ending screen, change a choice, play
// on, and see both timelines (endings, scores, overlaid charts, the causes that differ) as forkGame and
// compareTimelines give them; the exported alternate replay verifies in Node.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTimelines, forkGame } from '../../src/analysis/fork.js';
import { forkSeatsAt } from '../../src/analysis/forkChoices.js';
import { differenceText } from '../../src/analysis/forkFormat.js';
import { createGame, recordReplay, stateHash, step, verifyReplay, type Replay } from '../../src/engine/compiler.js';
import { nodeScenario } from './engineNode.js';
import { endTurnsToEnding } from './flows.js';
import { close, focusedId, hash, launch, openApp, phase, problemsOf, shot, tabTo, type Session } from './helpers.js';

const sc = nodeScenario('party-congress');
let game = createGame(sc, { seed: 'what-if-1' });
while (!game.over) game = step(sc, game, {}).state;
const replay = recordReplay(sc, game);
const text = (page: Page, selector: string) =>
  page
    .locator(selector)
    .textContent()
    .then((t) => t ?? '');

async function exported(page: Page): Promise<{ name: string; replay: Replay }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#whatif-export').click()]);
  return { name: download.suggestedFilename(), replay: JSON.parse(readFileSync((await download.path())!, 'utf8')) as Replay };
}

describe('what-if forks', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('forks a replay at the turn the viewer shows, by keyboard, and shows and exports the two timelines as the engine computes them', async () => {
    const { page } = s;
    await openApp(s);
    await page.setInputFiles('#scenario-file', { name: 'group-1.replay.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(replay)) });
    await page.waitForSelector('#replay-viewer[open]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await text(page, '#replay-turn-title')).toContain('Turn 3 of');
    await tabTo(page, 'replay-whatif');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#whatif-dialog[open]');
    expect(await focusedId(page)).toBe('whatif-turn');
    expect(await page.locator('#whatif-turn').inputValue()).toBe('3');

    const seats = forkSeatsAt(sc, game, 3);
    for (const seat of seats) expect(await page.locator(`#whatif-action-${seat.actor}`).inputValue()).toBe(seat.recorded);
    const seat = seats.find((x) => x.actions.some((a) => a.available && a.id !== x.recorded))!;
    const other = seat.actions.find((a) => a.available && a.id !== seat.recorded)!;
    await tabTo(page, `whatif-action-${seat.actor}`);
    await page.selectOption(`#whatif-action-${seat.actor}`, other.id);
    await tabTo(page, 'whatif-run');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#whatif-result #whatif-scores');
    expect(await focusedId(page)).toBe('whatif-result');

    const fork = forkGame(sc, game, { turn: 3, choose: { [seat.actor]: { action: other.id } } });
    const c = compareTimelines(sc, game, fork.state);
    expect(await text(page, '#whatif-parted')).toContain('(turn 3)');
    expect(await text(page, '#whatif-changes')).toContain(`${seat.name}, `);
    expect(await text(page, '#whatif-changes')).toContain(`${other.label} instead of`);
    const title = (id: string | null) => sc.def.endings.find((e) => e.id === id)?.title ?? 'not finished';
    expect(await text(page, '#whatif-ending-original')).toContain(title(c.endings.original));
    expect(await text(page, '#whatif-ending-fork')).toContain(title(c.endings.fork));
    const scores = await page.locator('#whatif-scores tbody tr').allTextContents();
    c.scores.forEach((x, k) => expect(scores[k]).toContain(`${x.original} / ${x.max}${x.fork} / ${x.max}`));
    if (c.differences.length)
      expect(await text(page, '#whatif-differences li:first-child')).toBe(`${c.differences[0]!.label} ${differenceText(sc, c.differences[0]!).text}`);
    expect(await page.locator('#whatif-charts figure').count()).toBe(sc.indicators.length);
    const lines = page.locator(`#whatif-chart-${sc.indicators[0]!.id} polyline`);
    expect(await lines.count()).toBe(2);
    expect(await page.locator(`#whatif-chart-${sc.indicators[0]!.id} text.chart-label`).allTextContents()).toEqual(['As played', 'What if']);
    expect(await page.locator('#whatif-dialog .dialog-body').evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true);
    await shot(s, 'what-if');

    const out = await exported(page);
    expect(out.name).toBe('group-1.whatif-turn-3.replay.json');
    const check = verifyReplay(sc, out.replay);
    expect(check.ok).toBe(true);
    expect(out.replay.finalHash).toBe(stateHash(fork.state));
    await page.keyboard.press('Escape');
    await page.waitForSelector('#whatif-dialog', { state: 'detached' });
    expect(await page.locator('#replay-viewer[open]').count()).toBe(1);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('forks a finished game from its ending screen; with nothing changed the what-if is the game itself', async () => {
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=what-if-ending');
    await endTurnsToEnding(page);
    const finalHash = await hash(page);
    await shot(s, 'ending-with-what-if');
    await tabTo(page, 'what-if');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#whatif-dialog[open]');
    await page.selectOption('#whatif-turn', '2');
    await tabTo(page, 'whatif-run');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#whatif-result #whatif-scores');
    expect(await text(page, '#whatif-parted')).toContain('Nothing changed');
    expect(await text(page, '#whatif-differences')).toBe('Every number ends the same.');
    const out = await exported(page);
    expect(out.name).toMatch(/\.whatif-turn-2\.replay\.json$/);
    expect(out.replay.finalHash).toBe(finalHash);
    expect(verifyReplay(nodeScenario('tutorial'), out.replay).ok).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#whatif-dialog', { state: 'detached' });
    expect((await phase(page)).name).toBe('ending');
    expect(await problemsOf(s)).toEqual([]);
  });
});
