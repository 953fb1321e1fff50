import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termSafe } from './terminal.js';

// eslint-disable-next-line no-control-regex -- what must never reach a terminal raw
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom('\u001b', '[31m', ']0;', '\u0007', '\r', '\n', '\t', '\u007f', '\u009b', '\u202e', '\u2066', '\ud800', '\udc00', 'a', '\\', '"'),
    maxLength: 20,
  }),
);

describe('termSafe', () => {
  it('never lets a control character, DEL, C1, bidi override or lone surrogate through, and keeps line feeds and tabs', () => {
    fc.assert(
      fc.property(text, (s) => {
        const safe = termSafe(s);
        expect(safe).not.toMatch(RAW);
        expect(safe.split('\n').length).toBe(s.split('\n').length);
        expect(safe.split('\t').length).toBe(s.split('\t').length);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves text without such characters as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        fc.pre(!RAW.test(s));
        expect(termSafe(s)).toBe(s);
      }),
    );
  });

  it('keeps JSON output valid and equal to what was written (an escape inside a JSON string means the same character)', () => {
    fc.assert(
      fc.property(fc.dictionary(text, text), (o) => {
        expect(JSON.parse(termSafe(JSON.stringify(o)))).toEqual(o);
        expect(JSON.parse(termSafe(JSON.stringify(o, null, 2)))).toEqual(o);
      }),
      { numRuns: 1000 },
    );
  });

  it('shows the escapes of issue 9 as text', () => {
    expect(termSafe('a\u001b[31mred\u001b]0;title\u0007\u001b[2J')).toBe('a\\u001b[31mred\\u001b]0;title\\u0007\\u001b[2J');
    expect(termSafe('\u202eevil\u2069 \r\u009b')).toBe('\\u202eevil\\u2069 \\u000d\\u009b');
  });
});
