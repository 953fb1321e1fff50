// Random legal play for property tests: a plan (seed, human seats, AI fuzz, a list of picks) and a player for it.
import fc from 'fast-check';
import { legalChoices, createGame, step, type Choices, type GameState, type Scenario } from '../../src/engine/index.js';
import { jsonCopy } from './fixtures.js';

export interface Plan {
  seed: string;
  humans: string[];
  aiFuzz: number | null;
  picks: number[];
  saveAt: number;
}

export function planArb(sc: Scenario): fc.Arbitrary<Plan> {
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
export function choicesFor(sc: Scenario, s: GameState, plan: Plan, cursor: { k: number }): Choices {
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
export function play(sc: Scenario, plan: Plan, opts: { save?: boolean; check?: (s: GameState) => void } = {}): GameState {
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

/** A copy of `s` with its own indicator array: the event memo has never seen it, so its next turn evaluates every event condition. */
export function unseen(s: GameState): GameState {
  return { ...s, indicators: s.indicators.slice() };
}
