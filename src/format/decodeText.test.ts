// The shared decoder: BOMs, UTF-16, and every invalid byte sequence located at line:column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, firstBadUtf8 } from './decodeText.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: Array<Uint8Array | number[] | string>): Uint8Array => {
  const all = parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : [...p]));
  return Uint8Array.from(all);
};
function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + 2 * s.length);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? c & 0xff : c >> 8;
    out[3 + 2 * i] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}
const BOM = [0xef, 0xbb, 0xbf];

describe('decodeText', () => {
  it('reads UTF-8, dropping a leading byte order mark', () => {
    expect(decodeText(utf8('{"a": "é😀"}'))).toEqual({ ok: true, text: '{"a": "é😀"}', encoding: 'UTF-8' });
    expect(decodeText(bytes(BOM, '{}'))).toEqual({ ok: true, text: '{}', encoding: 'UTF-8' });
  });

  it('keeps a second byte order mark, so the JSON check can point at it', () => {
    expect(decodeText(bytes(BOM, BOM, '{}'))).toEqual({ ok: true, text: '\ufeff{}', encoding: 'UTF-8' });
  });

  it('reads UTF-16 little- and big-endian when the file starts with its byte order mark', () => {
    const text = '{\n  "title": "Flüsse 😀"\n}';
    expect(decodeText(utf16(text, true))).toEqual({ ok: true, text, encoding: 'UTF-16LE' });
    expect(decodeText(utf16(text, false))).toEqual({ ok: true, text, encoding: 'UTF-16BE' });
  });

  it.each([
    ['FF', [0xff], 'FF (byte 12) is a byte that never appears in UTF-8'],
    ['C0 80 (overlong NUL)', [0xc0, 0x80], 'C0 (byte 12) is an overlong encoding'],
    ['E0 80 80 (overlong)', [0xe0, 0x80, 0x80], 'E0 80 (byte 12) is an overlong encoding'],
    ['ED A0 80 (a surrogate)', [0xed, 0xa0, 0x80], 'ED A0 (byte 12) is a UTF-16 surrogate'],
    ['F4 90 80 80 (above U+10FFFF)', [0xf4, 0x90, 0x80, 0x80], 'F4 90 (byte 12) is a code point above U+10FFFF'],
    ['80 (a lone continuation byte)', [0x80], '80 (byte 12) is a continuation byte with no character to continue'],
    ['E2 82 then a quote (cut short)', [0xe2, 0x82], 'E2 82 (byte 12) is a character cut short'],
  ])('refuses %s inside a string with its line and column', (_name, bad, message) => {
    const r = decodeText(bytes('{\n  "t": "ab', bad, 'c"\n}'));
    expect(r).toEqual({ ok: false, line: 2, column: 11, byteOffset: 12, message: expect.stringContaining(message) });
  });

  it('counts columns after a BOM and multi-byte characters in UTF-16 units, as every other diagnostic does', () => {
    expect(decodeText(bytes(BOM, '"😀é', [0xff], '"'))).toMatchObject({ ok: false, line: 1, column: 5, byteOffset: 10 });
  });

  it('refuses a file that ends in the middle of a character', () => {
    expect(decodeText(bytes('"x', [0xf0, 0x9f]))).toMatchObject({
      ok: false,
      line: 1,
      column: 3,
      message: expect.stringContaining('the file ends before finishing'),
    });
  });

  it('refuses UTF-16 with an unpaired surrogate or an odd number of bytes, located', () => {
    expect(decodeText(utf16('{\n"\ud800"}', true))).toMatchObject({
      ok: false,
      line: 2,
      column: 2,
      message: expect.stringContaining('invalid UTF-16LE: an unpaired surrogate U+D800'),
    });
    expect(decodeText(utf16('{\n"\udc00\ud83d"}', false))).toMatchObject({
      ok: false,
      line: 2,
      column: 2,
      message: expect.stringContaining('invalid UTF-16BE'),
    });
    expect(decodeText(bytes(utf16('{}', true), [0x20]))).toMatchObject({
      ok: false,
      line: 1,
      column: 3,
      message: expect.stringContaining('an odd number of bytes'),
    });
  });

  it('decodes any JSON text identically whether it is UTF-8, UTF-8 with a BOM, or UTF-16 with either BOM', () => {
    fc.assert(
      fc.property(fc.json({ stringUnit: 'grapheme', maxDepth: 3 }), (text) => {
        const want = { ok: true, text };
        expect(decodeText(utf8(text))).toMatchObject(want);
        expect(decodeText(bytes(BOM, utf8(text)))).toMatchObject(want);
        expect(decodeText(utf16(text, true))).toMatchObject(want);
        expect(decodeText(utf16(text, false))).toMatchObject(want);
      }),
      { seed: 9, numRuns: 400 },
    );
  });

  it('either decodes any byte string exactly as a strict TextDecoder does, or gives a valid line and column at the first bad byte', () => {
    const arb = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      // Valid text with a few random bytes written over it: mostly near-valid UTF-8, the interesting case.
      fc
        .tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }))
        .map(([s, edits]) => {
          const b = Uint8Array.from(utf8(s));
          for (const [at, v] of edits) if (b.length) b[at % b.length] = v;
          return b;
        }),
    );
    fc.assert(
      fc.property(arb, (b) => {
        let strict: string | null;
        try {
          strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);
        } catch {
          strict = null;
        }
        const utf16Bom = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
        const r = decodeText(b);
        if (!utf16Bom) {
          expect(r.ok).toBe(strict !== null);
          if (r.ok) expect(r.text).toBe(strict);
        }
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(b);
        } catch {
          valid = false;
        }
        expect(firstBadUtf8(b) === null).toBe(valid);
        if (!r.ok) {
          const lossy = new TextDecoder().decode(b);
          expect(r.line).toBeGreaterThanOrEqual(1);
          expect(r.column).toBeGreaterThanOrEqual(1);
          expect(r.line).toBeLessThanOrEqual(lossy.split(/\r\n|\r|\n/).length);
          expect(r.byteOffset).toBeGreaterThanOrEqual(0);
          expect(r.byteOffset).toBeLessThanOrEqual(b.length);
          expect(r.message).toMatch(/^invalid UTF-(8|16LE|16BE): /);
        }
      }),
      { seed: 10, numRuns: 3000 },
    );
  });
});
