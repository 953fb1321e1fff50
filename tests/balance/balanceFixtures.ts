// Small scenarios built in code whose balance figures are known by construction, for the balance tests.
import type { ScenarioFile } from '../../src/engine/index.js';
import { actionDef, actorDef, baseScenario, eventDef, indicatorDef } from '../unit/fixtures.js';

/**
 * Only one two-action alternation wins: actor a's "prime" sets a flag, "cash" adds 10 to x when the flag was set at
 * the start of the turn (and clears it). Over 6 turns, x reaches 30 (objective "rich", 4 points; ending "win", rated
 * +2 by a) only by prime, cash, prime, cash, prime, cash. Either action alone scores nothing; cash/prime reaches 20.
 * a's AI values nothing (every option scores 0), so it takes its first option, prime, every turn. b only waits.
 */
export function alternationScenario(): ScenarioFile {
  return baseScenario({
    turns: { count: 6, unit: 'round' },
    actors: [
      actorDef('a', { objectives: [{ id: 'rich', label: 'x at 30', when: 'x >= 30', points: 4 }] }),
      actorDef('b', { objectives: [{ id: 'calm', label: 'x below 30', when: 'x < 30', points: 2 }] }),
    ],
    indicators: [indicatorDef('x', { initial: 0 }), indicatorDef('ax', { actor: 'a' }), indicatorDef('bx', { actor: 'b' })],
    flags: [{ id: 'primed', label: 'Primed' }],
    actions: [
      actionDef('prime', 'a', { effects: [{ flag: 'primed', set: 1 }] }),
      actionDef('cash', 'a', {
        effects: [
          { indicator: 'x', add: 'if(flag(primed) == 1, 10, 0)' },
          { flag: 'primed', set: 0 },
        ],
      }),
      actionDef('b_wait', 'b'),
    ],
    endings: [
      { id: 'win', title: 'Win', text: 'x reached 30.', atTimeLimit: 'x >= 30', ratings: { a: 2, b: -1 } },
      { id: 'end', title: 'The end', text: 'It ended.', ratings: { a: 0, b: 1 } },
    ],
  });
}

/**
 * Known all-AI figures. b's AI wants bx high (no fuzz): it takes "b_act" (bx +5) whenever available, which needs
 * flow "ab" above 10 (initial 50 of 100, a major flow); cutting "ab" leaves b only "b_wait", cutting "ba" (initial 10,
 * not major) changes nothing. a always waits (its goal values nothing, "a_wait" is first). Event "opening" is
 * scheduled at turn 1; "rare" (chance 10, once) is random; "never" needs x > 1000; "ask" (turn 2) puts b a dilemma
 * whose "up" raises bx, so b always answers "up". Objective "b_start" (x >= 0) holds from the start.
 */
export function measuredScenario(): ScenarioFile {
  return baseScenario({
    actors: [
      actorDef('a', { objectives: [{ id: 'a_high', label: 'x high', when: 'x >= 90', points: 2 }] }),
      actorDef('b', {
        objectives: [
          { id: 'b_start', label: 'x not negative', when: 'x >= 0', points: 1 },
          { id: 'b_rich', label: 'bx high', when: 'bx >= 70', points: 3 },
        ],
        ai: { goals: [{ id: 'bx', label: 'bx', value: 'bx', weight: 1 }], fuzz: 0 },
      }),
    ],
    flows: [
      { id: 'ab', from: 'a', to: 'b', kind: 'trade', label: 'a to b', initial: 50 },
      { id: 'ba', from: 'b', to: 'a', kind: 'trade', label: 'b to a', initial: 10 },
    ],
    actions: [
      actionDef('a_wait', 'a'),
      actionDef('b_wait', 'b'),
      actionDef('b_act', 'b', { requires: [{ label: 'flow ab above 10', when: 'flow(ab) > 10' }], effects: [{ indicator: 'bx', add: 5 }] }),
    ],
    events: [
      eventDef('opening', { turn: 1 }),
      eventDef('rare', { chance: 10, once: true }),
      eventDef('never', { when: 'x > 1000' }),
      eventDef('ask', {
        turn: 2,
        dilemma: {
          actor: 'b',
          prompt: 'Which way?',
          options: [
            { id: 'up', label: 'Up', effects: [{ indicator: 'bx', add: 5 }] },
            { id: 'down', label: 'Down', effects: [{ indicator: 'bx', add: -5 }] },
          ],
        },
      }),
    ],
  });
}
