// The engine's data: a compiled scenario (read-only, built once) and the serializable game state.
import type { AiDecision, DilemmaDecision } from './ai.js';
import type { CompiledExpr, ExprFn } from './expr/index.js';
import type { History } from './history.js';
import type { EffectMode } from './modes.js';
import type { RngState } from './rng.js';
import type { ScenarioFile } from './schema.js';

/**
 * The version of the rules. It is part of every state hash (so of every replay and golden), which is why it changes only
 * with behaviour: bump it in the commit that deliberately changes some state hash for the same scenario, seed and
 * choices, together with the regenerated goldens; never for a refactor or a speed-up (docs/architecture.md).
 */
export const ENGINE_VERSION = '0.3.0';
export const STATE_VERSION = 1;

/** A number, or an expression giving one, ready to evaluate; expr is the compiled expression (null for a number or a failed compile). */
export interface Amount {
  source: string;
  fn: ExprFn;
  constant: number | null;
  expr: CompiledExpr | null;
}

export type { EffectMode } from './modes.js';

/** What an effect changes, in the order messages name them. */
export const TARGET_KINDS = ['indicator', 'stance', 'flow', 'flag'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface CEffect {
  kind: TargetKind;
  /** indicator, flow or flag index; for stances the index of the pair (from * actorCount + to). */
  index: number;
  mode: EffectMode;
  amount: Amount;
  label: string | null;
  decay: number | null;
  delay: number;
  over: number;
  /** The actor whose stance or indicator this touches (-1: none), for leverage scaling. */
  owner: number;
  /** Scaled by the acting actor's leverage over `owner`: not turned off, another actor's number, and some flow links the two. */
  leveraged: boolean;
  /** Stance effects: a number of its own below `Scenario.stanceSlots`, under which the position of its modifier is remembered (-1: other kinds). */
  slot: number;
}

export interface CFactor {
  label: string;
  add: Amount;
  when: Amount | null;
}
export interface CRequirement {
  label: string;
  when: Amount;
}

/** The causes an action's changes are recorded under. */
export interface ActionCauses {
  action: Cause;
  cost: Cause;
  success: Cause;
  failure: Cause;
}

export interface CAction {
  id: string;
  causes: ActionCauses;
  index: number;
  actor: number;
  label: string;
  tags: readonly string[];
  visible: Amount | null;
  requires: readonly CRequirement[];
  cost: ReadonlyArray<{ indicator: number; amount: number }>;
  cooldown: number;
  maxUses: number;
  /** The actor this action presses or asks (-1: none): its odds gain the acting actor's leverage over it. */
  target: number;
  /** The AI never takes it (unless nothing else is open to it). */
  humanOnly: boolean;
  effects: readonly CEffect[];
  outcome: null | {
    odds: Amount;
    factors: readonly CFactor[];
    success: readonly CEffect[];
    failure: readonly CEffect[];
  };
}

export interface CEvent {
  id: string;
  index: number;
  /** The cause its effects are recorded under. */
  cause: Cause;
  turn: number | null;
  when: Amount | null;
  chance: Amount | null;
  cooldown: number;
  once: boolean;
  effects: readonly CEffect[];
  dilemma: null | { actor: number; options: ReadonlyArray<{ id: string; label: string; effects: readonly CEffect[] }> };
}

export interface CSituation {
  id: string;
  start: Amount;
  stop: Amount;
  onStart: readonly CEffect[];
  whileActive: readonly CEffect[];
  onStop: readonly CEffect[];
}

export interface CEnding {
  id: string;
  when: Amount | null;
  atTimeLimit: Amount | null;
  fallback: boolean;
}

export interface CIndicator {
  id: string;
  min: number;
  max: number;
  owner: number;
  perTurn: ReadonlyArray<{ label: string; amount: Amount; cause: Cause }>;
  bands: ReadonlyArray<{ upTo: number; label: string }>;
  /** Per actor index, the error of the estimate that actor sees; 0 when it sees the exact value. */
  estimateError: readonly number[];
}

export interface CFlow {
  id: string;
  from: number;
  to: number;
  min: number;
  max: number;
}

/** An AI goal; `weight` is read from the state before the decision. `patron` >= 0 marks a goal added for leverage: deference to that actor. */
export interface CGoal {
  id: string;
  label: string;
  value: Amount;
  weight: Amount;
  patron: number;
}
export interface CVeto {
  label: string;
  actions: ReadonlySet<number> | null;
  tags: ReadonlySet<string> | null;
  when: Amount | null;
}

export interface CActor {
  id: string;
  index: number;
  goals: readonly CGoal[];
  vetoes: readonly CVeto[];
  fuzz: number;
  preferences: ReadonlyMap<string, number>;
  objectives: ReadonlyArray<{ id: string; label: string; when: Amount; points: number }>;
}

/** A scenario checked and compiled: indices resolved, expressions compiled. Never mutated. */
export interface Scenario {
  def: ScenarioFile;
  hash: string;
  actors: readonly CActor[];
  actorIndex: ReadonlyMap<string, number>;
  indicators: readonly CIndicator[];
  indicatorIndex: ReadonlyMap<string, number>;
  flags: readonly string[];
  flagIndex: ReadonlyMap<string, number>;
  flows: readonly CFlow[];
  flowIndex: ReadonlyMap<string, number>;
  stanceMin: number;
  stanceMax: number;
  stanceDecay: number;
  /** How many stance effects the scenario has (CEffect.slot). */
  stanceSlots: number;
  stanceBands: ReadonlyArray<{ id: string; label: string; upTo: number }>;
  /** Resting points, index from * actorCount + to (diagonal unused, 0). */
  rest: readonly number[];
  initialStance: readonly number[];
  leverageScale: number;
  /** Per pair (from * actorCount + to), the flows that make up the leverage, in flow order: i + 1 adds flow i, -(i + 1) subtracts it. */
  leverageTerms: ReadonlyArray<readonly number[]>;
  leverageStrength: number;
  /** Odds points full leverage gives an action over its target, before strength. */
  leverageOdds: number;
  /** AI weight per stance point of a patron at full leverage, before strength. */
  leverageDeference: number;
  /** Points per step of an actor's rating of the ending (0: the ending scores nothing). */
  endingPoints: number;
  actions: readonly CAction[];
  actionIndex: ReadonlyMap<string, number>;
  actionsByActor: ReadonlyArray<readonly CAction[]>;
  events: readonly CEvent[];
  eventIndex: ReadonlyMap<string, number>;
  situations: readonly CSituation[];
  situationIndex: ReadonlyMap<string, number>;
  endings: readonly CEnding[];
  turnCount: number;
  /** Every indicator's per-turn changes in one list, in indicator order. */
  drift: ReadonlyArray<{ indicator: number; amount: Amount; cause: Cause }>;
  /** Keys naming every number the ledger can speak of: "indicator:id", "stance:a>b", "flow:id", "flag:id". */
  keys: Record<TargetKind, readonly string[]>;
}

export type Seat = 'human' | 'ai';

export interface Modifier {
  pair: number;
  label: string;
  value: number;
  decay: number;
}

export interface PendingEffect {
  due: number;
  kind: TargetKind;
  index: number;
  mode: EffectMode;
  amount: number;
  label: string | null;
  decay: number | null;
  cause: Cause;
  /** The part of `amount` due to leverage, when there is one. */
  leverage?: number;
}

export type CauseKind = 'action' | 'cost' | 'outcome' | 'delayed' | 'event' | 'dilemma' | 'situation' | 'drift' | 'decay' | 'start';
export interface Cause {
  kind: CauseKind;
  id: string;
  actor: string | null;
  label: string;
}

/** One recorded change; `leverage` is the part of `delta` that the acting actor's leverage added (or took away). */
export interface LedgerEntry {
  turn: number;
  target: string;
  delta: number;
  value: number;
  cause: Cause;
  clamped?: true;
  leverage?: number;
}

export interface ActionResult {
  actor: string;
  action: string;
  label: string;
  odds: number | null;
  roll: number | null;
  success: boolean | null;
  factors: Array<{ label: string; add: number }>;
}

export type TurnEvent =
  | { type: 'action'; result: ActionResult }
  | { type: 'dilemma-answer'; actor: string; event: string; option: string }
  | { type: 'event'; id: string; roll: number | null; chance: number | null }
  | { type: 'dilemma'; actor: string; event: string }
  | { type: 'situation'; id: string; active: boolean }
  | { type: 'ending'; id: string };

/** One actor's choice for a turn: an action id, and answers to its pending dilemmas by event id. */
export interface Choice {
  action: string;
  dilemmas?: Record<string, string>;
}
export type Choices = Record<string, Choice>;

export interface TurnRecord {
  turn: number;
  choices: Choices;
  events: TurnEvent[];
  ledger: LedgerEntry[];
  /** Indicator values after the turn resolved, in scenario order. */
  indicators: number[];
}

/** The whole serializable game. Everything but `history` enters the state hash. */
export interface GameState {
  stateVersion: number;
  engineVersion: string;
  scenarioId: string;
  scenarioHash: string;
  seed: string;
  seats: Record<string, Seat>;
  /** The AI's fuzz for every seat (difficulty), or null for each actor's own from the scenario. */
  aiFuzz: number | null;
  turn: number;
  over: boolean;
  ending: string | null;
  rng: RngState;
  indicators: number[];
  flows: number[];
  flags: number[];
  stances: number[];
  modifiers: Modifier[];
  pending: PendingEffect[];
  actionCounts: number[];
  actionLast: number[];
  eventCounts: number[];
  eventLast: number[];
  situations: number[];
  dilemmas: Array<{ event: string; actor: string }>;
  /** What happened at the start of the current turn (events, situations), for the player to read. */
  news: TurnEvent[];
  history: History;
}

/**
 * A turn's result. `decisions`: the AI's decision, with every option's score and reasons, for each seat whose action
 * the step chose (seats given a choice have none); `dilemmaDecisions`: the same for the dilemma answers it chose.
 */
export interface StepResult {
  state: GameState;
  events: TurnEvent[];
  decisions: Record<string, AiDecision>;
  dilemmaDecisions: DilemmaDecision[];
}

export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}
