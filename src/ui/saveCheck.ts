// Whether a save can resume, checked in full before anything is shown: its moves replay to the saved position, its
// screen fits that game, and every choice already drafted for the turn is legal now by the engine's own step. Pure.
import {
  createGame,
  EngineError,
  legalChoices,
  rerunTurn,
  stateHash,
  step,
  type AiDecision,
  type Choice,
  type Choices,
  type GameState,
  type Scenario,
} from '../engine/index.js';
import { seedProblem, type SaveData, type SavedPhase } from './saves.js';

/** A save that resumes: its state, the state before the last turn with the AI's decisions of that turn, its screen and drafts. */
export interface ResumePlan {
  state: GameState;
  before: GameState | null;
  decisions: Record<string, AiDecision>;
  phase: SavedPhase;
  draft: Choices;
}

export type SaveCheck = { ok: true; plan: ResumePlan } | { ok: false; reason: string };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Checks `save` against the scenario it names; never throws (an unexpected failure is a reason too). */
export function checkSave(scenario: Scenario, save: SaveData): SaveCheck {
  try {
    const reason = check(scenario, save);
    return typeof reason === 'string' ? { ok: false, reason } : { ok: true, plan: reason };
  } catch (e) {
    return { ok: false, reason: `it could not be checked (${messageOf(e)})` };
  }
}

function check(scenario: Scenario, save: SaveData): ResumePlan | string {
  if (save.scenario.id !== scenario.def.id) return `it belongs to the scenario "${save.scenario.id}", not "${scenario.def.id}"`;
  if (scenario.hash !== save.scenario.hash) return `the scenario "${save.scenario.id}" has changed since this game was saved`;
  const seed = seedProblem(save.seed);
  if (seed) return `its seed cannot be used: ${seed}`;
  let state: GameState;
  let before: GameState | null = null;
  let decisions: Record<string, AiDecision> = {};
  try {
    state = createGame(scenario, { seed: save.seed, seats: save.seats, aiFuzz: save.aiFuzz });
    for (let t = 0; t < save.turns.length; t++) {
      if (state.over) return 'it has moves after the end of the game';
      before = state;
      // The last turn is re-run with the AI deciding its seats again, for the resolution screen's reasons.
      if (t === save.turns.length - 1) ({ state, decisions } = rerunTurn(scenario, state, save.turns[t]!));
      else state = step(scenario, state, save.turns[t]!).state;
    }
  } catch (e) {
    return `its moves no longer replay: ${messageOf(e)}`;
  }
  if (stateHash(state) !== save.hash) return 'replaying its moves does not reach the saved position';
  const humans = scenario.actors.map((a) => a.id).filter((id) => state.seats[id] === 'human');
  const p = save.phase;
  if ('seat' in p && p.seat >= Math.max(1, humans.length)) return 'it names a player seat that does not exist';
  if (p.name === 'ending' && !state.over) return 'it claims the game ended, but the game is still running';
  if (state.over && p.name !== 'ending' && p.name !== 'resolution') return `it shows the ${p.name} screen of a game that has ended`;
  const draft = draftProblem(scenario, state, p, humans, save.draft);
  if (draft) return draft;
  return { state, before, decisions, phase: p, draft: save.draft };
}

/** The seat choosing now, when the screen saved is one where choices are being drafted; null otherwise. */
function choosingSeat(p: SavedPhase): { seat: number; chosen: number } | null {
  if (p.name === 'main') return { seat: p.seat, chosen: p.seat };
  if (p.name === 'handover' && p.then === 'main') return { seat: p.seat, chosen: p.seat };
  return null;
}

/**
 * Why the drafted choices cannot stand: a seat that has handed over must have a legal action and legal dilemma answers;
 * the seat choosing now may have answered dilemmas (its action still empty); no other seat may have anything. Each
 * draft is tried by stepping the turn with it, every other seat given its first legal option, so the engine decides.
 */
function draftProblem(sc: Scenario, state: GameState, p: SavedPhase, humans: string[], draft: Choices): string | null {
  const ids = Object.keys(draft);
  const at = choosingSeat(p);
  if (!at) return ids.length === 0 ? null : `it holds choices for the ${p.name} screen, where nobody chooses`;
  for (const id of ids) {
    const i = humans.indexOf(id);
    if (i < 0) return `it holds a choice for "${id}", which no human plays`;
    const c = draft[id]!;
    if (i > at.chosen || (i === at.chosen && p.name === 'handover')) return `it holds a choice for "${id}", whose turn to choose has not come`;
    if (i < at.chosen && c.action === '') return `the choice saved for "${id}" names no action`;
  }
  for (let i = 0; i < at.chosen; i++) if (!draft[humans[i]!]) return `the choice of "${humans[i]}", made before the hand-over, is missing`;
  for (const id of ids) {
    const trial: Choices = {};
    for (const a of sc.actors) trial[a.id] = a.id === id ? asTried(sc, state, a.id, draft[id]!) : firstLegal(sc, state, a.id);
    try {
      step(sc, state, trial, { ledger: false });
    } catch (e) {
      if (e instanceof EngineError) return `the choice saved for "${id}" is not legal now: ${e.message}`;
      throw e;
    }
  }
  return null;
}

/** A seat's draft as the engine is to judge it: an empty action (not chosen yet) stands in as the first legal one. */
function asTried(sc: Scenario, state: GameState, actor: string, c: Choice): Choice {
  if (c.action !== '') return c;
  const fill = firstLegal(sc, state, actor);
  return { action: fill.action, dilemmas: { ...fill.dilemmas, ...c.dilemmas } };
}

function firstLegal(sc: Scenario, state: GameState, actor: string): Choice {
  const legal = legalChoices(sc, state, actor);
  const dilemmas: Record<string, string> = {};
  for (const d of legal.dilemmas) if (d.options[0]) dilemmas[d.event] = d.options[0].id;
  return { action: legal.actions.find((a) => a.available)!.id, dilemmas };
}
