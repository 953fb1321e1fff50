// Whether two sides of the comparison played the same game: the same draws at the same points and the same final values.
import { DRAW_ACTION, DRAW_EVENT, type GameState, type Scenario } from '../../src/engine/index.js';
import { AFTERMATH_CHANCE } from './comparisonScenario.js';
import type { DrawRecord, FloorGame } from './floor.js';

/** What a finished engine game shows of its dice: every draw its history records, and how many it made in all. */
export interface EngineFacts {
  ind: number[];
  st: number[];
  recorded: DrawRecord[];
  draws: number;
}

/**
 * pure; the final values of `s` and its draws. The history records every action roll and every event that fired
 * with its roll; an event chance that missed leaves no trace, so those are counted by the scenario's rule: each
 * actor that has taken an action has its aftermath rolled at the start of every later turn.
 */
export function engineFacts(sc: Scenario, s: GameState): EngineFacts {
  const recorded: DrawRecord[] = [];
  let actionRolls = 0;
  let eventChances = 0;
  const moved = new Set<string>();
  for (const rec of s.history) {
    if (rec.turn > 1) eventChances += moved.size;
    for (const e of rec.events) {
      if (e.type === 'action' && e.result.roll !== null) {
        actionRolls++;
        recorded.push({ turn: rec.turn, what: DRAW_ACTION, index: sc.actionIndex.get(e.result.action)!, roll: e.result.roll });
      }
    }
    // Events listed in a turn's record opened the next turn.
    for (const e of rec.events) {
      if (e.type === 'event' && e.roll !== null) recorded.push({ turn: rec.turn + 1, what: DRAW_EVENT, index: sc.eventIndex.get(e.id)!, roll: e.roll });
    }
    for (const [actor, c] of Object.entries(rec.choices)) if (sc.actionIndex.has(c.action)) moved.add(actor);
  }
  return { ind: s.indicators.slice(), st: s.stances.slice(), recorded, draws: actionRolls + eventChances };
}

const key = (d: DrawRecord) => `${d.turn}/${d.what}/${d.index}`;

/**
 * pure; what differs between the engine's game and the floor's game played with the engine's dice (empty: the same
 * game): draw counts, every recorded draw's key and roll (the floor's draws that the engine did not record must be
 * event chances that missed), and every final indicator and stance, compared exactly.
 */
export function floorVersusEngine(engine: EngineFacts, floor: FloorGame, trace: readonly DrawRecord[]): string[] {
  const out: string[] = [];
  if (engine.draws !== floor.draws) out.push(`draws per game: engine ${engine.draws}, floor ${floor.draws}`);
  const floorByKey = new Map(trace.map((d) => [key(d), d]));
  const seen = new Set<string>();
  for (const d of engine.recorded) {
    const f = floorByKey.get(key(d));
    seen.add(key(d));
    if (!f) out.push(`draw ${key(d)} (turn/kind/index): the engine drew it, the floor did not`);
    else if (f.roll !== d.roll) out.push(`draw ${key(d)}: engine rolled ${d.roll}, floor ${f.roll}`);
  }
  for (const f of trace) {
    if (seen.has(key(f))) continue;
    if (f.what !== DRAW_EVENT || f.roll < AFTERMATH_CHANCE)
      out.push(`draw ${key(f)}: the floor drew it (roll ${f.roll}), the engine's history has no trace of it`);
  }
  out.push(...valuesDiffer('engine', engine, 'floor', floor));
  return out;
}

/** pure; every final indicator and stance on which `a` and `b` differ, exactly. */
export function valuesDiffer(
  aName: string,
  a: { ind: readonly number[]; st: readonly number[] },
  bName: string,
  b: { ind: readonly number[]; st: readonly number[] },
): string[] {
  const out: string[] = [];
  if (a.ind.length !== b.ind.length || a.st.length !== b.st.length)
    return [`shapes differ: ${aName} ${a.ind.length}+${a.st.length}, ${bName} ${b.ind.length}+${b.st.length}`];
  a.ind.forEach((x, k) => {
    if (x !== b.ind[k]) out.push(`indicator ${k}: ${aName} ${x}, ${bName} ${b.ind[k]}`);
  });
  a.st.forEach((x, k) => {
    if (x !== b.st[k]) out.push(`stance ${k}: ${aName} ${x}, ${bName} ${b.st[k]}`);
  });
  return out;
}
