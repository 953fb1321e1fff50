// A verified replay as turn-by-turn frames for the viewer: each actor's choice with its odds and roll, the events,
// every indicator before and after, and each role's objectives met or not, with the states for "Why?" panels.
import {
  createGame,
  scoreObjectives,
  step,
  verifyReplay,
  type Choices,
  type GameState,
  type ObjectiveScore,
  type Replay,
  type Scenario,
} from '../engine/index.js';
import { actorName, eventDef, narrate, splitRecord, turnLabel, type Narration } from './debrief.js';

export interface FrameChoice {
  actor: string;
  name: string;
  human: boolean;
  action: string;
  label: string;
  odds: number | null;
  roll: number | null;
  success: boolean | null;
  factors: Array<{ label: string; add: number }>;
  /** This actor's answers to dilemmas, as the dilemma's title and the option's label. */
  answers: Array<{ dilemma: string; option: string }>;
}

export interface FrameIndicator {
  id: string;
  name: string;
  before: number;
  after: number;
}

export interface ReplayFrame {
  turn: number;
  label: string;
  /** The state after this turn resolved (with its history, so `explain` tells this turn's changes). */
  after: GameState;
  choices: FrameChoice[];
  /** What happened after the actions: situations, then the next turn's events, dilemmas and the ending. */
  events: Narration[];
  indicators: FrameIndicator[];
  objectives: ObjectiveScore[];
}

export type FramesOutcome = { ok: true; frames: ReplayFrame[]; ending: string | null } | { ok: false; turn: number | null; message: string };

/** pure; verifies the replay against `sc` (verifyReplay's refusal, naming the turn, when it fails), then re-plays it into frames. */
export function replayFrames(sc: Scenario, replay: Replay): FramesOutcome {
  const check = verifyReplay(sc, replay);
  if (!check.ok) return check;
  let s = createGame(sc, { seed: replay.seed, seats: replay.seats, aiFuzz: replay.aiFuzz });
  const frames: ReplayFrame[] = [];
  for (const t of replay.turns) {
    const before = s;
    s = step(sc, before, t.choices as Choices).state;
    const rec = s.history.at(-1)!;
    const { resolution, opening } = splitRecord(rec);
    const choices: FrameChoice[] = sc.def.actors.map((a) => {
      const result = resolution.find((e) => e.type === 'action' && e.result.actor === a.id);
      const r = result?.type === 'action' ? result.result : null;
      const answers = rec.events.flatMap((e) =>
        e.type === 'dilemma-answer' && e.actor === a.id ? [{ dilemma: eventDef(sc, e.event)?.title ?? e.event, option: narrate(sc, e).text }] : [],
      );
      return {
        actor: a.id,
        name: actorName(sc, a.id),
        human: s.seats[a.id] === 'human',
        action: r?.action ?? t.choices[a.id]?.action ?? '',
        label: r?.label ?? t.choices[a.id]?.action ?? '',
        odds: r?.odds ?? null,
        roll: r?.roll ?? null,
        success: r?.success ?? null,
        factors: r?.factors ?? [],
        answers,
      };
    });
    const events = [...resolution.filter((e) => e.type === 'situation'), ...opening].map((e) => narrate(sc, e));
    const indicators = sc.def.indicators.map((d, i) => ({ id: d.id, name: d.name, before: before.indicators[i]!, after: s.indicators[i]! }));
    frames.push({ turn: t.turn, label: turnLabel(sc, t.turn), after: s, choices, events, indicators, objectives: scoreObjectives(sc, s) });
  }
  return { ok: true, frames, ending: s.ending };
}
