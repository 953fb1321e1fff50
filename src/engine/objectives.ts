// Per-role objectives, scored against a state (normally the final one).
import { StateEnv } from './env.js';
import type { GameState, Scenario } from './types.js';

export interface ObjectiveScore { actor: string; score: number; max: number; objectives: Array<{ id: string; label: string; met: boolean; points: number }> }

/** pure; every actor's objectives as met or not in `s`, with points. */
export function scoreObjectives(sc: Scenario, s: GameState): ObjectiveScore[] {
  const env = new StateEnv(sc, s);
  return sc.actors.map((a) => {
    const objectives = a.objectives.map((o) => ({ id: o.id, label: o.label, met: o.when.fn(env) !== 0, points: o.points }));
    let score = 0;
    let max = 0;
    for (const o of objectives) {
      max += o.points;
      if (o.met) score += o.points;
    }
    return { actor: a.id, score, max, objectives };
  });
}
