import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStore', () => {
  it('creates its schema on first open, keeps sessions and commands in order across a reopen', () => {
    const file = join(dir, 'a.sqlite');
    const a = new SqliteStore(file);
    expect(a.version()).toBe(2);
    const id = a.createSession({ code: 'ABCDEF', instructorHash: 'h', scenarioText: '{}', seed: 's', tables: 2, humans: ['x'], created: 'now', timer: 30 });
    a.append(id, 'join', { table: 0, role: 'x' }, 1000);
    a.append(id, 'submit', { table: 0, role: 'x', choice: { action: 'go' } }, 2000);
    a.close();
    const b = new SqliteStore(file);
    expect(b.sessions()).toEqual([
      { id, code: 'ABCDEF', instructorHash: 'h', scenarioText: '{}', seed: 's', tables: 2, humans: ['x'], created: 'now', timer: 30 },
    ]);
    expect(b.commands(id).map((c) => [c.kind, c.payload, c.at])).toEqual([
      ['join', { table: 0, role: 'x' }, 1000],
      ['submit', { table: 0, role: 'x', choice: { action: 'go' } }, 2000],
    ]);
    b.close();
  });

  it('upgrades a version-1 database in place: its sessions get no timer and its commands time 0', () => {
    const file = join(dir, 'v1.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE sessions (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, instructor_hash TEXT NOT NULL, scenario_text TEXT NOT NULL,
      seed TEXT NOT NULL, tables INTEGER NOT NULL, humans TEXT NOT NULL, created TEXT NOT NULL);
      CREATE TABLE commands (id INTEGER PRIMARY KEY, session INTEGER NOT NULL REFERENCES sessions(id), kind TEXT NOT NULL, payload TEXT NOT NULL);
      INSERT INTO sessions VALUES (1, 'OLDONE', 'h', '{}', 's', 1, '[]', 'then');
      INSERT INTO commands VALUES (1, 1, 'advance', '{"table":0}');`);
    db.pragma('user_version = 1');
    db.close();
    const s = new SqliteStore(file);
    expect(s.version()).toBe(2);
    expect(s.sessions()[0]).toMatchObject({ code: 'OLDONE', timer: 0 });
    expect(s.commands(1)).toEqual([{ id: 1, session: 1, kind: 'advance', payload: { table: 0 }, at: 0 }]);
    s.close();
  });

  it('refuses a database written by a newer version, with a clear message', () => {
    const file = join(dir, 'b.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/schema version 99, newer than this program/);
  });
});
