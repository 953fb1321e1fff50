import { describe, expect, it } from 'vitest';
import { actionDef, baseScenario, compileOk, indicatorDef, loadScenario } from '../../tests/unit/fixtures.js';
import { canTake, legalChoices, missingFor, oddsOf, oddsTotal, PASS_ID } from './choices.js';
import { StateEnv } from './env.js';
import { createGame } from './game.js';
import { step } from './step.js';
import { EngineError, type GameState, type Scenario } from './types.js';

function menuScenario(): Scenario {
  return compileOk(
    baseScenario({
      indicators: [indicatorDef('x'), indicatorDef('ax', { actor: 'a', name: 'Treasury' }), indicatorDef('bx', { actor: 'b' })],
      actions: [
        actionDef('costly', 'a', { cost: [{ indicator: 'ax', amount: 60 }] }),
        actionDef('cheap', 'a', { cost: [{ indicator: 'ax', amount: 10 }] }),
        actionDef('cool1', 'a', { cooldown: 1 }),
        actionDef('cool2', 'a', { cooldown: 2 }),
        actionDef('once', 'a', { maxUses: 1 }),
        actionDef('twice', 'a', { maxUses: 2 }),
        actionDef('hidden', 'a', { visible: 'x > 60' }),
        actionDef('locked', 'a', {
          requires: [
            { label: 'x above 70', when: 'x > 70' },
            { label: 'always true', when: '1' },
            { label: 'a warm toward b', when: 'stance(a, b) > 10' },
          ],
        }),
        actionDef('gamble', 'a', {
          outcome: {
            odds: 40,
            factors: [
              { label: 'help', add: 20, when: 'x >= 50' },
              { label: 'hurt', add: -30, when: 'x < 0' },
              { label: 'always', add: 'x / 10' },
            ],
            success: [],
            failure: [],
          },
        }),
        actionDef('b_locked', 'b', { requires: [{ label: 'never', when: '0' }] }),
      ],
    }),
  );
}
const view = (sc: Scenario, s: GameState, actor: string, id: string) => legalChoices(sc, s, actor).actions.find((a) => a.id === id);
const takeA = (sc: Scenario, s: GameState, action: string) => step(sc, s, { a: { action }, b: { action: PASS_ID } }).state;

describe('legalChoices', () => {
  const sc = menuScenario();
  const g = createGame(sc, { seed: 's' });

  it('lists the visible actions of the actor in scenario order, hiding those whose visible condition fails', () => {
    expect(legalChoices(sc, g, 'a').actions.map((a) => a.id)).toEqual(['costly', 'cheap', 'cool1', 'cool2', 'once', 'twice', 'locked', 'gamble']);
  });

  it('shows a hidden action once its visible condition holds', () => {
    const hot = { ...g, indicators: [61, 50, 50] };
    expect(view(sc, hot, 'a', 'hidden')).toMatchObject({ available: true, missing: [] });
  });

  it('lists the labels of unmet requirements in order, leaving out the met ones', () => {
    expect(view(sc, g, 'a', 'locked')).toMatchObject({ available: false, missing: ['x above 70', 'a warm toward b'] });
  });

  it('says what an unaffordable cost needs and what the actor has', () => {
    expect(view(sc, g, 'a', 'costly')).toMatchObject({
      available: false,
      missing: ['needs 60 Treasury (has 50)'],
      cost: [{ indicator: 'ax', name: 'Treasury', amount: 60 }],
    });
    expect(view(sc, g, 'a', 'cheap')).toMatchObject({ available: true, missing: [] });
  });

  it('rounds the amount the actor has to one decimal in the cost message', () => {
    expect(view(sc, { ...g, indicators: [50, 12.345, 50] }, 'a', 'costly')!.missing).toEqual(['needs 60 Treasury (has 12.3)']);
  });

  it('does not tell the amount it has of a cost the actor sees only as an estimate', () => {
    const def = baseScenario({
      indicators: [
        indicatorDef('x', { name: 'Goodwill', estimate: { groups: [{ roles: ['a'], error: 5 }] } }),
        indicatorDef('ax', { actor: 'a' }),
        indicatorDef('bx', { actor: 'b' }),
      ],
      actions: [actionDef('spend', 'a', { cost: [{ indicator: 'x', amount: 60 }] }), actionDef('b_spend', 'b', { cost: [{ indicator: 'x', amount: 60 }] })],
    });
    const est = compileOk(def);
    const s = createGame(est, { seed: 'cost' });
    expect(legalChoices(est, s, 'a').actions.find((a) => a.id === 'spend')!.missing).toEqual(['needs 60 Goodwill (you see only an estimate of it)']);
    expect(legalChoices(est, s, 'b').actions.find((a) => a.id === 'b_spend')!.missing).toEqual(['needs 60 Goodwill (has 50)']);
  });

  it('shows the stated odds with every factor and whether it applies', () => {
    expect(view(sc, g, 'a', 'gamble')!.odds).toEqual({
      base: 40,
      total: 65,
      factors: [
        { label: 'help', add: 20, applies: true },
        { label: 'hurt', add: -30, applies: false },
        { label: 'always', add: 5, applies: true },
      ],
    });
    expect(view(sc, g, 'a', 'cheap')!.odds).toBeNull();
  });

  it('offers "hold course" only when nothing else is available', () => {
    expect(legalChoices(sc, g, 'a').actions.some((a) => a.id === PASS_ID)).toBe(false);
    const b = legalChoices(sc, g, 'b').actions;
    expect(b.map((a) => [a.id, a.available])).toEqual([
      ['b_locked', false],
      [PASS_ID, true],
    ]);
    expect(b[1]).toMatchObject({ label: 'Hold course', cost: [], odds: null, missing: [] });
  });

  it('refuses an unknown actor with an EngineError', () => {
    expect(() => legalChoices(sc, g, 'nobody')).toThrow(EngineError);
    expect(() => legalChoices(sc, g, 'nobody')).toThrow('unknown actor "nobody"');
  });

  it('has no dilemmas to show when none is pending', () => {
    expect(legalChoices(sc, g, 'a').dilemmas).toEqual([]);
  });
});

describe('cooldowns and use limits', () => {
  const sc = menuScenario();
  const g0 = createGame(sc, { seed: 's' });

  it('makes a one-turn cooldown skip exactly the next turn', () => {
    const g1 = takeA(sc, g0, 'cool1');
    expect(view(sc, g1, 'a', 'cool1')).toMatchObject({ available: false, missing: ['available again in 1 turn'] });
    const g2 = takeA(sc, g1, 'cheap');
    expect(view(sc, g2, 'a', 'cool1')).toMatchObject({ available: true, missing: [] });
  });

  it('counts down a two-turn cooldown in its message', () => {
    const g1 = takeA(sc, g0, 'cool2');
    expect(view(sc, g1, 'a', 'cool2')!.missing).toEqual(['available again in 2 turns']);
    const g2 = takeA(sc, g1, 'cheap');
    expect(view(sc, g2, 'a', 'cool2')!.missing).toEqual(['available again in 1 turn']);
    const g3 = takeA(sc, g2, 'cheap');
    expect(view(sc, g3, 'a', 'cool2')!.available).toBe(true);
  });

  it('refuses an action on cooldown in step, listing what is available', () => {
    const g1 = takeA(sc, g0, 'cool1');
    expect(() => takeA(sc, g1, 'cool1')).toThrow(EngineError);
    expect(() => takeA(sc, g1, 'cool1')).toThrow('"cool1" is not available to "a" on turn 2; available: cheap, cool2, once, twice, gamble');
  });

  it('says an action used up its one use', () => {
    const g1 = takeA(sc, g0, 'once');
    expect(view(sc, g1, 'a', 'once')).toMatchObject({ available: false, missing: ['already used 1 time'] });
  });

  it('allows an action with two uses twice and then says so in the plural', () => {
    const g1 = takeA(sc, g0, 'twice');
    expect(view(sc, g1, 'a', 'twice')!.available).toBe(true);
    const g2 = takeA(sc, g1, 'twice');
    expect(view(sc, g2, 'a', 'twice')).toMatchObject({ available: false, missing: ['already used 2 times'] });
    expect(g2.actionCounts[sc.actionIndex.get('twice')!]).toBe(2);
    expect(g2.actionLast[sc.actionIndex.get('twice')!]).toBe(2);
  });

  it('refuses a hidden action and an action with unmet requirements in step', () => {
    expect(() => takeA(sc, g0, 'hidden')).toThrow('"hidden" is not available to "a" on turn 1');
    expect(() => takeA(sc, g0, 'locked')).toThrow('"locked" is not available to "a" on turn 1');
    expect(() => takeA(sc, g0, 'costly')).toThrow(EngineError);
  });

  it('refuses "hold course" while another action is available', () => {
    expect(() => step(sc, g0, { a: { action: PASS_ID }, b: { action: PASS_ID } })).toThrow('"pass" is not available to "a" on turn 1');
  });
});

describe('legalChoices on the tutorial', () => {
  const sc = loadScenario('tutorial');
  const g = createGame(sc, { seed: 's' });

  it('hides "Sell power to Harbor" until the dam is 20% built', () => {
    expect(legalChoices(sc, g, 'upland').actions.map((a) => a.id)).toEqual(['build_dam', 'upland_talks', 'upland_wait']);
  });

  it("shows the odds of the water talks with Harbor's backing not applying at the start", () => {
    const talks = view(sc, g, 'upland', 'upland_talks')!;
    expect(talks.odds).toEqual({
      base: 40,
      total: 40,
      factors: [
        { label: 'Harbor backs the talks', add: 20, applies: false },
        { label: 'high tension', add: -15, applies: false },
      ],
    });
  });
});

describe('one availability rule and one odds rule', () => {
  it('canTake says yes exactly when an action is visible and missingFor names nothing, over a played tutorial game', () => {
    const sc = loadScenario('tutorial');
    let g = createGame(sc, { seed: 'rules-once' });
    let checked = 0;
    while (!g.over) {
      const env = new StateEnv(sc, g);
      for (const a of sc.actions) {
        const visible = !a.visible || a.visible.fn(env) !== 0;
        expect(canTake(sc, g, a, env)).toBe(visible && missingFor(sc, g, a, env).length === 0);
        checked++;
      }
      g = step(sc, g, {}).state;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('the odds a turn rolls against are the odds the menu shows, with the factors that applied', () => {
    const sc = menuScenario();
    const g = createGame(sc, { seed: 's' });
    const gamble = sc.actions[sc.actionIndex.get('gamble')!]!;
    const shown = oddsOf(sc, gamble, new StateEnv(sc, g))!;
    expect(oddsTotal(sc, gamble, new StateEnv(sc, g))).toBe(shown.total);
    const result = step(sc, g, { a: { action: 'gamble' }, b: { action: PASS_ID } }).events.find((e) => e.type === 'action' && e.result.action === 'gamble');
    expect(result?.type === 'action' && result.result.odds).toBe(shown.total);
    expect(result?.type === 'action' && result.result.factors).toEqual(shown.factors.filter((f) => f.applies).map(({ label, add }) => ({ label, add })));
  });
});
