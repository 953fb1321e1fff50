import { describe, expect, it } from 'vitest';
import { actionDef, baseScenario, compileOk, loadScenario, pair } from '../../tests/unit/fixtures.js';
import { bandOf, explain, explainTargets } from './explain.js';
import { createGame } from './game.js';
import { step } from './step.js';
import { EngineError, type GameState } from './types.js';

const sc = loadScenario('tutorial');
function played(seed: string, turns: number): GameState {
  let s = createGame(sc, { seed });
  for (let t = 0; t < turns && !s.over; t++) s = step(sc, s, {}).state;
  return s;
}

describe('explain', () => {
  const s = played('why', 4);

  it('explains an indicator by its whole story, the latest turn and the net change per cause', () => {
    const e = explain(sc, s, 'indicator:tension');
    expect(e).toMatchObject({ target: 'indicator:tension', label: 'River tension', value: s.indicators[0] });
    expect(e.band).toBe(bandOf(sc.indicators[0]!.bands, s.indicators[0]!));
    expect(e.story).toEqual(s.history.flatMap((r) => r.ledger).filter((x) => x.target === 'indicator:tension'));
    expect(e.latest).toEqual(s.history.at(-1)!.ledger.filter((x) => x.target === 'indicator:tension'));
    const net = e.totals.reduce((t, x) => t + x.delta, 0);
    expect(net).toBeCloseTo(e.value - 45, 9);
    for (let i = 1; i < e.totals.length; i++) expect(Math.abs(e.totals[i - 1]!.delta)).toBeGreaterThanOrEqual(Math.abs(e.totals[i]!.delta));
    expect(new Set(e.totals.map((t) => t.cause)).size).toBe(e.totals.length);
    expect(e.rest).toBeUndefined();
    expect(e.modifiers).toBeUndefined();
  });

  it('names the drift "tempers cool with time" among the causes of tension', () => {
    const e = explain(sc, s, 'indicator:tension');
    expect(e.totals.find((t) => t.cause === 'tempers cool with time')).toEqual({ cause: 'tempers cool with time', delta: -8, leverage: 0 });
  });

  it('explains a stance by its resting point and the modifiers in force', () => {
    const e = explain(sc, s, 'stance:lowland>upland');
    expect(e.label).toBe('Lowland toward Upland');
    expect(e.rest).toBe(-20);
    const p = pair(sc, 'lowland', 'upland');
    expect(e.modifiers).toEqual(s.modifiers.filter((m) => m.pair === p).map(({ label, value, decay }) => ({ label, value, decay })));
    const sum = e.modifiers!.reduce((t, m) => t + m.value, e.rest!);
    expect(e.value).toBeCloseTo(Math.min(100, Math.max(-100, sum)), 9);
    expect(e.band).toBe(bandOf(sc.stanceBands, e.value));
    expect(e.story.every((x) => x.target === 'stance:lowland>upland')).toBe(true);
  });

  it("explains the opening's modifiers on a fresh game", () => {
    const g = createGame(sc, { seed: 'fresh' });
    const e = explain(sc, g, 'stance:lowland>upland');
    expect(e.modifiers).toEqual([
      { label: 'starting relations', value: -30, decay: 0.2 },
      { label: 'ground broken on the dam', value: -5, decay: 0.2 },
    ]);
    expect(e.latest).toEqual([expect.objectContaining({ delta: -5, cause: expect.objectContaining({ kind: 'event', id: 'opening' }) })]);
    expect(e.value).toBe(-55);
    expect(e.band).toBe('cold');
  });

  it('explains a stance with no modifiers as its resting point', () => {
    const g = createGame(sc, { seed: 'fresh' });
    expect(explain(sc, g, 'stance:upland>harbor')).toMatchObject({ value: 30, rest: 30, modifiers: [], story: [], latest: [], totals: [], band: 'cordial' });
  });

  it('explains a flow by its label and value, with no band', () => {
    const s2 = step(sc, createGame(sc, { seed: 'f', seats: { harbor: 'human' } }), { harbor: { action: 'trade_reward' } }).state;
    const e = explain(sc, s2, 'flow:harbor_lowland_trade');
    expect(e).toMatchObject({ label: "Harbor's purchases of Lowland's crops", value: 60, band: null });
    expect(e.latest).toEqual([
      {
        turn: 1,
        target: 'flow:harbor_lowland_trade',
        delta: 10,
        value: 60,
        cause: { kind: 'action', id: 'trade_reward', actor: 'harbor', label: 'Reward restraint with trade' },
      },
    ]);
    expect(e.totals).toEqual([{ cause: 'Reward restraint with trade', delta: 10, leverage: 0 }]);
  });

  it('explains a flag', () => {
    const e = explain(sc, createGame(sc, { seed: 'f' }), 'flag:treaty_signed');
    expect(e).toMatchObject({ label: 'Water treaty signed', value: 0, band: null, story: [] });
  });

  it('explains every target explainTargets lists, and lists no stance of an actor toward itself', () => {
    const targets = explainTargets(sc);
    expect(targets).toHaveLength(4 + 6 + 3 + 1);
    expect(targets).toContain('stance:upland>lowland');
    expect(targets).not.toContain('stance:upland>upland');
    for (const t of targets) expect(explain(sc, s, t).target).toBe(t);
  });

  it('refuses targets that name nothing, with a hint of the forms it takes', () => {
    for (const bad of ['indicator:nope', 'flow:nope', 'flag:nope', 'tension', '', 'actor:upland', 'indicator:', 'stance:', 'stance:upland']) {
      expect(() => explain(sc, s, bad)).toThrow(EngineError);
      expect(() => explain(sc, s, bad)).toThrow(`nothing to explain at "${bad}"; try indicator:<id>, stance:<from>><to>, flow:<id> or flag:<id>`);
    }
  });

  it('refuses a stance of an actor toward itself or toward an unknown actor', () => {
    expect(() => explain(sc, s, 'stance:upland>upland')).toThrow('unknown stance "upland>upland"');
    expect(() => explain(sc, s, 'stance:upland>atlantis')).toThrow('unknown stance "upland>atlantis"');
  });

  it('sums the changes of one cause over several turns', () => {
    const fx = compileOk(baseScenario({ actions: [actionDef('push', 'a', { effects: [{ indicator: 'x', add: 3 }] }), actionDef('b_wait', 'b')] }));
    let g = createGame(fx, { seed: 's' });
    for (let i = 0; i < 3; i++) g = step(fx, g, {}).state;
    expect(explain(fx, g, 'indicator:x').totals).toEqual([{ cause: 'Do push', delta: 9, leverage: 0 }]);
  });
});

describe('bandOf', () => {
  const bands = [
    { upTo: 30, label: 'calm' },
    { upTo: 60, label: 'tense' },
    { upTo: 100, label: 'critical' },
  ];

  it('gives the first band whose upper bound the value does not exceed', () => {
    expect([0, 30, 30.01, 60, 61, 100].map((v) => bandOf(bands, v))).toEqual(['calm', 'calm', 'tense', 'tense', 'critical', 'critical']);
  });

  it('puts values above every bound in the last band, and gives null without bands', () => {
    expect(bandOf(bands, 1000)).toBe('critical');
    expect(bandOf([], 5)).toBeNull();
  });

  it('names the default stance bands', () => {
    expect([-100, -60, -59, -20, 0, 20, 21, 60, 61, 100].map((v) => bandOf(sc.stanceBands, v))).toEqual([
      'hostile',
      'hostile',
      'cold',
      'cold',
      'wary',
      'wary',
      'cordial',
      'cordial',
      'aligned',
      'aligned',
    ]);
  });
});
