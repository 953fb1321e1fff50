// Shared browser-test plumbing: launching Debian Chromium, opening the app, waiting on its phase, screenshots, problems.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../bench/lib/browserPage.js';
import type { PageGlobals } from './pageTypes.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHOTS = join(ROOT, 'screenshots');

export const DESKTOP = { width: 1280, height: 720 };
export const PHONE = { width: 390, height: 844 };

export interface Session {
  ctx: BrowserContext;
  page: Page;
  problems: string[];
  dir: string;
  size: { width: number; height: number };
}

export interface Phase {
  name: string;
  seat?: number;
  then?: string;
}

/** Launches Chromium exactly as the project requires, with a fresh profile, and records page problems (a request to another host than `site` is one). */
export async function launch(size = DESKTOP, site: string = inject('baseUrl')): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-e2e-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: size,
    acceptDownloads: true,
    args: [...CHROMIUM_ARGS],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const problems: string[] = [];
  const base = new URL(site);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.host !== base.host) problems.push(`network request outside the site: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  await ctx.addInitScript(() => {
    const list: string[] = [];
    Object.defineProperty(globalThis, '__cspViolations', { value: list });
    (globalThis as unknown as PageGlobals).addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { ctx, page, problems, dir, size };
}

export async function close(s: Session): Promise<void> {
  await s.ctx.close();
  rmSync(s.dir, { recursive: true, force: true });
}

/** Problems seen so far, including Content-Security-Policy violations reported by the page. */
export async function problemsOf(s: Session): Promise<string[]> {
  const csp = await s.page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations ?? []).catch(() => [] as string[]);
  return [...s.problems, ...csp.map((c) => `CSP violation: ${c}`)];
}

/** Opens the app (optionally with a query string) and waits until it shows a screen. */
export async function openApp(s: Session, query = ''): Promise<void> {
  await s.page.goto(new URL(query, inject('baseUrl')).toString());
  await s.page.waitForFunction(
    () => {
      const g = globalThis as unknown as Partial<PageGlobals> & Pick<PageGlobals, 'document'>;
      // The game's own screen (the plain-DOM title shown before the game loads is replaced by it).
      return !!g.__statecraft && g.__statecraft.ready() && g.document.querySelector('#controls button') !== null;
    },
    undefined,
    { timeout: 30_000 },
  );
}

export async function phase(page: Page): Promise<Phase> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.phase());
}

export async function hash(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.hash());
}

export async function seatActor(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.seat());
}

export interface GameView {
  turn: number;
  over: boolean;
  ending: string | null;
  seed: string;
  seats: Record<string, string>;
  history: Array<{ turn: number; choices: Record<string, { action: string; dilemmas?: Record<string, string> }> }>;
  dilemmas: Array<{ event: string; actor: string }>;
}

export async function gameState(page: Page): Promise<GameView> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__statecraft.state() as GameView);
}

/** Waits until the app shows `name` (and seat, when given) and its screen has been laid out. */
export async function waitPhase(page: Page, name: string, seat?: number): Promise<void> {
  await page.waitForFunction(
    ([n, st]) => {
      const g = globalThis as unknown as PageGlobals;
      if (!g.__statecraft?.ready()) return false;
      const p = g.__statecraft.phase();
      return p.name === n && (st === null || p.seat === st) && g.document.querySelector('#controls button') !== null;
    },
    [name, seat ?? null] as const,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(120);
}

/** The id of the focused element ('' when none). */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id ?? '');
}

/** Waits until the phase differs from `before` (a JSON text of it). */
export async function waitPhaseChange(page: Page, before: Phase): Promise<void> {
  await page.waitForFunction((b) => JSON.stringify((globalThis as unknown as PageGlobals).__statecraft.phase()) !== b, JSON.stringify(before));
}

/** Presses Tab until the element with `id` has focus (keyboard only); fails after `max` presses. */
export async function tabTo(page: Page, id: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Clicks the centre of a control with the mouse (a real pointer event at its position over the canvas). */
export async function clickAt(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Saves a screenshot as screenshots/<name>-<w>x<h>.png. */
export async function shot(s: Session, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await s.page.waitForTimeout(150);
  await s.page.screenshot({ path: join(SHOTS, `${name}-${s.size.width}x${s.size.height}.png`) });
}

/** Every saved game in the page's storage, by key: the slots ("statecraft.slot.g<n>") and any old single save. */
export async function storedSaves(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const ls = (globalThis as unknown as PageGlobals).localStorage;
    const out: Record<string, string> = {};
    for (let i = 0; i < ls.length; i++) {
      const k = ls.key(i)!;
      if (k === 'statecraft.save' || k.startsWith('statecraft.slot.')) out[k] = ls.getItem(k)!;
    }
    return out;
  });
}

/** The one saved game stored (fails when there is not exactly one). */
export async function onlySave(page: Page): Promise<string> {
  const all = Object.values(await storedSaves(page));
  if (all.length !== 1) throw new Error(`expected one saved game, found ${all.length}`);
  return all[0]!;
}

/** Empties the page's storage. */
export async function clearStorage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const ls = (globalThis as unknown as PageGlobals).localStorage;
    for (let i = ls.length - 1; i >= 0; i--) ls.removeItem(ls.key(i)!);
  });
}
