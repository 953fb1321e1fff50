// Per-role scores: the objectives met in a state (normally the final one), plus points for the ending by the role's rating.
import { StateEnv } from './env.js';
import type { GameState, Scenario } from './types.js';

/** One part of a score: an objective (earned = points when met) or the ending (earned = (rating + 2) * ending points). */
export interface ScorePart {
  kind: 'objective' | 'ending';
  id: string;
  label: string;
  met: boolean;
  points: number;
  earned: number;
}
export interface ObjectiveScore {
  actor: string;
  score: number;
  max: number;
  objectives: ScorePart[];
}

/** pure; the most points an actor can score in `sc`: all its objectives plus the best ending's share. */
export function maxScoreOf(sc: Scenario, actor: number): number {
  const objectives = sc.actors[actor]?.objectives.reduce((t, o) => t + o.points, 0) ?? 0;
  return objectives + 4 * sc.endingPoints;
}

/** pure; every actor's objectives as met or not in `s`, and, when the scenario scores endings, the ending's points (0 until the game ends). */
export function scoreObjectives(sc: Scenario, s: GameState): ObjectiveScore[] {
  const env = new StateEnv(sc, s);
  const ending = s.ending === null ? undefined : sc.def.endings.find((e) => e.id === s.ending);
  return sc.actors.map((a) => {
    const objectives: ScorePart[] = a.objectives.map((o) => {
      const met = o.when.fn(env) !== 0;
      return { kind: 'objective', id: o.id, label: o.label, met, points: o.points, earned: met ? o.points : 0 };
    });
    if (sc.endingPoints > 0) {
      const rating = ending?.ratings?.[a.id] ?? 0;
      const points = 4 * sc.endingPoints;
      objectives.push(
        ending
          ? {
              kind: 'ending',
              id: ending.id,
              label: `Ending: ${ending.title} (rated ${rating > 0 ? '+' : ''}${rating})`,
              met: true,
              points,
              earned: (rating + 2) * sc.endingPoints,
            }
          : { kind: 'ending', id: 'ending', label: 'Ending (scored when the game ends, by your rating of it)', met: false, points, earned: 0 },
      );
    }
    let score = 0;
    let max = 0;
    for (const o of objectives) {
      max += o.points;
      score += o.earned;
    }
    return { actor: a.id, score, max, objectives };
  });
}
