// Property tests: random seeds, seatings and legal choice sequences on the shipped scenarios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCopy, loadScenario } from '../../tests/unit/fixtures.js';
import { planArb, play } from '../../tests/unit/plans.js';
import { stateHash } from './hash.js';
import { recordReplay, verifyReplay } from './replay.js';
import type { GameState, Scenario } from './types.js';

/** Throws unless every number anywhere in `value` is finite. */
function assertFinite(value: unknown, path = 'state'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

function assertInvariants(sc: Scenario, s: GameState): void {
  assertFinite(s);
  sc.indicators.forEach((ind, i) => {
    const v = s.indicators[i]!;
    if (v < ind.min || v > ind.max) throw new Error(`indicator ${ind.id} = ${v} outside [${ind.min}, ${ind.max}] on turn ${s.turn}`);
  });
  sc.flows.forEach((f, i) => {
    const v = s.flows[i]!;
    if (v < f.min || v > f.max) throw new Error(`flow ${f.id} = ${v} outside [${f.min}, ${f.max}] on turn ${s.turn}`);
  });
  s.stances.forEach((v, k) => {
    if (v < sc.stanceMin || v > sc.stanceMax) throw new Error(`${sc.keys.stance[k]} = ${v} outside [${sc.stanceMin}, ${sc.stanceMax}] on turn ${s.turn}`);
  });
  if (s.indicators.length !== sc.indicators.length || s.stances.length !== sc.actors.length ** 2) throw new Error('state arrays have the wrong length');
  if (s.turn < 1 || s.turn > sc.turnCount + 1) throw new Error(`turn ${s.turn} out of range`);
  if (s.over !== (s.ending !== null)) throw new Error('over and ending disagree');
  for (const d of s.dilemmas)
    if (sc.events[sc.eventIndex.get(d.event) ?? -1]?.dilemma?.actor !== sc.actorIndex.get(d.actor))
      throw new Error(`dilemma ${d.event} pending for the wrong actor ${d.actor}`);
  if (s.over && s.dilemmas.length > 0) throw new Error('dilemmas pending after the end');
}

function properties(name: string, numRuns: number): void {
  const sc = loadScenario(name);

  it(`keeps every number finite and within its range over random legal play (${name})`, () => {
    fc.assert(
      fc.property(planArb(sc), (plan) => {
        const end = play(sc, plan, { check: (s) => assertInvariants(sc, s) });
        expect(end.over).toBe(true);
        expect(sc.endings.map((e) => e.id)).toContain(end.ending);
      }),
      { numRuns },
    );
  });

  it(`gives the same final hash for the same inputs, and after a save and reload mid-game (${name})`, () => {
    fc.assert(
      fc.property(planArb(sc), (plan) => {
        const a = play(sc, plan);
        const b = play(sc, plan);
        const resumed = play(sc, plan, { save: true });
        expect(stateHash(b)).toBe(stateHash(a));
        expect(stateHash(resumed)).toBe(stateHash(a));
        expect(JSON.stringify(b.history)).toBe(JSON.stringify(a.history));
      }),
      { numRuns },
    );
  });

  it(`records a replay that verifies (${name})`, () => {
    fc.assert(
      fc.property(planArb(sc), (plan) => {
        const end = play(sc, plan);
        const check = verifyReplay(sc, jsonCopy(recordReplay(sc, end)));
        if (!check.ok) throw new Error(`replay failed at turn ${check.turn}: ${check.message}`);
        expect(check.finalHash).toBe(stateHash(end));
        expect(check.ending).toBe(end.ending);
      }),
      { numRuns },
    );
  });
}

describe('properties of the tutorial', () => {
  properties('tutorial', 150);
});

describe('properties of the party-congress scenario', () => {
  properties('party-congress', 25);
});
