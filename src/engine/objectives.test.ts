import { describe, expect, it } from 'vitest';
import { actionDef, actorDef, baseScenario, compileOk, loadScenario } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import { scoreObjectives } from './objectives.js';
import { step } from './step.js';

describe('scoreObjectives', () => {
  const sc = compileOk(
    baseScenario({
      actors: [
        actorDef('a', {
          objectives: [
            { id: 'high', label: 'x high', when: 'x >= 60', points: 3 },
            { id: 'rich', label: 'a rich', when: 'ax >= 50', points: 2 },
            { id: 'zero', label: 'worth nothing', when: '1', points: 0 },
          ],
        }),
        actorDef('b'),
      ],
      actions: [actionDef('up', 'a', { effects: [{ indicator: 'x', add: 10 }] }), actionDef('b_wait', 'b')],
    }),
  );

  it('scores met objectives by their points out of the total', () => {
    const g = createGame(sc, { seed: 's' });
    expect(scoreObjectives(sc, g)).toEqual([
      {
        actor: 'a',
        score: 2,
        max: 5,
        objectives: [
          { kind: 'objective', id: 'high', label: 'x high', met: false, points: 3, earned: 0 },
          { kind: 'objective', id: 'rich', label: 'a rich', met: true, points: 2, earned: 2 },
          { kind: 'objective', id: 'zero', label: 'worth nothing', met: true, points: 0, earned: 0 },
        ],
      },
      { actor: 'b', score: 0, max: 0, objectives: [] },
    ]);
  });

  it('scores against the state it is given', () => {
    const s = step(sc, createGame(sc, { seed: 's' }), { a: { action: 'up' } }).state;
    expect(scoreObjectives(sc, s)[0]).toMatchObject({ score: 5, max: 5 });
  });

  it("scores the tutorial's roles at the start", () => {
    const tut = loadScenario('tutorial');
    const out = scoreObjectives(tut, createGame(tut, { seed: 's' }));
    // Objectives out of 6, plus the ending, 0 to 4 points, not yet reached.
    expect(out.map((o) => [o.actor, o.score, o.max])).toEqual([
      ['upland', 2, 10],
      ['lowland', 2, 10],
      ['harbor', 1, 10],
    ]);
    expect(out[0]!.objectives.map((o) => [o.id, o.met])).toEqual([
      ['dam_built', false],
      ['no_war', true],
      ['rich', false],
      ['ending', false],
    ]);
  });

  it('scores every role of every finished tutorial game within its maximum', () => {
    const tut = loadScenario('tutorial');
    for (let i = 0; i < 10; i++) {
      let s = createGame(tut, { seed: `obj-${i}` });
      while (!s.over) s = step(tut, s, {}).state;
      for (const o of scoreObjectives(tut, s)) {
        expect(o.score).toBeGreaterThanOrEqual(0);
        expect(o.score).toBeLessThanOrEqual(o.max);
        const ending = o.objectives.find((x) => x.kind === 'ending')!;
        const rating = tut.def.endings.find((e) => e.id === s.ending)?.ratings?.[o.actor] ?? 0;
        expect(ending).toMatchObject({ id: s.ending, met: true, points: 4, earned: rating + 2 });
        expect(o.score).toBe(o.objectives.filter((x) => x.kind === 'objective' && x.met).reduce((t, x) => t + x.points, 0) + rating + 2);
      }
    }
  });
});
