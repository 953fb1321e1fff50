// The comparison workload's definition: bench/makeComparison.ts writes it to bench/comparison.json, and
// bench/boardgameio.ts mirrors it move for move.
import type { ScenarioFile } from '../../src/engine/index.js';

export const ACTORS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'] as const;
export const ROUNDS = 20;
/** The four indicators each actor owns: 5 × 4 = 20 indicators. */
export const KINDS = ['economy', 'military', 'influence', 'stability'] as const;
/** Percent chance that a move's aftermath (the second draw) lands. */
export const AFTERMATH_CHANCE = 50;

type Effect = NonNullable<ScenarioFile['actions'][number]['effects']>[number];

const ind = (actor: string, kind: (typeof KINDS)[number]) => `${actor}_${kind}`;
/** Actor i's partner and rival, so every move touches three actors. */
export const partnerOf = (i: number) => (i + 1) % ACTORS.length;
export const rivalOf = (i: number) => (i + 2) % ACTORS.length;

/** A deterministic spread of starting stances in [-40, 40]. */
export const initialStance = (from: number, to: number) => ((from * 7 + to * 13) % 9) * 10 - 40;

/**
 * The three actions every actor has. Each lists exactly 8 effects on indicators and stances; the ninth effect
 * (setting the actor's "acted" flag) is added by `build`.
 */
function actionsFor(i: number): ScenarioFile['actions'] {
  const a = ACTORS[i]!;
  const p = ACTORS[partnerOf(i)]!;
  const r = ACTORS[rivalOf(i)]!;
  const acted: Effect = { flag: `${a}_acted`, set: 1, label: 'a move awaits its aftermath' };
  return [
    {
      id: `${a}_invest`,
      actor: a,
      label: 'Invest at home',
      description: 'Spend on the economy, build ties with the partner.',
      tags: ['cooperative'],
      effects: [
        { indicator: ind(a, 'economy'), add: `2 + ${ind(a, 'stability')} / 50` },
        { indicator: ind(a, 'stability'), add: 1 },
        { indicator: ind(a, 'military'), add: -1 },
        { indicator: ind(a, 'influence'), add: 1 },
        { indicator: ind(p, 'economy'), add: 1 },
        { indicator: ind(r, 'influence'), add: -1 },
        { stance: { from: a, to: p }, add: 2, label: 'investment ties' },
        { stance: { from: p, to: a }, add: 2, label: 'investment ties' },
        acted,
      ],
      outcome: {
        odds: `30 + ${ind(a, 'economy')} / 5`,
        factors: [{ label: 'stable at home', add: 10, when: `${ind(a, 'stability')} >= 60` }],
        success: [{ indicator: ind(a, 'economy'), add: 3 }],
        failure: [{ indicator: ind(a, 'stability'), add: -2 }],
      },
    },
    {
      id: `${a}_arm`,
      actor: a,
      label: 'Arm',
      description: 'Build up the military; the rival takes note.',
      tags: ['coercive'],
      effects: [
        { indicator: ind(a, 'military'), add: 3 },
        { indicator: ind(a, 'economy'), add: `-1 - ${ind(a, 'military')} / 100` },
        { indicator: ind(a, 'stability'), add: 1 },
        { indicator: ind(a, 'influence'), add: 1 },
        { indicator: ind(r, 'stability'), add: -1 },
        { indicator: ind(r, 'military'), add: 1 },
        { stance: { from: r, to: a }, add: -3, label: 'arms build-up' },
        { stance: { from: a, to: r }, add: -2, label: 'arms build-up' },
        acted,
      ],
      outcome: {
        odds: `50 + (${ind(a, 'military')} - ${ind(r, 'military')}) / 4`,
        factors: [],
        success: [{ indicator: ind(r, 'stability'), add: -2 }],
        failure: [{ indicator: ind(a, 'influence'), add: -2 }],
      },
    },
    {
      id: `${a}_court`,
      actor: a,
      label: 'Court the partner',
      description: 'Diplomacy: trade influence for goodwill.',
      tags: ['cooperative'],
      effects: [
        { indicator: ind(a, 'influence'), add: `1 + stance(${p}, ${a}) / 50` },
        { indicator: ind(a, 'economy'), add: 1 },
        { indicator: ind(a, 'stability'), add: -1 },
        { indicator: ind(p, 'influence'), add: 1 },
        { indicator: ind(p, 'stability'), add: 1 },
        { indicator: ind(r, 'economy'), add: -1 },
        { stance: { from: p, to: a }, add: 3, label: 'courtship' },
        { stance: { from: r, to: a }, add: -1, label: 'courtship of a rival' },
        acted,
      ],
      outcome: {
        odds: `40 + ${ind(a, 'influence')} / 4 - ${ind(p, 'stability')} / 10`,
        factors: [],
        success: [{ indicator: ind(p, 'economy'), add: 2 }],
        failure: [{ indicator: ind(a, 'economy'), add: -1 }],
      },
    },
  ];
}

export function build(): ScenarioFile {
  const n = ACTORS.length;
  const relations: ScenarioFile['stances']['relations'] = [];
  for (let f = 0; f < n; f++)
    for (let t = 0; t < n; t++) {
      if (f !== t) relations.push({ from: ACTORS[f]!, to: ACTORS[t]!, initial: initialStance(f, t), rest: initialStance(f, t) });
    }
  return {
    $schema: '../scenarios/scenario.schema.json',
    formatVersion: 1,
    id: 'bench_comparison',
    title: 'Benchmark: five powers, twenty rounds',
    summary:
      'A synthetic workload for measuring moves per second: five actors, twenty indicators, a full 5×5 stance matrix, three actions each. Not a teaching scenario.',
    version: '1.0.0',
    turns: { count: ROUNDS, unit: 'round' },
    sources: [{ id: 'synthetic', title: 'Synthetic benchmark workload', note: 'Generated by bench/makeComparison.ts; no real-world content.' }],
    briefing: [
      { text: 'Five powers jockey for position for twenty rounds. Every number here is invented for benchmarking.', assumption: 'Synthetic workload.' },
    ],
    actors: ACTORS.map((a, i) => ({
      id: a,
      name: a[0]!.toUpperCase() + a.slice(1),
      colour: ['#c0504d', '#4f81bd', '#9bbb59', '#8064a2', '#f79646'][i]!,
      biography: [{ text: `The ${a} power (benchmark actor).`, assumption: 'Synthetic workload.' }],
      objectives: [],
      ai: { goals: [{ id: 'economy', label: 'economy', value: ind(a, 'economy'), weight: 1 }] },
    })),
    indicators: ACTORS.flatMap((a) =>
      KINDS.map((k) => ({
        id: ind(a, k),
        name: `${a} ${k}`,
        description: `The ${k} of ${a}, 0 to 100.`,
        actor: a,
        min: 0,
        max: 100,
        initial: 50,
      })),
    ),
    flags: ACTORS.map((a) => ({ id: `${a}_acted`, label: `${a} has moved` })),
    stances: { min: -100, max: 100, decay: 0, relations },
    actions: ACTORS.flatMap((_, i) => actionsFor(i)),
    events: ACTORS.map((a) => ({
      id: `${a}_aftermath`,
      title: `Aftermath of ${a}'s move`,
      text: 'The consequences of the last move settle, for better or worse.',
      when: `flag(${a}_acted) >= 1`,
      chance: AFTERMATH_CHANCE,
      effects: [{ indicator: ind(a, 'stability'), add: 1 }],
    })),
    endings: [
      { id: 'hegemony', title: 'Alpha ascendant', text: 'Alpha ends with outsized influence.', atTimeLimit: 'alpha_influence >= 80' },
      { id: 'balance', title: 'Balance of power', text: 'No power dominates.' },
    ],
    notes: [
      'A synthetic workload for `npm run bench` (part "comparison"), generated by bench/makeComparison.ts; do not edit by hand.',
      'Shape: 5 actors, 20 indicators (4 per actor, 0..100, start 50), all 20 directed stances (modifiers never decay: stances.decay 0), 3 actions per actor, no flows, no costs, requirements or cooldowns (every action is always available), no endings with "when", so every game lasts exactly 20 rounds = 100 moves.',
      "A move is one actor's action in a round (5 moves per step). It does: 9 immediate effects (6 indicator additions, one of them an expression; 2 stance additions; 1 flag set marking that the move awaits its aftermath), then evaluates its odds expression (plus factors) and draws the 1st random number to roll them, applying 1 success-or-failure effect. That is 10 arithmetic updates (each clamped, each recorded in the ledger).",
      'The 2nd draw of a move is its aftermath: the event "<actor>_aftermath" is due at the start of the next round whenever the actor moved (flag "<actor>_acted"), rolls one number against 50 percent and on success adds 1 to the actor\'s stability. The engine draws only for outcomes and event chances, and an action has at most one outcome, so this is the one way for a move to cause a second draw. The last round\'s aftermath is never rolled because the game ends, so a game draws 100 + 95 = 195 numbers (1.95 per move); bench/boardgameio.ts draws exactly the same numbers at the same points.',
      "Effects on another actor's indicators and stances are leveraged by default; with no flows every leverage is 0, so the factor is exactly 1.",
    ],
  };
}
