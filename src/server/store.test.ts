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
    expect(a.version()).toBe(1);
    const id = a.createSession({ code: 'ABCDEF', instructorHash: 'h', scenarioText: '{}', seed: 's', tables: 2, humans: ['x'], created: 'now' });
    a.append(id, 'join', { table: 0, role: 'x' });
    a.append(id, 'submit', { table: 0, role: 'x', choice: { action: 'go' } });
    a.close();
    const b = new SqliteStore(file);
    expect(b.sessions()).toEqual([{ id, code: 'ABCDEF', instructorHash: 'h', scenarioText: '{}', seed: 's', tables: 2, humans: ['x'], created: 'now' }]);
    expect(b.commands(id).map((c) => [c.kind, c.payload])).toEqual([['join', { table: 0, role: 'x' }], ['submit', { table: 0, role: 'x', choice: { action: 'go' } }]]);
    b.close();
  });

  it('refuses a database written by a newer version, with a clear message', () => {
    const file = join(dir, 'b.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/schema version 99, newer than this program/);
  });
});
