import { describe, expect, it } from 'vitest';
import { baseScenario, compileOk, diagnosticsOf, indicatorDef } from '../../tests/unit/fixtures.js';
import { compileScenario } from './compile.js';
import { formatPath } from './diagnostics.js';
import { scenarioSchema, type ScenarioFile } from './schema.js';

type Groups = Array<{ roles: string[]; error: number }>;

/** The base fixture (actors a, b, c; x global, ax owned by a) with `groups` as the estimate of `on`. */
function withEstimate(groups: Groups, on: 'x' | 'ax' = 'x', extra: Record<string, unknown> = {}): ScenarioFile {
  const base = baseScenario();
  const actors = [...base.actors, { ...base.actors[1]!, id: 'c', name: 'Actor c' }];
  const indicators = [indicatorDef('x'), indicatorDef('ax', { actor: 'a' })].map((d) => (d.id === on ? { ...d, estimate: { groups, ...extra } } : d));
  return { ...base, actors, indicators };
}

function errorsOf(def: ScenarioFile): string[] {
  return diagnosticsOf(def)
    .filter((d) => d.severity === 'error')
    .map((d) => `${formatPath(d.path)}: ${d.message}`);
}

describe("compiling an indicator's estimate", () => {
  it("gives each listed actor its group's error and every other actor 0", () => {
    const sc = compileOk(
      withEstimate(
        [
          { roles: ['b'], error: 8 },
          { roles: ['c'], error: 3 },
        ],
        'ax',
      ),
    );
    expect(sc.indicators[sc.indicatorIndex.get('ax')!]!.estimateError).toEqual([0, 8, 3]);
    expect(sc.indicators[sc.indicatorIndex.get('x')!]!.estimateError).toEqual([0, 0, 0]);
  });

  it('reports an unknown role at its JSON path, listing the actors', () => {
    expect(errorsOf(withEstimate([{ roles: ['b', 'zz'], error: 5 }]))).toEqual([
      'indicators[0].estimate.groups[0].roles[1]: unknown actor "zz"; expected one of: a, b, c',
    ]);
  });

  it("refuses to list the indicator's own actor", () => {
    expect(
      errorsOf(
        withEstimate(
          [
            { roles: ['b'], error: 5 },
            { roles: ['a'], error: 2 },
          ],
          'ax',
        ),
      ),
    ).toEqual(['indicators[1].estimate.groups[1].roles[0]: "a" owns this indicator and always sees it exactly; list only other roles']);
  });

  it('refuses a role listed twice, in one group or in two', () => {
    expect(errorsOf(withEstimate([{ roles: ['b', 'b'], error: 5 }]))).toEqual([
      'indicators[0].estimate.groups[0].roles[1]: "b" is listed twice (first at estimate.groups[0].roles[0]); a role sees one estimate',
    ]);
    expect(
      errorsOf(
        withEstimate([
          { roles: ['b'], error: 5 },
          { roles: ['c', 'b'], error: 2 },
        ]),
      ),
    ).toEqual(['indicators[0].estimate.groups[1].roles[1]: "b" is listed twice (first at estimate.groups[0].roles[0]); a role sees one estimate']);
  });

  it("refuses an error as large as the indicator's whole range", () => {
    expect(errorsOf(withEstimate([{ roles: ['b'], error: 100 }]))).toEqual([
      "indicators[0].estimate.groups[0].error: error 100 is not smaller than the indicator's range (0 to 100); such an estimate tells nothing",
    ]);
    expect(errorsOf(withEstimate([{ roles: ['b'], error: 99 }]))).toEqual([]);
  });

  it("checks the estimate's sources like every other list of sources", () => {
    expect(errorsOf(withEstimate([{ roles: ['b'], error: 5 }], 'x', { sources: ['src', 'nope'] }))).toEqual([
      'indicators[0].estimate.sources[1]: unknown source "nope"; expected one of: src',
    ]);
  });

  it('is optional: a scenario without any estimate compiles with every error 0', () => {
    const out = compileScenario(baseScenario());
    expect(out.ok && out.scenario.indicators.every((i) => i.estimateError.every((e) => e === 0))).toBe(true);
  });
});

describe('the estimate in the schema', () => {
  const parses = (groups: unknown) => scenarioSchema.safeParse({ ...withEstimate([]), indicators: [{ ...indicatorDef('x'), estimate: { groups } }] }).success;

  it('accepts whole errors from 1 and at least one role per group', () => {
    expect(parses([{ roles: ['b'], error: 1 }])).toBe(true);
  });

  it('rejects no groups, a group without roles, and an error that is zero, negative or a fraction', () => {
    expect(parses([])).toBe(false);
    expect(parses([{ roles: [], error: 4 }])).toBe(false);
    expect(parses([{ roles: ['b'], error: 0 }])).toBe(false);
    expect(parses([{ roles: ['b'], error: -3 }])).toBe(false);
    expect(parses([{ roles: ['b'], error: 2.5 }])).toBe(false);
  });

  it('rejects unknown keys in an estimate', () => {
    expect(
      scenarioSchema.safeParse({ ...withEstimate([]), indicators: [{ ...indicatorDef('x'), estimate: { groups: [{ roles: ['b'], error: 2 }], errors: 3 } }] })
        .success,
    ).toBe(false);
  });
});
