// Random damage to a valid scenario never makes the loader throw, and every diagnostic it gives has a real position.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, type LoadResult } from './loadScenario.js';

const baseText = readFileSync(new URL('../../tests/broken/_base.json', import.meta.url), 'utf8');
type Path = Array<string | number>;

// Every path to a value in `value`, the root excluded.
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  }
  return [];
}

const allPaths = paths(JSON.parse(baseText));
const keyPaths = allPaths.filter((p) => typeof p[p.length - 1] === 'string');

function edit(path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): string {
  const doc = JSON.parse(baseText) as Record<string | number, unknown>;
  let parent = doc;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]!);
  return JSON.stringify(doc, null, 2);
}

const deleteKey = fc.constantFrom(...keyPaths).map((p) =>
  edit(p, (parent, key) => {
    delete parent[key];
  }),
);
const changeValue = fc.tuple(fc.constantFrom(...allPaths), fc.jsonValue({ maxDepth: 2 })).map(([p, v]) =>
  edit(p, (parent, key) => {
    parent[key] = v;
  }),
);
const insertJunk = fc
  .tuple(fc.nat(baseText.length), fc.string({ unit: 'binary', maxLength: 8 }))
  .map(([at, junk]) => baseText.slice(0, at) + junk + baseText.slice(at));
const cutText = fc.tuple(fc.nat(baseText.length), fc.nat(40)).map(([at, n]) => baseText.slice(0, at) + baseText.slice(at + n));
const replaceScalar = fc
  .tuple(fc.constantFrom(...allPaths), fc.constantFrom('', '__proto__', 'constructor', 'upland', 'taken(build_dam)', 'tension >', -1e9, 1e10, 0.5, true, null))
  .map(([p, v]) =>
    edit(p, (parent, key) => {
      parent[key] = v;
    }),
  );

function checkResult(text: string, r: LoadResult): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const d of r.diagnostics) {
    expect(d.file).toBe('m.json');
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/^internal error/);
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  expect(r.ok ? errors === 0 : errors > 0).toBe(true);
}

describe('loadScenario under random damage', () => {
  it.each([
    ['a key is deleted', deleteKey],
    ['a value is replaced by a random JSON value', changeValue],
    ['a value is replaced by a tricky scalar', replaceScalar],
    ['junk text is inserted', insertJunk],
    ['a piece of the text is cut out', cutText],
  ])('always returns a result with positioned diagnostics when %s', (_name, mutation) => {
    fc.assert(
      fc.property(mutation, (text) => {
        checkResult(text, loadScenario(text, 'm.json'));
      }),
      { numRuns: 300 },
    );
  });
});
