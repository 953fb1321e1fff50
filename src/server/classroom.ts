// A class's games, run by the server: sessions of tables, seats held by tokens, every change a command stored first.
import { createGame, recordReplay, type Choice, type GameState, type Replay, type Scenario } from '../engine/index.js';
import { loadScenario } from '../format/loadScenario.js';
import { classExport, type ClassExport } from './export.js';
import type { ClassroomStore } from './store.js';
import { aiChoice, applyCommand, choiceProblem, deadlineOf, newTables, type CommandKind, type Session, type Table } from './table.js';
import { hashToken, newJoinCode, newToken, tokenMatches } from './tokens.js';
import {
  dashboardOf,
  projectorOf,
  projectorTableOf,
  seatStateOf,
  tableSummaryOf,
  type Dashboard,
  type Presence,
  type ProjectorState,
  type ProjectorTable,
  type SeatState,
  type TableSummary,
} from './views.js';

export type { SeatState, TableSummary, Dashboard, ProjectorState } from './views.js';

/** A refusal the client is told about, with its reason. */
export class Refusal extends Error {}

export interface SessionOptions {
  scenarioText: string;
  seed: string;
  tables: number;
  humans: readonly string[];
  timer?: number;
}

const MAX_TABLES = 60;
const MAX_TIMER = 3600;

/** The classroom: every session's tables, rebuilt from the store's commands on start, changed only by commands it has stored. */
export class Classroom {
  private readonly sessions = new Map<string, Session>();
  private readonly timers = new Map<Table, ReturnType<typeof setTimeout>>();
  /** Each table's dashboard line and projector view, kept until the table changes. */
  private readonly summaries = new WeakMap<Table, { version: number; value: TableSummary }>();
  private readonly projections = new WeakMap<Table, { version: number; value: ProjectorTable }>();
  /** Called after a table changed, with the session code and the table index. */
  onChange: (code: string, table: number) => void = () => {};
  /** The address students open (http://host:port), once the server knows it; join URLs are built on it. */
  publicUrl: string | null = null;

  constructor(
    private readonly store: ClassroomStore,
    private readonly now: () => number = Date.now,
  ) {
    for (const row of store.sessions()) {
      const s = this.open(row.id, row.code, row.instructorHash, row.scenarioText, row.seed, row.tables, row.humans, row.timer, Date.parse(row.created));
      for (const c of store.commands(row.id)) applyCommand(s, c.kind as CommandKind, c.payload as Record<string, unknown>, c.at);
    }
    for (const s of this.sessions.values()) for (const t of s.tables) this.schedule(s, t);
  }

  /** Creates a session; returns its join code and the instructor's token (shown once, stored only as a hash). */
  create(o: SessionOptions): { code: string; token: string; scenario: string } {
    const r = loadScenario(o.scenarioText, 'uploaded scenario');
    if (!r.ok)
      throw new Refusal(
        `the scenario is not valid: ${r.diagnostics[0]?.message ?? 'unknown problem'} (${r.diagnostics.length} problem${r.diagnostics.length === 1 ? '' : 's'})`,
      );
    if (!Number.isInteger(o.tables) || o.tables < 1 || o.tables > MAX_TABLES) throw new Refusal(`tables must be 1 to ${MAX_TABLES}`);
    const timer = o.timer ?? 0;
    if (!Number.isInteger(timer) || timer < 0 || timer > MAX_TIMER) throw new Refusal(`the turn timer must be 0 to ${MAX_TIMER} seconds`);
    for (const h of o.humans)
      if (!r.scenario.actorIndex.has(h))
        throw new Refusal(`"${h}" is not a role of ${r.scenario.def.id}; roles: ${[...r.scenario.actorIndex.keys()].join(', ')}`);
    createGame(r.scenario, { seed: o.seed });
    let code = newJoinCode();
    while (this.sessions.has(code)) code = newJoinCode();
    const token = newToken();
    const instructorHash = hashToken(token);
    const now = this.now();
    const id = this.store.createSession({
      code,
      instructorHash,
      scenarioText: o.scenarioText,
      seed: o.seed,
      tables: o.tables,
      humans: [...o.humans],
      created: new Date(now).toISOString(),
      timer,
    });
    const s = this.open(id, code, instructorHash, o.scenarioText, o.seed, o.tables, o.humans, timer, now);
    for (const t of s.tables) this.schedule(s, t);
    return { code, token, scenario: r.scenario.def.id };
  }

  private open(
    id: number,
    code: string,
    instructorHash: string,
    text: string,
    seed: string,
    tables: number,
    humans: readonly string[],
    timer: number,
    created: number,
  ): Session {
    const r = loadScenario(text, 'stored scenario');
    if (!r.ok) throw new Error(`stored session ${code}: its scenario no longer loads`);
    const s: Session = {
      id,
      code,
      instructorHash,
      scenario: r.scenario,
      scenarioText: text,
      seed,
      humans,
      timer,
      created,
      tables: newTables(r.scenario, seed, humans, tables, created, timer),
    };
    this.sessions.set(code, s);
    return s;
  }

  /** Stores a command, then applies it: nothing changes that is not on disk first. */
  private command(s: Session, kind: CommandKind, payload: Record<string, unknown> & { table: number }): void {
    const at = this.now();
    this.store.append(s.id, kind, payload, at);
    const t = applyCommand(s, kind, payload, at);
    this.schedule(s, t);
    this.onChange(s.code, t.index);
  }

  /** Sets (or clears) the timer that advances table `t` when its turn's deadline passes. */
  private schedule(s: Session, t: Table): void {
    clearTimeout(this.timers.get(t));
    this.timers.delete(t);
    const deadline = deadlineOf(s, t);
    if (deadline === null) return;
    const turn = t.state.turn;
    const timer = setTimeout(
      () => {
        this.timers.delete(t);
        if (deadlineOf(s, t) === deadline && t.state.turn === turn) this.command(s, 'timeout', { table: t.index, turn });
      },
      Math.max(0, deadline - this.now()),
    );
    timer.unref();
    this.timers.set(t, timer);
  }

  /** Stops every turn timer (the server is closing). */
  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
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

  /** A table the instructor may still change: not ended, not over. */
  private playing(s: Session, table: number): Table {
    const t = this.table(s, table);
    if (t.stopped) throw new Refusal(`the instructor has ended the game at table ${table + 1}`);
    if (t.state.over) throw new Refusal(`the game at table ${table + 1} is over`);
    return t;
  }

  /** What a joining student sees before choosing: the scenario, each table's free human roles. */
  lobby(code: string): { code: string; scenario: string; title: string; tables: Array<{ table: number; free: string[] }> } {
    const s = this.session(code);
    return {
      code: s.code,
      scenario: s.scenario.def.id,
      title: s.scenario.def.title,
      tables: s.tables.map((t) => ({ table: t.index, free: s.humans.filter((h) => !t.seats.has(h)) })),
    };
  }

  /** Takes a free human role at a table; returns the seat token the browser keeps to hold the seat. */
  join(code: string, table: number, role: string): { token: string } {
    const s = this.session(code);
    const t = this.table(s, table);
    if (!s.humans.includes(role)) throw new Refusal(`"${role}" is not a player role in this class; player roles: ${s.humans.join(', ') || 'none'}`);
    if (t.seats.has(role)) throw new Refusal(`${role} at table ${table + 1} is already taken`);
    const token = newToken();
    this.command(s, 'join', { table, role, tokenHash: hashToken(token) });
    return { token };
  }

  /** The seat a token holds, or a refusal. */
  seat(code: string, token: string): { table: number; role: string } {
    const s = this.session(code);
    for (const t of s.tables) for (const [role, hash] of t.seats) if (tokenMatches(token, hash)) return { table: t.index, role };
    throw new Refusal('this seat token is not valid for this class');
  }

  /** Whether the seat `role` at `table` is still held by the token hashing to `tokenHash` (a reassign frees it). */
  holds(code: string, table: number, role: string, tokenHash: string): boolean {
    return this.sessions.get(code)?.tables[table]?.seats.get(role) === tokenHash;
  }

  /** A seat's choice for `turn`; the turn resolves once every human seat of the table has chosen. */
  submit(code: string, token: string, turn: number, choice: Choice | 'ai'): void {
    const s = this.session(code);
    const { table, role } = this.seat(code, token);
    const t = s.tables[table]!;
    if (t.stopped) throw new Refusal('the instructor has ended the game at this table');
    if (t.state.over) throw new Refusal('the game at this table is over');
    if (t.paused) throw new Refusal('the instructor has paused this table');
    if (turn !== t.state.turn) throw new Refusal(`this is turn ${t.state.turn}, not ${turn}; resync`);
    if (t.ai.has(role)) throw new Refusal('the instructor has handed this seat to the AI');
    if (t.choices.has(role)) throw new Refusal(`${role} has already chosen for turn ${turn}`);
    const c = choice === 'ai' ? aiChoice(s.scenario, t.state, role) : choice;
    if (choice !== 'ai') {
      const problem = choiceProblem(s, t, role, c);
      if (problem) throw new Refusal(problem);
    }
    this.command(s, 'submit', { table, role, choice: c });
  }

  /** The instructor moves a table on: seats that have not chosen are played by the AI (and marked so). */
  advance(code: string, instructorToken: string, table: number): void {
    const s = this.instructor(code, instructorToken);
    this.playing(s, table);
    this.command(s, 'advance', { table });
  }

  /** Frees a seat so a student can take it again on a new device (the old token stops working). */
  reassign(code: string, instructorToken: string, table: number, role: string): void {
    const s = this.instructor(code, instructorToken);
    this.table(s, table);
    this.command(s, 'reassign', { table, role });
  }

  /** Pauses or resumes a table: a paused table refuses choices and its turn timer stands still. */
  pause(code: string, instructorToken: string, table: number, paused: boolean): void {
    const s = this.instructor(code, instructorToken);
    const t = this.playing(s, table);
    if (t.paused === paused) return this.onChange(s.code, table);
    this.command(s, 'pause', { table, paused });
  }

  /** Hands a human seat to the AI (it chooses at once, and every turn after) or gives it back. */
  seatAi(code: string, instructorToken: string, table: number, role: string, ai: boolean): void {
    const s = this.instructor(code, instructorToken);
    const t = this.playing(s, table);
    if (!s.humans.includes(role)) throw new Refusal(`"${role}" is not a player role in this class; player roles: ${s.humans.join(', ') || 'none'}`);
    if (t.ai.has(role) === ai) return this.onChange(s.code, table);
    this.command(s, 'seatAi', { table, role, ai });
  }

  /** Ends a table's game where it is: no more moves; its replay still exports and verifies. */
  end(code: string, instructorToken: string, table: number): void {
    const s = this.instructor(code, instructorToken);
    this.playing(s, table);
    this.command(s, 'end', { table });
  }

  private instructor(code: string, token: string): Session {
    const s = this.session(code);
    if (!tokenMatches(token, s.instructorHash)) throw new Refusal('this instructor token is not valid for this class');
    return s;
  }

  /** The code of the class whose instructor token this is (each compared in constant time), or a refusal. */
  classOf(instructorToken: string): string {
    for (const s of this.sessions.values()) if (tokenMatches(instructorToken, s.instructorHash)) return s.code;
    throw new Refusal('this instructor token is not valid for any class on this server');
  }

  /** Refuses a wrong instructor token; otherwise returns the session's normalised code. */
  checkInstructor(code: string, token: string): string {
    return this.instructor(code, token).code;
  }

  /** What a seat is shown now. */
  seatState(code: string, token: string): SeatState {
    const s = this.session(code);
    const { table, role } = this.seat(code, token);
    return seatStateOf(s, s.tables[table]!, role);
  }

  /** What `role` at `table` is shown now (the caller has checked the seat's token). */
  seatStateAt(code: string, table: number, role: string): SeatState {
    const s = this.session(code);
    return seatStateOf(s, this.table(s, table), role);
  }

  /** The instructor's dashboard: every table's turn, seats, timer, indicators and ending. */
  dashboard(code: string, instructorToken: string, present: Presence = () => false): Dashboard {
    const s = this.instructor(code, instructorToken);
    const tables = s.tables.map((t) => {
      const summary = cached(this.summaries, t, () => tableSummaryOf(s, t, () => false));
      return { ...summary, seats: summary.seats.map((x) => ({ ...x, connected: present(t.index, x.role) })) };
    });
    return dashboardOf(s, tables, this.joinUrl(s.code));
  }

  /** The projector's view, for anyone with the join code: public information only. */
  projector(code: string): ProjectorState {
    const s = this.session(code);
    return projectorOf(
      s,
      s.tables.map((t) => cached(this.projections, t, () => projectorTableOf(s, t))),
      this.joinUrl(s.code),
    );
  }

  /** The URL a student opens to join class `code`, once the server's address is known. */
  joinUrl(code: string): string | null {
    return this.publicUrl === null ? null : `${this.publicUrl}/?join=${code}`;
  }

  /** Every table's replay (which `statecraft replay` verifies), for the instructor. */
  replays(code: string, instructorToken: string): Array<{ table: number; replay: Replay }> {
    const s = this.instructor(code, instructorToken);
    return s.tables.map((t) => ({ table: t.index, replay: recordReplay(s.scenario, t.state) }));
  }

  /** Every table's replay, one CSV of all their histories and the comparison debrief, for the instructor. */
  exportAll(code: string, instructorToken: string): ClassExport {
    const s = this.instructor(code, instructorToken);
    return classExport(
      s.scenario,
      s.tables.map((t) => t.state),
    );
  }

  /** The state of one table, for tests and exports. */
  tableState(code: string, table: number): GameState {
    return this.table(this.session(code), table).state;
  }

  /** The compiled scenario of a session. */
  scenarioOf(code: string): Scenario {
    return this.session(code).scenario;
  }

  /** The scenario file a session was created from, as it was sent (it holds no seed). */
  scenarioText(code: string): string {
    return this.session(code).scenarioText;
  }
}

/** `make()`'s value for table `t`, made again only once the table has changed. */
function cached<T>(cache: WeakMap<Table, { version: number; value: T }>, t: Table, make: () => T): T {
  const hit = cache.get(t);
  if (hit && hit.version === t.version) return hit.value;
  const value = make();
  cache.set(t, { version: t.version, value });
  return value;
}
