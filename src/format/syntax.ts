// A strict, iterative JSON syntax check: the first syntax error or too-deep nesting, in plain words; never recurses.
import { showChar, unreachable } from '../engine/compiler.js';
import type { LineIndex } from './position.js';

export const MAX_DEPTH = 64;
/** Most values (keys included) a document may hold: far above any scenario, low enough to parse quickly. */
export const MAX_VALUES = 100_000;

export interface SyntaxProblem {
  offset: number;
  message: string;
}

type Token =
  { kind: '{' | '}' | '[' | ']' | ',' | ':'; start: number; end: number } | { kind: 'string' | 'number' | 'word' | 'char'; start: number; end: number };
type Scan = Token | SyntaxProblem;

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isWordPart = (c: number): boolean => isWordStart(c) || isDigit(c);
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = '"\\/bfnrtu';

function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

function scanString(text: string, start: number): Scan {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) return { kind: 'string', start, end: j + 1 };
    if (c === 10 || c === 13) {
      return {
        offset: j,
        message: `unclosed string: a string must end on the line where it starts; add the closing '"' (write \\n for a line break inside text)`,
      };
    }
    if (c < 32) return { offset: j, message: `a string cannot contain the control character ${showChar(text.charAt(j))}; write it as an escape such as \\t` };
    if (c !== 92) continue;
    const e = text.charAt(j + 1);
    if (j + 1 >= text.length) break;
    if (!ESCAPES.includes(e)) {
      return { offset: j, message: `invalid escape '\\${e}' in a string; to write a backslash, double it ('\\\\')` };
    }
    if (e === 'u') {
      for (let k = j + 2; k < j + 6; k++) {
        if (!isHex(text.charCodeAt(k))) return { offset: j, message: `expected 4 hexadecimal digits after '\\u' in a string` };
      }
      j += 5;
    } else j += 1;
  }
  return { offset: start, message: `unclosed string: the string that starts here has no closing '"'` };
}

function scanNumber(text: string, start: number): Scan {
  const at = (k: number): number => text.charCodeAt(k);
  let j = start;
  if (at(j) === 45) j++;
  if (at(j) === 48) {
    j++;
    if (isDigit(at(j))) return { offset: start, message: `a number cannot have a leading zero ('${clip(text.slice(start, j + 1))}')` };
  } else if (isDigit(at(j))) {
    while (isDigit(at(j))) j++;
  } else return { offset: start, message: `'-' must be followed by a digit` };
  if (at(j) === 46) {
    j++;
    if (!isDigit(at(j))) return { offset: j, message: `expected a digit after the decimal point in '${clip(text.slice(start, j))}'` };
    while (isDigit(at(j))) j++;
  }
  if (at(j) === 101 || at(j) === 69) {
    j++;
    if (at(j) === 43 || at(j) === 45) j++;
    if (!isDigit(at(j))) return { offset: j, message: `expected a digit in the exponent of '${clip(text.slice(start, j))}'` };
    while (isDigit(at(j))) j++;
  }
  if (isWordPart(at(j)) || at(j) === 46) {
    return { offset: j, message: `unexpected ${showChar(text.charAt(j))} right after the number ${clip(text.slice(start, j))}` };
  }
  return { kind: 'number', start, end: j };
}

function scan(text: string, i: number): Scan {
  const c = text.charCodeAt(i);
  const ch = text.charAt(i);
  if ('{}[],:'.includes(ch)) return { kind: ch as '{', start: i, end: i + 1 };
  if (c === 34) return scanString(text, i);
  if (c === 45 || isDigit(c)) return scanNumber(text, i);
  if (isWordStart(c)) {
    let j = i + 1;
    while (isWordPart(text.charCodeAt(j))) j++;
    return { kind: 'word', start: i, end: j };
  }
  return { kind: 'char', start: i, end: i + (c >= 0xd800 && c < 0xdc00 ? 2 : 1) };
}

const HINTS: Record<string, string> = {
  "'": 'JSON uses double quotes (") for strings and property names, not single quotes',
  '/': 'JSON does not allow comments',
  '+': "a number cannot start with '+'",
  '.': "a number cannot start with '.'; write 0.5, not .5",
  '=': "use ':' between a property name and its value",
  '\u00a0': 'a non-breaking space; use an ordinary space',
  '\ufeff': 'a byte order mark in the middle of the text',
};

// Names what was found, for messages.
function found(text: string, t: Token): string {
  const raw = text.slice(t.start, t.end);
  switch (t.kind) {
    case 'string':
      return `the string ${clip(raw)}`;
    case 'number':
      return `the number ${clip(raw)}`;
    case 'word':
      return LITERALS.includes(raw) ? raw : `the word '${clip(raw)}'`;
    case 'char':
      return showChar(raw);
    case '{':
    case '}':
    case '[':
    case ']':
    case ',':
    case ':':
      return `'${raw}'`;
    default:
      return unreachable(t, 'JSON token');
  }
}

function nearest(word: string): string | null {
  const w = word.toLowerCase();
  for (const lit of LITERALS) if (w === lit || (w.length >= 2 && lit.startsWith(w)) || (w.length >= 3 && w.startsWith(lit))) return lit;
  return null;
}

function badWord(text: string, t: Token): string {
  const raw = text.slice(t.start, t.end);
  if (raw === 'NaN' || raw === 'Infinity') return `${raw} is not allowed in JSON; write an ordinary number`;
  const lit = nearest(raw);
  if (lit) return `unknown word '${clip(raw)}' (did you mean ${lit}?)`;
  return `unknown word '${clip(raw)}': text values must be in double quotes ("${clip(raw)}")`;
}

/** pure; the first syntax problem in `text`, or null when it is one well-formed JSON value at most MAX_DEPTH deep. */
export function checkJsonSyntax(text: string, lines: LineIndex): SyntaxProblem | null {
  const stack: Array<{ kind: 'object' | 'list'; offset: number }> = [];
  let state: 'value' | 'key' | 'colon' | 'after' = 'value';
  let prev: 'start' | 'open' | 'comma' | 'colon' = 'start';
  let key = '';
  let lastEnd = 0;
  let values = 0;
  let i = 0;
  for (;;) {
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
    if (i >= text.length) {
      const top = stack[stack.length - 1];
      if (top) {
        const closer = top.kind === 'object' ? '}' : ']';
        return {
          offset: lastEnd,
          message: `unexpected end of the file: the ${top.kind} opened at ${lines.describe(top.offset)} is not closed (expected '${closer}')`,
        };
      }
      if (state === 'after') return null;
      return { offset: 0, message: 'the file is empty: expected a JSON object' };
    }
    const t = scan(text, i);
    if (!('kind' in t)) return t;
    const raw = text.slice(t.start, t.end);
    const top = stack[stack.length - 1];
    const fail = (message: string): SyntaxProblem => ({ offset: t.start, message });
    const butFound = (): string => {
      const hint = t.kind === 'char' ? HINTS[raw] : undefined;
      return `but found ${found(text, t)}${hint ? ` (${hint})` : ''}`;
    };
    if ((t.kind === 'string' || t.kind === 'number' || t.kind === 'word' || t.kind === '{' || t.kind === '[') && ++values > MAX_VALUES) {
      return fail(`the file holds more than ${MAX_VALUES} values; no scenario or replay needs that many (is this the right file?)`);
    }
    let done = false;
    if (state === 'value') {
      if (t.kind === '{' || t.kind === '[') {
        if (stack.length >= MAX_DEPTH) return fail(`too deeply nested: more than ${MAX_DEPTH} levels of objects and lists`);
        stack.push({ kind: t.kind === '{' ? 'object' : 'list', offset: t.start });
        state = t.kind === '{' ? 'key' : 'value';
        prev = 'open';
      } else if (t.kind === 'string' || t.kind === 'number' || (t.kind === 'word' && LITERALS.includes(raw))) {
        done = true;
      } else if (t.kind === ']' && top?.kind === 'list' && prev === 'open') {
        stack.pop();
        done = true;
      } else if (t.kind === ']' && top?.kind === 'list' && prev === 'comma') {
        return fail("trailing comma: remove the ',' before ']' (JSON allows no comma after the last item)");
      } else if (t.kind === 'word') {
        return fail(badWord(text, t));
      } else {
        const want = { start: 'a JSON value', open: "a value or ']'", comma: "a value after ','", colon: "a value after ':'" }[prev];
        return fail(`expected ${want} ${butFound()}`);
      }
    } else if (state === 'key') {
      if (t.kind === 'string') {
        key = raw.slice(1, -1);
        state = 'colon';
      } else if (t.kind === '}' && prev === 'open') {
        stack.pop();
        done = true;
      } else if (t.kind === '}') {
        return fail("trailing comma: remove the ',' before '}' (JSON allows no comma after the last property)");
      } else if (t.kind === 'word') {
        return fail(`property names must be in double quotes: write "${clip(raw)}"`);
      } else {
        return fail(`expected a property name in double quotes${prev === 'open' ? " or '}'" : " after ','"} ${butFound()}`);
      }
    } else if (state === 'colon') {
      if (t.kind !== ':') return fail(`expected ':' after the property name "${clip(key)}" ${butFound()}`);
      state = 'value';
      prev = 'colon';
    } else if (!top) {
      const extra = t.kind === '}' || t.kind === ']' ? ` (one '${raw}' too many?)` : '';
      return fail(`unexpected ${found(text, t)} after the end of the JSON document${extra}`);
    } else if (t.kind === ',') {
      state = top.kind === 'object' ? 'key' : 'value';
      prev = 'comma';
    } else if ((t.kind === '}' && top.kind === 'object') || (t.kind === ']' && top.kind === 'list')) {
      stack.pop();
      done = true;
    } else {
      const missingComma = t.kind === 'string' || t.kind === 'number' || t.kind === 'word' || t.kind === '{' || t.kind === '[';
      const unclosed = t.kind === '}' || t.kind === ']' ? ` (the ${top.kind} opened at ${lines.describe(top.offset)} is not closed)` : '';
      const what = top.kind === 'object' ? "expected ',' or '}' after a property value" : "expected ',' or ']' after an item in the list";
      return fail(`${what} ${butFound()}${missingComma ? " (is a ',' missing?)" : unclosed}`);
    }
    if (done) state = 'after';
    lastEnd = t.end;
    i = t.end;
  }
}
