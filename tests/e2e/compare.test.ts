// Compare groups: several replays picked at once from the "Compare games" dialog (keyboard only), or dropped together
// on the title screen; endings, scores, "k of N groups chose X", overlaid charts told apart by dash and label, the turn
// the groups drew apart; replays of another scenario and files that are not replays refused, each named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareGames } from '../../src/analysis/compare.js';
import { createGame, recordReplay, step, type GameState, type Scenario } from '../../src/engine/compiler.js';
import { nodeScenario } from './engineNode.js';
import { dropFiles } from './flows.js';
import { close, focusedId, launch, openApp, problemsOf, shot, tabTo, type Session } from './helpers.js';

const sc = nodeScenario('party-congress');
const tutorial = nodeScenario('tutorial');

function allAi(scenario: Scenario, seed: string): GameState {
  let s = createGame(scenario, { seed });
  while (!s.over) s = step(scenario, s, {}).state;
  return s;
}
const seeds = ['table-a', 'table-b', 'table-c'];
const games = seeds.map((seed) => allAi(sc, seed));
const file = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value, null, 2)) });
const groupFiles = games.map((g, k) => file(`${seeds[k]}.replay.json`, recordReplay(sc, g)));

describe('compare groups', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('compares three groups picked at once from the title screen, keyboard only, and names each refused file', async () => {
    const { page } = s;
    await openApp(s);
    await shot(s, 'title-with-compare');
    await tabTo(page, 'compare-games');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#compare-dialog[open]');
    expect(await focusedId(page)).toBe('compare-pick');
    const other = file('tutorial-game.replay.json', recordReplay(tutorial, allAi(tutorial, 'x')));
    await page.setInputFiles('#compare-files', [...groupFiles, other, file('notes.json', { hello: 1 })]);
    await page.waitForSelector('#compare-scores');
    expect(await focusedId(page)).toBe('compare-result');

    const expected = compareGames(
      sc,
      games.map((g, k) => ({ name: seeds[k]!, state: g })),
    );
    const endings = (await page.locator('#compare-endings').textContent()) ?? '';
    for (const e of expected.endings) expect(endings).toContain(`${e.title}: ${e.groups.length} of 3 groups`);
    expect(await page.locator('#compare-scores tbody tr').count()).toBe(3);
    const scores = (await page.locator('#compare-scores').textContent()) ?? '';
    for (const g of expected.groups) expect(scores).toContain(`${g.scores[0]!.score} / ${g.scores[0]!.max}`);
    const diverged = (await page.locator('#compare-diverged').textContent()) ?? '';
    expect(expected.mostDiverged).not.toBeNull();
    expect(diverged).toContain(`drew apart most in`);
    expect(diverged).toContain(`(turn ${expected.mostDiverged})`);

    const first = expected.turns[0]!.actions[0]!;
    const choices = (await page.locator('#compare-choices').textContent()) ?? '';
    expect(choices).toContain(`${first.options[0]!.groups.length} of 3 chose ${first.options[0]!.label}`);

    expect(await page.locator('#compare-charts figure').count()).toBe(sc.indicators.length);
    const chart = page.locator(`#compare-chart-${sc.indicators[0]!.id}`);
    const dashes = await chart.locator('polyline').evaluateAll((ls) => ls.map((l) => l.getAttribute('stroke-dasharray') ?? 'solid'));
    expect(new Set(dashes).size).toBe(3);
    expect(await chart.locator('text.chart-label').allTextContents()).toEqual(seeds);
    expect(await chart.locator('svg.line-chart').getAttribute('aria-label')).toContain('table-b');

    const refused = await page.locator('#compare-refused li').allTextContents();
    expect(refused).toHaveLength(2);
    expect(refused[0]).toContain('tutorial-game.replay.json: a replay of the scenario "tutorial", not of "party_congress"');
    expect(refused[1]).toMatch(/^notes\.json:1:1: error: not a valid replay/);
    // Readable at 1280x720: the dialog scrolls down, never sideways.
    expect(await page.locator('#compare-dialog .dialog-body').evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true);
    await shot(s, 'compare');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#compare-dialog', { state: 'detached' });
    expect(await problemsOf(s)).toEqual([]);
  });

  it('compares replays dropped together on the title screen', async () => {
    const { page } = s;
    await openApp(s);
    await dropFiles(
      page,
      groupFiles.slice(0, 2).map((f) => ({ name: f.name, text: f.buffer.toString() })),
    );
    await page.waitForSelector('#compare-dialog[open] #compare-scores');
    expect(await page.locator('#compare-scores tbody tr').count()).toBe(2);
    expect(await page.locator('#compare-title').textContent()).toContain('2 groups');
    expect(await page.locator('#replay-viewer').count()).toBe(0);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('says a single replay is not enough to compare', async () => {
    const { page } = s;
    await openApp(s);
    await page.setInputFiles('#scenario-file', [groupFiles[0]!]);
    await page.waitForSelector('#replay-viewer[open]');
    await page.keyboard.press('Escape');
    await tabTo(page, 'compare-games');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#compare-dialog[open]');
    await page.setInputFiles('#compare-files', [groupFiles[1]!]);
    await page.waitForSelector('#compare-refused');
    expect(await page.locator('#compare-refused').textContent()).toContain('Only table-b could be compared');
    expect(await problemsOf(s)).toEqual([]);
  });
});
