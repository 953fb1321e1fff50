// Valid saves of the tutorial written by the app's own Bridge, for the save tests (no page needed: nothing here touches the DOM).
import { chooseAi, chooseDilemmaOption, step, type Choices, type GameState, type Scenario } from '../../src/engine/index.js';
import { loadScenario } from './fixtures.js';
import { Bridge } from '../../src/ui/bridge.js';
import type { SaveData } from '../../src/ui/saves.js';

export const tutorial: Scenario = loadScenario('tutorial');

/** Every seat's AI choice, dilemma answers included, for `state`. */
export function aiChoices(sc: Scenario, state: GameState): Choices {
  const out: Choices = {};
  for (const a of sc.actors) {
    const dilemmas: Record<string, string> = {};
    for (const d of state.dilemmas) if (d.actor === a.id) dilemmas[d.event] = chooseDilemmaOption(sc, state, a.id, d.event);
    out[a.id] = { action: chooseAi(sc, state, a.id).action, dilemmas };
  }
  return out;
}

/**
 * A hot-seat game (both tutorial roles human, seed `seed`) after `turns` turns played as the AI would, then saved:
 * `stage` 'handover' once Upland has answered its dilemmas and chosen (Lowland's hand-over next), 'answered' on
 * Upland's main screen with its dilemmas answered but no action yet, 'main' on Upland's screen with nothing chosen.
 */
export function hotSeatSave(turns: number, stage: 'handover' | 'answered' | 'main', seed = 'save-test'): SaveData {
  const b = new Bridge();
  b.useScenario(tutorial, { bundled: 'tutorial', file: null });
  b.newGame({ seed, seats: { upland: 'human', lowland: 'human' }, aiFuzz: null });
  let state = b.game();
  for (let t = 0; t < turns && !state.over; t++) state = step(tutorial, state, aiChoices(tutorial, state)).state;
  b.state = state;
  b.draft = {};
  b.phase = state.over ? { name: 'ending' } : { name: 'main', seat: 0 };
  if (!state.over && stage !== 'main') {
    const mine = aiChoices(tutorial, state).upland!;
    for (const [event, option] of Object.entries(mine.dilemmas ?? {})) b.answerDilemma('upland', event, option);
    if (stage === 'handover') b.choose('upland', mine.action);
  }
  const save = b.toSave();
  if (!save) throw new Error('the bridge wrote no save');
  return save;
}
