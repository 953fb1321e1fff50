import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { unseen } from '../../tests/unit/plans.js';
import { keepsCondition } from './eventMemo.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { step } from './step.js';
import type { GameState, Scenario } from './types.js';

const congress = loadScenario('party-congress');
const byId = (sc: Scenario, id: string) => sc.events[sc.eventIndex.get(id)!]!;

/** The scenario with every event condition counting its evaluations. */
function counting(sc: Scenario): { sc: Scenario; calls: () => number } {
  let calls = 0;
  const events = sc.events.map((ev) => {
    const when = ev.when;
    return when ? { ...ev, when: { ...when, fn: (env: Parameters<typeof when.fn>[0]) => (calls++, when.fn(env)) } } : ev;
  });
  return { sc: { ...sc, events }, calls: () => calls };
}

/** An all-AI game to its end; `fresh` steps each turn from a state the memo has never seen. */
function playAi(sc: Scenario, fresh: boolean): GameState {
  let s = createGame(sc, { seed: 'memo-1' });
  while (!s.over) s = step(sc, fresh ? unseen(s) : s, {}).state;
  return s;
}

describe('event conditions kept between turns', () => {
  it('keeps conditions that read only indicators, flags and stances, and no others', () => {
    expect(keepsCondition(byId(congress, 'ev_border_clash'))).toBe(true); // escalation >= 60
    expect(keepsCondition(byId(congress, 'ev_heir_in_beijing'))).toBe(true); // an indicator and a stance
    expect(keepsCondition(byId(congress, 'ev_verification_dispute'))).toBe(true); // a flag
    expect(keepsCondition(byId(congress, 'ev_floods'))).toBe(false); // reads the turn
    expect(keepsCondition(byId(congress, 'ev_sub_unveiled'))).toBe(false); // reads a flow
    expect(keepsCondition(byId(congress, 'ev_moscow_pays_less'))).toBe(false); // reads a situation
    expect(keepsCondition(byId(congress, 'ev_congress_opens'))).toBe(false); // tied to a turn
  });

  it('evaluates fewer conditions over a game than evaluating every one each turn, and ends the same', () => {
    const kept = counting(congress);
    const keptEnd = playAi(kept.sc, false);
    const full = counting(congress);
    const fullEnd = playAi(full.sc, true);
    expect(stateHash(keptEnd)).toBe(stateHash(fullEnd));
    expect(JSON.stringify(keptEnd.history)).toBe(JSON.stringify(fullEnd.history));
    expect(kept.calls()).toBeLessThan(full.calls());
  });

  it('evaluates every condition again for a state that went through JSON', () => {
    const { sc, calls } = counting(congress);
    const s = step(sc, createGame(sc, { seed: 'memo-2' }), {}).state;
    const before = calls();
    step(sc, s, {});
    const kept = calls() - before;
    step(sc, JSON.parse(JSON.stringify(s)) as GameState, {});
    expect(calls() - before - kept).toBeGreaterThan(kept);
  });
});
