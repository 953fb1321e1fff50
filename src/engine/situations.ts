// Situations: conditions with separate start and stop thresholds, so they do not flicker.
import { runEffects } from './effects.js';
import type { Scenario, TurnEvent } from './types.js';
import type { Work } from './work.js';

/** Starts or stops each situation in scenario order, applying onStart, whileActive or onStop effects. */
export function updateSituations(sc: Scenario, w: Work, events: TurnEvent[]): void {
  sc.situations.forEach((sit, i) => {
    const cause = { kind: 'situation' as const, id: sit.id, actor: null, label: sc.def.situations![i]!.name };
    if (w.situations[i] === 1) {
      if (sit.stop.fn(w) !== 0) {
        w.situations[i] = 0;
        runEffects(w, sit.onStop, w, w, -1, cause);
        events.push({ type: 'situation', id: sit.id, active: false });
      } else runEffects(w, sit.whileActive, w, w, -1, cause);
    } else if (sit.start.fn(w) !== 0) {
      w.situations[i] = 1;
      runEffects(w, sit.onStart, w, w, -1, cause);
      events.push({ type: 'situation', id: sit.id, active: true });
    }
  });
}
