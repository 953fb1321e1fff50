import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileOk, deepFreeze, loadScenarioFile } from '../../tests/unit/fixtures.js';
import { legalChoices } from './choices.js';
import { createGame } from './game.js';
import { stateHash } from './hash.js';
import type { ScenarioFile } from './schema.js';
import { step } from './step.js';
import { EngineError, type Choices, type GameState, type Scenario } from './types.js';
import { estimateGroups, estimateOf, sharedView, vagueChanges, viewFor, type Reading } from './view.js';

/** The tutorial with estimates of its own: Lowland reads Upland's economy ±5 and the dam ±12, Harbor reads tension ±3. */
function estimatedTutorial(): Scenario {
  const def = loadScenarioFile('tutorial');
  const est: Record<string, NonNullable<ScenarioFile['indicators'][number]['estimate']>> = {
    upland_economy: { groups: [{ roles: ['lowland'], error: 5 }] },
    dam: {
      groups: [
        { roles: ['lowland'], error: 12 },
        { roles: ['harbor'], error: 4 },
      ],
    },
    tension: { groups: [{ roles: ['harbor'], error: 3 }] },
  };
  return compileOk({ ...def, indicators: def.indicators.map((d) => ({ ...d, estimate: est[d.id] })) });
}

const sc = estimatedTutorial();

/** Plays a game to the end with every seat human, each picking an available action by the numbers in `picks`. */
function playAll(seed: string, picks: readonly number[]): GameState[] {
  const seats = Object.fromEntries(sc.actors.map((a) => [a.id, 'human' as const]));
  let s = createGame(sc, { seed, seats });
  const states = [s];
  let k = 0;
  while (!s.over) {
    const choices: Choices = {};
    for (const a of sc.actors) {
      const menu = legalChoices(sc, s, a.id);
      const open = menu.actions.filter((x) => x.available);
      const dilemmas = Object.fromEntries(menu.dilemmas.map((d) => [d.event, d.options[(picks[k++ % picks.length] ?? 0) % d.options.length]!.id]));
      choices[a.id] = { action: open[(picks[k++ % picks.length] ?? 0) % open.length]!.id, dilemmas };
    }
    s = step(sc, s, choices).state;
    states.push(s);
  }
  return states;
}

const gameArb = fc.record({ seed: fc.string({ minLength: 1, maxLength: 16 }), picks: fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 30 }) });

/** Every reading of a view (now and in its history) beside the true value it reads. */
function pairs(s: GameState, actor: string): Array<{ r: Reading; truth: number; i: number }> {
  const v = viewFor(sc, s, actor);
  const out = v.indicators.map((r, i) => ({ r, truth: s.indicators[i]!, i }));
  v.history.forEach((h, t) => h.indicators.forEach((r, i) => out.push({ r, truth: s.history.at(t)!.indicators[i]!, i })));
  return out;
}

describe('viewFor: properties over random games', () => {
  it('never changes the state or its hash (the state is frozen while it is viewed)', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, picks }) => {
        for (const s of playAll(seed, picks)) {
          const before = stateHash(s);
          const json = JSON.stringify(s);
          deepFreeze(s);
          for (const a of sc.actors) viewFor(sc, s, a.id);
          sharedView(
            sc,
            s,
            sc.actors.map((a) => a.id),
          );
          expect(stateHash(s)).toBe(before);
          expect(JSON.stringify(s)).toBe(json);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("shows a role every indicator it is not listed for exactly, and Upland (listed nowhere) exactly the state's numbers", () => {
    fc.assert(
      fc.property(gameArb, ({ seed, picks }) => {
        for (const s of playAll(seed, picks)) {
          for (const actor of ['lowland', 'harbor']) {
            const a = sc.actorIndex.get(actor)!;
            for (const { r, truth, i } of pairs(s, actor)) {
              if (sc.indicators[i]!.estimateError[a] === 0) expect(r).toEqual({ exact: true, value: truth });
            }
          }
          const v = viewFor(sc, s, 'upland');
          expect(v.estimated).toEqual([]);
          expect(v.indicators).toEqual(s.indicators.map((value) => ({ exact: true, value })));
          expect(v.history.map((h) => h.indicators.map((r) => r.value))).toEqual(s.history.map((h) => h.indicators));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('keeps every estimate a whole number within its error of the truth and inside the range, with the truth between low and high', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, picks }) => {
        for (const s of playAll(seed, picks)) {
          for (const actor of ['lowland', 'harbor']) {
            for (const { r, truth, i } of pairs(s, actor)) {
              const ind = sc.indicators[i]!;
              const error = ind.estimateError[sc.actorIndex.get(actor)!]!;
              expect(r.exact).toBe(error === 0);
              if (r.exact) continue;
              expect(r.error).toBe(error);
              expect(Number.isInteger(r.value)).toBe(true);
              expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(error);
              expect(r.value).toBeGreaterThanOrEqual(ind.min);
              expect(r.value).toBeLessThanOrEqual(ind.max);
              expect(r.low).toBe(Math.max(ind.min, r.value - error));
              expect(r.high).toBe(Math.min(ind.max, r.value + error));
              expect(truth).toBeGreaterThanOrEqual(r.low);
              expect(truth).toBeLessThanOrEqual(r.high);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same readings for the same seed and turn, and the current reading is the last one of the history', () => {
    fc.assert(
      fc.property(gameArb, ({ seed, picks }) => {
        const a = playAll(seed, picks);
        const b = playAll(seed, picks);
        a.forEach((s, t) => {
          for (const actor of ['lowland', 'harbor']) {
            const v = viewFor(sc, s, actor);
            expect(viewFor(sc, b[t]!, actor)).toEqual(v);
            expect(viewFor(sc, JSON.parse(JSON.stringify(s)) as GameState, actor)).toEqual(v);
            expect(v.history.at(-1)!.indicators).toEqual(v.indicators);
            expect(v.history.map((h) => h.indicators)).toEqual(
              viewFor(sc, a[a.length - 1]!, actor)
                .history.slice(0, t + 1)
                .map((h) => h.indicators),
            );
          }
        });
      }),
      { numRuns: 20 },
    );
  });
});

describe('viewFor: readings', () => {
  it('takes a new reading each turn and differs between seeds, even when the truth stands still', () => {
    const readings = new Set<number>();
    for (let turn = 1; turn <= 40; turn++) readings.add(estimateOf(1234, turn, 2, 1, 50, 5, 0, 100).value);
    expect(readings.size).toBeGreaterThan(6);
    const bySeed = new Set(Array.from({ length: 30 }, (_, k) => viewFor(sc, createGame(sc, { seed: `seed-${k}` }), 'lowland').indicators[2]!.value));
    expect(bySeed.size).toBeGreaterThan(5);
  });

  it('reaches every whole number within the error, evenly, and none beyond it', () => {
    const counts = new Map<number, number>();
    for (let turn = 0; turn < 11000; turn++) {
      const v = estimateOf(99, turn, 0, 0, 40.4, 5, 0, 100).value;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([36, 37, 38, 39, 40, 41, 42, 43, 44, 45]);
    for (const c of counts.values()) expect(c).toBeGreaterThan(900);
  });

  it('stays inside the range near its ends', () => {
    for (let turn = 0; turn < 500; turn++) {
      const e = estimateOf(7, turn, 1, 1, 1.5, 8, 0, 100);
      expect(e.value).toBeGreaterThanOrEqual(0);
      expect(e.value).toBeLessThanOrEqual(9);
      expect(e.low).toBe(Math.max(0, e.value - 8));
      expect(estimateOf(7, turn, 1, 1, 99, 8, 0, 100).high).toBeLessThanOrEqual(100);
    }
  });

  it('reads differently for different roles with the same error', () => {
    const two = compileOk({
      ...loadScenarioFile('tutorial'),
      indicators: loadScenarioFile('tutorial').indicators.map((d) =>
        d.id === 'tension' ? { ...d, estimate: { groups: [{ roles: ['upland', 'lowland'], error: 9 }] } } : d,
      ),
    });
    let differ = 0;
    for (let k = 0; k < 20; k++) {
      const s = createGame(two, { seed: `s${k}` });
      if (viewFor(two, s, 'upland').indicators[0]!.value !== viewFor(two, s, 'lowland').indicators[0]!.value) differ++;
    }
    expect(differ).toBeGreaterThan(10);
  });

  it('lists the indicators a role sees only as estimates, and throws an EngineError for an unknown actor', () => {
    const s = createGame(sc, { seed: 'x' });
    expect(viewFor(sc, s, 'lowland').estimated).toEqual(['dam', 'upland_economy']);
    expect(viewFor(sc, s, 'harbor').estimated).toEqual(['tension', 'dam']);
    expect(() => viewFor(sc, s, 'nobody')).toThrow(EngineError);
  });
});

describe('sharedView', () => {
  const s = createGame(sc, { seed: 'shared' });

  it('shows each indicator as the least-informed of the seats sees it', () => {
    const v = sharedView(sc, s, ['harbor', 'lowland']);
    const lowland = viewFor(sc, s, 'lowland');
    const harbor = viewFor(sc, s, 'harbor');
    expect(v.actors).toEqual(['lowland', 'harbor']);
    expect(v.indicators[0]).toEqual(harbor.indicators[0]); // tension: only Harbor estimates it
    expect(v.indicators[1]).toEqual(lowland.indicators[1]); // dam: Lowland's ±12 over Harbor's ±4
    expect(v.indicators[2]).toEqual(lowland.indicators[2]);
    expect(v.indicators[3]).toEqual({ exact: true, value: s.indicators[3] });
    expect(v.estimated).toEqual(['tension', 'dam', 'upland_economy']);
  });

  it("is the seat's own view for one seat, and the truth for none or for seats that see everything", () => {
    expect(sharedView(sc, s, ['lowland']).indicators).toEqual(viewFor(sc, s, 'lowland').indicators);
    const truth = s.indicators.map((value) => ({ exact: true, value }));
    expect(sharedView(sc, s, []).indicators).toEqual(truth);
    expect(sharedView(sc, s, ['upland']).indicators).toEqual(truth);
  });
});

describe('vagueChanges and estimateGroups', () => {
  it('tells each change as raised, lowered or unchanged, in the order it happened', () => {
    const cause = { kind: 'event' as const, id: 'e', actor: null, label: 'E' };
    const entries = [3, -1.5, 0].map((delta, k) => ({ turn: k, target: 'indicator:x', delta, value: 10, cause }));
    expect(vagueChanges(entries).map((c) => [c.turn, c.direction])).toEqual([
      [0, 'raised'],
      [1, 'lowered'],
      [2, 'unchanged'],
    ]);
    expect(JSON.stringify(vagueChanges(entries))).not.toContain('1.5');
  });

  it('groups the roles of each estimated indicator by error, largest first', () => {
    expect(estimateGroups(sc)).toEqual([
      { indicator: 'tension', groups: [{ error: 3, actors: ['harbor'] }] },
      {
        indicator: 'dam',
        groups: [
          { error: 12, actors: ['lowland'] },
          { error: 4, actors: ['harbor'] },
        ],
      },
      { indicator: 'upland_economy', groups: [{ error: 5, actors: ['lowland'] }] },
    ]);
  });
});
