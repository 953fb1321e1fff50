// File bytes to text, the same in the CLI and the browser: UTF-8 (a BOM is dropped) or UTF-16 with a BOM; anything else located.
import { LineIndex } from './position.js';

/** Largest file read (a scenario, a replay, a choices file), in bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type Encoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; line: number; column: number; byteOffset: number; message: string };

const hex = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

interface Bad {
  offset: number;
  length: number;
  why: string;
}

// pure; the first byte sequence at or after `start` that is not UTF-8 (Unicode 15, table 3-7), or null.
export function firstBadUtf8(bytes: Uint8Array, start = 0): Bad | null {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c === 0xe0) {
      need = 2;
      lo = 0xa0;
    } else if (c === 0xed) {
      need = 2;
      hi = 0x9f;
    } else if (c >= 0xe1 && c <= 0xef) need = 2;
    else if (c === 0xf0) {
      need = 3;
      lo = 0x90;
    } else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c === 0xf4) {
      need = 3;
      hi = 0x8f;
    } else {
      const why = c <= 0xbf ? 'a continuation byte with no character to continue' : c <= 0xc1 ? 'an overlong encoding' : 'a byte that never appears in UTF-8';
      return { offset: i, length: 1, why };
    }
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { offset: i, length: k, why: 'a character the file ends before finishing' };
      const x = bytes[i + k]!;
      if (x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) {
        // A continuation byte outside the narrowed first range: a well-formed shape that encodes no character.
        const shape = k === 1 && x >= 0x80 && x <= 0xbf;
        const why = !shape
          ? 'a character cut short'
          : c === 0xed
            ? 'a UTF-16 surrogate, which UTF-8 does not allow'
            : c === 0xf4
              ? 'a code point above U+10FFFF'
              : 'an overlong encoding';
        return { offset: i, length: shape ? k + 1 : k, why };
      }
    }
    i += need + 1;
  }
  return null;
}

// pure; the end position of `text` (1-based line and column of the next character).
function endOf(text: string): { line: number; column: number } {
  return new LineIndex(text).at(text.length);
}

function decodeUtf8(bytes: Uint8Array, start: number): Decoded {
  const body = bytes.subarray(start);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'UTF-8' };
  } catch {
    const bad = firstBadUtf8(bytes, start) ?? { offset: bytes.length, length: 0, why: 'could not be decoded' };
    const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start, bad.offset));
    const shown = Array.from(bytes.subarray(bad.offset, bad.offset + bad.length), hex).join(' ');
    return {
      ok: false,
      ...endOf(before),
      byteOffset: bad.offset,
      message: `invalid UTF-8: ${shown} (byte ${bad.offset}) is ${bad.why}; save the file as UTF-8`,
    };
  }
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): Decoded {
  const encoding: Encoding = littleEndian ? 'UTF-16LE' : 'UTF-16BE';
  const units = (bytes.length - 2) >> 1;
  const codes = new Uint16Array(units);
  for (let u = 0; u < units; u++) {
    const a = bytes[2 + 2 * u]!;
    const b = bytes[3 + 2 * u]!;
    codes[u] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  const textOf = (end: number): string => {
    let out = '';
    for (let u = 0; u < end; u += 8192) out += String.fromCharCode(...codes.subarray(u, Math.min(end, u + 8192)));
    return out;
  };
  for (let u = 0; u < units; u++) {
    const c = codes[u]!;
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = codes[u + 1];
    if (c <= 0xdbff && next !== undefined && next >= 0xdc00 && next <= 0xdfff) {
      u++;
      continue;
    }
    return {
      ok: false,
      ...endOf(textOf(u)),
      byteOffset: 2 + 2 * u,
      message: `invalid ${encoding}: an unpaired surrogate U+${c.toString(16).toUpperCase()} (at byte ${2 + 2 * u}) is not a character; save the file as UTF-8`,
    };
  }
  if ((bytes.length & 1) === 1) {
    return {
      ok: false,
      ...endOf(textOf(units)),
      byteOffset: bytes.length - 1,
      message: `invalid ${encoding}: the file ends in the middle of a character (an odd number of bytes); save the file as UTF-8`,
    };
  }
  return { ok: true, text: textOf(units), encoding };
}

/**
 * pure; the text of a file's bytes. UTF-8, with a leading byte order mark dropped; UTF-16 when the file starts with its
 * byte order mark (FF FE little-endian, FE FF big-endian). Invalid bytes are an error at the line and column where
 * they stand, never replaced by U+FFFD.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes, 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, false);
  return decodeUtf8(bytes, 0);
}

/** pure; "file:line:column: error: message" for a failed decode, in the form of every other diagnostic. */
export function decodeFailureText(file: string, d: Extract<Decoded, { ok: false }>): string {
  return `${file}:${d.line}:${d.column}: error: ${d.message}`;
}
