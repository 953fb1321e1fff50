import { describe, expect, it } from 'vitest';
import { createGame, step } from '../../src/engine/index.js';
import {
  actionDef,
  baseScenario,
  compileOk,
  deepFreeze,
  diagnosticsOf,
  ledgerSums,
  ledgerValues,
  loadScenario,
  pair,
  playOut,
  stanceOf,
  valueOf,
} from './fixtures.js';

describe('test fixtures', () => {
  it('build a minimal scenario that passes the schema and compiles without diagnostics', () => {
    expect(diagnosticsOf(baseScenario())).toEqual([]);
    const sc = compileOk(baseScenario());
    expect(sc.actors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(sc.indicators.map((i) => [i.id, i.owner])).toEqual([
      ['x', -1],
      ['ax', 0],
      ['bx', 1],
    ]);
  });

  it('build a fresh scenario object on every call, so tests can change it freely', () => {
    const one = baseScenario();
    one.actions.push(actionDef('extra', 'a'));
    expect(baseScenario().actions).toHaveLength(2);
  });

  it('report a fixture that fails the schema or does not compile', () => {
    expect(() => compileOk({ ...baseScenario(), id: 'Bad Id' })).toThrow('fixture fails the schema');
    expect(() => compileOk(baseScenario({ endings: [{ id: 'e', title: 'E', text: 'E.', when: 'x > 1' }] }))).toThrow('endings: no fallback ending');
  });

  it('freeze a value deeply', () => {
    const v = deepFreeze({ a: [1, { b: 2 }], c: { d: [3] } });
    expect(Object.isFrozen(v.a[1])).toBe(true);
    expect(Object.isFrozen(v.c.d)).toBe(true);
    expect(() => {
      (v.c.d as number[]).push(4);
    }).toThrow();
  });

  it('read values, stances and ledger sums of a state', () => {
    const sc = loadScenario('tutorial');
    const g = createGame(sc, { seed: 'fx' });
    expect(valueOf(sc, g, 'tension')).toBe(g.indicators[sc.indicatorIndex.get('tension')!]);
    expect(valueOf(sc, g, 'dam')).toBe(10);
    expect(stanceOf(sc, g, 'upland', 'harbor')).toBe(30);
    expect(pair(sc, 'upland', 'lowland')).toBe(1);
    expect(ledgerValues(sc, g).get('flow:harbor_lowland_trade')).toBe(50);
    expect(ledgerSums(g.history.at(0)!.ledger).get('stance:lowland>upland')).toBe(-5);
    const end = playOut(sc, g);
    expect(end.over).toBe(true);
    expect(() => step(sc, end, {})).toThrow();
  });
});
