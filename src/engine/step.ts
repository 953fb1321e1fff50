// One turn: every seat's choice resolves together against the start-of-turn state, in a fixed order.
import { chooseAi, chooseDilemmaOption } from './ai.js';
import { availableActionIds, oddsOf, PASS_ID } from './choices.js';
import { applyDue, runEffects } from './effects.js';
import { StateEnv } from './env.js';
import { updateSituations } from './situations.js';
import { startTurn } from './turnStart.js';
import { resumeRng } from './rng.js';
import {
  EngineError, type ActionResult, type Choice, type Choices, type GameState, type LedgerEntry, type Scenario, type StepResult, type TurnEvent,
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
export function step(sc: Scenario, state: GameState, choices: Choices): StepResult {
  if (state.scenarioHash !== sc.hash) throw new EngineError('this game belongs to a different version of the scenario');
  if (state.over) throw new EngineError('the game is over');
  for (const id of Object.keys(choices)) if (!sc.actorIndex.has(id)) throw new EngineError(`choice for unknown actor "${id}"`);
  const s0 = new StateEnv(sc, state);
  const full = completeChoices(sc, state, choices);
  const ledger: LedgerEntry[] = [];
  const events: TurnEvent[] = [];
  const w = new Work(sc, state, ledger);
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
    const id = full[actor.id]!.action;
    if (id === PASS_ID) {
      events.push({ type: 'action', result: { actor: actor.id, action: PASS_ID, label: 'Hold course', odds: null, roll: null, success: null, factors: [] } });
      continue;
    }
    const a = sc.actions[sc.actionIndex.get(id)!]!;
    const cause = { kind: 'action' as const, id: a.id, actor: actor.id, label: a.label };
    for (const c of a.cost) w.apply({ kind: 'indicator', index: c.indicator, mode: 'add', amount: -c.amount, label: null, decay: null }, { ...cause, kind: 'cost', label: `cost of ${a.label}` });
    w.actionCounts[a.index]! += 1;
    w.actionLast[a.index] = state.turn;
    runEffects(w, a.effects, s0, s0, actor.index, cause);
    const result: ActionResult = { actor: actor.id, action: a.id, label: a.label, odds: null, roll: null, success: null, factors: [] };
    const odds = oddsOf(a, s0);
    if (a.outcome && odds) {
      const roll = rng.next() * 100;
      const success = roll < odds.total;
      Object.assign(result, { odds: odds.total, roll, success, factors: odds.factors.filter((f) => f.applies).map((f) => ({ label: f.label, add: f.add })) });
      runEffects(w, success ? a.outcome.success : a.outcome.failure, s0, s0, actor.index, { ...cause, kind: 'outcome', label: `${a.label} (${success ? 'succeeded' : 'failed'})` });
    }
    events.push({ type: 'action', result });
  }

  applyDue(w);
  w.fadeModifiers();
  const drift = sc.indicators.map((ind) => ind.perTurn.map((t) => t.amount.fn(w)));
  sc.indicators.forEach((ind, i) => ind.perTurn.forEach((t, j) => {
    w.apply({ kind: 'indicator', index: i, mode: 'add', amount: drift[i]![j]!, label: null, decay: null }, { kind: 'drift', id: ind.id, actor: null, label: t.label });
  }));
  updateSituations(sc, w, events);

  w.turnNo = state.turn + 1;
  const next = w.toState(state);
  const opened = startTurn(sc, w, next, rng);
  events.push(...opened.events);
  const record = { turn: state.turn, choices: full, events, ledger, indicators: opened.state.indicators.slice() };
  return { state: { ...opened.state, history: [...state.history, record] }, events };
}

/** pure; the choices with every AI seat's filled in and every choice checked against what is legal. */
export function completeChoices(sc: Scenario, state: GameState, choices: Choices): Choices {
  const env = new StateEnv(sc, state);
  const full: Choices = {};
  for (const actor of sc.actors) {
    const given: Choice | undefined = choices[actor.id];
    const human = state.seats[actor.id] === 'human';
    if (!given && human) throw new EngineError(`no choice for "${actor.id}", a human seat`);
    const action = given?.action ?? chooseAi(sc, state, actor.id).action;
    const legal = availableActionIds(sc, state, actor.index, env);
    if (!legal.includes(action)) throw new EngineError(`"${action}" is not available to "${actor.id}" on turn ${state.turn}; available: ${legal.join(', ')}`);
    const dilemmas: Record<string, string> = {};
    for (const d of state.dilemmas) {
      if (d.actor !== actor.id) continue;
      dilemmas[d.event] = given?.dilemmas?.[d.event] ?? (human ? '' : chooseDilemmaOption(sc, state, actor.id, d.event));
    }
    full[actor.id] = Object.keys(dilemmas).length ? { action, dilemmas } : { action };
  }
  return full;
}
