// Creating a game: the initial state of a scenario for a seed and a seating, with turn 1 opened.
import { asDoubles } from './doubles.js';
import { keptMemo } from './eventMemo.js';
import { History } from './history.js';
import { seedRng } from './rng.js';
import { seedProblem } from './seed.js';
import { updateSituations } from './situations.js';
import { startTurn } from './turnStart.js';
import { ENGINE_VERSION, EngineError, STATE_VERSION, type GameState, type Modifier, type Scenario, type Seat, type TurnEvent } from './types.js';
import { Work } from './work.js';

export interface GameOptions {
  /** Required: there is no default seed from the clock. */
  seed: string;
  /** Seat per actor id; actors not named are played by the AI. */
  seats?: Record<string, Seat>;
  /** Overrides every AI's fuzz (0 = sharpest play, 1 = erratic). */
  aiFuzz?: number | null;
}

/** A scenario's starting values, built once and copied into every new game. */
interface StartValues {
  /** Every actor's seat: the AI until the options say otherwise. */
  seats: Readonly<Record<string, Seat>>;
  /** The modifiers that take each stance from its rest to its starting value. */
  modifiers: readonly Modifier[];
  indicators: readonly number[];
  flows: readonly number[];
  flags: readonly number[];
  stances: readonly number[];
  /** Zeros, one per action, event and situation. */
  actions: readonly number[];
  events: readonly number[];
  situations: readonly number[];
}

const START = new WeakMap<Scenario, StartValues>();

function startValues(sc: Scenario): StartValues {
  let t = START.get(sc);
  if (t) return t;
  const def = sc.def;
  const zeros = (k: number) => new Array<number>(k).fill(0);
  const seats: Record<string, Seat> = {};
  for (const a of sc.actors) seats[a.id] = 'ai';
  const n = sc.actors.length;
  const modifiers: Modifier[] = [];
  for (let pair = 0; pair < n * n; pair++) {
    const history = sc.initialStance[pair]! - sc.rest[pair]!;
    if (history !== 0) modifiers.push({ pair, label: 'starting relations', value: history, decay: sc.stanceDecay });
  }
  t = {
    seats,
    modifiers,
    indicators: asDoubles(def.indicators.map((i) => i.initial)),
    flows: asDoubles((def.flows ?? []).map((f) => f.initial)),
    flags: (def.flags ?? []).map((f) => f.initial ?? 0),
    stances: asDoubles(sc.initialStance),
    actions: zeros(sc.actions.length),
    events: zeros(sc.events.length),
    situations: zeros(sc.situations.length),
  };
  START.set(sc, t);
  return t;
}

/** pure; a new game at the start of turn 1, with turn 1's events already fired. */
export function createGame(sc: Scenario, options: GameOptions): GameState {
  if (typeof sc !== 'object' || sc === null || !(sc.actorIndex instanceof Map))
    throw new EngineError('createGame needs a compiled scenario (from compileScenario) as its first argument');
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new EngineError('createGame needs options with a seed, e.g. { seed: "class-7" }');
  if (options.seats !== undefined && (typeof options.seats !== 'object' || options.seats === null || Array.isArray(options.seats))) {
    throw new EngineError('seats must be an object of actor id to "human" or "ai"');
  }
  const badSeed = seedProblem(options.seed);
  if (badSeed) throw new EngineError(`a game needs a seed: ${badSeed}`);
  const t = startValues(sc);
  const seats: Record<string, Seat> = { ...t.seats };
  const given = options.seats;
  if (given !== undefined)
    for (const id in given) {
      if (!Object.hasOwn(given, id)) continue;
      const seat = given[id];
      if (!sc.actorIndex.has(id)) throw new EngineError(`unknown actor "${id}" in seats; actors: ${[...sc.actorIndex.keys()].join(', ')}`);
      if (seat !== 'human' && seat !== 'ai') throw new EngineError(`seat of "${id}" must be "human" or "ai"`);
      seats[id] = seat;
    }
  const fuzz = options.aiFuzz ?? null;
  if (fuzz !== null && !(typeof fuzz === 'number' && fuzz >= 0 && fuzz <= 1)) throw new EngineError('aiFuzz must be between 0 and 1');
  const modifiers: Modifier[] = t.modifiers.map((m) => ({ pair: m.pair, label: m.label, value: m.value, decay: m.decay }));
  const def = sc.def;
  // The working copy copies every array of `base` and the state it returns holds those copies, so the scenario's start values go in as they are.
  const base: GameState = {
    stateVersion: STATE_VERSION,
    engineVersion: ENGINE_VERSION,
    scenarioId: def.id,
    scenarioHash: sc.hash,
    seed: options.seed,
    seats,
    aiFuzz: fuzz,
    turn: 1,
    over: false,
    ending: null,
    rng: seedRng(options.seed),
    indicators: t.indicators as number[],
    flows: t.flows as number[],
    flags: t.flags as number[],
    stances: t.stances as number[],
    modifiers,
    pending: [],
    actionCounts: t.actions as number[],
    actionLast: t.actions as number[],
    eventCounts: t.events as number[],
    eventLast: t.events as number[],
    situations: t.situations as number[],
    dilemmas: [],
    news: [],
    history: History.of([]),
  };
  const w = new Work(sc, base, true);
  const events: TurnEvent[] = [];
  updateSituations(sc, w, events);
  const opened = startTurn(sc, w, base);
  events.push(...opened.events);
  const record = { turn: 0, choices: {}, events, ledger: w.entries(), indicators: opened.state.indicators };
  opened.state.news = events;
  opened.state.history = History.of([record], keptMemo(opened.state, w.memo));
  return opened.state;
}
