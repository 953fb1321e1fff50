// A file the player opened or dropped: a replay (format "statecraft-replay") is verified and shown in the viewer; anything else is read as a scenario.
import { replayFrames } from '../analysis/replayFrames.js';
import { parseReplay, REPLAY_FORMAT } from '../engine/compiler.js';
import { parseJsonDocument } from '../format/json.js';
import { findNode, startOf } from '../format/tree.js';
import { app } from './app.js';
import { bridge } from './bridge.js';
import { bundledById } from './catalog.js';
import { alertNow } from './dom/live.js';
import { openReplayViewer } from './dom/replayViewer.js';
import { openScenarioFile } from './session.js';

/** Refuses the replay on the title screen: the problem at `file:line:column` and its JSON path, and said at once to screen readers. */
function refuse(name: string, message: string, at: { line: number; column: number } = { line: 1, column: 1 }, path = '(root)'): void {
  const text = `${name}:${at.line}:${at.column}: error: ${message}`;
  app().fileErrors = { name, diagnostics: [{ file: name, line: at.line, column: at.column, path, message, severity: 'error', text }] };
  alertNow(`The replay ${name} was refused: ${message}`);
  bridge.show({ name: 'title' });
}

/** Opens a replay's text: parsed, matched to the bundled scenario of its id, verified, then shown turn by turn. Never throws. */
async function openReplay(name: string, doc: Extract<ReturnType<typeof parseJsonDocument>, { ok: true }>): Promise<void> {
  const parsed = parseReplay(doc.value);
  if (!parsed.ok) return refuse(name, parsed.message);
  const replay = parsed.replay;
  const entry = await bundledById(replay.scenario.id);
  const outcome = entry?.check();
  if (!outcome?.ok) return refuse(name, `this replay is of the scenario "${replay.scenario.id}", which is not bundled with this game (or does not load), so it cannot be verified`, doc.lines.at(startOf(findNode(doc.root, ['scenario', 'id']).node)), 'scenario.id');
  const frames = replayFrames(outcome.scenario, replay);
  if (!frames.ok) {
    const k = frames.turn === null ? -1 : replay.turns.findIndex((t) => t.turn === frames.turn);
    const path = k < 0 ? '(root)' : `turns[${k}]`;
    const at = doc.lines.at(startOf(findNode(doc.root, k < 0 ? [] : ['turns', k]).node));
    return refuse(name, `not verified${frames.turn === null ? '' : ` at turn ${frames.turn}`}: ${frames.message}`, at, path);
  }
  app().fileErrors = null;
  openReplayViewer(outcome.scenario, name, frames.frames, frames.ending);
}

/** Opens a chosen or dropped file's text as a replay or a scenario. */
export function openFile(name: string, text: string): void {
  const doc = parseJsonDocument(text);
  const format = doc.ok && doc.problems.length === 0 && typeof doc.value === 'object' && doc.value !== null ? (doc.value as { format?: unknown }).format : undefined;
  if (doc.ok && format === REPLAY_FORMAT) {
    void openReplay(name, doc).catch((e: unknown) => refuse(name, `it could not be read: ${e instanceof Error ? e.message : String(e)}`));
    return;
  }
  openScenarioFile(name, text);
}
