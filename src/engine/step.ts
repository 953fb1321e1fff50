// One turn: every seat's choice resolves together against the start-of-turn state, in a fixed order.
import { chooseAi, chooseDilemmaOption } from './ai.js';
import { availableActionIds, canTake, PASS_ID } from './choices.js';
import { applyDue, runEffects } from './effects.js';
import { evaluate, StateEnv } from './env.js';
import { updateSituations } from './situations.js';
import { startTurn } from './turnStart.js';
import { resumeRng } from './rng.js';
import {
  EngineError, type ActionResult, type CAction, type Choice, type Choices, type GameState, type Scenario, type StepResult, type TurnEvent,
} from './types.js';
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
  if (state.scenarioHash !== sc.hash) throw new EngineError('this game belongs to a different version of the scenario');
  if (state.over) throw new EngineError('the game is over');
  for (const id in choices) if (!sc.actorIndex.has(id)) throw new EngineError(`choice for unknown actor "${id}"`);
  const s0 = new StateEnv(sc, state);
  const picked: Array<CAction | null> = [];
  const full = resolveChoices(sc, state, choices, s0, picked);
  const events: TurnEvent[] = [];
  const w = new Work(sc, state, options.ledger !== false);
  const rng = resumeRng(state.rng);

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
      events.push({ type: 'action', result: { actor: actor.id, action: PASS_ID, label: 'Hold course', odds: null, roll: null, success: null, factors: [] } });
      continue;
    }
    const causes = a.causes;
    for (const c of a.cost) w.apply({ kind: 'indicator', index: c.indicator, mode: 'add', amount: -c.amount, label: null, decay: null }, causes.cost);
    w.actionCounts[a.index]! += 1;
    w.actionLast[a.index] = state.turn;
    runEffects(w, a.effects, s0, s0, actor.index, causes.action);
    let result: ActionResult;
    if (a.outcome) {
      // oddsOf() without its views: the same sum, clamped the same way, in the same order.
      let total = evaluate(a.outcome.odds, s0);
      const factors: Array<{ label: string; add: number }> = [];
      for (const f of a.outcome.factors) {
        if (f.when === null || evaluate(f.when, s0) !== 0) {
          const add = evaluate(f.add, s0);
          total += add;
          factors.push({ label: f.label, add });
        }
      }
      total = total < 0 ? 0 : total > 100 ? 100 : total;
      const roll = rng.next() * 100;
      const success = roll < total;
      result = { actor: actor.id, action: a.id, label: a.label, odds: total, roll, success, factors };
      runEffects(w, success ? a.outcome.success : a.outcome.failure, s0, s0, actor.index, success ? causes.success : causes.failure);
    } else result = { actor: actor.id, action: a.id, label: a.label, odds: null, roll: null, success: null, factors: [] };
    events.push({ type: 'action', result });
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
  const opened = startTurn(sc, w, state, rng);
  for (const e of opened.events) events.push(e);
  const record = { turn: state.turn, choices: full, events, ledger: w.entries(), indicators: opened.state.indicators };
  const history = state.history.slice();
  history.push(record);
  opened.state.history = history;
  return { state: opened.state, events };
}


/** pure; the choices with every AI seat's filled in and every choice checked against what is legal. */
export function completeChoices(sc: Scenario, state: GameState, choices: Choices): Choices {
  return resolveChoices(sc, state, choices, new StateEnv(sc, state), []);
}

/** completeChoices, also filling `picked` (by actor index) with each chosen action, null for holding course. */
function resolveChoices(sc: Scenario, state: GameState, choices: Choices, env: StateEnv, picked: Array<CAction | null>): Choices {
  const full: Choices = {};
  for (const actor of sc.actors) {
    const given: Choice | undefined = choices[actor.id];
    if (!given && state.seats[actor.id] === 'human') throw new EngineError(`no choice for "${actor.id}", a human seat`);
    const action = given?.action ?? chooseAi(sc, state, actor.id).action;
    const i = action === PASS_ID ? undefined : sc.actionIndex.get(action);
    const a = i === undefined ? null : sc.actions[i]!;
    const ok = a === null
      ? action === PASS_ID && availableActionIds(sc, state, actor.index, env)[0] === PASS_ID
      : a.actor === actor.index && canTake(sc, state, a, env);
    if (!ok) {
      const legal = availableActionIds(sc, state, actor.index, env);
      throw new EngineError(`"${action}" is not available to "${actor.id}" on turn ${state.turn}; available: ${legal.join(', ')}`);
    }
    picked[actor.index] = a;
    let dilemmas: Record<string, string> | null = null;
    for (const d of state.dilemmas) {
      if (d.actor !== actor.id) continue;
      dilemmas ??= {};
      dilemmas[d.event] = given?.dilemmas?.[d.event] ?? (state.seats[actor.id] === 'human' ? '' : chooseDilemmaOption(sc, state, actor.id, d.event));
    }
    full[actor.id] = dilemmas ? { action, dilemmas } : { action };
  }
  return full;
}
