import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import { objectiveStatus } from './objectiveTerms.js';
import { scoreObjectives } from './objectives.js';

const sc = loadScenario('party-congress');

describe('objective status', () => {
  it('agrees with the scoring on which objectives are met, for every role', () => {
    const s = createGame(sc, { seed: 'terms' });
    for (const a of sc.def.actors) {
      const scored = scoreObjectives(sc, s)
        .find((x) => x.actor === a.id)!
        .objectives.filter((o) => o.kind === 'objective');
      expect(objectiveStatus(sc, s, a.id).map((o) => [o.id, o.met])).toEqual(scored.map((o) => [o.id, o.met]));
    }
  });

  it("names each comparison by the indicator's label with its threshold and the value now", () => {
    const s = createGame(sc, { seed: 'terms' });
    const security = objectiveStatus(sc, s, 'sk').find((o) => o.id === 'sk_obj_security')!;
    const i = sc.indicatorIndex.get('sk_security')!;
    expect(security.terms).toEqual([
      {
        kind: 'indicator',
        id: 'sk_security',
        label: 'South Korean public confidence',
        op: '>=',
        threshold: 60,
        value: s.indicators[i],
        met: s.indicators[i]! >= 60,
      },
    ]);
    expect(security.join).toBeNull();
  });

  it('splits "or" and "and" conditions into their comparisons, flags and flows included', () => {
    const s = createGame(sc, { seed: 'terms' });
    const cap = objectiveStatus(sc, s, 'us').find((o) => o.id === 'us_obj_cap')!;
    expect(cap.join).toBe('or');
    expect(cap.terms.map((t) => [t.kind, t.id, t.op, t.threshold])).toEqual([
      ['flag', 'freeze', '>=', 1],
      ['indicator', 'nk_arsenal', '<', 58],
    ]);
    const regime = objectiveStatus(sc, s, 'nk').find((o) => o.id === 'nk_obj_regime')!;
    expect(regime.join).toBe('and');
    expect(regime.terms.map((t) => t.id)).toEqual(['nk_regime', 'nk_economy']);
    const partner = objectiveStatus(sc, s, 'ru').find((o) => o.id === 'ru_obj_partner')!;
    expect(partner.terms[0]).toMatchObject({ kind: 'stance', id: 'nk>ru', label: 'North Korea toward Russia', threshold: 75 });
  });

  it('judges met and the values on the readings it is given instead of the truth', () => {
    const s = createGame(sc, { seed: 'terms' });
    const i = sc.indicatorIndex.get('sk_security')!;
    const seen = [...s.indicators];
    seen[i] = 99;
    const security = objectiveStatus(sc, s, 'sk', seen).find((o) => o.id === 'sk_obj_security')!;
    expect(security.met).toBe(true);
    expect(security.terms[0]!.value).toBe(99);
  });
});
