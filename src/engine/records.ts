// Shared pieces of turn records: a choice or action result that is the same every turn it occurs is one frozen
// object per scenario rather than a new one per turn (a long game's history keeps every record).
import { PASS_ID } from './choices.js';
import type { ActionResult, CAction, Choice, Choices, Scenario, TurnEvent } from './types.js';

/** The factors of a roll that none applied to. */
export const NO_FACTORS = Object.freeze([]) as unknown as ActionResult['factors'];

/** The shared pieces of a scenario's records (look them up once per turn). */
export interface SharedRecords {
  /** Per action index, then per actor index after them for holding course: the choice `{ action }`. */
  choices: Choice[];
  /** The same, for the action event of an action without odds (and of holding course). */
  plain: TurnEvent[];
  /** How many actions the scenario has: where the holding-course slots start. */
  actions: number;
  /**
   * The record's choices of a turn that answers no dilemma, one frozen object per combination of actions (keyed by
   * comboKey), while there is room; null when the scenario has too many combinations for a small integer key.
   */
  combos: Map<number, Choices> | null;
}

/** Most combinations of actions whose record choices are kept per scenario. */
export const COMBO_ROOM = 4096;

/** The key of an actor's choice in a combination: the key so far, times the actor's count of choices (its actions and holding course), plus its own. */
export function comboKey(key: number, own: number, position: number): number {
  return key * (own + 1) + position;
}

const SHARED = new WeakMap<Scenario, SharedRecords>();

/** The shared pieces of `sc`'s turn records, built on first use. */
export function sharedRecords(sc: Scenario): SharedRecords {
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
  let combinations = 1;
  for (const own of sc.actionsByActor) combinations *= own.length + 1;
  s = { choices, plain, actions: sc.actions.length, combos: combinations <= 0x80000000 ? new Map() : null };
  SHARED.set(sc, s);
  return s;
}

/** The record's choice of an actor that answers no dilemma: `{ action }` (`a` null: holding course). */
export function plainChoice(shared: SharedRecords, actor: number, a: CAction | null): Choice {
  return shared.choices[a === null ? shared.actions + actor : a.index]!;
}

/** The action event of an action without odds, or of holding course. */
export function plainActionEvent(shared: SharedRecords, actor: number, a: CAction | null): TurnEvent {
  return shared.plain[a === null ? shared.actions + actor : a.index]!;
}
