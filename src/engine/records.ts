// Shared pieces of turn records: a choice or action result that is the same every turn it occurs is one frozen
// object per scenario rather than a new one per turn (a long game's history keeps every record).
import { PASS_ID } from './choices.js';
import type { ActionResult, CAction, Choice, Scenario, TurnEvent } from './types.js';

/** The factors of a roll that none applied to. */
export const NO_FACTORS = Object.freeze([]) as unknown as ActionResult['factors'];

interface Shared {
  /** Per action index, then per actor index after them for holding course: the choice `{ action }`. */
  choices: Choice[];
  /** The same, for the action event of an action without odds (and of holding course). */
  plain: TurnEvent[];
}

const SHARED = new WeakMap<Scenario, Shared>();

function sharedOf(sc: Scenario): Shared {
  let s = SHARED.get(sc);
  if (s) return s;
  const choices: Choice[] = [];
  const plain: TurnEvent[] = [];
  for (const a of sc.actions) {
    choices.push(Object.freeze({ action: a.id }));
    const result: ActionResult = { actor: sc.actors[a.actor]!.id, action: a.id, label: a.label, odds: null, roll: null, success: null, factors: NO_FACTORS };
    plain.push(Object.freeze({ type: 'action', result: Object.freeze(result) }));
  }
  for (const actor of sc.actors) {
    choices.push(Object.freeze({ action: PASS_ID }));
    const result: ActionResult = { actor: actor.id, action: PASS_ID, label: 'Hold course', odds: null, roll: null, success: null, factors: NO_FACTORS };
    plain.push(Object.freeze({ type: 'action', result: Object.freeze(result) }));
  }
  s = { choices, plain };
  SHARED.set(sc, s);
  return s;
}

/** The shared pieces of a scenario's records: look them up once per turn. */
export class SharedRecords {
  constructor(private readonly sc: Scenario, private readonly s: Shared) {}

  /** The record's choice of an actor that answers no dilemma: `{ action }` (`a` null: holding course). */
  choice(actor: number, a: CAction | null): Choice {
    return this.s.choices[a === null ? this.sc.actions.length + actor : a.index]!;
  }

  /** The action event of an action without odds, or of holding course. */
  actionEvent(actor: number, a: CAction | null): TurnEvent {
    return this.s.plain[a === null ? this.sc.actions.length + actor : a.index]!;
  }
}

/** The shared pieces of `sc`'s turn records. */
export function sharedRecords(sc: Scenario): SharedRecords {
  return new SharedRecords(sc, sharedOf(sc));
}
