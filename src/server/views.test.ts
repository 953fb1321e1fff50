import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { previewLines } from '../analysis/previewText.js';
import { previewAction, previewOption } from '../engine/index.js';
import { Classroom } from './classroom.js';
import { SqliteStore } from './store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function flagshipClass(): { classroom: Classroom; code: string; token: string; store: SqliteStore } {
  const dir = mkdtempSync(join(tmpdir(), 'views-'));
  dirs.push(dir);
  const store = new SqliteStore(join(dir, 'classroom.sqlite'));
  const classroom = new Classroom(store);
  const text = readFileSync('scenarios/party-congress.json', 'utf8');
  const { code, token } = classroom.create({ scenarioText: text, seed: 'results-1', tables: 1, humans: ['sk', 'nk'], timer: 0 });
  return { classroom, code, token, store };
}

describe("a seat's state", () => {
  it('previews every open action and every option of a pending dilemma as the engine does, and nothing for one it cannot take', () => {
    const { classroom, code, store } = flagshipClass();
    const { token } = classroom.join(code, 0, 'sk');
    const seat = classroom.seatState(code, token);
    const g = classroom.tableState(code, 0);
    const sc = classroom.scenarioOf(code);
    for (const a of seat.legal.actions) {
      if (a.available) expect(seat.previews.actions[a.id]).toEqual(previewLines(previewAction(sc, g, 'sk', a.id)));
      else expect(seat.previews.actions[a.id]).toBeUndefined();
    }
    expect(Object.keys(seat.previews.actions).length).toBeGreaterThan(0);
    // Seed results-1 opens the flagship with a dilemma put to South Korea.
    expect(seat.legal.dilemmas.length).toBeGreaterThan(0);
    for (const d of seat.legal.dilemmas)
      for (const o of d.options) expect(seat.previews.options[d.event]![o.id]).toEqual(previewLines(previewOption(sc, g, 'sk', d.event, o.id)));
    store.close();
  });

  it('keeps the score back until the game ends, and then drops the previews', () => {
    const { classroom, code, token: instructor, store } = flagshipClass();
    const { token } = classroom.join(code, 0, 'sk');
    expect(classroom.seatState(code, token).objectives).toBeNull();
    classroom.end(code, instructor, 0);
    const ended = classroom.seatState(code, token);
    expect(ended.objectives?.actor).toBe('sk');
    expect(ended.previews).toEqual({ actions: {}, options: {} });
    store.close();
  });
});
