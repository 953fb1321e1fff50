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

  it("names a blow only when it worked against one of the role's objectives", () => {
    const g = playOut(sc, createGame(sc, { seed: 'r4' }));
    for (const a of sc.def.actors) {
      const blow = reflectionPrompts(sc, g, a.id).find((p) => p.includes('against your objective'));
      if (!blow) continue;
      const objective = /against your objective “(.+?)”/.exec(blow)![1];
      expect(sc.actors[sc.actorIndex.get(a.id)!]!.objectives.map((o) => o.label)).toContain(objective);
    }
  });
  it("says the ending's rating in words where the role faced no dilemma", () => {
    let told = 0;
    for (const seed of ['r1', 'r2', 'r3']) {
      const g = playOut(sc, createGame(sc, { seed }));
      for (const a of sc.def.actors) {
        const p = reflectionPrompts(sc, g, a.id).find((x) => x.startsWith('The game ended in'));
        if (!p) continue;
        told++;
        const r = sc.def.endings.find((e) => e.id === g.ending)!.ratings![a.id]!;
        expect(p).toContain(
          `counts as ${r === 0 ? 'a stalemate (0)' : r === 1 ? 'a gain (+1)' : r === 2 ? 'a triumph (+2)' : r === -1 ? 'a setback (−1)' : 'a disaster (−2)'}`,
        );
      }
    }
    expect(told).toBeGreaterThan(0);
  });
});
