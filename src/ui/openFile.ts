// A file the player opened or dropped: a replay (format "statecraft-replay") is verified and shown in the viewer; anything else is read as a scenario.
import { replayFrames } from '../analysis/replayFrames.js';
import { parseJsonDocument } from '../format/json.js';
import { claimsReplay, diagnosticAt, loadReplay } from '../format/loadReplay.js';
import type { LocatedDiagnostic } from '../format/loadScenario.js';
import { app } from './app.js';
import { bridge } from './bridge.js';
import { bundledById } from './catalog.js';
import { alertNow } from './dom/live.js';
import { openReplayViewer } from './dom/replayViewer.js';
import { normalise } from './scenarioLoader.js';
import { openScenarioFile } from './session.js';

/** Refuses the replay on the title screen: each problem at `file:line:column` with its JSON path, and said at once to screen readers. */
function refuse(name: string, diagnostics: LocatedDiagnostic[]): void {
  app().fileErrors = { name, diagnostics: diagnostics.map(normalise) };
  const first = diagnostics[0]?.message ?? 'it could not be read';
  alertNow(`The replay ${name} was refused: ${first}${diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more problems, listed on screen)` : ''}`);
  bridge.show({ name: 'title' });
}

/** Opens a replay's text: parsed, matched to the bundled scenario of its id, verified, then shown turn by turn. Never throws. */
async function openReplay(name: string, text: string): Promise<void> {
  const parsed = loadReplay(text, name);
  if (!parsed.ok) return refuse(name, parsed.diagnostics);
  const { replay, doc } = parsed;
  const entry = await bundledById(replay.scenario.id);
  const outcome = entry?.check();
  if (!outcome?.ok)
    return refuse(name, [
      diagnosticAt(
        doc,
        name,
        ['scenario', 'id'],
        `this replay is of the scenario "${replay.scenario.id}", which is not bundled with this game (or does not load), so it cannot be verified`,
      ),
    ]);
  const frames = replayFrames(outcome.scenario, replay);
  if (!frames.ok) {
    const k = frames.turn === null ? -1 : replay.turns.findIndex((t) => t.turn === frames.turn);
    return refuse(name, [
      diagnosticAt(doc, name, k < 0 ? [] : ['turns', k], `not verified${frames.turn === null ? '' : ` at turn ${frames.turn}`}: ${frames.message}`),
    ]);
  }
  app().fileErrors = null;
  openReplayViewer(outcome.scenario, name, frames.frames, frames.ending);
}

/** Opens a chosen or dropped file's text as a replay or a scenario. */
export function openFile(name: string, text: string): void {
  if (claimsReplay(parseJsonDocument(text))) {
    void openReplay(name, text).catch((e: unknown) =>
      refuse(name, [
        { file: name, line: 1, column: 1, path: [], severity: 'error', message: `it could not be read: ${e instanceof Error ? e.message : String(e)}` },
      ]),
    );
    return;
  }
  openScenarioFile(name, text);
}
