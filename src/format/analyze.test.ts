// Static analysis: cycles are errors, impossibilities are warnings, and nothing that could happen is flagged.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../engine/compile.js';
import { formatPath } from '../engine/diagnostics.js';
import { scenarioSchema, type ActionDef, type ScenarioFile } from '../engine/schema.js';
import { analyzeScenario } from './analyze.js';

const baseText = readFileSync(new URL('../../tests/broken/_base.json', import.meta.url), 'utf8');

function analyze(change: (s: ScenarioFile) => void): Array<[string, string, string]> {
  const s = JSON.parse(baseText) as ScenarioFile;
  change(s);
  const compiled = compileScenario(scenarioSchema.parse(s));
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
  return analyzeScenario(compiled.scenario).map((d) => [d.severity, formatPath(d.path), d.message]);
}

const action = (id: string, actor: string, extra: Partial<ActionDef> = {}): ActionDef => ({ id, actor, label: id, description: `The ${id} action.`, ...extra });
const needs = (when: string) => ({ requires: [{ label: `needs ${when}`, when }] });

describe('analyzeScenario', () => {
  it('finds nothing to say about the base scenario', () => {
    expect(analyze(() => {})).toEqual([]);
  });

  it('reports a requirement cycle of three actions once, as an error naming the cycle', () => {
    const found = analyze((s) => {
      s.actions.push(
        action('a', 'upland', needs('taken(b)')),
        action('b', 'upland', needs('taken(c) > 0 and tension < 90')),
        action('c', 'upland', needs('taken(a) >= 1')),
      );
    });
    expect(found).toEqual([['error', 'actions[4].requires[0].when', expect.stringContaining('requirement cycle a → b → c → a')]]);
  });

  it('reports an action that requires itself', () => {
    expect(
      analyze((s) => {
        s.actions.push(action('a', 'upland', needs('taken(a)')));
      }),
    ).toEqual([['error', 'actions[4].requires[0].when', expect.stringContaining('"a" requires taken(a)')]]);
  });

  it('sees no cycle where a requirement can also be met another way', () => {
    expect(
      analyze((s) => {
        s.actions.push(action('a', 'upland', needs('taken(b) or tension > 50')), action('b', 'upland', needs('taken(a)')));
        s.actions.push(action('c', 'upland', needs('not taken(d)')), action('d', 'upland', needs('taken(c) == 0')));
      }),
    ).toEqual([]);
  });

  it('warns about actions that can never be visible, met or afforded, and about actions that wait for them', () => {
    const found = analyze((s) => {
      s.actions.push(action('hidden', 'upland', { visible: 'stance(upland, lowland) > 100' }));
      s.actions.push(action('late', 'upland', needs('turn > 7')));
      s.actions.push(action('dear', 'upland', { cost: [{ indicator: 'dam', amount: 101 }] }));
      s.actions.push(action('after', 'upland', needs('taken(dear) > 0')));
      s.actions.push(action('fine', 'upland', { ...needs('turn >= 6 and leverage(harbor, lowland) >= 1'), cost: [{ indicator: 'dam', amount: 100 }] }));
    });
    expect(found).toEqual([
      ['warning', 'actions[4].visible', expect.stringContaining('"hidden" is never available: its "visible" condition can never be true')],
      ['warning', 'actions[5].requires[0].when', expect.stringContaining('"late" is never available')],
      ['warning', 'actions[6].cost[0].amount', expect.stringContaining('costs 101 of "dam", whose whole range is only 100 wide')],
      ['warning', 'actions[7].requires[0].when', expect.stringContaining('requires taken(dear), which can never be taken')],
    ]);
  });

  it('warns about endings and events that can never happen', () => {
    const found = analyze((s) => {
      s.endings[0]!.when = 'flow(harbor_aid) > 100';
      s.endings[1]!.atTimeLimit = 'tension < 0';
      s.events!.push({ id: 'never', title: 'Never', text: 'No trigger.' });
      s.events!.push({ id: 'unlikely', title: 'Unlikely', text: 'No chance.', when: 'tension > 10', chance: 'min(0, tension)' });
      s.events!.push({ id: 'impossible', title: 'Impossible', text: 'Never true.', when: 'flag(treaty_signed) > 1000000000' });
    });
    expect(found).toEqual([
      ['warning', 'endings[0].when', 'ending "clash": "when" can never be true, so this ending is never reached'],
      ['warning', 'endings[1].atTimeLimit', 'ending "treaty": "atTimeLimit" can never be true'],
      ['warning', 'events[1]', 'event "never" has no "turn", "when" or "chance", so it never fires'],
      ['warning', 'events[2].chance', 'event "unlikely" never fires: its chance is never above 0'],
      ['warning', 'events[3].when', 'event "impossible" never fires: its "when" condition can never be true'],
    ]);
  });

  it('warns about dilemmas for actors without actions and actors without an always-available action', () => {
    const found = analyze((s) => {
      s.actions = s.actions.filter((a) => a.actor !== 'harbor');
      s.actions[0]!.cooldown = 1;
      s.events![0]!.dilemma = {
        actor: 'harbor',
        prompt: 'Choose.',
        options: [
          { id: 'yes', label: 'Yes', effects: [] },
          { id: 'no', label: 'No', effects: [] },
        ],
      };
    });
    expect(found).toEqual([
      ['warning', 'events[0].dilemma.actor', 'event "flood" puts a dilemma to "harbor", an actor with no actions of its own'],
      ['warning', 'actors[0]', 'actor "upland" has no action that is always available, so on some turns it may be left with only "Hold course"'],
      ['warning', 'actors[2]', 'actor "harbor" has no actions; it can only "Hold course"'],
    ]);
  });

  it('never calls a requirement impossible when some indicator value meets it', () => {
    const ops = ['<', '<=', '>', '>=', '==', '!='] as const;
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.integer({ min: -20, max: 120 }), (op, c) => {
        const found = analyze((s) => {
          s.actions.push(action('probe', 'upland', needs(`tension ${op} ${c}`)));
        });
        const claimed = found.some(([, path]) => path === 'actions[4].requires[0].when');
        const possible = Array.from({ length: 101 }, (_, t) => t).some((t) =>
          op === '<' ? t < c : op === '<=' ? t <= c : op === '>' ? t > c : op === '>=' ? t >= c : op === '==' ? t === c : t !== c,
        );
        expect(claimed).toBe(!possible);
      }),
      { numRuns: 150 },
    );
  });
});
