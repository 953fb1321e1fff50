// Re-running a recorded turn so that its result carries the AI's decisions, without deciding anything twice.
import { step, type StepOptions } from './step.js';
import type { Choice, Choices, GameState, Scenario, StepResult } from './types.js';

function sameChoice(a: Choice | undefined, b: Choice | undefined): boolean {
  if (!a || !b || a.action !== b.action) return false;
  const x = a.dilemmas ?? {};
  const y = b.dilemmas ?? {};
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => x[k] === y[k]);
}

/**
 * pure; steps `state` with the turn's recorded choices, leaving every AI seat to the AI so that the result's
 * decisions say why it chose; an AI seat whose recorded choice is not the AI's keeps its recorded choice (and has no
 * decision). The resulting state is the one `step(sc, state, recorded)` gives.
 */
export function rerunTurn(sc: Scenario, state: GameState, recorded: Choices, options: StepOptions = {}): StepResult {
  const given: Choices = {};
  for (const a of sc.actors) if (state.seats[a.id] === 'human' && recorded[a.id]) given[a.id] = recorded[a.id]!;
  const r = step(sc, state, given, options);
  const made = r.state.history.at(-1)!.choices;
  const differ = sc.actors.filter((a) => recorded[a.id] !== undefined && !sameChoice(made[a.id], recorded[a.id]));
  if (differ.length === 0) return r;
  for (const a of differ) given[a.id] = recorded[a.id]!;
  const again = step(sc, state, given, options);
  const decisions = { ...r.decisions };
  for (const a of differ) delete decisions[a.id];
  const dilemmaDecisions = r.dilemmaDecisions.filter((d) => !differ.some((a) => a.id === d.actor));
  return { ...again, decisions, dilemmaDecisions };
}
