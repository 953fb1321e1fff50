import { describe, expect, it } from 'vitest';
import { loadScenario, playOut } from '../../tests/unit/fixtures.js';
import { createGame } from '../engine/index.js';
import { reflectionPrompts } from './reflection.js';

const sc = loadScenario('party-congress');

describe('reflectionPrompts', () => {
  it('asks each role about its own biggest move, the worst blow from another and its hardest call, from its own game', () => {
    for (const seed of ['r1', 'r2', 'r3']) {
      const g = playOut(sc, createGame(sc, { seed }));
      for (const a of sc.def.actors) {
        const prompts = reflectionPrompts(sc, g, a.id);
        expect(prompts.length, `${seed} ${a.id}`).toBeGreaterThanOrEqual(2);
        const own = prompts[0]!;
        const label = /^Your “(.+?)” in (.+?) (raised|lowered)/.exec(own);
        expect(label, own).not.toBeNull();
        const action = sc.def.actions.find((x) => x.label === label![1])!;
        expect(action.actor).toBe(a.id);
        const taken = g.history.some((r) => r.events.some((e) => e.type === 'action' && e.result.actor === a.id && e.result.action === action.id));
        expect(taken).toBe(true);
        for (const p of prompts) expect(p).toMatch(/\?$/);
      }
    }
  });

  it('names a blow only when it worked against one of the role\'s objectives', () => {
    const g = playOut(sc, createGame(sc, { seed: 'r4' }));
    for (const a of sc.def.actors) {
      const blow = reflectionPrompts(sc, g, a.id).find((p) => p.includes('against your objective'));
      if (!blow) continue;
      const objective = /against your objective “(.+?)”/.exec(blow)![1];
      expect(sc.actors[sc.actorIndex.get(a.id)!]!.objectives.map((o) => o.label)).toContain(objective);
    }
  });
});
