import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonCopy, loadScenario, loadScenarioFile } from '../../tests/unit/fixtures.js';
import { createGame } from './game.js';
import { canonicalJson, scenarioHash, sha256Hex, stateHash } from './hash.js';
import { History } from './history.js';
import { step } from './step.js';
import type { GameState } from './types.js';

const sc = loadScenario('tutorial');

/** The state with its keys, at every depth, in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  return value;
}

/** Paths to every number in a value. */
function numberPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => numberPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numberPaths(v, [...path, k]));
  return [];
}

function bump(state: GameState, path: Array<string | number>, by: number): GameState {
  const copy = jsonCopy(state) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  node[last] = (node[last] as number) + by;
  return copy as unknown as GameState;
}

describe('canonicalJson and sha256Hex', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('writes numbers in their shortest round-trip form', () => {
    expect(canonicalJson([0.1 + 0.2, 1e21, -0, 100, 1.5e-7])).toBe('[0.30000000000000004,1e+21,0,100,1.5e-7]');
  });

  it('refuses a value that has no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow('value cannot be serialized');
  });

  it('hashes with SHA-256 in hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('stateHash', () => {
  let s = createGame(sc, { seed: 'hash', seats: { lowland: 'human' } });
  s = step(sc, s, { lowland: { action: 'protest' } }).state;
  s = step(sc, s, { lowland: { action: 'appeal_harbor', dilemmas: Object.fromEntries(s.dilemmas.map((d) => [d.event, 'promise_talks'])) } }).state;

  it('is 64 hex digits', () => {
    expect(stateHash(s)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order of keys at any depth', () => {
    const reordered = reverseKeys(s) as GameState;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(s));
    expect(stateHash(reordered)).toBe(stateHash(s));
  });

  it('leaves the history out', () => {
    expect(stateHash({ ...s, history: History.of([]) })).toBe(stateHash(s));
  });

  it('survives a JSON round trip', () => {
    expect(stateHash(jsonCopy(s))).toBe(stateHash(s));
  });

  it('changes when any number in the state changes, however little', () => {
    const { history: _h, ...core } = s;
    const paths = numberPaths(core);
    expect(paths.length).toBeGreaterThan(40);
    const h = stateHash(s);
    for (const p of paths) {
      expect(stateHash(bump(s, p, 1)), p.join('.')).not.toBe(h);
      const v = p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], s) as number;
      if (v !== 0) expect(stateHash(bump(s, p, v * 1e-15)), p.join('.')).not.toBe(h);
    }
  });

  it('changes when the seed, a seat, the ending or the dilemmas change', () => {
    const h = stateHash(s);
    expect(stateHash({ ...s, seed: 'other' })).not.toBe(h);
    expect(stateHash({ ...s, seats: { ...s.seats, upland: 'human' } })).not.toBe(h);
    expect(stateHash({ ...s, ending: 'stalemate' })).not.toBe(h);
    expect(stateHash({ ...s, dilemmas: [{ event: 'farmers_march', actor: 'lowland' }] })).not.toBe(stateHash({ ...s, dilemmas: [] }));
    expect(stateHash({ ...s, aiFuzz: 0 })).not.toBe(stateHash({ ...s, aiFuzz: null }));
  });
});

describe('scenarioHash', () => {
  it("hashes a scenario file's content regardless of key order", () => {
    const def = loadScenarioFile('tutorial');
    expect(scenarioHash(reverseKeys(def))).toBe(scenarioHash(def));
    expect(scenarioHash(def)).toBe(sc.hash);
  });

  it('changes when any text or number in the file changes', () => {
    const def = loadScenarioFile('tutorial');
    expect(scenarioHash({ ...def, title: def.title + '!' })).not.toBe(scenarioHash(def));
    const edited = jsonCopy(def);
    edited.indicators[0]!.initial += 1;
    expect(scenarioHash(edited)).not.toBe(scenarioHash(def));
  });
});

describe('the engine version in the state hash', () => {
  it('is hashed, so a version bump changes every hash and must come with a deliberate behaviour change and new goldens', () => {
    const g = createGame(sc, { seed: 'version' });
    expect(stateHash({ ...g, engineVersion: `${g.engineVersion}+next` })).not.toBe(stateHash(g));
    expect(stateHash({ ...g, history: History.of([]) })).toBe(stateHash(g));
  });
});

describe('the attribution ledger', () => {
  it('changes no state hash: a game played with the ledger off hashes the same as with it on, turn by turn (property)', () => {
    const flagship = loadScenario('party-congress');
    fc.assert(
      fc.property(fc.constantFrom(sc, flagship), fc.string({ minLength: 1, maxLength: 12 }), (scenario, seed) => {
        let on = createGame(scenario, { seed });
        let off = on;
        while (!on.over) {
          on = step(scenario, on, {}, { ledger: true }).state;
          off = step(scenario, off, {}, { ledger: false }).state;
          expect(stateHash(off)).toBe(stateHash(on));
          expect(off.history.at(-1)!.ledger).toEqual([]);
        }
        expect(on.history.at(-1)!.ledger.length + on.history.at(-2)!.ledger.length).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });
});
