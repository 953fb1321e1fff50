// One turn: every seat's choice resolves together against the start-of-turn state, in a fixed order.
import { decideAction, decideDilemma, decisionContext, type AiDecision, type DecisionContext, type DilemmaDecision } from './ai.js';
import { availableActionIds, canTake, oddsTotal, PASS_ID, type RolledFactor } from './choices.js';
import { applyDue, runEffects } from './effects.js';
import { StateEnv } from './env.js';
import { updateSituations } from './situations.js';
import { startTurn } from './turnStart.js';
import { DRAW_ACTION, drawFor } from './rng.js';
import {
  EngineError,
  type ActionResult,
  type CAction,
  type Choice,
  type Choices,
  type GameState,
  type Scenario,
  type StepResult,
  type TurnEvent,
} from './types.js';
import { keptMemo } from './eventMemo.js';
import { History } from './history.js';
import { COMBO_ROOM, comboKey, NO_FACTORS, plainActionEvent, plainChoice, sharedRecords, type SharedRecords } from './records.js';
import { Work } from './work.js';

/**
 * The documented order of a turn:
 * 1. answers to pending dilemmas, in actor order;
 * 2. every actor's action in actor order: cost, effects, then odds rolled and the outcome's effects
 *    (all amounts and odds from the start-of-turn state);
 * 3. delayed effects due this turn; 4. stance modifiers fade; 5. indicators' per-turn changes (all
 * evaluated first, then applied); 6. situations start or stop; 7. the turn advances: past the last turn
 * the game ends (a `when` ending that holds, else `atTimeLimit`, else the fallback); otherwise the new
 * turn's events fire and endings with a `when` condition are checked.
 */
export interface StepOptions {
  /** false: keep no attribution ledger for this turn (batch runs); the state and its hash are the same either way. */
  ledger?: boolean;
}

export function step(sc: Scenario, state: GameState, choices: Choices, options: StepOptions = {}): StepResult {
  const given = checkStepInputs(sc, state, choices);
  if (state.scenarioHash !== sc.hash) throw new EngineError('this game belongs to a different version of the scenario');
  if (state.over) throw new EngineError('the game is over');
  const s0 = new StateEnv(sc, state);
  const picked = new Array<CAction | null>(sc.actors.length);
  const decided: Decided = { actions: {}, dilemmas: [] };
  const shared = sharedRecords(sc);
  const full = resolveChoices(sc, state, given, s0, picked, decided, shared);
  const events: TurnEvent[] = [];
  const w = new Work(sc, state, options.ledger !== false);

  for (const d of state.dilemmas) {
    const option = full[d.actor]?.dilemmas?.[d.event];
    const ev = sc.events[sc.eventIndex.get(d.event)!]!;
    const o = ev.dilemma?.options.find((x) => x.id === option);
    if (!o) throw new EngineError(`"${d.actor}" must answer the dilemma "${d.event}" with one of: ${ev.dilemma?.options.map((x) => x.id).join(', ')}`);
    runEffects(w, o.effects, s0, s0, ev.dilemma!.actor, { kind: 'dilemma', id: `${d.event}.${o.id}`, actor: d.actor, label: o.label });
    events.push({ type: 'dilemma-answer', actor: d.actor, event: d.event, option: o.id });
  }

  for (const actor of sc.actors) {
    const a = picked[actor.index]!;
    if (a === null) {
      events.push(plainActionEvent(shared, actor.index, null));
      continue;
    }
    const causes = a.causes;
    for (const c of a.cost) w.apply({ kind: 'indicator', index: c.indicator, mode: 'add', amount: -c.amount, label: null, decay: null }, causes.cost);
    w.actionCounts[a.index]! += 1;
    w.actionLast[a.index] = state.turn;
    runEffects(w, a.effects, s0, s0, actor.index, causes.action);
    if (a.outcome) {
      const applied: RolledFactor[] = [];
      const total = oddsTotal(sc, a, s0, null, applied)!;
      const factors = applied.length > 0 ? applied : NO_FACTORS;
      const roll = drawFor(state.rng, state.turn, DRAW_ACTION, a.index) * 100;
      const success = roll < total;
      const result: ActionResult = { actor: actor.id, action: a.id, label: a.label, odds: total, roll, success, factors };
      runEffects(w, success ? a.outcome.success : a.outcome.failure, s0, s0, actor.index, success ? causes.success : causes.failure);
      events.push({ type: 'action', result });
    } else events.push(plainActionEvent(shared, actor.index, a));
  }

  applyDue(w);
  w.fadeModifiers();
  // All per-turn amounts are evaluated first, then applied.
  const terms = sc.drift;
  if (terms.length > 0) {
    const amounts = terms.map((t) => t.amount.fn(w));
    for (let k = 0; k < terms.length; k++) w.applyTo('indicator', terms[k]!.indicator, 'add', amounts[k]!, null, null, terms[k]!.cause);
  }
  updateSituations(sc, w, events);

  w.turnNo = state.turn + 1;
  const opened = startTurn(sc, w, state);
  for (const e of opened.events) events.push(e);
  const record = { turn: state.turn, choices: full, events, ledger: w.entries(), indicators: opened.state.indicators };
  opened.state.history = History.from(state.history).append(record, keptMemo(opened.state, w.memo));
  return { state: opened.state, events, decisions: decided.actions, dilemmaDecisions: decided.dilemmas };
}

/** pure; the choices with every AI seat's filled in and every choice checked against what is legal. */
export function completeChoices(sc: Scenario, state: GameState, choices: Choices): Choices {
  const full = resolveChoices(sc, state, checkStepInputs(sc, state, choices), new StateEnv(sc, state), [], { actions: {}, dilemmas: [] }, sharedRecords(sc));
  // The records' shared choices are frozen; the caller gets an object of its own.
  return Object.isFrozen(full) ? { ...full } : full;
}

/** The AI's decisions taken while completing the choices. */
interface Decided {
  actions: Record<string, AiDecision>;
  dilemmas: DilemmaDecision[];
}

/**
 * completeChoices from the given choices by actor index (checkStepInputs), also filling `picked` (by actor index)
 * with each chosen action, null for holding course, and `decided` with the AI's decisions.
 */
function resolveChoices(
  sc: Scenario,
  state: GameState,
  choices: ReadonlyArray<Choice | undefined>,
  env: StateEnv,
  picked: Array<CAction | null>,
  decided: Decided,
  shared: SharedRecords,
): Choices {
  const chosen = new Array<Choice>(sc.actors.length);
  // The combination's key while every choice is plain (comboKey), -1 once one is not or the scenario keeps none.
  let key = shared.combos !== null ? 0 : -1;
  // One look-ahead copy of the state for every decision the AI takes in this step, made only when one is needed.
  let ctx: DecisionContext | null = null;
  for (const actor of sc.actors) {
    const given = choices[actor.index];
    if (!given && state.seats[actor.id] === 'human') {
      throw new EngineError(`no choice for "${actor.id}", a human seat; available: ${availableActionIds(sc, state, actor.index, env).join(', ')}`);
    }
    let action = given?.action;
    if (action === undefined) {
      const d = decideAction(sc, state, actor, (ctx ??= decisionContext(sc, state)));
      decided.actions[actor.id] = d;
      action = d.action;
    }
    const own = sc.actionsByActor[actor.index]!;
    const position = ownPosition(own, action);
    const a = position >= 0 ? own[position]! : null;
    const ok = a === null ? action === PASS_ID && availableActionIds(sc, state, actor.index, env)[0] === PASS_ID : canTake(sc, state, a, env);
    if (!ok) {
      const legal = availableActionIds(sc, state, actor.index, env);
      throw new EngineError(`"${action}" is not available to "${actor.id}" on turn ${state.turn}; available: ${legal.join(', ')}`);
    }
    picked[actor.index] = a;
    let dilemmas: Record<string, string> | null = null;
    for (const d of state.dilemmas) {
      if (d.actor !== actor.id) continue;
      dilemmas ??= {};
      let answer = given?.dilemmas?.[d.event];
      if (answer === undefined && state.seats[actor.id] !== 'human') {
        const decision = decideDilemma(sc, state, actor, d.event, (ctx ??= decisionContext(sc, state)));
        decided.dilemmas.push(decision);
        answer = decision.option;
      }
      if (answer === undefined) throw new EngineError(`"${actor.id}" must answer the dilemma "${d.event}" with one of: ${dilemmaOptionIds(sc, d.event)}`);
      dilemmas[d.event] = answer;
    }
    if (given?.dilemmas !== undefined)
      for (const event in given.dilemmas) {
        if (!state.dilemmas.some((d) => d.actor === actor.id && d.event === event)) {
          const own = state.dilemmas.filter((d) => d.actor === actor.id).map((d) => d.event);
          throw new EngineError(
            `"${actor.id}" answers the dilemma "${event}", which is not put to it this turn; pending for it: ${own.length ? own.join(', ') : 'none'}`,
          );
        }
      }
    if (dilemmas) {
      chosen[actor.index] = { action, dilemmas };
      key = -1;
    } else {
      chosen[actor.index] = plainChoice(shared, actor.index, a);
      if (key >= 0) key = comboKey(key, own.length, a === null ? own.length : position);
    }
  }
  // A turn's choices usually repeat an earlier combination: its record shares that one's object, rather than building its own.
  const combos = shared.combos;
  if (key >= 0) {
    const known = combos!.get(key);
    if (known !== undefined) return known;
  }
  const full: Choices = {};
  for (const actor of sc.actors) full[actor.id] = chosen[actor.index]!;
  if (key >= 0 && combos!.size < COMBO_ROOM) combos!.set(key, Object.freeze(full));
  return full;
}

/** The position among the actor's actions of the one called `id`, or -1 (holding course, or not one of its actions); a scan of its few actions costs less than the id map. */
function ownPosition(own: readonly CAction[], id: string): number {
  for (let k = 0; k < own.length; k++) if (own[k]!.id === id) return k;
  return -1;
}

function dilemmaOptionIds(sc: Scenario, eventId: string): string {
  return sc.events[sc.eventIndex.get(eventId) ?? -1]?.dilemma?.options.map((o) => o.id).join(', ') ?? '(none)';
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The choices by actor index (undefined: none given); throws an EngineError for arguments of the wrong shape, before anything is read from them. */
function checkStepInputs(sc: unknown, state: unknown, choices: unknown): Array<Choice | undefined> {
  if (!isRecord(sc) || !(sc.actorIndex instanceof Map) || !Array.isArray(sc.actors))
    throw new EngineError('step needs a compiled scenario (from compileScenario) as its first argument');
  if (!isRecord(state) || !Array.isArray(state.indicators) || !Array.isArray(state.dilemmas) || !isRecord(state.seats)) {
    throw new EngineError('step needs a game state (from createGame or a previous step) as its second argument');
  }
  if (!isRecord(choices))
    throw new EngineError(
      `step needs the turn's choices as an object keyed by actor id, e.g. { "${(sc.actors[0] as { id: string } | undefined)?.id ?? 'actor'}": { "action": "..." } }; got ${describe(choices)}`,
    );
  const actorIndex = sc.actorIndex as Map<string, number>;
  const actors = sc.actors as Array<{ id: string }>;
  const byIndex = new Array<Choice | undefined>(actors.length);
  let next = 0;
  // for-in with an own-property test visits what Object.keys lists, without building the list on every step. The test
  // (a builtin call per key) is needed only for an object with a prototype of its own: a plain object inherits no
  // enumerable key unless Object.prototype was given one, which is tested before it could count as an unknown actor.
  const proto = Object.getPrototypeOf(choices);
  const inherits = proto !== Object.prototype && proto !== null;
  for (const id in choices) {
    if (inherits && !Object.hasOwn(choices, id)) continue;
    // Choices usually come in actor order: the next actor's id is compared before the id is looked up.
    const index = actors[next]?.id === id ? next : actorIndex.get(id);
    if (index === undefined) {
      if (!Object.hasOwn(choices, id)) continue;
      throw new EngineError(`choice for unknown actor "${id}"; actors: ${[...actorIndex.keys()].join(', ')}`);
    }
    const c = choices[id];
    if (!isRecord(c) || typeof c.action !== 'string')
      throw new EngineError(`the choice for "${id}" must be an object with an "action" id, e.g. { "action": "pass" }; got ${describe(c)}`);
    for (const k in c)
      if (k !== 'action' && k !== 'dilemmas' && Object.hasOwn(c, k))
        throw new EngineError(`the choice for "${id}" has an unknown field "${k}"; a choice has "action" and optionally "dilemmas"`);
    if (c.dilemmas !== undefined) {
      if (!isRecord(c.dilemmas))
        throw new EngineError(`the dilemma answers of "${id}" must be an object of event id to option id; got ${describe(c.dilemmas)}`);
      for (const [ev, o] of Object.entries(c.dilemmas))
        if (typeof o !== 'string') throw new EngineError(`the answer of "${id}" to the dilemma "${ev}" must be an option id; got ${describe(o)}`);
    }
    byIndex[index] = c as unknown as Choice;
    next = index + 1;
  }
  return byIndex;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return `the text ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x)}`;
  return typeof x === 'object' ? 'an object' : `${typeof x} ${String(x)}`;
}
