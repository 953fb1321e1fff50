// The JSON syntax check agrees with JSON.parse on what is valid and with momoa on where an error is.
import { parse } from '@humanwhocodes/momoa';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from './position.js';
import { checkJsonSyntax, MAX_DEPTH } from './syntax.js';

const check = (text: string) => checkJsonSyntax(text, new LineIndex(text));

function momoaOffset(text: string): number | null {
  try {
    parse(text, { mode: 'json', ranges: true });
    return null;
  } catch (e) {
    return (e as { offset: number }).offset;
  }
}

function jsonParses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('checkJsonSyntax', () => {
  it('accepts exactly what JSON.parse accepts, for random short texts', () => {
    const alphabet = fc.constantFrom(...'{}[],:"\\ \n\t0123456789.eE+-abflnrstu\'/x'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 24 }).map((cs) => cs.join('')),
        (text) => {
          expect(check(text) === null).toBe(jsonParses(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts exactly what JSON.parse accepts, for random JSON values and junk inserted into them', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 4 }), (json, at, junk) => {
        expect(check(json)).toBeNull();
        const k = at % (json.length + 1);
        const broken = json.slice(0, k) + junk + json.slice(k);
        expect(check(broken) === null).toBe(jsonParses(broken));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['{"a": 1,}', 8],
    ['[1,]', 3],
    ['{"a" 1}', 5],
    ['{"a": 1 "b": 2}', 8],
    ['[1 2]', 3],
    ['{"a": 01}', 6],
    ['{"a": "\\x"}', 7],
    ['{a: 1}', 1],
    ["{'a': 1}", 1],
    ['{"a":1}x', 7],
    ['{"a": tru}', 6],
    ['{"a":1}}', 7],
    ['{"a":1]', 6],
    ['{,}', 1],
    ['{"a"::1}', 5],
    ['{"a":1,,}', 7],
    ['{"a":1e}', 7],
    ['{"a":1x}', 6],
    ['{"a":12.5.3}', 9],
    ['[1 true]', 3],
    ['{"a": 1} // c', 9],
    ['[+1]', 1],
    ['{"a":.5}', 5],
  ])('reports %j at the offset momoa reports (%i)', (text, offset) => {
    expect(momoaOffset(text)).toBe(offset);
    expect(check(text)?.offset).toBe(offset);
  });

  it.each([
    ['{"a": 1,}', "trailing comma: remove the ',' before '}'"],
    ['[1, 2,]', "trailing comma: remove the ',' before ']'"],
    ['{"a": 1 "b": 2}', "expected ',' or '}' after a property value but found the string \"b\" (is a ',' missing?)"],
    ['[1 2]', "expected ',' or ']' after an item in the list but found the number 2 (is a ',' missing?)"],
    ['{"a": tru}', "unknown word 'tru' (did you mean true?)"],
    ['{"a": hello}', 'text values must be in double quotes ("hello")'],
    ['{a: 1}', 'property names must be in double quotes: write "a"'],
    ['{"a" 1}', 'expected \':\' after the property name "a" but found the number 1'],
    ['{"a": }', "expected a value after ':' but found '}'"],
    ['{"a": "b\nc"}', 'unclosed string'],
    ['{"a": "b', 'unclosed string'],
    ['{"a": [1, 2}', "expected ',' or ']' after an item in the list but found '}' (the list opened at line 1, column 7 is not closed)"],
    ['{"a": 1', "the object opened at line 1, column 1 is not closed (expected '}')"],
    ['', 'the file is empty'],
    ['{"a": -}', "'-' must be followed by a digit"],
    ['{"a": 1.}', 'expected a digit after the decimal point'],
    ['{"a": "\\u00zz"}', "expected 4 hexadecimal digits after '\\u'"],
    ['{"a": 1}\n{"b": 2}', "unexpected '{' after the end of the JSON document"],
    ['{"a":\u00a0 1}', 'a non-breaking space'],
  ])('explains %j in plain words', (text, words) => {
    expect(check(text)?.message).toContain(words);
  });

  it(`reports nesting deeper than ${MAX_DEPTH} levels at the first too-deep bracket, without recursing`, () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(check(deep)).toEqual({ offset: MAX_DEPTH, message: expect.stringContaining('too deeply nested') });
    const ok = '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH);
    expect(check(ok)).toBeNull();
  });

  it('reports an unclosed string at the line break where the closing quote is missing', () => {
    const text = '{\n  "a": "one,\n  "b": 2\n}';
    expect(check(text)?.offset).toBe(text.indexOf('one,') + 4);
  });
});
