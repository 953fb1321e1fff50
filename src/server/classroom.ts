// A class's games, run by the server: sessions of tables, seats held by tokens, turns stepped when every human has chosen.
import {
  canonicalJson, chooseAi, chooseDilemmaOption, createGame, EngineError, legalChoices, recordReplay, scoreObjectives, sha256Hex, stateHash, step, viewFor,
  type Choice, type Choices, type GameState, type LegalChoices, type Replay, type Scenario, type SeatView, type TurnEvent,
} from '../engine/index.js';
import { loadScenario } from '../format/loadScenario.js';
import type { ClassroomStore } from './store.js';
import { hashToken, newJoinCode, newToken, tokenMatches } from './tokens.js';

/** A refusal the client is told about, with its reason. */
export class Refusal extends Error {}

export interface SessionOptions { scenarioText: string; seed: string; tables: number; humans: readonly string[] }

interface Table { index: number; state: GameState; choices: Map<string, Choice>; aiPlayed: Set<string>[]; seats: Map<string, string> }

interface Session {
  id: number;
  code: string;
  instructorHash: string;
  scenario: Scenario;
  seed: string;
  humans: readonly string[];
  tables: Table[];
}

/** What one seat is shown: its own view, choices and objectives; the seed only once the game is over. */
export interface SeatState {
  code: string;
  table: number;
  role: string;
  turn: number;
  over: boolean;
  ending: string | null;
  seed: string | null;
  view: SeatView;
  legal: LegalChoices;
  objectives: ReturnType<typeof scoreObjectives>[number];
  submitted: string[];
  news: TurnEvent[];
  /** A hash of everything above: a client that holds another for this turn has missed a message and resyncs. */
  hash: string;
}

/** One table's line on the instructor's dashboard. */
export interface TableSummary { table: number; turn: number; over: boolean; ending: string | null; seats: Array<{ role: string; taken: boolean; submitted: boolean }>; hash: string }

const MAX_TABLES = 60;

/** The classroom: every session's tables, rebuilt from the store's commands on start, changed only by commands it has stored. */
export class Classroom {
  private readonly sessions = new Map<string, Session>();
  private readonly byId = new Map<number, Session>();
  /** Called after a table changed, with the session code and the table index. */
  onChange: (code: string, table: number) => void = () => {};

  constructor(private readonly store: ClassroomStore) {
    for (const row of store.sessions()) {
      const s = this.open(row.id, row.code, row.instructorHash, row.scenarioText, row.seed, row.tables, row.humans);
      for (const c of store.commands(row.id)) this.apply(s, c.kind, c.payload as Record<string, unknown>);
    }
  }

  /** Creates a session; returns its join code and the instructor's token (shown once, stored only as a hash). */
  create(o: SessionOptions, now: string): { code: string; token: string; scenario: string } {
    const r = loadScenario(o.scenarioText, 'uploaded scenario');
    if (!r.ok) throw new Refusal(`the scenario is not valid: ${r.diagnostics[0]?.message ?? 'unknown problem'} (${r.diagnostics.length} problem${r.diagnostics.length === 1 ? '' : 's'})`);
    if (!Number.isInteger(o.tables) || o.tables < 1 || o.tables > MAX_TABLES) throw new Refusal(`tables must be 1 to ${MAX_TABLES}`);
    for (const h of o.humans) if (!r.scenario.actorIndex.has(h)) throw new Refusal(`"${h}" is not a role of ${r.scenario.def.id}; roles: ${[...r.scenario.actorIndex.keys()].join(', ')}`);
    createGame(r.scenario, { seed: o.seed });
    let code = newJoinCode();
    while (this.sessions.has(code)) code = newJoinCode();
    const token = newToken();
    const instructorHash = hashToken(token);
    const id = this.store.createSession({ code, instructorHash, scenarioText: o.scenarioText, seed: o.seed, tables: o.tables, humans: [...o.humans], created: now });
    this.open(id, code, instructorHash, o.scenarioText, o.seed, o.tables, o.humans);
    return { code, token, scenario: r.scenario.def.id };
  }

  private open(id: number, code: string, instructorHash: string, text: string, seed: string, tables: number, humans: readonly string[]): Session {
    const r = loadScenario(text, 'stored scenario');
    if (!r.ok) throw new Error(`stored session ${code}: its scenario no longer loads`);
    const sc = r.scenario;
    const seats = Object.fromEntries(humans.map((h) => [h, 'human' as const]));
    const s: Session = {
      id, code, instructorHash, scenario: sc, seed, humans,
      tables: Array.from({ length: tables }, (_, index) => ({ index, state: createGame(sc, { seed, seats }), choices: new Map(), aiPlayed: [], seats: new Map() })),
    };
    this.sessions.set(code, s);
    this.byId.set(id, s);
    return s;
  }

  /** Applies a stored command to the in-memory tables (on start, and after storing a new one). */
  private apply(s: Session, kind: string, p: Record<string, unknown>): void {
    const t = s.tables[p.table as number]!;
    if (kind === 'join') t.seats.set(p.role as string, p.tokenHash as string);
    else if (kind === 'submit') {
      t.choices.set(p.role as string, p.choice as Choice);
      if (s.humans.every((h) => t.choices.has(h))) this.resolve(s, t, new Set());
    } else if (kind === 'advance') {
      const missing = new Set(s.humans.filter((h) => !t.choices.has(h)));
      for (const h of missing) t.choices.set(h, aiChoice(s.scenario, t.state, h));
      this.resolve(s, t, missing);
    } else if (kind === 'reassign') t.seats.delete(p.role as string);
  }

  private resolve(s: Session, t: Table, aiPlayed: Set<string>): void {
    const choices: Choices = Object.fromEntries(t.choices);
    t.state = step(s.scenario, t.state, choices).state;
    t.aiPlayed.push(aiPlayed);
    t.choices.clear();
  }

  private session(code: string): Session {
    const s = this.sessions.get(code.trim().toUpperCase());
    if (!s) throw new Refusal('no class has this code');
    return s;
  }

  private table(s: Session, table: number): Table {
    const t = Number.isInteger(table) ? s.tables[table] : undefined;
    if (!t) throw new Refusal(`there is no table ${table + 1}; this class has ${s.tables.length}`);
    return t;
  }

  /** What a joining student sees before choosing: the scenario, each table's free human roles. */
  lobby(code: string): { code: string; scenario: string; title: string; tables: Array<{ table: number; free: string[] }> } {
    const s = this.session(code);
    return { code: s.code, scenario: s.scenario.def.id, title: s.scenario.def.title, tables: s.tables.map((t) => ({ table: t.index, free: s.humans.filter((h) => !t.seats.has(h)) })) };
  }

  /** Takes a free human role at a table; returns the seat token the browser keeps to hold the seat. */
  join(code: string, table: number, role: string): { token: string } {
    const s = this.session(code);
    const t = this.table(s, table);
    if (!s.humans.includes(role)) throw new Refusal(`"${role}" is not a player role in this class; player roles: ${s.humans.join(', ') || 'none'}`);
    if (t.seats.has(role)) throw new Refusal(`${role} at table ${table + 1} is already taken`);
    const token = newToken();
    const tokenHash = hashToken(token);
    this.store.append(s.id, 'join', { table, role, tokenHash });
    this.apply(s, 'join', { table, role, tokenHash });
    this.onChange(s.code, table);
    return { token };
  }

  /** The seat a token holds, or a refusal. */
  seat(code: string, token: string): { table: number; role: string } {
    const s = this.session(code);
    for (const t of s.tables) for (const [role, hash] of t.seats) if (tokenMatches(token, hash)) return { table: t.index, role };
    throw new Refusal('this seat token is not valid for this class');
  }

  /** A seat's choice for `turn`; the turn resolves once every human seat of the table has chosen. */
  submit(code: string, token: string, turn: number, choice: Choice | 'ai'): void {
    const s = this.session(code);
    const { table, role } = this.seat(code, token);
    const t = s.tables[table]!;
    if (t.state.over) throw new Refusal('the game at this table is over');
    if (turn !== t.state.turn) throw new Refusal(`this is turn ${t.state.turn}, not ${turn}; resync`);
    if (t.choices.has(role)) throw new Refusal(`${role} has already chosen for turn ${turn}`);
    const c = choice === 'ai' ? aiChoice(s.scenario, t.state, role) : choice;
    checkChoice(s, t, role, c);
    this.store.append(s.id, 'submit', { table, role, choice: c });
    this.apply(s, 'submit', { table, role, choice: c });
    this.onChange(s.code, table);
  }

  /** The instructor moves a table on: seats that have not chosen are played by the AI (and marked so). */
  advance(code: string, instructorToken: string, table: number): void {
    const s = this.instructor(code, instructorToken);
    const t = this.table(s, table);
    if (t.state.over) throw new Refusal('the game at this table is over');
    this.store.append(s.id, 'advance', { table });
    this.apply(s, 'advance', { table });
    this.onChange(s.code, table);
  }

  /** Frees a seat so a student can take it again on a new device (the old token stops working). */
  reassign(code: string, instructorToken: string, table: number, role: string): void {
    const s = this.instructor(code, instructorToken);
    this.table(s, table);
    this.store.append(s.id, 'reassign', { table, role });
    this.apply(s, 'reassign', { table, role });
    this.onChange(s.code, table);
  }

  private instructor(code: string, token: string): Session {
    const s = this.session(code);
    if (!tokenMatches(token, s.instructorHash)) throw new Refusal('this instructor token is not valid for this class');
    return s;
  }

  /** What a seat is shown now. */
  seatState(code: string, token: string): SeatState {
    const s = this.session(code);
    const { table, role } = this.seat(code, token);
    const t = s.tables[table]!;
    const g = t.state;
    const body = {
      code: s.code, table, role, turn: g.turn, over: g.over, ending: g.ending, seed: g.over ? s.seed : null,
      view: viewFor(s.scenario, g, role), legal: legalChoices(s.scenario, g, role),
      objectives: scoreObjectives(s.scenario, g).find((o) => o.actor === role)!, submitted: [...t.choices.keys()], news: g.news,
    };
    return { ...body, hash: sha256Hex(canonicalJson(body)) };
  }

  /** The instructor's dashboard: every table's turn, seats and ending. */
  dashboard(code: string, instructorToken: string): { code: string; scenario: string; tables: TableSummary[] } {
    const s = this.instructor(code, instructorToken);
    return {
      code: s.code, scenario: s.scenario.def.id,
      tables: s.tables.map((t) => ({
        table: t.index, turn: t.state.turn, over: t.state.over, ending: t.state.ending, hash: stateHash(t.state),
        seats: s.humans.map((role) => ({ role, taken: t.seats.has(role), submitted: t.choices.has(role) })),
      })),
    };
  }

  /** Every table's replay (which `statecraft replay` verifies), for the instructor. */
  replays(code: string, instructorToken: string): Array<{ table: number; replay: Replay }> {
    const s = this.instructor(code, instructorToken);
    return s.tables.map((t) => ({ table: t.index, replay: recordReplay(s.scenario, t.state) }));
  }

  /** The state of one table, for tests and exports. */
  tableState(code: string, table: number): GameState {
    return this.table(this.session(code), table).state;
  }

  /** The scenario text of a session, so an export can carry it. */
  scenarioOf(code: string): Scenario {
    return this.session(code).scenario;
  }
}

function aiChoice(sc: Scenario, g: GameState, role: string): Choice {
  const pending = g.dilemmas.filter((d) => d.actor === role);
  const action = chooseAi(sc, g, role).action;
  return pending.length ? { action, dilemmas: Object.fromEntries(pending.map((d) => [d.event, chooseDilemmaOption(sc, g, role, d.event)])) } : { action };
}

/** Refuses a choice the engine would refuse, with the engine's reason, before it is stored. */
function checkChoice(s: Session, t: Table, role: string, c: Choice): void {
  const trial: Choices = Object.fromEntries(s.humans.map((h) => [h, h === role ? c : t.choices.get(h) ?? aiChoice(s.scenario, t.state, h)]));
  try {
    step(s.scenario, t.state, trial, { ledger: false });
  } catch (e) {
    if (e instanceof EngineError) throw new Refusal(e.message);
    throw e;
  }
}
