// Part "memory": five tutorial games, then five flagship games (the first role human), each set in one headless Chromium
// tab (bench/lib/gameMemory.ts); after each game, on the title screen and after forced GC, the JS heap, the renderer
// processes' resident memory and the DOM node count.
// Printed next to issue 9's limits from the end of game 2 on; never asserted here (tests/e2e/memory.test.ts does).
import { existsSync } from 'node:fs';
import { CHROMIUM } from './lib/browserPage.js';
import { buildSite, startPreview } from './lib/browserSite.js';
import { growthOf, MEMORY_LIMITS, measureGames, type GamePlan } from './lib/gameMemory.js';
import type { BenchContext, PartResult } from './lib/types.js';

async function oneRun(ctx: BenchContext, baseUrl: string, games: number, plan: GamePlan): Promise<Record<string, unknown>> {
  const run = await measureGames(baseUrl, games, ctx.log, plan);
  const growth = growthOf(run.samples, 2);
  ctx.log(
    `memory      ${plan.scenario}: per game from game 2 to ${growth.toGame}: JS heap ${growth.jsHeapMBPerGame} MB (limit ${MEMORY_LIMITS.jsHeapMBPerGame}), renderer ${growth.rendererMBPerGame} MB (limit ${MEMORY_LIMITS.rendererMBPerGame}), DOM nodes ${(growth.domNodesRelative * 100).toFixed(1)}% in all (limit ±${MEMORY_LIMITS.domNodesRelative * 100}%)`,
  );
  return { games, scenario: plan.scenario, allAi: plan.allAi, ...growth, limits: MEMORY_LIMITS, samples: run.samples, problems: run.problems.length };
}

export async function run(ctx: BenchContext): Promise<PartResult> {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is missing (Debian's chromium package)` };
  const build = await buildSite(ctx.root);
  if (!build.ok) return { skipped: `the UI does not build: ${build.log.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}` };
  const preview = await startPreview(ctx.root);
  try {
    const games = 5;
    const tutorial = await oneRun(ctx, preview.baseUrl, games, { scenario: 'tutorial', allAi: false, seed: 'memory' });
    // The flagship, first role human: a bigger map, dashboard and card deck, ten turns a game (left out of --quick).
    const flagship = ctx.quick
      ? { skipped: '--quick' }
      : await oneRun(ctx, preview.baseUrl, games, { scenario: 'party-congress', allAi: false, seed: 'memory' });
    return { ...tutorial, flagship };
  } finally {
    await preview.stop();
  }
}
