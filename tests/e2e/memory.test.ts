// No leak across games: five tutorial games in one tab; from the end of game 2 on, the JS heap after GC, the renderer's
// resident memory and the DOM node count stay flat (counters read through CDP, never timings).
import { describe, expect, inject, it } from 'vitest';
import { growthOf, MEMORY_LIMITS, measureGames } from '../../bench/lib/gameMemory.js';

describe('memory across games', () => {
  it('keeps heap, renderer memory and DOM nodes flat from game 2 to game 5', async () => {
    const run = await measureGames(inject('baseUrl'), 5, (line) => console.log(line));
    const g = growthOf(run.samples, 2);
    console.log(JSON.stringify(g));
    expect(run.samples.slice(1).every((s) => s.turns > 0)).toBe(true);
    expect(run.problems).toEqual([]);
    expect(g.jsHeapMBPerGame).toBeLessThanOrEqual(MEMORY_LIMITS.jsHeapMBPerGame);
    expect(g.rendererMBPerGame).toBeLessThanOrEqual(MEMORY_LIMITS.rendererMBPerGame);
    expect(Math.abs(g.domNodesRelative)).toBeLessThanOrEqual(MEMORY_LIMITS.domNodesRelative);
  }, 600_000);
});
