// What each screen of a class is shown: a seat's own view, the instructor's dashboard, the projector's public view.
import { previewLines } from '../analysis/previewText.js';
import {
  canonicalJson,
  legalChoices,
  objectiveStatus,
  previewAction,
  previewOption,
  scoreObjectives,
  sha256Hex,
  sharedView,
  stateHash,
  viewFor,
  type GameState,
  type LegalChoices,
  type ObjectiveStatus,
  type Reading,
  type Scenario,
  type SeatView,
  type TurnEvent,
} from '../engine/index.js';
import { deadlineOf, type Session, type Table } from './table.js';

/** What one seat is shown: its own view, choices and objectives; the seed only once the game is over or ended. */
export interface SeatState {
  code: string;
  table: number;
  role: string;
  label: string;
  scenario: string;
  turn: number;
  over: boolean;
  ending: string | null;
  seed: string | null;
  paused: boolean;
  stopped: boolean;
  /** Whether the instructor handed this seat to the AI. */
  ai: boolean;
  deadline: number | null;
  view: SeatView;
  legal: LegalChoices;
  /** The seat's score, judged on the true values: sent only once the game is over (or stopped), null before. */
  objectives: ReturnType<typeof scoreObjectives>[number] | null;
  /** Each objective met or not and how far each comparison is, judged on this seat's own readings (never the truth it estimates). */
  status: ObjectiveStatus[];
  submitted: string[];
  /** What the seat reads as news: the last resolved turn's choices, outcomes and the events that opened this turn (turn 1: its opening). */
  news: TurnEvent[];
  /** The roles whose choice last turn the AI made (the instructor advanced, the timer ran out, or the seat was handed to it). */
  aiPlayed: string[];
  /** What each open action, and each option of each pending dilemma, will do, in words (the same preview the single-screen game shows). */
  previews: SeatPreviews;
  /** A hash of everything above: a client that holds another for this turn has missed a message and resyncs. */
  hash: string;
}

export interface DashboardSeat {
  role: string;
  label: string;
  taken: boolean;
  submitted: boolean;
  connected: boolean;
  ai: boolean;
}

/** One table's line on the instructor's dashboard. */
export interface TableSummary {
  table: number;
  turn: number;
  over: boolean;
  ending: string | null;
  paused: boolean;
  stopped: boolean;
  deadline: number | null;
  /** The scenario's indicators, true values: for the instructor only. */
  indicators: Array<{ id: string; label: string; value: number }>;
  seats: DashboardSeat[];
  hash: string;
}

export interface Dashboard {
  code: string;
  scenario: string;
  title: string;
  timer: number;
  joinUrl: string | null;
  tables: TableSummary[];
}

export interface ProjectorTable {
  table: number;
  turn: number;
  over: boolean;
  ending: string | null;
  endingTitle: string | null;
  paused: boolean;
  stopped: boolean;
  seats: Array<{ role: string; label: string; taken: boolean; submitted: boolean }>;
  /** Each indicator as the least-informed actor sees it: never a figure more exact than any seat's. */
  indicators: Reading[];
}

export interface ProjectorState {
  code: string;
  scenario: string;
  title: string;
  joinUrl: string | null;
  tables: ProjectorTable[];
}

/** Whether a socket holds the seat `role` at `table` now. */
export type Presence = (table: number, role: string) => boolean;

export function actorLabel(sc: Scenario, role: string): string {
  return sc.def.actors.find((a) => a.id === role)?.name ?? role;
}

export interface SeatPreviews {
  actions: Record<string, string[]>;
  /** By dilemma event, then option. */
  options: Record<string, Record<string, string[]>>;
}

/** pure; the previews of what `role` can choose now; none once the game is over. */
function previewsOf(sc: Scenario, g: GameState, role: string, legal: LegalChoices, ended: boolean): SeatPreviews {
  if (ended) return { actions: {}, options: {} };
  const actions = Object.fromEntries(legal.actions.filter((a) => a.available).map((a) => [a.id, previewLines(previewAction(sc, g, role, a.id))]));
  const options = Object.fromEntries(
    legal.dilemmas.map((d) => [d.event, Object.fromEntries(d.options.map((o) => [o.id, previewLines(previewOption(sc, g, role, d.event, o.id))]))]),
  );
  return { actions, options };
}

/** What a seat is shown that changes only when its table's state does, with its hash; kept per state and role. */
interface SeatPart {
  view: SeatView;
  legal: LegalChoices;
  objectives: SeatState['objectives'];
  status: ObjectiveStatus[];
  news: TurnEvent[];
  previews: SeatPreviews;
  hash: string;
}
const seatParts = new WeakMap<GameState, Map<string, SeatPart>>();

function seatPartOf(sc: Scenario, g: GameState, role: string, ended: boolean): SeatPart {
  let byRole = seatParts.get(g);
  if (!byRole) seatParts.set(g, (byRole = new Map()));
  const key = ended ? `${role}:ended` : role;
  let part = byRole.get(key);
  if (!part) {
    const view = viewFor(sc, g, role);
    const status = objectiveStatus(
      sc,
      g,
      role,
      view.indicators.map((r) => r.value),
    );
    const last = g.history.length ? g.history.at(g.history.length - 1) : undefined;
    // A score read off the truth would tell a seat whether an estimated figure crossed its threshold: only at the end.
    const objectives = ended ? scoreObjectives(sc, g).find((o) => o.actor === role)! : null;
    const legal = legalChoices(sc, g, role);
    const previews = previewsOf(sc, g, role, legal, ended);
    const body = { view, legal, objectives, status, news: last ? last.events : g.news, previews };
    part = { ...body, hash: sha256Hex(canonicalJson(body)) };
    byRole.set(key, part);
  }
  return part;
}

/** pure; what `role` at table `t` is shown now. */
export function seatStateOf(s: Session, t: Table, role: string): SeatState {
  const g = t.state;
  const ended = g.over || t.stopped;
  const part = seatPartOf(s.scenario, g, role, ended);
  const light = {
    code: s.code,
    table: t.index,
    role,
    label: actorLabel(s.scenario, role),
    scenario: s.scenario.def.id,
    turn: g.turn,
    over: g.over,
    ending: g.ending,
    seed: ended ? s.seed : null,
    paused: t.paused,
    stopped: t.stopped,
    ai: t.ai.has(role),
    deadline: deadlineOf(s, t),
    submitted: [...t.choices.keys()],
    aiPlayed: [...(t.aiPlayed[t.aiPlayed.length - 1] ?? [])].sort(),
  };
  // The hash covers the whole body: the state-bound part through its own hash, computed once per state.
  return {
    ...light,
    view: part.view,
    legal: part.legal,
    objectives: part.objectives,
    status: part.status,
    news: part.news,
    previews: part.previews,
    hash: sha256Hex(`${part.hash}:${canonicalJson(light)}`),
  };
}

/** pure; table `t`'s line on the dashboard. */
export function tableSummaryOf(s: Session, t: Table, present: Presence): TableSummary {
  const sc = s.scenario;
  return {
    table: t.index,
    turn: t.state.turn,
    over: t.state.over,
    ending: t.state.ending,
    paused: t.paused,
    stopped: t.stopped,
    deadline: deadlineOf(s, t),
    hash: stateHash(t.state),
    indicators: sc.indicators.map((ind, i) => ({ id: ind.id, label: sc.def.indicators[i]?.name ?? ind.id, value: t.state.indicators[i]! })),
    seats: s.humans.map((role) => ({
      role,
      label: actorLabel(sc, role),
      taken: t.seats.has(role),
      submitted: t.choices.has(role),
      connected: present(t.index, role),
      ai: t.ai.has(role),
    })),
  };
}

export function dashboardOf(s: Session, tables: TableSummary[], joinUrl: string | null): Dashboard {
  return { code: s.code, scenario: s.scenario.def.id, title: s.scenario.def.title, timer: s.timer, joinUrl, tables };
}

/** pure; table `t` as the projector shows it: public information only, no seed, no exact figure any seat only estimates. */
export function projectorTableOf(s: Session, t: Table): ProjectorTable {
  const sc = s.scenario;
  const g = t.state;
  return {
    table: t.index,
    turn: g.turn,
    over: g.over,
    ending: g.ending,
    endingTitle: g.ending === null ? null : (sc.def.endings.find((e) => e.id === g.ending)?.title ?? g.ending),
    paused: t.paused,
    stopped: t.stopped,
    seats: s.humans.map((role) => ({ role, label: actorLabel(sc, role), taken: t.seats.has(role), submitted: t.choices.has(role) })),
    indicators: sharedView(
      sc,
      g,
      sc.actors.map((a) => a.id),
    ).indicators,
  };
}

export function projectorOf(s: Session, tables: ProjectorTable[], joinUrl: string | null): ProjectorState {
  return { code: s.code, scenario: s.scenario.def.id, title: s.scenario.def.title, joinUrl, tables };
}
