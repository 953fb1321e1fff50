// The loader: locations, messages, hostile input and the order of its checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioFile } from '../engine/schema.js';
import { formatDiagnostic, loadScenario, MAX_FILE_BYTES, MAX_REPORTED, type LocatedDiagnostic } from './loadScenario.js';
import { MAX_VALUES } from './syntax.js';

const baseText = readFileSync(new URL('../../tests/broken/_base.json', import.meta.url), 'utf8');
const base = (): ScenarioFile => JSON.parse(baseText) as ScenarioFile;
const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const brief = (ds: LocatedDiagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

// 1-based line and column of the nth occurrence of `needle` (plus `delta` characters) in `source`.
function where(source: string, needle: string, delta = 0, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = source.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not found`);
  const offset = at + delta;
  const before = source.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

describe('loadScenario', () => {
  it('compiles a valid scenario and reports nothing', () => {
    const r = loadScenario(baseText, 'base.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.ok && r.scenario.def.id).toBe('river_base');
  });

  it('formats a diagnostic as file:line:column: severity: message (at path)', () => {
    const d: LocatedDiagnostic = {
      file: 'a.json',
      line: 3,
      column: 7,
      severity: 'error',
      path: ['actions', 3, 'effects', 0, 'add'],
      message: 'expected a number',
    };
    expect(formatDiagnostic(d)).toBe('a.json:3:7: error: expected a number (at actions[3].effects[0].add)');
    expect(formatDiagnostic({ ...d, path: [], severity: 'warning' })).toBe('a.json:3:7: warning: expected a number');
  });

  it('reports every schema problem at once, sorted by line and column', () => {
    const s = base();
    s.actors[2]!.colour = 'green';
    s.turns.count = 'six' as never;
    s.indicators[0]!.min = '0' as never;
    Reflect.deleteProperty(s, 'summary');
    const r = loadScenario(text(s), 'f.json');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.path.join('.'))).toEqual(['summary', 'turns.count', 'actors.2.colour', 'indicators.0.min']);
    const lines = r.diagnostics.map((d) => d.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    expect(r.diagnostics.every((d) => d.file === 'f.json')).toBe(true);
  });

  it('locates a missing property at the object that lacks it', () => {
    const s = base();
    Reflect.deleteProperty(s.actions[1]!, 'description');
    const source = text(s);
    const r = loadScenario(source, 'f.json');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ ...where(source, '{\n      "id": "protest"'), message: 'missing required property "description" (a string)' });
  });

  it('places an expression error on the character inside the string, counting escape sequences', () => {
    const source = baseText.replace('"when": "tension < 60"', '"when": "tension <\\n 60 and \\"x\\" or dma"');
    const r = loadScenario(source, 'f.json');
    expect(r.ok).toBe(false);
    const first = r.diagnostics[0]!;
    expect(first).toMatchObject(where(source, '\\"x'));
    expect(first.span).toEqual({ start: 18, end: 19 });
  });

  it('reads files with a byte order mark and Windows line endings at the same positions an editor shows', () => {
    const source = `\ufeff${baseText.replace('"count": 6', '"count": -6').replace(/\n/g, '\r\n')}`;
    const r = loadScenario(source, 'f.json');
    expect(brief(r.diagnostics)).toEqual([
      `${where(baseText, '"count": 6', 9).line}:${where(baseText, '"count": 6', 9).column} error expected a number at least 1, got -6`,
    ]);
  });

  it('refuses a file over 5 MB with one error, before parsing it', () => {
    const huge = `{"notes": ["${'x'.repeat(MAX_FILE_BYTES)}"]}`;
    const r = loadScenario(huge, 'big.json');
    expect(brief(r.diagnostics)).toEqual([expect.stringMatching(/^1:1 error the file is too large/)]);
    const multibyte = `"${'é'.repeat(MAX_FILE_BYTES / 2 + 1)}"`;
    expect(loadScenario(multibyte, 'big.json').diagnostics[0]?.message).toMatch(/too large/);
  });

  it('survives 100,000 levels of nesting with one error at the first level too deep', () => {
    const r = loadScenario(`{"notes": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'deep.json');
    expect(brief(r.diagnostics)).toEqual(['1:74 error too deeply nested: more than 64 levels of objects and lists']);
  });

  it('refuses a document with more values than any scenario needs, before building its tree', () => {
    const r = loadScenario(`[${'0,'.repeat(MAX_VALUES)}0]`, 'many.json');
    expect(brief(r.diagnostics)).toEqual([
      `1:${2 * MAX_VALUES} error the file holds more than ${MAX_VALUES} values; no scenario or replay needs that many (is this the right file?)`,
    ]);
  });

  it('lists at most MAX_REPORTED problems, after a note that more were left out', () => {
    const s = base();
    s.actions = Array.from({ length: 300 }, (_, i) => ({ id: `a${i}`, actor: 'upland', label: 'A', description: 'B', colour: 'red' }) as never);
    const r = loadScenario(text(s), 'f.json');
    expect(r.diagnostics).toHaveLength(MAX_REPORTED + 1);
    expect(r.diagnostics[0]).toMatchObject({ line: 1, column: 1, message: expect.stringContaining(`showing the first ${MAX_REPORTED}`) });
    expect(r.diagnostics[1]?.message).toBe(
      'unknown property "colour"; allowed here: id, actor, label, description, tags, visible, requires, cost, cooldown, maxUses, target, humanOnly, effects, outcome, sources, assumption',
    );
  });

  it('never lets "__proto__" reach a prototype, and reports it instead of dropping it silently', () => {
    const source = baseText
      .replace('"title": "River dispute (test base)",', '"__proto__": { "polluted": true }, "title": "River dispute (test base)",')
      .replace('"value": "dam", "weight": 1 }]', '"value": "dam", "weight": 1 }], "preferences": { "__proto__": 1 }');
    const r = loadScenario(source, 'f.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(brief(r.diagnostics)).toEqual([
      `${where(source, '"__proto__"').line}:${where(source, '"__proto__"').column} error "__proto__" cannot be used as a property name`,
      `${where(source, '"__proto__"', 0, 1).line}:${where(source, '"__proto__"', 0, 1).column} error "__proto__" cannot be used as a property name`,
    ]);
  });

  it('treats "constructor" and "toString" as ordinary keys', () => {
    const s = base();
    s.endings[2]!.ratings = JSON.parse('{"constructor": 1, "upland": 1}') as Record<string, number>;
    const r = loadScenario(text(s), 'f.json');
    expect(r.diagnostics.map((d) => [d.path.join('.'), d.message])).toEqual([
      ['endings.2.ratings.constructor', expect.stringContaining('unknown actor "constructor"')],
    ]);
    s.endings[2]!.ratings = JSON.parse('{"toString": 2}') as Record<string, number>;
    const source = text(s);
    expect(loadScenario(source, 'f.json').diagnostics).toEqual([
      expect.objectContaining({
        ...where(source, '"toString"'),
        path: ['endings', 2, 'ratings', 'toString'],
        message: expect.stringContaining('invalid key "toString": expected an id'),
      }),
    ]);
  });

  it('reports numbers too large for a double at their location', () => {
    const source = baseText.replace('"initial": 30 }', '"initial": -1e999 }');
    const r = loadScenario(source, 'f.json');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ ...where(source, '-1e999'), path: ['indicators', 0, 'initial'] });
  });

  it('reports a repeated key at its second use', () => {
    const source = baseText.replace('"id": "river_base",', '"id": "river_base", "id": "river_two",');
    const r = loadScenario(source, 'f.json');
    expect(r.diagnostics).toEqual([expect.objectContaining({ ...where(source, '"id"', 0, 1), path: ['id'] })]);
  });

  it('reports a newer format version alone instead of a flood of schema errors', () => {
    const s = base();
    s.formatVersion = 2 as never;
    s.actors = 'none' as never;
    Object.assign(s, { extra: true });
    expect(brief(loadScenario(text(s), 'f.json').diagnostics)).toEqual(['3:20 error this scenario uses format version 2; this engine reads version 1']);
    s.formatVersion = '1' as never;
    expect(brief(loadScenario(text(s), 'f.json').diagnostics)).toEqual(['3:20 error "formatVersion" must be the number 1, got a string ("1")']);
  });

  it('explains a document that is not an object', () => {
    expect(brief(loadScenario('[1, 2]', 'f.json').diagnostics)).toEqual(['1:1 error expected an object, got a list']);
  });

  it('returns warnings from the analysis with ok true', () => {
    const s = base();
    s.events!.push({ id: 'rumour', title: 'A rumour', text: 'Nothing happens.' });
    const r = loadScenario(text(s), 'f.json');
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.severity, d.path.join('.')])).toEqual([['warning', 'events.1']]);
  });

  it('fails on an error from the analysis, such as a requirement cycle', () => {
    const s = base();
    s.actions[0]!.requires = [{ label: 'after the protest', when: 'taken(protest)' }];
    s.actions[1]!.requires = [{ label: 'after the dam', when: 'taken(build_dam) >= 1' }];
    const r = loadScenario(text(s), 'f.json');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      expect.stringContaining('requirement cycle build_dam → protest → build_dam'),
    ]);
  });
});
