// Strict JSON for replays and choices files: every refusal located by line, column and JSON path.
import { describe, expect, it } from 'vitest';
import { jsonProblemText, readJsonText } from './json.js';
import { MAX_VALUES } from './syntax.js';

const problems = (text: string) => {
  const r = readJsonText(text);
  return r.ok ? [] : r.problems.map((p) => jsonProblemText('f.json', p));
};

describe('readJsonText', () => {
  it('reads ordinary JSON, a leading byte order mark dropped', () => {
    expect(readJsonText('\ufeff{"a": [1, "x", null, true]}')).toEqual({ ok: true, value: { a: [1, 'x', null, true] } });
  });

  it('refuses a duplicated key at its second use, naming the first', () => {
    expect(problems('{\n  "seed": "a",\n  "seed": "b"\n}')).toEqual([
      'f.json:3:3: error: duplicate property "seed" (first given at line 2, column 3); a property may be given only once (at seed)',
    ]);
  });

  it('refuses "__proto__" keys, so none is dropped silently or reaches a prototype', () => {
    expect(problems('{"seats": {"__proto__": "human"}}')).toEqual(['f.json:1:12: error: "__proto__" cannot be used as a property name (at seats.__proto__)']);
  });

  it('refuses an escaped unpaired surrogate in a value or a key, at the escape', () => {
    expect(problems('{"seed": "ab\\ud800"}')).toEqual([
      'f.json:1:13: error: this string holds an unpaired surrogate (\\uD800), which is not a character; remove it or complete the pair (at seed)',
    ]);
    expect(problems('{"\\udc00": 1}')[0]).toMatch(/^f\.json:1:3: error: this property name holds an unpaired surrogate \(\\uDC00\)/);
    expect(problems('{"ok": "\\ud83d\\ude00"}')).toEqual([]);
  });

  it('refuses a 2,000,000-number array quickly, at the value past the limit', () => {
    const text = `{"indicators": [${new Array(2_000_000).fill('0').join(',')}]}`;
    const started = performance.now();
    // The root object and the key count as values, so the limit falls on number MAX_VALUES - 2 (index MAX_VALUES - 3).
    const found = problems(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found).toEqual([
      `f.json:1:${17 + 2 * (MAX_VALUES - 3)}: error: the file holds more than ${MAX_VALUES} values; no scenario or replay needs that many (is this the right file?)`,
    ]);
  });

  it('reports a syntax error at its line and column', () => {
    expect(problems('{\n  "a": 1,\n}')).toEqual([
      "f.json:3:1: error: trailing comma: remove the ',' before '}' (JSON allows no comma after the last property)",
    ]);
  });
});
