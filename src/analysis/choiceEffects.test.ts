import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame, legalChoices, step, type Choices, type GameState } from '../engine/index.js';
import { choiceEffectLines, choiceEffects } from './choiceEffects.js';

const sc = loadScenario('party-congress');

function humanTurn(s: GameState, action: string): Choices {
  const dilemmas = Object.fromEntries(legalChoices(sc, s, 'sk').dilemmas.map((d) => [d.event, d.options[0]!.id]));
  return { sk: { action, dilemmas } };
}

describe('choiceEffects', () => {
  it("tells the role its own cost, effects and outcome, summed from the turn's ledger entries it caused", () => {
    const s0 = createGame(sc, { seed: 'own-choice', seats: { sk: 'human' } });
    const s1 = step(sc, s0, humanTurn(s0, 'sk_aid')).state;
    const rec = s1.history.at(-1)!;
    const fx = choiceEffects(sc, rec, 'sk');
    expect(fx.result?.action).toBe('sk_aid');
    const cost = fx.changes.find((c) => c.part === 'cost')!;
    expect(cost.target).toBe('indicator:sk_capital');
    expect(cost.delta).toBeCloseTo(-3.151, 6);
    const own = rec.ledger.filter((e) => e.cause.actor === 'sk' && e.cause.id === 'sk_aid' && e.cause.kind === 'action');
    expect(own.length).toBeGreaterThan(0);
    for (const e of own) expect(fx.changes.some((c) => c.part === 'effect' && c.target === e.target)).toBe(true);
    const lines = choiceEffectLines(fx);
    expect(lines[0]).toBe(`It cost: ${sc.def.indicators.find((i) => i.id === 'sk_capital')!.name} −3.2`);
    expect(lines.some((l) => l.startsWith('It did: '))).toBe(true);
  });

  it("names the outcome's changes by whether the roll succeeded, and leaves out what other roles caused", () => {
    const seen = new Set<string>();
    for (const seed of ['o1', 'o2', 'o3', 'o4', 'o5', 'o6']) {
      const s0 = createGame(sc, { seed, seats: { sk: 'human' } });
      const rec = step(sc, s0, humanTurn(s0, 'sk_beijing')).state.history.at(-1)!;
      const fx = choiceEffects(sc, rec, 'sk');
      expect(fx.result?.success).not.toBeNull();
      const want = fx.result!.success ? 'success' : 'failure';
      seen.add(want);
      for (const c of fx.changes) {
        expect(['cost', 'effect', want, 'answer', 'delayed']).toContain(c.part);
        const mine = rec.ledger.filter((e) => e.cause.actor === 'sk' && e.target === c.target).reduce((n, e) => n + e.delta, 0);
        const listed = fx.changes.filter((x) => x.target === c.target).reduce((n, x) => n + x.delta, 0);
        expect(listed).toBeCloseTo(mine, 6);
      }
      expect(rec.ledger.some((e) => e.cause.actor !== null && e.cause.actor !== 'sk')).toBe(true);
    }
    expect(seen.size).toBe(2);
  });

  it('hides the size of a change to a number the viewers see only as an estimate', () => {
    const fx = {
      actor: 'sk',
      result: null,
      outcome: null,
      answers: [],
      changes: [{ target: 'indicator:nk_arsenal', label: 'Arsenal', part: 'effect' as const, delta: 2, value: 62 }],
    };
    expect(choiceEffectLines(fx, () => true)).toEqual(['It did: Arsenal up (seen only as an estimate)']);
    expect(choiceEffectLines(fx)).toEqual(['It did: Arsenal +2']);
  });
});
