// Property: keeping event conditions between turns changes nothing; every turn stepped with the kept conditions
// equals the same turn stepped from a copy of the state, for which every condition is evaluated afresh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { choicesFor, planArb, unseen } from '../../tests/unit/plans.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { step } from './step.js';

function sameAsFullEvaluation(name: string, numRuns: number): void {
  const sc = loadScenario(name);
  it(`plays every turn of random legal games exactly as evaluating every event condition would (${name})`, () => {
    fc.assert(
      fc.property(planArb(sc), (plan) => {
        const seats = Object.fromEntries(plan.humans.map((h) => [h, 'human' as const]));
        let s = createGame(sc, { seed: plan.seed, seats, aiFuzz: plan.aiFuzz });
        const cursor = { k: 0 };
        while (!s.over) {
          const choices = choicesFor(sc, s, plan, cursor);
          const kept = step(sc, s, choices, { ledger: false });
          const full = step(sc, unseen(s), choices, { ledger: false });
          expect(stateHash(kept.state)).toBe(stateHash(full.state));
          expect(JSON.stringify(kept.events)).toBe(JSON.stringify(full.events));
          expect(JSON.stringify(kept.state.dilemmas)).toBe(JSON.stringify(full.state.dilemmas));
          s = kept.state;
        }
      }),
      { numRuns },
    );
  });
}

describe('event conditions kept between turns', () => {
  sameAsFullEvaluation('tutorial', 60);
  sameAsFullEvaluation('party-congress', 20);
});
