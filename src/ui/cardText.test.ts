import { describe, expect, it } from 'vitest';
import { changeText, previewLines } from '../analysis/previewText.js';
import { createGame, legalChoices, previewAction, type ActionView } from '../engine/index.js';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { cardDescription, cardSlots, costText, oddsFactorLines, previewFull, previewShort } from './cardText.js';

const sc = loadScenario('party-congress');
const s = createGame(sc, { seed: 'cards' });
const view = (id: string): ActionView => ({ id, label: id, description: '', tags: [], available: true, missing: [], cost: [], odds: null });

describe('card text', () => {
  it("keeps a hidden action's slot so the cards after it keep their numbers, and puts extra views last", () => {
    const slots = cardSlots(['a', 'b', 'c'], [view('a'), view('c'), view('pass')], () => null);
    expect(slots.map((x) => [x.id, x.view !== null])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
      ['pass', true],
    ]);
  });

  it('names every odds factor for or against, and says which are not in force', () => {
    expect(
      oddsFactorLines({
        base: 40,
        total: 60,
        factors: [
          { label: 'Harbor backs the talks', add: 20, applies: true },
          { label: 'high tension', add: -15, applies: false },
        ],
      }),
    ).toEqual(['For: +20 Harbor backs the talks', 'Against: −15 high tension (not in force now)']);
  });

  it("names the cost by the indicator's label", () => {
    const aid = legalChoices(sc, s, 'sk').actions.find((a) => a.cost.length > 0)!;
    expect(costText(aid)).toBe(`Cost: ${aid.cost.map((c) => `${Math.round(c.amount * 10) / 10} ${c.name}`).join(', ')}`);
    expect(costText(aid)).toContain(sc.def.indicators[sc.indicatorIndex.get(aid.cost[0]!.indicator)!]!.name);
  });

  it("puts the one or two largest changes of the preview on the card, in previewLines' words", () => {
    for (const a of legalChoices(sc, s, 'sk').actions) {
      const p = previewAction(sc, s, 'sk', a.id);
      const short = previewShort(p);
      const parts = short.split('; ');
      expect(parts.length).toBeLessThanOrEqual(2);
      const words = new Set(p.changes.map(changeText));
      for (const part of parts) expect(words.has(part.replace(/^if it (succeeds|fails): /, '')) || part === 'Changes nothing directly').toBe(true);
      expect(previewFull(p)).toEqual(previewLines(p));
    }
  });

  it('tells a screen reader the whole card, preview included', () => {
    const a = legalChoices(sc, s, 'sk').actions.find((x) => x.odds)!;
    const p = previewAction(sc, s, 'sk', a.id);
    const text = cardDescription(a, p);
    expect(text).toContain(a.description);
    for (const f of a.odds!.factors) expect(text).toContain(f.label);
    for (const line of previewLines(p)) expect(text).toContain(line);
  });
});
