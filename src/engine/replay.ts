// Replays: a versioned record of a game's seed, seats and every choice, with a state hash after every turn.
// Recording and verifying need no validator; reading a replay file (replayFile.ts) does.
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { step } from './step.js';
import { ENGINE_VERSION, type Choices, type GameState, type Scenario } from './types.js';

export const REPLAY_FORMAT = 'statecraft-replay';
export const REPLAY_VERSION = 1;
/** Most indicator values one recorded turn may hold (a scenario's list limit). */
export const MAX_REPLAY_INDICATORS = 500;

/** A replay as recorded (replayFile.ts checks a file against the same shape). */
export interface Replay {
  format: typeof REPLAY_FORMAT;
  formatVersion: number;
  engineVersion: string;
  scenario: { id: string; hash: string };
  seed: string;
  seats: Record<string, 'human' | 'ai'>;
  aiFuzz: number | null;
  initialHash: string;
  turns: Array<{
    turn: number;
    choices: Record<string, { action: string; dilemmas?: Record<string, string> | undefined }>;
    hash: string;
    indicators: number[];
  }>;
  ending: string | null;
  finalHash: string;
}

export type ReplayCheck =
  { ok: true; turns: number; finalHash: string; ending: string | null; state: GameState } | { ok: false; turn: number | null; message: string };

/** pure; the replay of a game so far, re-simulated from its seed and choices to take a hash after every turn. */
export function recordReplay(sc: Scenario, s: GameState): Replay {
  let g = createGame(sc, { seed: s.seed, seats: s.seats, aiFuzz: s.aiFuzz });
  const initialHash = stateHash(g);
  const turns: Replay['turns'] = [];
  for (const rec of s.history) {
    if (rec.turn === 0) continue;
    g = step(sc, g, rec.choices).state;
    turns.push({ turn: rec.turn, choices: rec.choices, hash: stateHash(g), indicators: g.indicators });
  }
  return {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario: { id: sc.def.id, hash: sc.hash },
    seed: s.seed,
    seats: s.seats,
    aiFuzz: s.aiFuzz,
    initialHash,
    turns,
    ending: g.ending,
    finalHash: stateHash(g),
  };
}

/** pure; re-plays every choice and compares every hash, reporting the first turn that differs and what differed. */
export function verifyReplay(sc: Scenario, replay: Replay): ReplayCheck {
  if (replay.scenario.id !== sc.def.id) return { ok: false, turn: null, message: `this replay is of scenario "${replay.scenario.id}", not "${sc.def.id}"` };
  if (replay.engineVersion !== ENGINE_VERSION) {
    return {
      ok: false,
      turn: null,
      message: `this replay was recorded with engine ${replay.engineVersion || '(none given)'}; this is engine ${ENGINE_VERSION}, whose rules differ, so its hashes cannot match (replay it with the version that recorded it)`,
    };
  }
  if (replay.scenario.hash !== sc.hash) {
    return {
      ok: false,
      turn: null,
      message: `the scenario "${sc.def.id}" has changed since this replay was recorded (recorded hash ${replay.scenario.hash.slice(0, 12)}…, this file ${sc.hash.slice(0, 12)}…); a replay only verifies against the exact scenario it was recorded with`,
    };
  }
  let g: GameState;
  try {
    g = createGame(sc, { seed: replay.seed, seats: replay.seats, aiFuzz: replay.aiFuzz });
  } catch (e) {
    return { ok: false, turn: null, message: `cannot start the game: ${(e as Error).message}` };
  }
  if (stateHash(g) !== replay.initialHash) return { ok: false, turn: 0, message: 'the initial state differs from the recorded one' };
  for (const t of replay.turns) {
    if (g.over) return { ok: false, turn: t.turn, message: `the game already ended (${g.ending}) before turn ${t.turn}` };
    if (g.turn !== t.turn) return { ok: false, turn: t.turn, message: `expected turn ${t.turn}, the game is at turn ${g.turn}` };
    try {
      g = step(sc, g, t.choices as Choices).state;
    } catch (e) {
      return { ok: false, turn: t.turn, message: `the recorded choices are not legal: ${(e as Error).message}` };
    }
    const hash = stateHash(g);
    if (hash !== t.hash)
      return { ok: false, turn: t.turn, message: `state hash differs after turn ${t.turn}${describeDifference(sc, t.indicators, g.indicators)}` };
    const recorded = indicatorDifference(sc, t.indicators, g.indicators);
    if (recorded) return { ok: false, turn: t.turn, message: `the recorded indicators of turn ${t.turn} differ from the replayed ones: ${recorded}` };
  }
  const finalHash = stateHash(g);
  if (finalHash !== replay.finalHash) return { ok: false, turn: null, message: 'the final state hash differs from the recorded one' };
  if (g.ending !== replay.ending) return { ok: false, turn: null, message: `the recorded ending is ${replay.ending}, the replay reached ${g.ending}` };
  return { ok: true, turns: replay.turns.length, finalHash, ending: g.ending, state: g };
}

// The first way the recorded indicator values differ from the replayed ones, or null when they are the same.
function indicatorDifference(sc: Scenario, recorded: readonly number[], replayed: readonly number[]): string | null {
  if (recorded.length !== replayed.length) return `${recorded.length} values are recorded; the scenario has ${replayed.length} indicators`;
  for (let i = 0; i < replayed.length; i++) {
    if (recorded[i] !== replayed[i])
      return `${sc.def.indicators[i]?.name ?? 'indicator'} (${sc.indicators[i]?.id ?? i}) is recorded as ${recorded[i]}, replayed as ${replayed[i]}`;
  }
  return null;
}

function describeDifference(sc: Scenario, expected: readonly number[], actual: readonly number[]): string {
  const d = indicatorDifference(sc, expected, actual);
  return d ? `: first difference: ${d}` : ' (indicators agree; the difference is in stances, flows, flags or the generator)';
}
