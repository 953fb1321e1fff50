import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame, recordReplay, REPLAY_VERSION, step } from '../engine/compiler.js';
import { loadReplay } from './loadReplay.js';

const sc = loadScenario('tutorial');
let game = createGame(sc, { seed: 'load-replay' });
while (!game.over) game = step(sc, game, {}).state;
const replay = recordReplay(sc, game);

/** The 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('loadReplay', () => {
  it('reads a recorded replay unchanged', () => {
    const r = loadReplay(JSON.stringify(replay, null, 2), 'ok.json');
    expect(r.ok && r.replay).toEqual(replay);
  });

  it('names the line, column and JSON path of a bad field deep inside the turns', () => {
    const bad = structuredClone(replay) as unknown as { turns: Array<{ hash: unknown }> };
    bad.turns[2]!.hash = 42;
    const text = JSON.stringify(bad, null, 2);
    const r = loadReplay(text, 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.path).toEqual(['turns', 2, 'hash']);
    expect(d.line).toBe(lineOf(text, '"hash": 42'));
    expect(d.column).toBe(text.split('\n')[d.line - 1]!.indexOf('42') + 1);
    expect(d.message).toMatch(/^not a valid replay: expected a string, got the number 42/);
  });

  it('lists every missing and unknown field of a file that only claims to be a replay, each where it belongs', () => {
    const text = '{\n  "format": "statecraft-replay",\n  "formatVersion": 1,\n  "seeed": "x"\n}';
    const r = loadReplay(text, 'claims.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const unknown = r.diagnostics.find((d) => d.path.join('.') === 'seeed');
    expect(unknown).toMatchObject({ line: 4, column: 3, message: expect.stringContaining('unknown property "seeed" (did you mean "seed"?)') });
    const missing = r.diagnostics.filter((d) => d.message.includes('missing required property'));
    expect(missing.map((d) => d.path.join('.'))).toEqual(expect.arrayContaining(['engineVersion', 'scenario', 'turns', 'finalHash']));
    for (const d of missing) expect([d.line, d.column]).toEqual([1, 1]);
  });

  it('says once that a file which is not a replay lacks the replay format', () => {
    const r = loadReplay('{"id": "tutorial", "format": "scenario"}', 'scenario.json');
    expect(r.ok ? [] : r.diagnostics).toEqual([
      {
        file: 'scenario.json',
        line: 1,
        column: 30,
        path: ['format'],
        severity: 'error',
        message: 'not a valid replay: its "format" is "scenario"; a replay file has "format": "statecraft-replay"',
      },
    ]);
  });

  it('points at the format version when it is another version', () => {
    const text = JSON.stringify({ ...replay, formatVersion: REPLAY_VERSION + 1 }, null, 2);
    const r = loadReplay(text, 'v.json');
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.line, d.path])).toEqual([[lineOf(text, '"formatVersion"'), ['formatVersion']]]);
  });

  it('reports bad JSON at its position', () => {
    const r = loadReplay('{\n  "format": "statecraft-replay",\n  oops\n}', 'syntax.json');
    expect(r.ok ? null : r.diagnostics[0]).toMatchObject({ line: 3, column: 3 });
  });
});
