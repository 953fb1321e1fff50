import { describe, expect, it } from 'vitest';
import { actionDef, actorDef, baseScenario, compileOk } from '../../tests/unit/fixtures.js';
import { createGame, step } from '../engine/index.js';
import { debriefMarkdown } from './debrief.js';
import { leveragedChanges, leveragedOdds, leverageStory } from './leverageStory.js';

/** a supplies b; a squeezes b's numbers and presses b with uncertain odds. */
function fixture(strength: number) {
  return compileOk(
    baseScenario({
      actors: [actorDef('a', { name: 'Patron' }), actorDef('b', { name: 'Client' })],
      flows: [{ id: 'aid', from: 'a', to: 'b', kind: 'aid', label: 'Aid', initial: 80 }],
      leverage: { strength, odds: 40 },
      actions: [
        actionDef('squeeze', 'a', { label: 'Squeeze the client', effects: [{ indicator: 'bx', add: -10 }] }),
        actionDef('press', 'a', { label: 'Press the client', target: 'b', outcome: { odds: 30, success: [], failure: [] } }),
        actionDef('b_wait', 'b'),
      ],
    }),
  );
}

function played(strength: number) {
  const sc = fixture(strength);
  let s = createGame(sc, { seed: 'story', seats: { a: 'human' } });
  s = step(sc, s, { a: { action: 'squeeze' } }).state;
  s = step(sc, s, { a: { action: 'press' } }).state;
  return { sc, s };
}

describe('the debrief names where leverage decided something', () => {
  it("sums leverage's part of each cause's change and lists the odds it moved", () => {
    const { sc, s } = played(0.5);
    const [change, ...rest] = leveragedChanges(s);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ cause: 'Squeeze the client', target: 'indicator:bx', delta: -14 });
    expect(change!.leverage).toBeCloseTo(-4, 12);
    expect(leveragedOdds(s)).toEqual([
      expect.objectContaining({ turn: 2, actor: 'a', action: 'press', add: 16, odds: 46, factor: 'Leverage: Client depends on Patron (0.80)' }),
    ]);
    const lines = leverageStory(sc, s).map((l) => l.text);
    expect(lines[0]).toBe('## Leverage at work');
    expect(lines.find((l) => l.startsWith('- Squeeze the client'))).toMatch(/: -14 in all, of which leverage -4$/);
    expect(debriefMarkdown(sc, s)).toContain('## Leverage at work');
  });

  it('says nothing about leverage when it is switched off', () => {
    const { sc, s } = played(0);
    expect(leverageStory(sc, s)).toEqual([]);
    expect(debriefMarkdown(sc, s)).not.toContain('Leverage at work');
  });
});
