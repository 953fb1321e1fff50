// The format's size caps: large classroom simulations (20-25 country teams, long games) fit.
import { describe, expect, it } from 'vitest';
import { actorDef, baseScenario, compileOk } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import { MAX_ACTORS, MAX_TURNS, scenarioSchema } from './schema.js';
import { step } from './step.js';

/** A scenario of `n` actors with a stance relation for every ordered pair, lasting `turns` turns. */
function sized(n: number, turns: number) {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const relations = ids.flatMap((from) => ids.filter((to) => to !== from).map((to) => ({ from, to, initial: 10, rest: 0 })));
  return baseScenario({ actors: ids.map((id) => actorDef(id)), indicators: [], actions: [], turns: { count: turns, unit: 'round' }, stances: { relations } });
}

describe('format caps', () => {
  it('accepts 64 actors with every stance relation, and 1,000 turns', () => {
    expect(MAX_ACTORS).toBeGreaterThanOrEqual(64);
    expect(MAX_TURNS).toBeGreaterThanOrEqual(1000);
    expect(scenarioSchema.safeParse(sized(MAX_ACTORS, MAX_TURNS)).success).toBe(true);
  });

  it('refuses one actor and one turn more than the caps', () => {
    expect(scenarioSchema.safeParse(sized(MAX_ACTORS + 1, 5)).success).toBe(false);
    expect(scenarioSchema.safeParse(sized(2, MAX_TURNS + 1)).success).toBe(false);
  });

  it('plays a 64-actor game to its end', () => {
    const sc = compileOk(sized(MAX_ACTORS, 3));
    let s = createGame(sc, { seed: 'big' });
    while (!s.over) s = step(sc, s, {}).state;
    expect(s.history.length).toBe(4);
  });
});
