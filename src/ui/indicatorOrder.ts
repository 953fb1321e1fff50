// The order of the dashboard for a role: its own indicators first, then those its objectives read, then the rest.
import type { ObjectiveStatus, ScenarioFile } from '../engine/index.js';

/** pure; indicator indices in dashboard order for `actorId` (scenario order within each group); scenario order for none. */
export function indicatorOrder(def: Pick<ScenarioFile, 'indicators'>, actorId: string | null, objectives: readonly ObjectiveStatus[] = []): number[] {
  const all = def.indicators.map((_, i) => i);
  if (!actorId) return all;
  const read = new Set(objectives.flatMap((o) => o.terms.filter((t) => t.kind === 'indicator').map((t) => t.id)));
  const rank = (i: number): number => (def.indicators[i]!.actor === actorId ? 0 : read.has(def.indicators[i]!.id) ? 1 : 2);
  return all.sort((x, y) => rank(x) - rank(y) || x - y);
}
