import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { chooseAi, dilemmaDecision } from './ai.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { rerunTurn } from './rerun.js';
import { step } from './step.js';
import type { Choices, GameState } from './types.js';

const flagship = loadScenario('party-congress');

/** An all-AI game of the flagship, `turns` turns long, and every state on the way. */
function played(turns: number, seats: GameState['seats'] = {}): GameState[] {
  const states = [createGame(flagship, { seed: 'rerun', seats })];
  while (states.length <= turns && !states.at(-1)!.over) {
    const s = states.at(-1)!;
    const choices: Choices = {};
    for (const a of flagship.actors)
      if (s.seats[a.id] === 'human')
        choices[a.id] = {
          action: chooseAi(flagship, s, a.id).action,
          dilemmas: Object.fromEntries(s.dilemmas.filter((d) => d.actor === a.id).map((d) => [d.event, dilemmaDecision(flagship, s, a.id, d.event).option])),
        };
    states.push(step(flagship, s, choices).state);
  }
  return states;
}

describe('step: the AI decisions it took', () => {
  it('returns, for every seat it chose for, the decision chooseAi gives on the same state', () => {
    const [s0] = played(0);
    const r = step(flagship, s0!, {});
    expect(Object.keys(r.decisions).sort()).toEqual(flagship.actors.map((a) => a.id).sort());
    for (const a of flagship.actors) expect(r.decisions[a.id]).toEqual(chooseAi(flagship, s0!, a.id));
  });

  it('returns no decision for a seat whose choice was given', () => {
    const [s0] = played(0);
    const first = flagship.actors[0]!.id;
    const r = step(flagship, s0!, { [first]: { action: chooseAi(flagship, s0!, first).action } });
    expect(r.decisions[first]).toBeUndefined();
    expect(Object.keys(r.decisions)).toHaveLength(flagship.actors.length - 1);
  });

  it('returns the dilemma answers it chose, as dilemmaDecision gives them', () => {
    const states = played(40);
    const s = states.find((x) => x.dilemmas.length > 0);
    expect(s, 'the flagship puts a dilemma to someone within 40 turns').toBeDefined();
    const r = step(flagship, s!, {});
    expect(r.dilemmaDecisions).toEqual(s!.dilemmas.map((d) => dilemmaDecision(flagship, s!, d.actor, d.event)));
  });
});

describe('rerunTurn', () => {
  it("reaches the same state as stepping with the recorded choices, with the AI seats' decisions", () => {
    const states = played(8);
    for (let t = 1; t < states.length; t++) {
      const rec = states[t]!.history.at(-1)!;
      const r = rerunTurn(flagship, states[t - 1]!, rec.choices);
      expect(stateHash(r.state)).toBe(stateHash(states[t]!));
      expect(Object.keys(r.decisions)).toHaveLength(flagship.actors.length);
    }
  });

  it("keeps an AI seat's recorded choice when it is not the AI's, and gives no decision for that seat", () => {
    const [s0] = played(0);
    const actor = flagship.actors[0]!;
    const ai = step(flagship, s0!, {});
    const other = flagship.actionsByActor[actor.index]!.map((a) => a.id).find((id) => id !== ai.decisions[actor.id]!.action)!;
    const recorded = { ...ai.state.history.at(-1)!.choices, [actor.id]: { action: other } };
    const r = rerunTurn(flagship, s0!, recorded);
    expect(stateHash(r.state)).toBe(stateHash(step(flagship, s0!, recorded).state));
    expect(r.decisions[actor.id]).toBeUndefined();
    expect(r.decisions[flagship.actors[1]!.id]).toEqual(ai.decisions[flagship.actors[1]!.id]);
  });

  it("leaves a human seat's recorded choice as it is", () => {
    const human = flagship.actors[1]!.id;
    const states = played(3, { [human]: 'human' });
    const rec = states[3]!.history.at(-1)!;
    const r = rerunTurn(flagship, states[2]!, rec.choices);
    expect(stateHash(r.state)).toBe(stateHash(states[3]!));
    expect(r.decisions[human]).toBeUndefined();
  });
});
