// After the game: which numbers which roles saw only as estimates, what each human seat last read, and the truth.
// (The words for them are in debrief.ts.)
import { estimateGroups, viewFor, type Estimate, type GameState, type Scenario } from '../engine/index.js';

export interface EstimateNote {
  indicator: string;
  name: string;
  /** The roles that saw it only as an estimate, by error size, largest first. */
  groups: Array<{ error: number; actors: string[] }>;
  /** The true value at the end. */
  truth: number;
  /** What each human seat among those roles last read. */
  seen: Array<{ actor: string; reading: Estimate }>;
}

/** pure; for every indicator some role sees only as an estimate: who, how far off, what human seats last read, the truth. */
export function estimateNotes(sc: Scenario, s: GameState): EstimateNote[] {
  const humans = sc.actors.map((a) => a.id).filter((id) => s.seats[id] === 'human');
  const views = humans.map((id) => viewFor(sc, s, id));
  return estimateGroups(sc).map(({ indicator, groups }) => {
    const i = sc.indicatorIndex.get(indicator)!;
    const seen: EstimateNote['seen'] = [];
    views.forEach((v, k) => {
      const r = v.indicators[i]!;
      if (!r.exact) seen.push({ actor: humans[k]!, reading: { value: r.value, low: r.low, high: r.high, error: r.error } });
    });
    return { indicator, name: sc.def.indicators[i]!.name, groups, truth: s.indicators[i]!, seen };
  });
}
