// The classroom's storage: one SQLite file with a versioned schema; every accepted command is written in a transaction.
import Database from 'better-sqlite3';

/** The schema's migrations, in order; the database records how many it has applied. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id INTEGER PRIMARY KEY,
     code TEXT NOT NULL UNIQUE,
     instructor_hash TEXT NOT NULL,
     scenario_text TEXT NOT NULL,
     seed TEXT NOT NULL,
     tables INTEGER NOT NULL,
     humans TEXT NOT NULL,
     created TEXT NOT NULL
   );
   CREATE TABLE commands (
     id INTEGER PRIMARY KEY,
     session INTEGER NOT NULL REFERENCES sessions(id),
     kind TEXT NOT NULL,
     payload TEXT NOT NULL
   );
   CREATE INDEX commands_by_session ON commands(session, id);`,
  // The turn timer: seconds per turn, and when each command was accepted, so deadlines survive a restart.
  `ALTER TABLE sessions ADD COLUMN timer INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE commands ADD COLUMN at INTEGER NOT NULL DEFAULT 0;`,
];

export interface SessionRow {
  id: number;
  code: string;
  instructorHash: string;
  scenarioText: string;
  seed: string;
  tables: number;
  humans: string[];
  created: string;
  timer: number;
}
/** A stored command; `at` is when it was accepted (epoch ms). */
export interface CommandRow {
  id: number;
  session: number;
  kind: string;
  payload: unknown;
  at: number;
}

/** The narrow storage interface the classroom needs (a PostgreSQL one would implement the same). */
export interface ClassroomStore {
  createSession(row: Omit<SessionRow, 'id'>): number;
  sessions(): SessionRow[];
  /** Appends a command durably; returns only once it is committed. */
  append(session: number, kind: string, payload: unknown, at: number): number;
  commands(session: number): CommandRow[];
  close(): void;
}

/** How far each command is written before it is acknowledged: to the operating system, or to the disk. */
export type StoreSync = 'normal' | 'full';

export class SqliteStore implements ClassroomStore {
  private readonly db: Database.Database;
  private insert: Database.Statement | null = null;

  /**
   * `sync` 'normal': each command is in the WAL file (the operating system's) before it is acknowledged, which a kill -9
   * cannot lose; a power cut can lose those since the last checkpoint. 'full': each is also on the disk (an fsync each).
   */
  constructor(file: string, sync: StoreSync = 'normal') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  /** The schema version this database is at (the number of migrations applied). */
  version(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const at = this.version();
    if (at > MIGRATIONS.length)
      throw new Error(`the classroom database is at schema version ${at}, newer than this program (${MIGRATIONS.length}); use a newer statecraft`);
    for (let v = at; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  createSession(row: Omit<SessionRow, 'id'>): number {
    const r = this.db
      .prepare('INSERT INTO sessions (code, instructor_hash, scenario_text, seed, tables, humans, created, timer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.code, row.instructorHash, row.scenarioText, row.seed, row.tables, JSON.stringify(row.humans), row.created, row.timer);
    return Number(r.lastInsertRowid);
  }

  sessions(): SessionRow[] {
    const rows = this.db
      .prepare('SELECT id, code, instructor_hash, scenario_text, seed, tables, humans, created, timer FROM sessions ORDER BY id')
      .all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: r.id as number,
      code: r.code as string,
      instructorHash: r.instructor_hash as string,
      scenarioText: r.scenario_text as string,
      seed: r.seed as string,
      tables: r.tables as number,
      humans: JSON.parse(r.humans as string) as string[],
      created: r.created as string,
      timer: r.timer as number,
    }));
  }

  append(session: number, kind: string, payload: unknown, at: number): number {
    this.insert ??= this.db.prepare('INSERT INTO commands (session, kind, payload, at) VALUES (?, ?, ?, ?)');
    const insert = this.insert;
    return this.db.transaction(() => Number(insert.run(session, kind, JSON.stringify(payload), at).lastInsertRowid))();
  }

  commands(session: number): CommandRow[] {
    const rows = this.db.prepare('SELECT id, session, kind, payload, at FROM commands WHERE session = ? ORDER BY id').all(session) as Array<
      Record<string, unknown>
    >;
    return rows.map((r) => ({
      id: r.id as number,
      session: r.session as number,
      kind: r.kind as string,
      payload: JSON.parse(r.payload as string) as unknown,
      at: r.at as number,
    }));
  }

  close(): void {
    this.db.close();
  }
}
