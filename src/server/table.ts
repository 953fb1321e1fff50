// One class's tables and the commands that change them: the event-sourced core, the same on start (replay) and live.
import { chooseAi, chooseDilemmaOption, createGame, EngineError, step, type Choice, type Choices, type GameState, type Scenario } from '../engine/index.js';

export interface Table {
  index: number;
  state: GameState;
  /** This turn's choices so far, by role. */
  choices: Map<string, Choice>;
  /** Per resolved turn, the human roles the AI played (missing at an advance or a timeout, or handed to it). */
  aiPlayed: Set<string>[];
  /** Seat token hashes by role. */
  seats: Map<string, string>;
  paused: boolean;
  stopped: boolean;
  /** Human roles the instructor handed to the AI. */
  ai: Set<string>;
  /** The turn clock: running since this epoch ms (null when stopped, paused, over or not started), with `elapsed` ms used before. */
  runningSince: number | null;
  elapsed: number;
  /** Whether the current turn's clock has started (turn 1 starts once every human seat is filled, or at its first choice). */
  clockStarted: boolean;
  /** Bumped on every change, so views of an unchanged table can be reused. */
  version: number;
}

export interface Session {
  id: number;
  code: string;
  instructorHash: string;
  scenario: Scenario;
  scenarioText: string;
  seed: string;
  humans: readonly string[];
  /** Seconds per turn; 0 for no timer. */
  timer: number;
  created: number;
  tables: Table[];
}

/** The command kinds the store holds, each applied by `applyCommand`. */
export type CommandKind = 'join' | 'submit' | 'advance' | 'reassign' | 'pause' | 'seatAi' | 'end' | 'timeout';

/** pure; a new session's tables, every one at the start of the game. */
export function newTables(sc: Scenario, seed: string, humans: readonly string[], count: number, created: number, timer: number): Table[] {
  const seats = Object.fromEntries(humans.map((h) => [h, 'human' as const]));
  return Array.from({ length: count }, (_, index) => {
    const t: Table = {
      index,
      state: createGame(sc, { seed, seats }),
      choices: new Map(),
      aiPlayed: [],
      seats: new Map(),
      paused: false,
      stopped: false,
      ai: new Set(),
      runningSince: null,
      elapsed: 0,
      clockStarted: false,
      version: 0,
    };
    startClockIfReady(humans, t, created, timer);
    return t;
  });
}

/** The AI's choice for `role` now, with an answer to each of its pending dilemmas. */
export function aiChoice(sc: Scenario, g: GameState, role: string): Choice {
  const pending = g.dilemmas.filter((d) => d.actor === role);
  const action = chooseAi(sc, g, role).action;
  return pending.length ? { action, dilemmas: Object.fromEntries(pending.map((d) => [d.event, chooseDilemmaOption(sc, g, role, d.event)])) } : { action };
}

/** Applies one stored command to its table at time `at` (epoch ms); commands were checked before they were stored. */
export function applyCommand(s: Session, kind: CommandKind, p: Record<string, unknown>, at: number): Table {
  const t = s.tables[p.table as number]!;
  t.version++;
  switch (kind) {
    case 'join':
      t.seats.set(p.role as string, p.tokenHash as string);
      break;
    case 'submit':
      t.choices.set(p.role as string, p.choice as Choice);
      break;
    case 'advance':
    case 'timeout': {
      if (kind === 'timeout' && p.turn !== t.state.turn) break;
      const missing = new Set(s.humans.filter((h) => !t.choices.has(h)));
      for (const h of missing) t.choices.set(h, aiChoice(s.scenario, t.state, h));
      resolve(s, t, missing, at);
      break;
    }
    case 'reassign':
      t.seats.delete(p.role as string);
      break;
    case 'pause':
      if (p.paused === t.paused) break;
      t.paused = p.paused as boolean;
      if (t.paused && t.runningSince !== null) {
        t.elapsed += at - t.runningSince;
        t.runningSince = null;
      } else if (!t.paused && t.clockStarted && !t.stopped && !t.state.over && s.timer > 0) t.runningSince = at;
      break;
    case 'seatAi':
      if (p.ai) t.ai.add(p.role as string);
      else t.ai.delete(p.role as string);
      break;
    case 'end':
      t.stopped = true;
      t.runningSince = null;
      break;
  }
  if (!t.clockStarted && (t.choices.size > 0 || t.state.turn > 1)) startClock(s.timer, t, at);
  startClockIfReady(s.humans, t, at, s.timer);
  settle(s, t, at);
  return t;
}

/** When the running turn's timer fires (epoch ms), or null: no timer, not started, paused, stopped or over. */
export function deadlineOf(s: Session, t: Table): number | null {
  return s.timer > 0 && t.runningSince !== null ? t.runningSince + s.timer * 1000 - t.elapsed : null;
}

/** Plays the AI-handed seats and resolves the turn once every human seat has chosen, as often as that holds. */
function settle(s: Session, t: Table, at: number): void {
  while (!t.paused && !t.stopped && !t.state.over) {
    for (const role of t.ai) if (!t.choices.has(role)) t.choices.set(role, aiChoice(s.scenario, t.state, role));
    if (!s.humans.every((h) => t.choices.has(h))) return;
    resolve(s, t, new Set(s.humans.filter((h) => t.ai.has(h))), at);
  }
}

function resolve(s: Session, t: Table, aiPlayed: Set<string>, at: number): void {
  const choices: Choices = Object.fromEntries(t.choices);
  t.state = step(s.scenario, t.state, choices).state;
  t.aiPlayed.push(aiPlayed);
  t.choices.clear();
  t.clockStarted = false;
  startClock(s.timer, t, at);
}

function startClock(timer: number, t: Table, at: number): void {
  t.clockStarted = true;
  t.elapsed = 0;
  t.runningSince = timer > 0 && !t.paused && !t.stopped && !t.state.over ? at : null;
}

function startClockIfReady(humans: readonly string[], t: Table, at: number, timer: number): void {
  if (!t.clockStarted && humans.every((h) => t.seats.has(h) || t.ai.has(h))) startClock(timer, t, at);
}

/** The engine's reason for refusing `role`'s choice `c` now (tried with the AI's for the seats yet to choose), or null. */
export function choiceProblem(s: Session, t: Table, role: string, c: Choice): string | null {
  const trial: Choices = Object.fromEntries(s.humans.map((h) => [h, h === role ? c : (t.choices.get(h) ?? aiChoice(s.scenario, t.state, h))]));
  try {
    step(s.scenario, t.state, trial, { ledger: false });
    return null;
  } catch (e) {
    if (e instanceof EngineError) return e.message;
    throw e;
  }
}
