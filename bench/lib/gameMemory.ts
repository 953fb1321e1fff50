// Memory across games in one tab: plays whole games (the tutorial with one human, or any scenario all-AI) through the UI and reads the renderer's counters after
// each one, back on the title screen, after forced garbage collection. Shared by `npm run bench` and the e2e suite.
// - jsHeapMB: CDP Performance.getMetrics JSHeapUsedSize after HeapProfiler.collectGarbage;
// - domNodes / listeners: the same call's Nodes (every live node, detached ones included) and JSEventListeners;
// - rendererMB: resident memory (VmRSS in /proc/<pid>/status) summed over the browser's renderer processes, whose
//   pids come from the browser-level CDP SystemInfo.getProcessInfo (headless Chromium has no other per-page figure).
// Everything sent to the page is a string: see browserPage.ts on tsx's `__name` wrappers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT, clickAt, inPage, phaseOf, settle, waitScreen, waitUntil } from './browserPage.js';

export interface MemorySample {
  game: number;
  turns: number;
  jsHeapMB: number;
  domNodes: number;
  listeners: number;
  rendererMB: number;
}

export interface MemoryRun {
  samples: MemorySample[];
  problems: string[];
}

/** The limits of issue 9, per game from the end of game 2 on (DOM nodes: relative to game 2). */
export const MEMORY_LIMITS = { jsHeapMBPerGame: 0.25, rendererMBPerGame: 20, domNodesRelative: 0.1 };

export interface MemoryGrowth {
  fromGame: number;
  toGame: number;
  jsHeapMBPerGame: number;
  rendererMBPerGame: number;
  domNodesRelative: number;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 1000) / 1000;

/** Growth per game from sample `from` (1-based game number) to the last sample. */
export function growthOf(samples: MemorySample[], from = 2): MemoryGrowth {
  const a = samples.find((s) => s.game === from);
  const b = samples[samples.length - 1];
  if (!a || !b || b.game <= a.game) throw new Error(`need samples after game ${from}`);
  const n = b.game - a.game;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    fromGame: a.game,
    toGame: b.game,
    jsHeapMBPerGame: r3((b.jsHeapMB - a.jsHeapMB) / n),
    rendererMBPerGame: r3((b.rendererMB - a.rendererMB) / n),
    domNodesRelative: r3((b.domNodes - a.domNodes) / a.domNodes),
  };
}

function rssKB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

async function rendererMB(browserCdp: CDPSession): Promise<number> {
  const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  const kb = info.processInfo.filter((p) => p.type === 'renderer').reduce((s, p) => s + rssKB(p.id), 0);
  return Math.round((kb / 1024) * 10) / 10;
}

async function sample(page: Page, cdp: CDPSession, browserCdp: CDPSession, game: number, turns: number): Promise<MemorySample> {
  await settle(page, 300);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
  return { game, turns, jsHeapMB: mb(m('JSHeapUsedSize')), domNodes: m('Nodes'), listeners: m('JSEventListeners'), rendererMB: await rendererMB(browserCdp) };
}

// Locators only: an ElementHandle (what page.waitForSelector returns) keeps its node alive and would count as a leak.
const clickWhenThere = async (page: Page, selector: string) => {
  await page.locator(`#controls ${selector}`).waitFor({ timeout: 60_000 });
  await clickAt(page, selector);
};

/** What to play: a scenario by id, with the first role human (the setup's default) or every role the AI. */
export interface GamePlan {
  scenario: string;
  allAi: boolean;
  seed: string;
}

/** Plays one game from the title screen and returns to the title; the number of turns played. */
async function playOne(page: Page, plan: GamePlan): Promise<number> {
  await clickWhenThere(page, `#scenario-${plan.scenario}`);
  await waitScreen(page, 'setup');
  if (plan.allAi) {
    for (let i = 0; i < 20; i++) {
      const human = page.locator('#controls button[id^="seat-"][aria-pressed="true"]').first();
      if ((await human.count()) === 0) break;
      const id = await human.getAttribute('id');
      await clickAt(page, `#${id}`);
      await page.locator(`#controls #${id}[aria-pressed="false"]`).waitFor({ timeout: 30_000 });
    }
  }
  await page.locator('#controls #seed').fill(plan.seed);
  await clickWhenThere(page, '#start');
  let turns = 0;
  for (let i = 0; i < 200; i++) {
    const p = await phaseOf(page);
    await waitScreen(page, p.name);
    if (p.name === 'ending') break;
    if (p.name === 'main') {
      while ((await page.locator('dialog[open] .option').count()) > 0) {
        const id = await page.locator('dialog[open] .option').first().getAttribute('id');
        await clickAt(page, 'dialog[open] .option');
        if (id) await page.locator(`#${id}`).waitFor({ state: 'detached', timeout: 30_000 });
      }
      if (!plan.allAi) {
        const card = await page.locator('#controls button[id^="action-"]:not([aria-disabled="true"])').first().getAttribute('id');
        if (!card) throw new Error(`turn ${turns + 1}: no available action card`);
        await clickAt(page, `#${card}`);
      }
      await page.locator('#controls #end-turn:not([aria-disabled="true"])').waitFor({ timeout: 30_000 });
      await clickAt(page, '#end-turn');
      turns += 1;
    } else {
      const button = p.name === 'briefing' ? '#begin' : p.name === 'handover' ? '#ready' : p.name === 'resolution' ? '#continue' : null;
      if (!button) throw new Error(`unexpected screen "${p.name}"`);
      await clickWhenThere(page, button);
    }
    await waitUntil(page, `JSON.stringify(window.__statecraft.phase()) !== ${JSON.stringify(JSON.stringify(p))}`);
  }
  await clickWhenThere(page, '#to-title');
  await waitScreen(page, 'title');
  return turns;
}

const TUTORIAL: GamePlan = { scenario: 'tutorial', allAi: false, seed: 'memory' };

/** Launches Chromium (a fresh, non-persistent profile: the browser-level CDP session needs a Browser), plays `games` games of one plan. */
export async function measureGames(baseUrl: string, games: number, log: (line: string) => void = () => {}, plan: GamePlan = TUTORIAL): Promise<MemoryRun> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-memory-'));
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', `--crash-dumps-dir=${dir}`],
    });
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    const browserCdp = await browser.newBrowserCDPSession();
    await page.goto(baseUrl, { waitUntil: 'commit', timeout: 60_000 });
    await waitUntil(page, 'window.__statecraft && window.__statecraft.ready()');
    await waitScreen(page, 'title');
    const samples: MemorySample[] = [await sample(page, cdp, browserCdp, 0, 0)];
    for (let g = 1; g <= games; g++) {
      const turns = await playOne(page, plan);
      const s = await sample(page, cdp, browserCdp, g, turns);
      samples.push(s);
      log(
        `memory      ${plan.scenario}${plan.allAi ? ' (all AI)' : ''} game ${g}: ${turns} turns, JS heap ${s.jsHeapMB.toFixed(2)} MB, renderer ${s.rendererMB.toFixed(1)} MB, ${s.domNodes} DOM nodes, ${s.listeners} listeners`,
      );
    }
    const rendererKind = await inPage<string>(page, 'window.__statecraft.renderer()');
    log(`memory      (${rendererKind} renderer, ${VIEWPORT.width}x${VIEWPORT.height}, after HeapProfiler.collectGarbage ×3 on the title screen)`);
    return { samples, problems };
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
