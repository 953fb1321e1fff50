import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame, recordReplay, step, type Scenario } from '../engine/index.js';
import { groupNames, readGroupReplays } from './groupReplays.js';

const tutorial = loadScenario('tutorial');
const congress = loadScenario('party-congress');
const byId = (id: string): Scenario | null => [tutorial, congress].find((s) => s.def.id === id) ?? null;

function replayText(sc: Scenario, seed: string): string {
  let s = createGame(sc, { seed });
  while (!s.over) s = step(sc, s, {}).state;
  return JSON.stringify(recordReplay(sc, s));
}

describe('readGroupReplays', () => {
  it('verifies the replays of one scenario and names each group after its file', () => {
    const r = readGroupReplays(
      [
        { name: 'table-1.replay.json', text: replayText(tutorial, 'a') },
        { name: 'table-2.json', text: replayText(tutorial, 'b') },
      ],
      byId,
    );
    expect(r.refused).toEqual([]);
    expect(r.scenario?.def.id).toBe('tutorial');
    expect(r.games.map((g) => [g.name, g.state.seed])).toEqual([
      ['table-1', 'a'],
      ['table-2', 'b'],
    ]);
  });

  it('refuses, naming the file, a replay of another scenario, a tampered one, an unknown scenario, a file that is not a replay and another engine version', () => {
    const tampered = JSON.parse(replayText(tutorial, 'c')) as { turns: Array<{ hash: string }> };
    tampered.turns[1]!.hash = '0'.repeat(64);
    const older = JSON.parse(replayText(tutorial, 'e')) as { engineVersion: string };
    older.engineVersion = '0.0.1';
    const unknown = JSON.parse(replayText(tutorial, 'd')) as { scenario: { id: string } };
    unknown.scenario.id = 'elsewhere';
    const r = readGroupReplays(
      [
        { name: 'one.json', text: replayText(tutorial, 'a') },
        { name: 'other.json', text: replayText(congress, 'a') },
        { name: 'tampered.json', text: JSON.stringify(tampered) },
        { name: 'unknown.json', text: JSON.stringify(unknown) },
        { name: 'notes.json', text: '{"hello": 1}' },
        { name: 'older.json', text: JSON.stringify(older) },
      ],
      byId,
    );
    expect(r.games.map((g) => g.name)).toEqual(['one']);
    expect(r.refused.map((x) => x.file)).toEqual(['other.json', 'tampered.json', 'unknown.json', 'notes.json', 'older.json']);
    expect(r.refused[4]!.message).toMatch(/^older\.json: not verified: this replay was recorded with engine 0\.0\.1; /);
    expect(r.refused[0]!.message).toBe('other.json: a replay of the scenario "party_congress", not of "tutorial" like one.json; compare games of one scenario');
    expect(r.refused[1]!.message).toMatch(/^tampered\.json: not verified at turn 2: /);
    expect(r.refused[2]!.message).toContain('"elsewhere", not of "tutorial"');
    expect(readGroupReplays([{ name: 'unknown.json', text: JSON.stringify(unknown) }], byId).refused[0]!.message).toContain(
      '"elsewhere", which is not bundled',
    );
    expect(r.refused[3]!.message).toMatch(/^notes\.json:1:1: error: not a valid replay/);
  });
});

describe('groupNames', () => {
  it('numbers a repeated file name from its second use', () => {
    expect(groupNames(['a/t.replay.json', 'b/t.replay.json', 'x.JSON'])).toEqual(['t', 't (2)', 'x']);
  });
});
