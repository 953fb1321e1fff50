// `statecraft replay`: re-plays a replay file against its scenario and checks every recorded state hash.
import { verifyReplay, type GameState, type Replay, type Scenario } from '../engine/compiler.js';
import { CliError, flag, parseCommand, positionals, stringOpt } from './args.js';
import { loadReplay } from '../format/loadReplay.js';
import { formatDiagnostic } from '../format/loadScenario.js';
import { findScenarioFile, loadScenarioFile, readText } from './io.js';
import { err, out } from './terminal.js';

export const REPLAY_HELP = `Usage: statecraft replay <replay.json> [--scenario FILE]

Re-plays every recorded choice from the replay's seed and checks the state hash after every turn.
The scenario is --scenario FILE, else scenarios/<id, with _ as ->.json, else any scenarios/*.json
with the replay's scenario id (looked for in ./scenarios, beside the replay, and in this package).
Prints "verified: N turns, ending X, hash H" and exits 0, or names the first difference and exits 1.`;

export interface Verified {
  replay: Replay;
  scenario: Scenario;
  scenarioFile: string;
  state: GameState;
  turns: number;
  ending: string | null;
  finalHash: string;
}

/** Reads, finds the scenario of, and verifies a replay file; any failure is a CliError naming the file. */
export function verifyReplayFile(file: string, scenarioOpt: string | undefined): Verified {
  const parsed = loadReplay(readText(file), file);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.diagnostics.map(formatDiagnostic);
    for (const line of rest) err(`${line}\n`);
    throw new CliError(`${first!}${rest.length ? ` (and ${rest.length} more, above)` : ''}`);
  }
  const replay = parsed.replay;
  const scenarioFile = scenarioOpt ?? findScenarioFile(replay.scenario.id, file);
  const { scenario } = loadScenarioFile(scenarioFile);
  const check = verifyReplay(scenario, replay);
  if (!check.ok) {
    const where = check.turn !== null && !check.message.includes(`turn ${check.turn}`) ? `turn ${check.turn}: ` : '';
    throw new CliError(`${file}: replay does not verify against ${scenarioFile}: ${where}${check.message}`);
  }
  return { replay, scenario, scenarioFile, state: check.state, turns: check.turns, ending: check.ending, finalHash: check.finalHash };
}

export function runReplay(argv: string[]): number {
  const p = parseCommand('replay', argv, { scenario: { type: 'string' } });
  if (flag(p, 'help')) {
    out(`${REPLAY_HELP}\n`);
    return 0;
  }
  const [file] = positionals('replay', p, ['replay']) as [string];
  const v = verifyReplayFile(file, stringOpt(p, 'scenario'));
  out(`verified: ${v.turns} turns, ending ${v.ending ?? 'none (unfinished game)'}, hash ${v.finalHash}\n`);
  return 0;
}
