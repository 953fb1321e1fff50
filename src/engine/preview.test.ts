import { describe, expect, it } from 'vitest';
import { actionDef, baseScenario, compileOk, deepFreeze, loadScenario } from '../../tests/unit/fixtures.js';
import { legalChoices, PASS_ID } from './choices.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { previewAction, previewOption, type ChoicePreview } from './preview.js';
import { step } from './step.js';
import { EngineError, type GameState, type Scenario } from './types.js';

/** The changes a preview says happen this turn, per target, for the branch the roll took. */
function nowOf(p: ChoicePreview, success: boolean | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of p.changes) {
    if (c.delay > 0 || (c.branch === 'success' && success !== true) || (c.branch === 'failure' && success !== false)) continue;
    out.set(c.target, (out.get(c.target) ?? 0) + (c.over > 1 ? c.amount / c.over : c.amount));
  }
  return out;
}

/** The changes a preview says come in later turns, per target, for the branch the roll took. */
function laterOf(p: ChoicePreview, success: boolean | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of p.changes) {
    if ((c.branch === 'success' && success !== true) || (c.branch === 'failure' && success !== false)) continue;
    const parts = c.delay > 0 ? c.over : c.over - 1;
    if (parts > 0 && c.amount !== 0) out.set(c.target, (out.get(c.target) ?? 0) + (c.mode === 'add' ? (c.amount / c.over) * parts : c.amount * parts));
  }
  return out;
}

/** Plays every actor's every open action from a few states of `sc` and compares the preview with what step recorded. */
function checkAgainstStep(sc: Scenario, seeds: readonly string[], turns: number): number {
  let compared = 0;
  for (const seed of seeds) {
    let s: GameState = createGame(sc, { seed, seats: Object.fromEntries(sc.def.actors.map((a) => [a.id, 'human' as const])) });
    for (let t = 0; t < turns && s.ending === null; t++) {
      for (const actor of sc.def.actors) {
        for (const a of legalChoices(sc, s, actor.id).actions) {
          if (!a.available || a.id === PASS_ID) continue;
          const p = previewAction(sc, s, actor.id, a.id);
          const choices = Object.fromEntries(
            sc.def.actors.map((x) => [x.id, { action: x.id === actor.id ? a.id : firstOpen(sc, s, x.id), dilemmas: answers(sc, s, x.id) }]),
          );
          const r = step(sc, s, choices, { ledger: true });
          const result = r.events.flatMap((e) => (e.type === 'action' && e.result.actor === actor.id ? [e.result] : []))[0]!;
          if (result.odds === null) expect(p.chance).toBeNull();
          else expect(p.chance! * 100).toBeCloseTo(result.odds, 9);
          const ledger = r.state.history.at(-1)!.ledger;
          const mine = new Map<string, number>();
          const clamped = new Set<string>();
          for (const e of ledger) {
            if (e.clamped) clamped.add(e.target);
            if (e.cause.id === a.id && e.cause.actor === actor.id && e.cause.kind !== 'delayed') mine.set(e.target, (mine.get(e.target) ?? 0) + e.delta);
          }
          const sets = new Set(p.changes.filter((c) => c.mode === 'set').map((c) => c.target));
          for (const [target, amount] of nowOf(p, result.success)) {
            if (clamped.has(target) || sets.has(target) || target.startsWith('stance:')) continue;
            expect(mine.get(target) ?? 0, `${sc.def.id} ${a.id} ${target}`).toBeCloseTo(amount, 6);
            compared++;
          }
          const later = new Map<string, number>();
          for (const e of r.state.pending)
            if (e.cause.id === a.id && e.cause.actor === actor.id && !s.pending.includes(e))
              later.set(sc.keys[e.kind][e.index]!, (later.get(sc.keys[e.kind][e.index]!) ?? 0) + e.amount);
          expect(later).toEqual(laterOf(p, result.success));
          compared += later.size;
        }
      }
      const here = s;
      s = step(sc, s, Object.fromEntries(sc.def.actors.map((x) => [x.id, { action: firstOpen(sc, here, x.id), dilemmas: answers(sc, here, x.id) }]))).state;
    }
  }
  return compared;
}

function firstOpen(sc: Scenario, s: GameState, actor: string): string {
  return legalChoices(sc, s, actor).actions.find((a) => a.available)!.id;
}

function answers(sc: Scenario, s: GameState, actor: string): Record<string, string> {
  return Object.fromEntries(legalChoices(sc, s, actor).dilemmas.map((d) => [d.event, d.options[0]!.id]));
}

describe('previewAction', () => {
  it('states the changes that step then makes this turn, for the tutorial and the flagship', () => {
    expect(checkAgainstStep(loadScenario('tutorial'), ['p1', 'p2'], 4)).toBeGreaterThan(40);
    expect(checkAgainstStep(loadScenario('party-congress'), ['p3'], 3)).toBeGreaterThan(100);
  });

  it('never touches the generator or the state it reads', () => {
    const sc = loadScenario('party-congress');
    const s = deepFreeze(createGame(sc, { seed: 'preview-pure' }));
    const before = stateHash(s);
    for (const actor of sc.def.actors) for (const a of legalChoices(sc, s, actor.id).actions) if (a.id !== PASS_ID) previewAction(sc, s, actor.id, a.id);
    expect(stateHash(s)).toBe(before);
    expect(s.rng).toEqual(createGame(sc, { seed: 'preview-pure' }).rng);
  });

  it('lists the cost, the sure changes and each branch of an uncertain action with its chance', () => {
    const sc = compileOk(
      baseScenario({
        actions: [
          actionDef('b_wait', 'b'),
          actionDef('gamble', 'a', {
            cost: [{ indicator: 'ax', amount: 3 }],
            effects: [{ indicator: 'x', add: 2 }],
            outcome: { odds: 70, success: [{ indicator: 'x', add: 10, delay: 2 }], failure: [{ indicator: 'x', add: -5 }] },
          }),
        ],
      }),
    );
    const p = previewAction(sc, createGame(sc, { seed: 's' }), 'a', 'gamble');
    expect(p.chance).toBeCloseTo(0.7);
    expect(p.changes.map((c) => [c.branch, c.target, c.amount, c.delay])).toEqual([
      ['cost', 'indicator:ax', -3, 0],
      ['always', 'indicator:x', 2, 0],
      ['success', 'indicator:x', 10, 2],
      ['failure', 'indicator:x', -5, 0],
    ]);
  });

  it("says which of the role's objectives a choice pushes towards or away from being met", () => {
    const def = baseScenario({
      actions: [
        actionDef('b_wait', 'b'),
        actionDef('up', 'a', { effects: [{ indicator: 'x', add: 3 }] }),
        actionDef('down', 'a', { effects: [{ indicator: 'x', add: -3 }] }),
      ],
    });
    def.actors[0]!.objectives = [
      { id: 'high', label: 'x above 70', when: 'x >= 70', points: 1 },
      { id: 'low', label: 'x below 60', when: 'x < 60', points: 1 },
    ];
    const sc = compileOk(def);
    const s = createGame(sc, { seed: 's' });
    const effects = (id: string) => previewAction(sc, s, 'a', id).objectives.map((o) => [o.id, o.met, o.effect]);
    expect(effects('up')).toEqual([
      ['high', false, 'helps'],
      ['low', true, 'hurts'],
    ]);
    expect(effects('down')).toEqual([
      ['high', false, 'hurts'],
      ['low', true, 'helps'],
    ]);
  });

  it("refuses an action that is not the actor's", () => {
    const sc = loadScenario('tutorial');
    const s = createGame(sc, { seed: 's' });
    const other = sc.actions.find((a) => a.actor !== 0)!;
    expect(() => previewAction(sc, s, sc.def.actors[0]!.id, other.id)).toThrow(EngineError);
    expect(() => previewAction(sc, s, sc.def.actors[0]!.id, 'nosuch')).toThrow(/no action "nosuch"/);
  });
});

describe('previewOption', () => {
  it("states a dilemma option's changes and refuses an option the dilemma does not have", () => {
    const sc = loadScenario('party-congress');
    const ev = sc.events.find((e) => e.dilemma && e.dilemma.options.some((o) => o.effects.length > 0))!;
    const actor = sc.def.actors[ev.dilemma!.actor]!.id;
    const s = createGame(sc, { seed: 'opt' });
    const option = ev.dilemma!.options.find((o) => o.effects.length > 0)!;
    const p = previewOption(sc, s, actor, ev.id, option.id);
    expect(p.changes.length).toBe(option.effects.length);
    expect(p.choice).toBe(`${ev.id}:${option.id}`);
    expect(() => previewOption(sc, s, actor, ev.id, 'nosuch')).toThrow(/expected one of/);
  });
});
