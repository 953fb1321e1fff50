// Fixed strategies for balance checks: pure choice functions that play one seat the same way every turn.
// A seat on a strategy is a 'human' seat fed by the strategy, so the engine never asks the AI for its action;
// its answers to dilemmas come from the AI (chooseDilemmaOption), as a student who always picks one kind of
// policy would still have to answer a dilemma somehow.
import { chooseAi, chooseDilemmaOption, createGame, legalChoices, step, type Choice, type Choices, type GameState, type Scenario, type Seat } from '../engine/index.js';

/** pure; the action id a strategy picks for `actorId` in `state` (always one that is available now). */
export type Strategy = (sc: Scenario, state: GameState, actorId: string) => string;

/** pure; the ids and tags of the actions `actorId` may take now, in scenario order ("pass" alone when none). */
function available(sc: Scenario, state: GameState, actorId: string): Array<{ id: string; tags: readonly string[] }> {
  return legalChoices(sc, state, actorId).actions.filter((a) => a.available);
}

/** The first available action tagged with the first tag in `tags` that any available action carries, else the first available. */
function firstTagged(sc: Scenario, state: GameState, actorId: string, tags: readonly string[]): string {
  const list = available(sc, state, actorId);
  for (const tag of tags) {
    const hit = list.find((a) => a.tags.includes(tag));
    if (hit) return hit.id;
  }
  return list[0]!.id;
}

/** The first available action tagged `cooperative` (scenario order), else the first `cautious`, else the first available. */
export const cooperative: Strategy = (sc, state, actorId) => firstTagged(sc, state, actorId, ['cooperative', 'cautious']);

/** The first available action tagged `coercive` (scenario order), else the first `cautious`, else the first available. */
export const coercive: Strategy = (sc, state, actorId) => firstTagged(sc, state, actorId, ['coercive', 'cautious']);

/** `actionId` whenever it is available; otherwise the first available `cautious` action, else the first available. */
export function fixed(actionId: string): Strategy {
  return (sc, state, actorId) => {
    const list = available(sc, state, actorId);
    if (list.some((a) => a.id === actionId)) return actionId;
    return (list.find((a) => a.tags.includes('cautious')) ?? list[0]!).id;
  };
}

/** The strategy names `strategyByName` knows: "cooperative", "coercive", "fixed:<actionId>". */
export const STRATEGY_NAMES = 'cooperative, coercive, fixed:<actionId>';

/** pure; the strategy named `name` for `actorId`; throws on an unknown name or an action that is not the actor's. */
export function strategyByName(sc: Scenario, actorId: string, name: string): Strategy {
  const actor = sc.actorIndex.get(actorId);
  if (actor === undefined) throw new Error(`unknown actor "${actorId}"`);
  if (name === 'cooperative') return cooperative;
  if (name === 'coercive') return coercive;
  if (name.startsWith('fixed:')) {
    const id = name.slice('fixed:'.length);
    const a = sc.actions[sc.actionIndex.get(id) ?? -1];
    if (!a || a.actor !== actor) {
      const own = (sc.actionsByActor[actor] ?? []).map((x) => x.id).join(', ');
      throw new Error(`strategy "${name}": "${id}" is not an action of "${actorId}"; its actions: ${own}`);
    }
    return fixed(id);
  }
  throw new Error(`unknown strategy "${name}"; strategies: ${STRATEGY_NAMES}`);
}

/** pure; the AI's answers to the dilemmas pending for `actorId` in `state`, by event id (undefined when none). */
export function aiDilemmaAnswers(sc: Scenario, state: GameState, actorId: string): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const d of state.dilemmas) {
    if (d.actor !== actorId) continue;
    out ??= {};
    out[d.event] = chooseDilemmaOption(sc, state, actorId, d.event);
  }
  return out;
}

/** pure; a strategy seat's whole choice for the turn: the strategy's action and the AI's answers to its dilemmas. */
export function strategyChoice(sc: Scenario, state: GameState, actorId: string, strategy: Strategy): Choice {
  const action = strategy(sc, state, actorId);
  const dilemmas = aiDilemmaAnswers(sc, state, actorId);
  return dilemmas ? { action, dilemmas } : { action };
}

/** pure; the AI's choice for an AI seat, exactly as `step` would fill it in. */
export function aiChoice(sc: Scenario, state: GameState, actorId: string): Choice {
  const action = chooseAi(sc, state, actorId).action;
  const dilemmas = aiDilemmaAnswers(sc, state, actorId);
  return dilemmas ? { action, dilemmas } : { action };
}

/** pure; the seats of a game where the actors in `strategies` are 'human' seats fed by their strategy and the rest AI. */
export function strategySeats(strategies: Readonly<Record<string, Strategy>>): Record<string, Seat> {
  const seats: Record<string, Seat> = {};
  for (const id of Object.keys(strategies)) seats[id] = 'human';
  return seats;
}

/** pure; one game to its end: the actors in `strategies` play their strategy, every other seat the AI. */
export function playStrategies(sc: Scenario, seed: string, strategies: Readonly<Record<string, Strategy>>, aiFuzz: number | null = null): GameState {
  let s = createGame(sc, { seed, seats: strategySeats(strategies), aiFuzz });
  while (!s.over) {
    const choices: Choices = {};
    for (const [id, strategy] of Object.entries(strategies)) choices[id] = strategyChoice(sc, s, id, strategy);
    s = step(sc, s, choices).state;
  }
  return s;
}
