import { describe, expect, it } from 'vitest';
import { createGame, objectiveStatus } from '../engine/index.js';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { indicatorOrder } from './indicatorOrder.js';

const sc = loadScenario('party-congress');

describe('dashboard order', () => {
  it("puts the role's own indicators first, then those its objectives read, then the rest in scenario order", () => {
    const s = createGame(sc, { seed: 'order' });
    const order = indicatorOrder(sc.def, 'sk', objectiveStatus(sc, s, 'sk'));
    expect(order.slice(0, 3).map((i) => sc.def.indicators[i]!.id)).toEqual(['sk_security', 'sk_capital', 'inter_korean']);
    expect([...order].sort((x, y) => x - y)).toEqual(sc.def.indicators.map((_, i) => i));
    const rest = order.slice(3);
    expect(rest).toEqual([...rest].sort((x, y) => x - y));
  });

  it('keeps scenario order when the AI plays every seat', () => {
    expect(indicatorOrder(sc.def, null)).toEqual(sc.def.indicators.map((_, i) => i));
  });
});
