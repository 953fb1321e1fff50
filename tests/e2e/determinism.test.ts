// Cross-runtime determinism: a replay exported from the browser verifies with the CLI (or the engine in Node),
// and the browser's final hash equals Node's for the same seed and choices. Also: the CSP and the renderer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReplay, verifyReplay } from '../../src/engine/compiler.js';
import { nodeHash, nodeScenario } from './engineNode.js';
import { pickFirstAvailable } from './flows.js';
import { clickAt, close, gameState, hash, launch, openApp, phase, problemsOf, ROOT, waitPhase, type Session } from './helpers.js';
import type { PageGlobals } from './pageTypes.js';

/** From the briefing to the ending screen, the human seat taking its first available action and first dilemma option. */
async function playToEnd(page: Page): Promise<void> {
  await waitPhase(page, 'briefing', 0);
  await clickAt(page, '#begin');
  for (let i = 0; i < 30 && (await phase(page)).name !== 'ending'; i++) {
    const p = await phase(page);
    await waitPhase(page, p.name, p.seat);
    if (p.name === 'main') {
      if (await page.locator('dialog[open] .option').count()) await clickAt(page, 'dialog[open] .option');
      await pickFirstAvailable(page);
      await clickAt(page, '#end-turn');
    } else await clickAt(page, '#continue');
    await page.waitForFunction((b) => JSON.stringify((globalThis as unknown as PageGlobals).__statecraft.phase()) !== b, JSON.stringify(p));
  }
  await waitPhase(page, 'ending');
}

describe('determinism across runtimes', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('exports a replay that verifies in Node and reaches the same hash', async () => {
    const { page } = s;
    await openApp(s, '?scenario=tutorial&seed=cross-runtime-7&human=lowland');
    await playToEnd(page);
    const dir = mkdtempSync(join(tmpdir(), 'statecraft-replay-'));
    const [download] = await Promise.all([page.waitForEvent('download'), clickAt(page, '#export-replay')]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const [csv] = await Promise.all([page.waitForEvent('download'), clickAt(page, '#export-csv')]);
    const csvFile = join(dir, csv.suggestedFilename());
    await csv.saveAs(csvFile);

    const replay = parseReplay(JSON.parse(readFileSync(file, 'utf8')));
    expect(replay.ok).toBe(true);
    const sc = nodeScenario('tutorial');
    const browserHash = await hash(page);
    if (replay.ok) {
      const check = verifyReplay(sc, replay.replay);
      expect(check.ok).toBe(true);
      if (check.ok) expect(check.finalHash).toBe(browserHash);
    }
    const cli = join(ROOT, 'src/cli/main.ts');
    const out = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), cli, 'replay', file], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('verified');
    expect(out).toContain(browserHash!);
    const g = await gameState(page);
    expect(
      nodeHash(
        sc,
        g.seed,
        g.seats as Record<string, 'human' | 'ai'>,
        null,
        g.history.filter((h) => h.turn > 0).map((h) => h.choices),
      ),
    ).toBe(browserHash);

    const rows = readFileSync(csvFile, 'utf8').trim().split(/\r\n/);
    const per = (a: string) => [`action_${a}`, `action_label_${a}`, `dilemmas_${a}`, `dilemma_labels_${a}`];
    expect(rows[0]).toBe(
      [
        'run',
        'scenario',
        'seed',
        'turn',
        'period',
        'tension',
        'dam',
        'upland_economy',
        'lowland_economy',
        ...per('upland'),
        ...per('lowland'),
        ...per('harbor'),
        'ending',
        'ending_title',
        'score_upland',
        'score_lowland',
        'score_harbor',
        'max_score_upland',
        'max_score_lowland',
        'max_score_harbor',
      ].join(','),
    );
    expect(rows.length).toBe(g.history.length + 1);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('exports a debrief and a CSV that defuse a hostile seed (formula, backticks, HTML)', async () => {
    const { page } = s;
    const seed = '=HYPERLINK("http://x") `a``b` <img src=x onerror=alert(1)>';
    await openApp(s, `?scenario=tutorial&seed=${encodeURIComponent(seed)}&human=lowland`);
    await playToEnd(page);
    const dir = mkdtempSync(join(tmpdir(), 'statecraft-exports-'));
    const save = async (id: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), clickAt(page, id)]);
      const file = join(dir, d.suggestedFilename());
      await d.saveAs(file);
      return readFileSync(file, 'utf8');
    };
    const csv = await save('#export-csv');
    const debrief = await save('#export-debrief');
    const rows = parseCsv(csv, { record_delimiter: '\r\n', relax_quotes: false }) as string[][];
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows.slice(1)) expect([row[0], row[2]]).toEqual([`tutorial:${seed}`, `'${seed}`]);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(debrief).toContain(`- Seed: \`\`\`${seed}\`\`\``);
    expect(debrief).not.toMatch(/^[^`]*<img/m);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('runs WebGL under the strict Content-Security-Policy', async () => {
    const { page } = s;
    const response = await page.goto(new URL('./', page.url()).toString());
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).not.toContain('unsafe-eval');
    expect(header).not.toContain('unsafe-inline');
    await openApp(s);
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    // The header is the page's own policy plus what only a header can say (frame-ancestors).
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.renderer())).toBe('webgl');
    expect(await problemsOf(s)).toEqual([]);
  });
});
