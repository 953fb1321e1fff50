// Part "browser": the built front end in headless Debian Chromium (playwright-core) served by `vite preview`.
// - jsGzipKB: every .js file of a private build (.bench/dist), gzip level 9, summed, in KB (1024 bytes);
// - firstInteractiveMs: navigation start → the title screen's first control exists and takes focus (median of fresh profiles);
// - longestTaskMs: the longest `longtask` while turns of the flagship resolve, played with the mouse.
// Nothing is asserted: the figures and the issue's targets are printed side by side.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  CHROMIUM,
  clickAt,
  inPage,
  launchBrowser,
  now,
  phaseOf,
  probe,
  settle,
  waitScreen,
  waitUntil,
  type LongEntry,
  type LongFrame,
} from './lib/browserPage.js';
import { buildSite, entryScripts, OUT_DIR, sizes, stableName, startPreview, type FileSize } from './lib/browserSite.js';
import type { BenchContext, PartResult } from './lib/types.js';

/** The issue's targets, reported next to the figures (never asserted). */
const TARGETS = { jsGzipKB: 420, firstInteractiveMs: 1500, longestTaskMs: 200 };
const FLAGSHIP = 'party-congress';
const SEED = 'bench';
/** Long tasks are reported by the browser from 50 ms on; the issue's limit is 200 ms. */
const LIMIT_MS = TARGETS.longestTaskMs;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const ms = (x: number) => Math.round(x);
const load1 = () => Number(loadavg()[0]!.toFixed(2));

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function lastLines(text: string, n = 4): string {
  return text.trim().split('\n').filter(Boolean).slice(-n).join(' | ').slice(0, 400);
}

// ---------------------------------------------------------------- sizes

function sizeFigures(ctx: BenchContext, buildSeconds: number): Record<string, unknown> {
  const out = join(ctx.root, OUT_DIR);
  const js = sizes(out, ['.js']);
  const jsBytes = js.reduce((s, f) => s + f.gzipBytes, 0);
  const entry = new Set(entryScripts(out));
  const byName: Record<string, unknown> = {};
  for (const f of js) {
    const key = js.filter((g) => g.name === f.name).length > 1 ? f.file : f.name;
    byName[key] = { gzipKB: kb(f.gzipBytes), rawKB: kb(f.bytes), file: f.file, ...(entry.has(f.file) ? { entry: true } : {}) };
  }
  const data: FileSize[] = sizes(out, ['.json']);
  const map = data.find((f) => /countries|land|world|atlas/i.test(f.name));
  const css = sizes(out, ['.css']);
  const fonts = sizes(out, ['.woff2']);
  const jsGzipKB = kb(jsBytes);
  ctx.log(`browser     build        ${OUT_DIR} in ${buildSeconds.toFixed(1)} s (vite build, private folder)`);
  ctx.log(
    `browser     JS           ${jsGzipKB.toFixed(1).padStart(7)} KB gzipped (level 9) in ${js.length} files, target ≤ ${TARGETS.jsGzipKB} KB: ${js.map((f) => `${f.name} ${kb(f.gzipBytes).toFixed(1)}`).join(', ')}`,
  );
  if (map)
    ctx.log(
      `browser     map data     ${kb(map.gzipBytes).toFixed(1).padStart(7)} KB gzipped (${kb(map.bytes).toFixed(1)} KB raw), separate file ${map.file}, fetched at boot, not counted as JS`,
    );
  else ctx.log('browser     map data     no separate JSON file in the build (inlined in the JS, if used)');
  return {
    jsGzipKB,
    jsRawKB: kb(js.reduce((s, f) => s + f.bytes, 0)),
    jsFileCount: js.length,
    jsFiles: byName,
    mapData: map ? { separate: true, file: map.file, rawKB: kb(map.bytes), gzipKB: kb(map.gzipBytes) } : { separate: false },
    cssGzipKB: kb(css.reduce((s, f) => s + f.gzipBytes, 0)),
    fontWoff2KB: kb(fonts.reduce((s, f) => s + f.bytes, 0)),
    buildSeconds: Number(buildSeconds.toFixed(2)),
  };
}

// ---------------------------------------------------------------- first interactive

interface LoadSample {
  interactiveMs: number;
  insertedMs: number;
  control: string;
  fcpMs: number | null;
  domContentLoadedMs: number;
  loadEventMs: number;
  scriptKBBefore: number;
  mapDataMs: number | null;
  longestTaskMs: number;
  longTaskMsBefore: number;
  canvasMs: number | null;
  readyMs: number | null;
  phase: string;
}

const NAV_FIGURES = `(() => {
  const b = window.__bench;
  const t = b.interactive.t;
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const res = performance.getEntriesByType('resource');
  const scripts = res.filter((r) => r.initiatorType === 'script' || /\\.js(\\?|$)/.test(r.name)).filter((r) => r.responseEnd <= t);
  const map = res.find((r) => /countries|atlas|land/.test(r.name) && /\\.json(\\?|$)/.test(r.name));
  return {
    interactiveMs: t, insertedMs: b.seen ? b.seen.t : t, control: b.interactive.id,
    fcpMs: fcp ? fcp.startTime : null,
    domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : -1, loadEventMs: nav ? nav.loadEventEnd : -1,
    scriptBytesBefore: scripts.reduce((s, r) => s + (r.encodedBodySize || r.transferSize || 0), 0),
    mapDataMs: map ? map.responseEnd : null,
    longestTaskMs: b.longTasks.filter((x) => x.start <= t).reduce((m, x) => Math.max(m, x.duration), 0),
    longTaskMsBefore: b.longTasks.filter((x) => x.start <= t).reduce((m, x) => m + x.duration, 0),
    canvasMs: b.canvas, readyMs: b.ready,
    phase: window.__statecraft ? window.__statecraft.phase().name : 'none',
  };
})()`;

const INTERACTIVE = 'window.__bench && window.__bench.interactive !== null';

async function readLoad(page: Page): Promise<LoadSample> {
  await waitUntil(page, INTERACTIVE);
  const r = await inPage<Omit<LoadSample, 'scriptKBBefore'> & { scriptBytesBefore: number }>(page, NAV_FIGURES);
  return { ...r, scriptKBBefore: kb(r.scriptBytesBefore) };
}

/** One fresh profile: a cold load (nothing cached), then a reload with the HTTP and code caches warm. */
async function oneLoad(baseUrl: string): Promise<{ cold: LoadSample; warm: LoadSample; problems: string[] }> {
  const b = await launchBrowser();
  try {
    await b.page.goto(baseUrl, { waitUntil: 'commit', timeout: 60_000 });
    const cold = await readLoad(b.page);
    // The title screen is left as it is, so the reload shows it again (it remembers the title as the last screen).
    await b.page.waitForTimeout(300);
    await b.page.reload({ waitUntil: 'commit', timeout: 60_000 });
    const warm = await readLoad(b.page);
    return { cold, warm, problems: [...b.problems] };
  } finally {
    await b.close();
  }
}

async function firstInteractive(ctx: BenchContext, baseUrl: string): Promise<Record<string, unknown>> {
  const n = ctx.quick ? 3 : 7;
  await oneLoad(baseUrl); // warm-up: disk caches, the preview server, Chromium's own start-up files
  const runs: Array<{ cold: LoadSample; warm: LoadSample; problems: string[] }> = [];
  const loads: number[] = [];
  for (let i = 0; i < n; i++) {
    loads.push(load1());
    runs.push(await oneLoad(baseUrl));
  }
  const cold = runs.map((r) => r.cold);
  const pick = <K extends keyof LoadSample>(k: K, from = cold) => from.map((s) => s[k] as number);
  const med = median(pick('interactiveMs'));
  const medOf = (k: keyof LoadSample, from = cold) => {
    const xs = pick(k, from).filter((x) => typeof x === 'number' && x >= 0);
    return xs.length ? ms(median(xs)) : null;
  };
  const problems = [...new Set(runs.flatMap((r) => r.problems))];
  const screens = [...new Set(cold.map((s) => `${s.phase}:${s.control}`))];
  const out = {
    firstInteractiveMs: ms(med),
    samplesMs: pick('interactiveMs').map(ms),
    minMs: ms(Math.min(...pick('interactiveMs'))),
    maxMs: ms(Math.max(...pick('interactiveMs'))),
    spread: Number(((Math.max(...pick('interactiveMs')) - Math.min(...pick('interactiveMs'))) / med).toFixed(3)),
    control: cold[0]!.control,
    screen: cold[0]!.phase,
    insertedMs: medOf('insertedMs'),
    fcpMs: medOf('fcpMs'),
    domContentLoadedMs: medOf('domContentLoadedMs'),
    loadEventMs: medOf('loadEventMs'),
    mapDataLoadedMs: medOf('mapDataMs'),
    jsTransferKBBefore: cold[0]!.scriptKBBefore,
    canvasMs: medOf('canvasMs'),
    phaserReadyMs: medOf('readyMs'),
    longestStartupTaskMs: medOf('longestTaskMs'),
    longTaskMsBefore: medOf('longTaskMsBefore'),
    warmReloadMs: medOf(
      'interactiveMs',
      runs.map((r) => r.warm),
    ),
    loadAverageDuring: loads,
    problems: problems.length,
    ...(problems.length ? { firstProblem: problems[0]!.slice(0, 200) } : {}),
  };
  ctx.log(
    `browser     interactive  ${String(out.firstInteractiveMs).padStart(7)} ms median of ${n} fresh profiles (${out.minMs}…${out.maxMs} ms), target ≤ ${TARGETS.firstInteractiveMs} ms: #${out.control} on the ${out.screen} screen focusable`,
  );
  ctx.log(
    `browser                  medians: first paint ${out.fcpMs ?? '?'} ms, DOMContentLoaded ${out.domContentLoadedMs} ms, load ${out.loadEventMs} ms, canvas ${out.canvasMs ?? '?'} ms, Phaser ready ${out.phaserReadyMs ?? '?'} ms, map data ${out.mapDataLoadedMs ?? '?'} ms; long tasks before it ${out.longTaskMsBefore} ms in all (longest ${out.longestStartupTaskMs} ms); warm reload ${out.warmReloadMs} ms`,
  );
  ctx.log(`browser                  ${out.jsTransferKBBefore} KB of JS transferred before it (as served: vite preview compresses)`);
  if (screens.length > 1) ctx.log(`browser     note: the loads ended on different screens/controls: ${screens.join(', ')}`);
  if (problems.length) ctx.log(`browser     page problems during the loads (${problems.length}): ${problems[0]!.slice(0, 200)}`);
  return out;
}

// ---------------------------------------------------------------- turns

/** The flagship scenario's id, the actor a human plays in it, and its turns. */
function flagship(root: string): { id: string; human: string; turns: number } {
  const def = JSON.parse(readFileSync(join(root, 'scenarios', `${FLAGSHIP}.json`), 'utf8')) as { actors: Array<{ id: string }>; turns: { count: number } };
  return { id: FLAGSHIP, human: def.actors[0]!.id, turns: def.turns.count };
}

/** Clicks through briefings, hand-overs and resolutions until the seat's main screen (or the ending) shows. */
async function toMain(page: Page): Promise<'main' | 'ending'> {
  for (let i = 0; i < 20; i++) {
    const p = await phaseOf(page);
    if (p.name === 'main' || p.name === 'ending') {
      await waitScreen(page, p.name);
      return p.name;
    }
    const button = p.name === 'briefing' ? '#begin' : p.name === 'handover' ? '#ready' : p.name === 'resolution' ? '#continue' : null;
    if (!button) throw new Error(`unexpected screen "${p.name}"`);
    await waitScreen(page, p.name);
    await page.waitForSelector(`#controls ${button}`, { timeout: 60_000 });
    await clickAt(page, button);
    await waitUntil(page, `window.__statecraft.phase().name !== ${JSON.stringify(p.name)}`);
  }
  throw new Error('never reached a main screen');
}

/** Answers every open dilemma with its first option, by mouse. */
async function answerDilemmas(page: Page): Promise<number> {
  let n = 0;
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(50);
    if ((await page.locator('dialog[open] .option').count()) === 0) return n;
    const id = await page.locator('dialog[open] .option').first().getAttribute('id');
    await clickAt(page, 'dialog[open] .option');
    if (id) await page.waitForSelector(`#${id}`, { state: 'detached', timeout: 30_000 });
    n += 1;
  }
  return n;
}

interface Window {
  from: number;
  to: number;
}

function within(entries: LongEntry[], w: Window): LongEntry[] {
  return entries.filter((e) => e.start >= w.from && e.start <= w.to);
}

const longest = (entries: LongEntry[]) => entries.reduce((m, e) => Math.max(m, e.duration), 0);

/** "FrameRequestCallback in phaser.js@123456, 180 ms of script, 40 ms render": where a long frame's time went. */
function describeFrame(f: LongFrame | undefined): string | null {
  if (!f) return null;
  const t = f.top;
  const where = t
    ? `${t.invoker || '?'}${t.fn ? ` ${t.fn}` : ''} in ${t.url ? stableName(t.url.split(/[?#]/)[0]!) : '?'}${t.pos >= 0 ? `@${t.pos}` : ''} ${ms(t.duration)} ms`
    : 'no script';
  return `${ms(f.duration)} ms frame: ${where}; scripts ${ms(f.scriptMs)} ms, style/layout/paint ${ms(f.renderMs)} ms`;
}

const longestFrame = (frames: LongFrame[]) => frames.reduce<LongFrame | undefined>((m, f) => (!m || f.duration > m.duration ? f : m), undefined);

async function playTurns(ctx: BenchContext, baseUrl: string): Promise<Record<string, unknown>> {
  const sc = flagship(ctx.root);
  const turns = ctx.quick ? 3 : sc.turns;
  const b = await launchBrowser();
  try {
    const { page } = b;
    const url = new URL(`?scenario=${sc.id}&seed=${SEED}&human=${sc.human}`, baseUrl).toString();
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    await waitScreen(page, 'briefing|handover|main');
    const resolve: Window[] = [];
    const cont: Window[] = [];
    const wallMs: number[] = [];
    let dilemmas = 0;
    let played = 0;
    let ended = false;
    const loads: number[] = [];
    for (let turn = 0; turn < turns; turn++) {
      if ((await toMain(page)) === 'ending') {
        ended = true;
        break;
      }
      dilemmas += await answerDilemmas(page);
      const card = await page.locator('#controls button[id^="action-"]:not([aria-disabled="true"])').first().getAttribute('id');
      if (!card) throw new Error(`turn ${turn + 1}: no available action card`);
      await clickAt(page, `#${card}`);
      await page.waitForSelector('#controls #end-turn:not([aria-disabled="true"])', { timeout: 30_000 });
      dilemmas += await answerDilemmas(page);
      await settle(page, 150);
      loads.push(load1());
      // The turn resolves: End turn → the AI decides, the engine steps, the resolution screen is built and drawn.
      const r0 = await now(page);
      const w0 = Date.now();
      await clickAt(page, '#end-turn');
      await waitScreen(page, 'resolution');
      wallMs.push(Date.now() - w0);
      resolve.push({ from: r0, to: await settle(page) });
      // ... then Continue → the next turn's map, dashboard and cards are built and drawn (or the ending).
      const c0 = await now(page);
      await clickAt(page, '#continue');
      await waitScreen(page, 'main|ending');
      cont.push({ from: c0, to: await settle(page) });
      played += 1;
    }
    if (!ended && (await phaseOf(page)).name === 'ending') ended = true;
    const seen = await probe(page);
    const renderer = await inPage<string>(page, 'window.__statecraft.renderer()');
    const all = [...resolve, ...cont];
    const inTurns = seen.longTasks.filter((e) => all.some((w) => e.start >= w.from && e.start <= w.to));
    const perTurn = resolve.map((w, i) => ms(Math.max(longest(within(seen.longTasks, w)), longest(within(seen.longTasks, cont[i]!)))));
    const resolveTasks = resolve.flatMap((w) => within(seen.longTasks, w));
    const contTasks = cont.flatMap((w) => within(seen.longTasks, w));
    const framesInTurns = seen.frames.filter((e) => all.some((w) => e.start >= w.from && e.start <= w.to));
    const firstTurn = resolve[0]?.from ?? Infinity;
    const worstFrame = describeFrame(longestFrame(framesInTurns));
    const startFrame = describeFrame(longestFrame(seen.frames.filter((e) => e.start < firstTurn)));
    const out = {
      longestTaskMs: ms(longest(inTurns)),
      tasksOver200: inTurns.filter((e) => e.duration > LIMIT_MS).length,
      longTasks: inTurns.length,
      resolveLongestMs: ms(longest(resolveTasks)),
      continueLongestMs: ms(longest(contTasks)),
      perTurnLongestMs: perTurn,
      medianTurnLongestMs: perTurn.length ? ms(median(perTurn)) : 0,
      longestAnimationFrameMs: ms(longest(framesInTurns)),
      longestFrame: worstFrame,
      endTurnToResolutionMs: wallMs.length ? ms(median(wallMs)) : null,
      startupLongestTaskMs: ms(longest(seen.longTasks.filter((e) => e.start < firstTurn))),
      startupLongestFrame: startFrame,
      scenario: sc.id,
      human: sc.human,
      seed: SEED,
      turnsPlayed: played,
      reachedEnding: ended,
      dilemmasAnswered: dilemmas,
      renderer,
      observed: seen.types.join(','),
      loadAverageDuring: loads,
      gameSeconds: Number(((Date.now() - t0) / 1000).toFixed(1)),
      problems: b.problems.length,
      ...(b.problems.length ? { firstProblem: b.problems[0]!.slice(0, 200) } : {}),
    };
    if (!seen.types.includes('longtask')) ctx.log('browser     note: this Chromium does not report `longtask` entries; longestTaskMs is 0 by default');
    ctx.log(
      `browser     turns        ${String(out.longestTaskMs).padStart(7)} ms longest task over ${played} turns of ${sc.id} (seed ${SEED}, human ${sc.human}, ${renderer}), target ≤ ${LIMIT_MS} ms: ${out.tasksOver200} task(s) > ${LIMIT_MS} ms, ${out.longTasks} ≥ 50 ms`,
    );
    ctx.log(
      `browser                  End turn → resolution: longest ${out.resolveLongestMs} ms; Continue → next turn: longest ${out.continueLongestMs} ms; per turn ${perTurn.join(', ')} ms; longest animation frame ${out.longestAnimationFrameMs} ms; click → results ${out.endTurnToResolutionMs} ms (median wall)`,
    );
    if (worstFrame) ctx.log(`browser                  longest frame in the turns: ${worstFrame}`);
    if (startFrame) ctx.log(`browser                  longest frame from the link to turn 1: ${startFrame}`);
    if (b.problems.length) ctx.log(`browser     page problems during play (${b.problems.length}): ${b.problems[0]!.slice(0, 200)}`);
    return out;
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------- the part

export async function run(ctx: BenchContext): Promise<PartResult> {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is missing (Debian's chromium package); the browser part needs it` };
  try {
    await import('playwright-core');
  } catch (e) {
    return { skipped: `playwright-core cannot be imported: ${(e as Error).message.split('\n')[0]}` };
  }
  const loadStart = load1();
  const build = await buildSite(ctx.root);
  if (!build.ok) return { skipped: `the UI does not build: ${lastLines(build.log)}`, buildSeconds: Number(build.seconds.toFixed(2)) };
  const sizeOut = sizeFigures(ctx, build.seconds);
  const preview = await startPreview(ctx.root);
  try {
    const interactive = await firstInteractive(ctx, preview.baseUrl);
    const play = await playTurns(ctx, preview.baseUrl);
    const loadEnd = load1();
    ctx.log(`browser     load average ${loadStart} at the start of the part, ${loadEnd} at the end (2 cores shared: long tasks and load times grow with load)`);
    return {
      jsGzipKB: sizeOut.jsGzipKB,
      firstInteractiveMs: interactive.firstInteractiveMs,
      longestTaskMs: 'longestTaskMs' in play ? play.longestTaskMs : null,
      targets: TARGETS,
      sizes: sizeOut,
      interactive,
      turns: play,
      chromium: CHROMIUM,
      viewport: '1280x720',
      loadAverage1m: { start: loadStart, end: loadEnd },
    };
  } finally {
    await preview.stop();
  }
}
