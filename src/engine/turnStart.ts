// The opening of a turn: the time limit, then events in scenario order, then endings with a condition.
import { clamp } from './clamp.js';
import { runEffects } from './effects.js';
import { evaluate } from './env.js';
import { DRAW_EVENT, drawFor } from './rng.js';
import type { CEvent, GameState, Scenario, TurnEvent } from './types.js';
import type { Work } from './work.js';

/** The first ending whose `when` holds, or null. */
function conditionEnding(sc: Scenario, w: Work): string | null {
  for (const e of sc.endings) if (e.when && e.when.fn(w) !== 0) return e.id;
  return null;
}

/** The ending chosen when the last turn has been played: a `when` ending that holds, else the first whose atTimeLimit holds, else the first fallback. */
function timeLimitEnding(sc: Scenario, w: Work): string {
  const early = conditionEnding(sc, w);
  if (early !== null) return early;
  for (const e of sc.endings) if (e.atTimeLimit && e.atTimeLimit.fn(w) !== 0) return e.id;
  return sc.endings.find((e) => e.fallback)!.id;
}

/** Whether an event's condition holds: kept from an earlier turn when nothing it reads has changed since (eventMemo.ts). */
function whenHolds(w: Work, ev: CEvent): boolean {
  return w.memo !== null ? w.memo.holds(ev, w) : evaluate(ev.when!, w) !== 0;
}

/** Opens turn `w.turnNo` on `base` (whose arrays `w` owns); each chance is rolled with its own keyed draw. */
export function startTurn(sc: Scenario, w: Work, base: GameState): { state: GameState; events: TurnEvent[] } {
  const events: TurnEvent[] = [];
  const dilemmas: GameState['dilemmas'] = [];
  let ending: string | null;
  const turn = w.turnNo;
  if (turn > sc.turnCount) {
    ending = timeLimitEnding(sc, w);
  } else {
    for (const ev of sc.events) {
      const i = ev.index;
      if (ev.once && w.eventCounts[i]! > 0) continue;
      if (ev.cooldown > 0 && w.eventCounts[i]! > 0 && turn - w.eventLast[i]! <= ev.cooldown) continue;
      const due =
        ev.turn !== null ? ev.turn === turn && (ev.when === null || evaluate(ev.when, w) !== 0) : ev.when !== null ? whenHolds(w, ev) : ev.chance !== null;
      if (!due) continue;
      let roll: number | null = null;
      let chance: number | null = null;
      if (ev.chance) {
        chance = clamp(evaluate(ev.chance, w), 0, 100);
        roll = drawFor(base.rng, turn, DRAW_EVENT, ev.index) * 100;
        if (roll >= chance) continue;
      }
      w.eventCounts[i]! += 1;
      w.eventLast[i] = turn;
      runEffects(w, ev.effects, w, w, -1, ev.cause);
      events.push({ type: 'event', id: ev.id, roll, chance });
      if (ev.dilemma) {
        // Every seat's dilemma waits for its answer in the next step, so an AI seat and a human seat meet it alike.
        const actor = sc.actors[ev.dilemma.actor]!.id;
        dilemmas.push({ event: ev.id, actor });
        events.push({ type: 'dilemma', actor, event: ev.id });
      }
    }
    ending = conditionEnding(sc, w);
  }
  if (ending !== null) events.push({ type: 'ending', id: ending });
  const state: GameState = w.toState(base, base.rng, ending === null ? dilemmas : [], events, ending !== null, ending);
  return { state, events };
}
