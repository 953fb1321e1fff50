import { describe, expect, it } from 'vitest';
import { jsonCopy, loadScenario, loadScenarioFile, compileOk } from '../../tests/unit/fixtures.js';
import { legalChoices } from './choices.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import { recordReplay, REPLAY_FORMAT, REPLAY_VERSION, verifyReplay, type Replay } from './replay.js';
import { parseReplay } from './replayFile.js';
import { step } from './step.js';
import { ENGINE_VERSION, type GameState } from './types.js';

const sc = loadScenario('tutorial');

function finished(seed: string, seats: Record<string, 'human' | 'ai'> = {}): GameState {
  let s = createGame(sc, { seed, seats });
  let t = 0;
  while (!s.over) {
    const choices: Record<string, { action: string; dilemmas?: Record<string, string> }> = {};
    for (const [actor, seat] of Object.entries(s.seats)) {
      if (seat !== 'human') continue;
      const legal = legalChoices(sc, s, actor).actions.filter((a) => a.available);
      choices[actor] = { action: legal[t % legal.length]!.id, dilemmas: answers(s, actor) };
    }
    s = step(sc, s, choices).state;
    t++;
  }
  return s;
}
function answers(s: GameState, actor: string): Record<string, string> {
  return Object.fromEntries(s.dilemmas.filter((d) => d.actor === actor).map((d) => [d.event, 'close_border']));
}

describe('recordReplay and verifyReplay', () => {
  const game = finished('replay-1');
  const replay = recordReplay(sc, game);

  it('records the format, versions, scenario, seed, seats, every choice and a hash per turn', () => {
    expect(replay).toMatchObject({
      format: REPLAY_FORMAT,
      formatVersion: REPLAY_VERSION,
      engineVersion: ENGINE_VERSION,
      scenario: { id: 'tutorial', hash: sc.hash },
      seed: 'replay-1',
      seats: game.seats,
      aiFuzz: null,
      initialHash: stateHash(createGame(sc, { seed: 'replay-1' })),
      ending: game.ending,
      finalHash: stateHash(game),
    });
    expect(replay.turns.map((t) => t.turn)).toEqual(game.history.slice(1).map((r) => r.turn));
    expect(replay.turns.map((t) => t.choices)).toEqual(game.history.slice(1).map((r) => r.choices));
  });

  it('verifies a recorded replay and reaches the same final state', () => {
    const check = verifyReplay(sc, replay);
    expect(check).toMatchObject({ ok: true, turns: replay.turns.length, finalHash: stateHash(game), ending: game.ending });
    if (check.ok) expect(check.state).toEqual(game);
  });

  it('verifies a replay that went through JSON and parseReplay', () => {
    const parsed = parseReplay(JSON.parse(JSON.stringify(replay)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(verifyReplay(sc, parsed.replay).ok).toBe(true);
  });

  it('verifies games with human seats and their dilemma answers', () => {
    for (const seed of ['h1', 'h2', 'h3', 'h4', 'h5']) {
      const g = finished(seed, { lowland: 'human', upland: 'human' });
      expect(verifyReplay(sc, recordReplay(sc, g))).toMatchObject({ ok: true, finalHash: stateHash(g) });
    }
  });

  it('verifies a game still in progress, with no ending yet', () => {
    const g = step(sc, createGame(sc, { seed: 'mid', aiFuzz: 0.3 }), {}).state;
    const r = recordReplay(sc, g);
    expect(r).toMatchObject({ ending: null, aiFuzz: 0.3 });
    expect(verifyReplay(sc, r)).toMatchObject({ ok: true, turns: 1, ending: null });
  });

  it('fails at the turn whose hash was tampered with', () => {
    const bad = jsonCopy(replay);
    bad.turns[2]!.hash = '0'.repeat(64);
    expect(verifyReplay(sc, bad)).toEqual({ ok: false, turn: 3, message: expect.stringContaining('state hash differs after turn 3') });
  });

  it('names the first indicator that differs when a choice was changed', () => {
    const g = finished('changed', { upland: 'human' });
    const bad = jsonCopy(recordReplay(sc, g));
    bad.turns[0]!.choices.upland = { action: bad.turns[0]!.choices.upland!.action === 'upland_wait' ? 'build_dam' : 'upland_wait' };
    const check = verifyReplay(sc, bad);
    expect(check).toMatchObject({ ok: false, turn: 1 });
    if (!check.ok) expect(check.message).toMatch(/^state hash differs after turn 1: first difference: [A-Z]/);
  });

  it('names the turn and indicator when a recorded indicator value was changed though every hash still matches', () => {
    const bad = jsonCopy(replay);
    const id = sc.indicators[1]!.id;
    bad.turns[3]!.indicators[1]! += 1;
    const check = verifyReplay(sc, bad);
    expect(check).toMatchObject({ ok: false, turn: 4 });
    if (!check.ok) expect(check.message).toMatch(new RegExp(`^the recorded indicators of turn 4 differ from the replayed ones: .*\\(${id}\\) is recorded as `));
  });

  it('refuses recorded indicators of the wrong count', () => {
    const bad = jsonCopy(replay);
    bad.turns[0]!.indicators.push(1);
    expect(verifyReplay(sc, bad)).toEqual({
      ok: false,
      turn: 1,
      message: expect.stringContaining(`${sc.indicators.length + 1} values are recorded; the scenario has ${sc.indicators.length} indicators`),
    });
  });

  it.each(['9.9.9', '0.0.1', ''])('says plainly that a replay recorded with engine "%s" is of another engine version', (version) => {
    expect(verifyReplay(sc, { ...replay, engineVersion: version })).toEqual({
      ok: false,
      turn: null,
      message: expect.stringContaining(`this replay was recorded with engine ${version || '(none given)'}; this is engine`),
    });
  });

  it('refuses an answer to a dilemma that was not put to the seat', () => {
    const bad = jsonCopy(replay);
    bad.turns[0]!.choices.upland = { action: bad.turns[0]!.choices.upland!.action, dilemmas: { nosuch_event: 'yes' } };
    expect(verifyReplay(sc, bad)).toEqual({
      ok: false,
      turn: 1,
      message: expect.stringContaining('answers the dilemma "nosuch_event", which is not put to it this turn'),
    });
  });

  it('reports recorded choices that are not legal', () => {
    const bad = jsonCopy(replay);
    bad.turns[1]!.choices.upland = { action: 'launch_missiles' };
    expect(verifyReplay(sc, bad)).toEqual({
      ok: false,
      turn: 2,
      message: expect.stringContaining('the recorded choices are not legal: "launch_missiles" is not available to "upland"'),
    });
  });

  it('reports a tampered initial hash, final hash or ending', () => {
    expect(verifyReplay(sc, { ...replay, initialHash: 'f'.repeat(64) })).toEqual({
      ok: false,
      turn: 0,
      message: 'the initial state differs from the recorded one',
    });
    expect(verifyReplay(sc, { ...replay, finalHash: 'f'.repeat(64) })).toEqual({
      ok: false,
      turn: null,
      message: 'the final state hash differs from the recorded one',
    });
    expect(verifyReplay(sc, { ...replay, ending: 'nonsense' })).toEqual({
      ok: false,
      turn: null,
      message: expect.stringContaining('the recorded ending is nonsense'),
    });
  });

  it('reports turns recorded after the game ended, or out of order', () => {
    const extra: Replay = { ...replay, turns: [...replay.turns, { ...replay.turns.at(-1)!, turn: replay.turns.length + 1 }] };
    expect(verifyReplay(sc, extra)).toMatchObject({ ok: false, message: expect.stringContaining('the game already ended') });
    const skipped: Replay = { ...replay, turns: replay.turns.slice(1) };
    expect(verifyReplay(sc, skipped)).toEqual({ ok: false, turn: 2, message: 'expected turn 2, the game is at turn 1' });
  });

  it('refuses a replay of a changed scenario with a message saying it changed', () => {
    const def = loadScenarioFile('tutorial');
    def.indicators[0]!.initial = 46;
    const changed = compileOk(def);
    const check = verifyReplay(changed, replay);
    expect(check).toMatchObject({ ok: false, turn: null });
    if (!check.ok) {
      expect(check.message).toContain('the scenario "tutorial" has changed since this replay was recorded');
      expect(check.message).toContain(sc.hash.slice(0, 12));
      expect(check.message).toContain(changed.hash.slice(0, 12));
    }
  });

  it('refuses a replay of another scenario', () => {
    const def = loadScenarioFile('tutorial');
    def.id = 'other';
    expect(verifyReplay(compileOk(def), replay)).toEqual({ ok: false, turn: null, message: 'this replay is of scenario "tutorial", not "other"' });
  });

  it('reports a game that cannot start', () => {
    expect(verifyReplay(sc, { ...replay, seats: { atlantis: 'human' } })).toEqual({
      ok: false,
      turn: null,
      message: expect.stringContaining('cannot start the game: unknown actor "atlantis"'),
    });
  });
});

describe('parseReplay', () => {
  const replay = recordReplay(sc, finished('parse'));

  it('accepts a recorded replay', () => {
    expect(parseReplay(jsonCopy(replay))).toEqual({ ok: true, replay });
  });

  it('says when the value is not a replay at all', () => {
    expect(parseReplay(null)).toEqual({ ok: false, message: expect.stringMatching(/^not a valid replay: \(root\): /) });
    expect(parseReplay({ ...replay, format: 'savegame' })).toEqual({ ok: false, message: expect.stringMatching(/^not a valid replay: format: /) });
  });

  it('says which version it reads when the format version differs', () => {
    expect(parseReplay({ ...replay, formatVersion: 2 })).toEqual({
      ok: false,
      message: `this replay uses format version 2; this engine reads version ${REPLAY_VERSION}`,
    });
  });

  it('names the path of a broken field', () => {
    const bad = jsonCopy(replay) as unknown as { turns: Array<{ hash: string }> };
    bad.turns[0]!.hash = 'xyz';
    expect(parseReplay(bad)).toEqual({ ok: false, message: expect.stringMatching(/^not a valid replay: turns\[0\]\.hash: /) });
    const { seed: _seed, ...noSeed } = replay;
    expect(parseReplay(noSeed)).toEqual({ ok: false, message: expect.stringMatching(/^not a valid replay: seed: /) });
  });

  it('refuses unknown fields', () => {
    expect(parseReplay({ ...replay, cheat: true }).ok).toBe(false);
  });
});
