import { describe, expect, it } from 'vitest';
import { loadScenario, playOut } from '../../tests/unit/fixtures.js';
import { createGame, recordReplay, stateHash } from '../engine/index.js';
import { replayFrames } from './replayFrames.js';

const flagship = loadScenario('party-congress');
const tutorial = loadScenario('tutorial');

describe('replayFrames', () => {
  const game = playOut(flagship, createGame(flagship, { seed: 'frames-1' }));
  const replay = recordReplay(flagship, game);

  it('gives one frame per recorded turn whose state matches the recorded hash and indicators', () => {
    const r = replayFrames(flagship, replay);
    if (!r.ok) throw new Error(r.message);
    expect(r.frames.map((f) => f.turn)).toEqual(replay.turns.map((t) => t.turn));
    r.frames.forEach((f, k) => {
      expect(stateHash(f.after)).toBe(replay.turns[k]!.hash);
      expect(f.indicators.map((i) => i.after)).toEqual(replay.turns[k]!.indicators);
    });
    expect(r.ending).toBe(game.ending);
  });

  it("lists every actor's choice by label with the odds and roll of an uncertain one, and each turn starts where the last ended", () => {
    const r = replayFrames(flagship, replay);
    if (!r.ok) throw new Error(r.message);
    for (const f of r.frames) expect(f.choices.map((c) => c.actor)).toEqual(flagship.def.actors.map((a) => a.id));
    const rolled = r.frames.flatMap((f) => f.choices).filter((c) => c.odds !== null);
    expect(rolled.length).toBeGreaterThan(0);
    for (const c of rolled) expect(c.roll).not.toBeNull();
    const labels = new Set(flagship.def.actions.map((a) => a.label));
    for (const c of r.frames[0]!.choices) expect(labels.has(c.label) || c.action === 'pass').toBe(true);
    for (let k = 1; k < r.frames.length; k++) expect(r.frames[k]!.indicators.map((i) => i.before)).toEqual(r.frames[k - 1]!.indicators.map((i) => i.after));
  });

  it("scores every role's objectives after each turn", () => {
    const r = replayFrames(flagship, replay);
    if (!r.ok) throw new Error(r.message);
    expect(r.frames.at(-1)!.objectives.map((o) => o.actor)).toEqual(flagship.actors.map((a) => a.id));
    expect(r.frames.at(-1)!.objectives.every((o) => o.objectives.length > 0)).toBe(true);
  });

  it('refuses a replay whose choice of turn 3 was changed, naming turn 3', () => {
    const tampered = structuredClone(replay);
    const t3 = tampered.turns[2]!;
    const [actor] = Object.keys(t3.choices);
    const other = replay.turns
      .flatMap((t) => Object.values(t.choices).map((c) => c.action))
      .find((a) => a !== t3.choices[actor!]!.action && flagship.def.actions.some((d) => d.id === a && d.actor === actor));
    t3.choices[actor!] = { action: other ?? 'pass' };
    const r = replayFrames(flagship, tampered);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.turn).toBe(3);
      expect(r.message).toContain('turn 3');
    }
  });

  it('refuses a replay of another scenario', () => {
    const r = replayFrames(tutorial, replay);
    expect(r).toMatchObject({ ok: false, turn: null });
  });
});
