// Property tests: random seeds, seatings and legal choice sequences on the shipped scenarios.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCopy, loadScenario } from '../../tests/unit/fixtures.js';
import { legalChoices } from './choices.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { recordReplay, verifyReplay } from './replay.js';
import { step } from './step.js';
import type { Choices, GameState, Scenario } from './types.js';

interface Plan { seed: string; humans: string[]; aiFuzz: number | null; picks: number[]; saveAt: number }

function planArb(sc: Scenario): fc.Arbitrary<Plan> {
  const actors = sc.actors.map((a) => a.id);
  return fc.record({
    seed: fc.string({ minLength: 1, maxLength: 24 }),
    humans: fc.subarray(actors),
    aiFuzz: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    picks: fc.array(fc.nat({ max: 1000 }), { minLength: 8, maxLength: 8 * sc.turnCount * actors.length }),
    saveAt: fc.nat({ max: sc.turnCount }),
  });
}

/** Every human seat picks an available action, and answers its dilemmas, by the plan's numbers. */
function choicesFor(sc: Scenario, s: GameState, plan: Plan, cursor: { k: number }): Choices {
  const next = () => plan.picks[cursor.k++ % plan.picks.length]!;
  const choices: Choices = {};
  for (const actor of sc.actors) {
    if (s.seats[actor.id] !== 'human') continue;
    const menu = legalChoices(sc, s, actor.id);
    const available = menu.actions.filter((a) => a.available);
    const action = available[next() % available.length]!.id;
    const dilemmas: Record<string, string> = {};
    for (const d of menu.dilemmas) dilemmas[d.event] = d.options[next() % d.options.length]!.id;
    choices[actor.id] = menu.dilemmas.length ? { action, dilemmas } : { action };
  }
  return choices;
}

/** Plays a plan to the end; with `save`, the state goes through JSON at turn plan.saveAt, as a save and reload would. */
function play(sc: Scenario, plan: Plan, opts: { save?: boolean; check?: (s: GameState) => void } = {}): GameState {
  const seats = Object.fromEntries(plan.humans.map((h) => [h, 'human' as const]));
  let s = createGame(sc, { seed: plan.seed, seats, aiFuzz: plan.aiFuzz });
  const cursor = { k: 0 };
  opts.check?.(s);
  while (!s.over) {
    if (opts.save && s.turn === plan.saveAt) s = jsonCopy(s);
    s = step(sc, s, choicesFor(sc, s, plan, cursor)).state;
    opts.check?.(s);
  }
  return s;
}

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
  for (const d of s.dilemmas) if (sc.events[sc.eventIndex.get(d.event) ?? -1]?.dilemma?.actor !== sc.actorIndex.get(d.actor)) throw new Error(`dilemma ${d.event} pending for the wrong actor ${d.actor}`);
  if (s.over && s.dilemmas.length > 0) throw new Error('dilemmas pending after the end');
}

function properties(name: string, numRuns: number): void {
  const sc = loadScenario(name);

  it(`keeps every number finite and within its range over random legal play (${name})`, () => {
    fc.assert(fc.property(planArb(sc), (plan) => {
      const end = play(sc, plan, { check: (s) => assertInvariants(sc, s) });
      expect(end.over).toBe(true);
      expect(sc.endings.map((e) => e.id)).toContain(end.ending);
    }), { numRuns });
  });

  it(`gives the same final hash for the same inputs, and after a save and reload mid-game (${name})`, () => {
    fc.assert(fc.property(planArb(sc), (plan) => {
      const a = play(sc, plan);
      const b = play(sc, plan);
      const resumed = play(sc, plan, { save: true });
      expect(stateHash(b)).toBe(stateHash(a));
      expect(stateHash(resumed)).toBe(stateHash(a));
      expect(JSON.stringify(b.history)).toBe(JSON.stringify(a.history));
    }), { numRuns });
  });

  it(`records a replay that verifies (${name})`, () => {
    fc.assert(fc.property(planArb(sc), (plan) => {
      const end = play(sc, plan);
      const check = verifyReplay(sc, jsonCopy(recordReplay(sc, end)));
      if (!check.ok) throw new Error(`replay failed at turn ${check.turn}: ${check.message}`);
      expect(check.finalHash).toBe(stateHash(end));
      expect(check.ending).toBe(end.ending);
    }), { numRuns });
  });
}

describe('properties of the tutorial', () => {
  properties('tutorial', 150);
});

describe('properties of the party-congress scenario', () => {
  properties('party-congress', 25);
});
