// The one module between the scenes and the engine: holds scenario, state and turn flow, autosaves, emits changes.
import {
  bandOf,
  chooseAi,
  createGame,
  explain,
  legalChoices,
  objectiveStatus,
  PASS_ID,
  previewAction,
  recordReplay,
  scoreObjectives,
  sharedView,
  stateHash,
  step,
  viewFor,
  type AiDecision,
  type Choices,
  type Explanation,
  type GameState,
  type LegalChoices,
  type ObjectiveScore,
  type ObjectiveStatus,
  type Replay,
  type Scenario,
  type ScenarioFile,
  type Seat,
  type SeatView,
  type TurnEvent,
} from '../engine/index.js';
import { previewOption, type ChoicePreview } from '../engine/index.js';
import { turnLabel } from '../analysis/debrief.js';
import { cardSlots, type CardSlot } from './cardText.js';
import { stanceViews, valuesBefore } from './map/stanceChanges.js';
import type { ResumePlan } from './saveCheck.js';
import { SAVE_FORMAT, SAVE_VERSION, writeSave, type SaveData, type SavedPhase } from './saves.js';
import { newSlotId, slotIds, slotKey } from './saveSlots.js';

export type Phase = { name: 'title' } | { name: 'setup' } | SavedPhase | { name: 'review'; seat: number };

/** Where a scenario came from: a bundled file (by id) or a file the player opened (kept as text for resume). */
export interface ScenarioSource {
  bundled: string | null;
  file: { name: string; text: string } | null;
}

/** What happened in the turn just resolved, with each AI's reasons taken on the pre-step state. */
export interface TurnReport {
  turn: number;
  before: GameState;
  events: TurnEvent[];
  choices: Choices;
  decisions: Record<string, AiDecision>;
}

export interface StanceView {
  from: number;
  to: number;
  value: number;
  band: string;
  bandPos: number;
  bandCount: number;
  leverage: number;
}

export interface NewGameOptions {
  seed: string;
  seats: Record<string, Seat>;
  aiFuzz: number | null;
}

type Listener = () => void;

/** Yields to the browser: the rest runs in a task of its own (input and frames get their turn in between). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Bridge {
  scenario: Scenario | null = null;
  source: ScenarioSource = { bundled: null, file: null };
  state: GameState | null = null;
  phase: Phase = { name: 'title' };
  draft: Choices = {};
  report: TurnReport | null = null;
  /** The saved-game slot this game is written to (saveSlots.ts); null when nothing is to be saved. */
  slot: string | null = null;
  /** Whether this tab may save into a slot, and how it records holding one (the page installs tabGuard.ts). */
  guard: { claim(slot: string): void; mayWrite(slot: string): boolean } = { claim: () => undefined, mayWrite: () => true };
  /** Problems worth telling the player that do not stop play (e.g. the browser refused to save). */
  saveError: string | null = null;
  private listeners = new Set<Listener>();
  private resolving = false;

  /** Subscribes to every change; returns the unsubscribe function. */
  onChange(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of [...this.listeners]) fn();
  }

  private go(phase: Phase): void {
    this.phase = phase;
    this.save();
    this.emit();
  }

  /** Shows the title or setup screen (no game change). */
  show(phase: { name: 'title' } | { name: 'setup' }): void {
    this.phase = phase;
    this.emit();
  }

  /** Chooses the scenario for the setup screen. */
  useScenario(scenario: Scenario, source: ScenarioSource): void {
    this.scenario = scenario;
    this.source = source;
  }

  /** Starts a new game of the chosen scenario. */
  newGame(options: NewGameOptions): void {
    const sc = this.need();
    this.state = createGame(sc, { seed: options.seed, seats: options.seats, aiFuzz: options.aiFuzz });
    this.draft = {};
    this.report = null;
    // A new game always gets a slot of its own: no other saved game is overwritten.
    this.slot = newSlotId(slotIds());
    this.guard.claim(this.slot);
    const humans = this.humans();
    if (humans.length === 0) this.go({ name: 'main', seat: 0 });
    else this.go(humans.length > 1 ? { name: 'handover', seat: 0, then: 'briefing' } : { name: 'briefing', seat: 0 });
  }

  /** Shows a saved game that passed checkSave (src/ui/saveCheck.ts): its state, drafted choices and screen. */
  resume(scenario: Scenario, source: ScenarioSource, plan: ResumePlan): void {
    const { state, before, decisions, phase: p } = plan;
    this.scenario = scenario;
    this.source = source;
    this.state = state;
    this.draft = plan.draft;
    this.report = null;
    if (before) {
      const rec = state.history.at(-1)!;
      this.report = { turn: before.turn, before, events: rec.events, choices: rec.choices, decisions };
    }
    this.phase = p.name === 'resolution' && !this.report ? { name: 'main', seat: 0 } : p;
    this.emit();
  }

  need(): Scenario {
    if (!this.scenario) throw new Error('no scenario loaded');
    return this.scenario;
  }

  game(): GameState {
    if (!this.state) throw new Error('no game in progress');
    return this.state;
  }

  /** Ids of the actors humans play, in scenario order. */
  humans(): string[] {
    const s = this.state;
    if (!s || !this.scenario) return [];
    return this.scenario.actors.map((a) => a.id).filter((id) => s.seats[id] === 'human');
  }

  /** The actor whose screen is showing, or null when only the AI plays. */
  seatActor(): string | null {
    const p = this.phase;
    if (p.name === 'main' || p.name === 'briefing' || p.name === 'handover' || p.name === 'review') return this.humans()[p.seat] ?? null;
    return null;
  }

  /** The definition and index of the actor whose screen is showing, or null. */
  seatActorDef(): { actor: ScenarioFile['actors'][number]; index: number } | null {
    const id = this.seatActor();
    const actors = this.need().def.actors;
    const index = actors.findIndex((a) => a.id === id);
    const actor = actors[index];
    return actor ? { actor, index } : null;
  }

  /** Leaves a briefing: to the next human's briefing, the first turn, or back to the game when reviewing. */
  finishBriefing(): void {
    const p = this.phase;
    if (p.name === 'review') return this.go({ name: 'main', seat: p.seat });
    if (p.name !== 'briefing') return;
    const humans = this.humans();
    if (p.seat + 1 < humans.length) this.go({ name: 'handover', seat: p.seat + 1, then: 'briefing' });
    else this.go(humans.length > 1 ? { name: 'handover', seat: 0, then: 'main' } : { name: 'main', seat: 0 });
  }

  /** Re-reads the current seat's briefing during play. */
  reviewBriefing(): void {
    if (this.phase.name === 'main') {
      this.phase = { name: 'review', seat: this.phase.seat };
      this.emit();
    }
  }

  /** The next player has the screen. */
  handoverReady(): void {
    const p = this.phase;
    if (p.name !== 'handover') return;
    this.go({ name: p.then, seat: p.seat });
  }

  legal(actorId: string): LegalChoices {
    return legalChoices(this.need(), this.game(), actorId);
  }

  /** The seat's cards keyed by action id in scenario order (a hidden action keeps its slot), each with its preview. */
  cards(actorId: string): CardSlot[] {
    const sc = this.need();
    const s = this.game();
    const order = (sc.actionsByActor[sc.actorIndex.get(actorId) ?? -1] ?? []).map((a) => a.id);
    return cardSlots(order, this.legal(actorId).actions, (id) => (id === PASS_ID ? null : previewAction(sc, s, actorId, id)));
  }

  /** The seat's objectives now, judged on the numbers that seat reads (its estimates, never the truth behind them). */
  objectiveStatus(actorId: string): ObjectiveStatus[] {
    return objectiveStatus(
      this.need(),
      this.game(),
      actorId,
      viewFor(this.need(), this.game(), actorId).indicators.map((r) => r.value),
    );
  }

  /** Records a human's answer to a pending dilemma (part of their choice for this turn). */
  answerDilemma(actorId: string, eventId: string, optionId: string): void {
    const prev = this.draft[actorId];
    this.draft = { ...this.draft, [actorId]: { action: prev?.action ?? '', dilemmas: { ...(prev?.dilemmas ?? {}), [eventId]: optionId } } };
    this.save();
    this.emit();
  }

  /** Pending dilemmas of `actorId` not yet answered this turn. */
  openDilemmas(actorId: string): LegalChoices['dilemmas'] {
    const answered = this.draft[actorId]?.dilemmas ?? {};
    return this.legal(actorId).dilemmas.filter((d) => answered[d.event] === undefined);
  }

  /** A human commits an action; the turn resolves once every human has chosen. */
  choose(actorId: string, actionId: string): void {
    if (this.phase.name !== 'main' || this.seatActor() !== actorId) return;
    const prev = this.draft[actorId];
    this.draft = { ...this.draft, [actorId]: prev?.dilemmas ? { action: actionId, dilemmas: prev.dilemmas } : { action: actionId } };
    const p = this.phase;
    const humans = this.humans();
    if (p.name === 'main' && p.seat + 1 < humans.length) this.go({ name: 'handover', seat: p.seat + 1, then: 'main' });
    else this.resolve();
  }

  /** Resolves the turn with the humans' draft; the AI fills every other seat. */
  resolve(): void {
    void this.resolveSoon();
  }

  /**
   * The same, split into short tasks so the page keeps answering: each AI decides in its own task, the engine steps
   * in another (given the AI's choices, so it does not decide them again), and the next screen is built after that.
   */
  async resolveSoon(): Promise<void> {
    if (this.resolving || this.phase.name !== 'main' || !this.state || this.state.over) return;
    this.resolving = true;
    try {
      const sc = this.need();
      const before = this.game();
      const decisions: Record<string, AiDecision> = {};
      for (const a of sc.actors) {
        if (before.seats[a.id] === 'human') continue;
        await nextTask();
        decisions[a.id] = chooseAi(sc, before, a.id);
      }
      const choices: Choices = {};
      for (const id of this.humans()) if (this.draft[id]) choices[id] = this.draft[id]!;
      for (const [id, d] of Object.entries(decisions)) choices[id] = { action: d.action };
      await nextTask();
      if (this.state !== before || this.phase.name !== 'main') return;
      const result = step(sc, before, choices);
      await nextTask();
      if (this.state !== before || this.phase.name !== 'main') return;
      this.state = result.state;
      const record = result.state.history.at(-1)!;
      this.report = { turn: before.turn, before, events: result.events, choices: record.choices, decisions };
      this.draft = {};
      this.go({ name: 'resolution' });
    } finally {
      this.resolving = false;
    }
  }

  /** Leaves the resolution screen: the ending, or the next turn's first seat. */
  continueFromResolution(): void {
    if (this.phase.name !== 'resolution') return;
    const s = this.game();
    if (s.over) return this.go({ name: 'ending' });
    this.go(this.humans().length > 1 ? { name: 'handover', seat: 0, then: 'main' } : { name: 'main', seat: 0 });
  }

  /**
   * The numbers the screen showing now may reveal: a seat's own screens its own view; a screen the human seats share
   * (the resolution) each indicator as the least-informed of them sees it; the truth when the AI plays every seat.
   * The ending screen and the exports do not use this: they show the truth.
   */
  view(): SeatView {
    const sc = this.need();
    const s = this.game();
    const seat = this.seatActor();
    return seat ? viewFor(sc, s, seat) : sharedView(sc, s, this.humans());
  }

  /** What answering dilemma `eventId` with `optionId` would change for `actorId`, from the state now (draws nothing). */
  previewOption(actorId: string, eventId: string, optionId: string): ChoicePreview {
    return previewOption(this.need(), this.game(), actorId, eventId, optionId);
  }

  explain(target: string): Explanation {
    return explain(this.need(), this.game(), target);
  }

  objectives(): ObjectiveScore[] {
    return scoreObjectives(this.need(), this.game());
  }

  replay(): Replay {
    return recordReplay(this.need(), this.game());
  }

  hash(): string | null {
    return this.state ? stateHash(this.state) : null;
  }

  /** Every directed stance with its band and leverage, for the network. */
  stances(): StanceView[] {
    const s = this.game();
    return stanceViews(this.need(), s.stances, s.flows);
  }

  /** The stances as they were before the last resolved turn (null before the first), to mark what it changed. */
  stancesBefore(): StanceView[] | null {
    const sc = this.need();
    const was = valuesBefore(sc, this.game());
    return was && stanceViews(sc, was.stances, was.flows);
  }

  /** The band label of indicator `i` now. */
  indicatorBand(i: number, value: number): string | null {
    return bandOf(this.need().indicators[i]?.bands ?? [], value);
  }

  /** The label of a turn ("Year 1, Q2"): the debrief's turnLabel, so exports and screens agree. */
  turnLabel(turn: number): string {
    return turnLabel(this.need(), turn);
  }

  /** The autosave record of the game in progress. */
  toSave(): SaveData | null {
    const sc = this.scenario;
    const s = this.state;
    const p = this.phase;
    if (!sc || !s || p.name === 'title' || p.name === 'setup') return null;
    const phase: SavedPhase = p.name === 'review' ? { name: 'main', seat: p.seat } : p;
    return {
      format: SAVE_FORMAT,
      version: SAVE_VERSION,
      savedAt: new Date().toISOString(),
      scenario: { id: sc.def.id, hash: sc.hash, bundled: this.source.bundled, file: this.source.bundled ? null : this.source.file },
      seed: s.seed,
      seats: s.seats,
      aiFuzz: s.aiFuzz,
      turns: s.history.filter((r) => r.turn > 0).map((r) => r.choices),
      hash: stateHash(s),
      phase,
      draft: this.draft,
    };
  }

  private save(): void {
    const data = this.toSave();
    if (data && this.slot && this.guard.mayWrite(this.slot)) this.saveError = writeSave(data, slotKey(this.slot));
  }
}

export const bridge = new Bridge();
