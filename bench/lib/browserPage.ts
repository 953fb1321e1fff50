// Debian Chromium for the browser part: the project's launch settings, a probe script in the page, small page moves.
// Everything that runs in the page is a string: tsx (keepNames) wraps named closures in `__name(...)`, which does
// not exist in the page, so serialised functions would break there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags every headless Chromium here runs with: no sandbox (containers), no GPU, nothing that phones home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1280, height: 720 };

export interface Browser {
  ctx: BrowserContext;
  page: Page;
  problems: string[];
  close(): Promise<void>;
}

/**
 * Installed before any page script (addInitScript). `window.__bench` keeps:
 * - longTasks / frames: every `longtask` and `long-animation-frame` entry (buffered observers; both report ≥ 50 ms);
 * - seen / interactive: when the first control of the UI (`#controls button`) was inserted, and when it first took focus;
 * - canvas / ready: when Phaser's canvas was inserted and when the boot message was hidden (Phaser's `ready`).
 * A MutationObserver callback runs in the same task as the insertion, so the time is not delayed by polling; a
 * requestAnimationFrame loop retries focus in case the control exists but cannot take it yet.
 */
const PROBE = `(() => {
  if (window.__bench) return;
  const b = { longTasks: [], frames: [], seen: null, interactive: null, canvas: null, ready: null, types: [] };
  Object.defineProperty(window, '__bench', { value: b, enumerable: false });
  const types = (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes) || [];
  b.types = types.filter((t) => t === 'longtask' || t === 'long-animation-frame');
  if (types.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  }
  if (types.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts || []).slice().sort((x, y) => y.duration - x.duration);
        const s = scripts[0];
        b.frames.push({
          start: e.startTime, duration: e.duration, blocking: e.blockingDuration || 0,
          scriptMs: scripts.reduce((sum, x) => sum + x.duration, 0),
          renderMs: e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0,
          top: s ? { invoker: String(s.invoker || s.invokerType || ''), fn: String(s.sourceFunctionName || ''), url: String(s.sourceURL || ''), pos: s.sourceCharPosition ?? -1, duration: s.duration } : null,
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  const check = () => {
    if (!b.canvas && document.querySelector('#game canvas')) b.canvas = performance.now();
    const msg = document.getElementById('boot-message');
    if (!b.ready && msg && msg.hasAttribute('hidden')) b.ready = performance.now();
    if (!b.interactive) {
      const el = document.querySelector('#controls button');
      if (el) {
        if (!b.seen) b.seen = { t: performance.now(), id: el.id };
        const a = document.activeElement;
        // A control the app focused itself already proves it; otherwise focus the first one (never steal focus).
        if (a && a !== document.body && a.closest && a.closest('#controls')) b.interactive = { t: performance.now(), id: a.id || el.id };
        else {
          el.focus({ preventScroll: true });
          if (document.activeElement === el) b.interactive = { t: performance.now(), id: el.id };
        }
      }
    }
    return !!(b.interactive && b.canvas && b.ready);
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'hidden', 'class', 'disabled', 'inert'] });
  const poll = () => { if (check()) mo.disconnect(); else if (!b.interactive || performance.now() - b.interactive.t < 5000) requestAnimationFrame(poll); else mo.disconnect(); };
  requestAnimationFrame(poll);
})();`;

/** Launches Chromium exactly as the project requires, with a fresh profile, the probe installed and page problems recorded. */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-bench-'));
  let ctx: BrowserContext;
  try {
    ctx = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: VIEWPORT,
      args: [...CHROMIUM_ARGS],
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  await ctx.addInitScript({ content: PROBE });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  return {
    ctx,
    page,
    problems,
    close: async () => {
      try {
        await ctx.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Evaluates a JavaScript expression in the page (a promise is awaited). */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

export interface LongEntry {
  start: number;
  duration: number;
}
/** A long animation frame, with the script that took longest in it. */
export interface LongFrame extends LongEntry {
  blocking: number;
  scriptMs: number;
  renderMs: number;
  top: { invoker: string; fn: string; url: string; pos: number; duration: number } | null;
}
export interface Mark {
  t: number;
  id: string;
}
export interface ProbeView {
  longTasks: LongEntry[];
  frames: LongFrame[];
  seen: Mark | null;
  interactive: Mark | null;
  /** When Phaser's canvas was inserted, and when the boot message was hidden (Phaser ready). */
  canvas: number | null;
  ready: number | null;
  types: string[];
}

export function probe(page: Page): Promise<ProbeView> {
  return inPage<ProbeView>(page, '({ ...window.__bench })');
}

/** Lets the page draw two frames and the performance observers deliver their entries; returns the page's clock after. */
export function settle(page: Page, ms = 250): Promise<number> {
  return inPage<number>(page, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(performance.now()), ${ms}))))`);
}

export function now(page: Page): Promise<number> {
  return inPage<number>(page, 'performance.now()');
}

/** The app's phase through its read-only test hook. */
export function phaseOf(page: Page): Promise<{ name: string; seat?: number }> {
  return inPage(page, 'window.__statecraft ? window.__statecraft.phase() : { name: "none" }');
}

/**
 * Waits until the JavaScript expression `predicate` is true in the page, checking every frame and every 20 ms.
 * (page.waitForFunction compiles its predicate with eval inside the page, which the site's CSP forbids; an evaluated
 * expression is compiled by the DevTools protocol instead.)
 */
export async function waitUntil(page: Page, predicate: string, timeout = 60_000): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await waitOnce(page, predicate, timeout);
    } catch (e) {
      // A navigation that replaces the document mid-wait: wait again in the new one.
      if (attempt >= 3 || !/context was destroyed|navigat/i.test((e as Error).message)) throw e;
    }
  }
}

async function waitOnce(page: Page, predicate: string, timeout: number): Promise<void> {
  const ok = await inPage<boolean>(
    page,
    `new Promise((resolve) => {
    const end = performance.now() + ${timeout};
    let done = false;
    const test = () => { try { return !!(${predicate}); } catch { return false; } };
    const tick = () => {
      if (done) return;
      if (test()) { done = true; resolve(true); return; }
      if (performance.now() > end) { done = true; resolve(false); return; }
      setTimeout(tick, 20);
    };
    tick();
  })`,
  );
  if (!ok) throw new Error(`timed out after ${timeout} ms waiting for ${predicate}`);
}

/** Waits until the app shows screen `name` (one of several, `a|b`) with its controls laid out. */
export async function waitScreen(page: Page, names: string, timeout = 60_000): Promise<void> {
  const list = JSON.stringify(names.split('|'));
  await waitUntil(
    page,
    `!!window.__statecraft && ${list}.includes(window.__statecraft.phase().name) && document.querySelector('#controls button') !== null`,
    timeout,
  );
}

/** Clicks the centre of a control with the mouse (a real pointer event at its place over the canvas), as a player would. */
export async function clickAt(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
