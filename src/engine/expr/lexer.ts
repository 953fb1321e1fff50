// Lexer for the expression language: pure; turns source text into tokens and collects every lexical error.
import { showChar } from '../text.js';

export interface ExprError {
  message: string;
  start: number;
  end: number;
}

// 'bad' marks text already reported as an error; the parser stops there without adding another error.
export type TokenKind = 'num' | 'name' | 'op' | 'bad' | 'eof';

// For 'op' tokens, text is normalized: '&&' -> 'and', '||' -> 'or', '!' -> 'not'.
export interface Token {
  kind: TokenKind;
  text: string;
  value: number;
  start: number;
  end: number;
}

export interface LexResult {
  tokens: Token[];
  errors: ExprError[];
}

const WORD_OPS: ReadonlyMap<string, string> = new Map([
  ['and', 'and'],
  ['or', 'or'],
  ['not', 'not'],
]);
const WORD_NUMS: ReadonlyMap<string, number> = new Map([
  ['true', 1],
  ['false', 0],
]);
const TWO_CHAR_OPS: ReadonlyMap<string, string> = new Map([
  ['<=', '<='],
  ['>=', '>='],
  ['==', '=='],
  ['!=', '!='],
  ['&&', 'and'],
  ['||', 'or'],
]);
const ONE_CHAR_OPS: ReadonlyMap<string, string> = new Map([
  ['<', '<'],
  ['>', '>'],
  ['!', 'not'],
  ['+', '+'],
  ['-', '-'],
  ['*', '*'],
  ['/', '/'],
  ['(', '('],
  [')', ')'],
  [',', ','],
]);
const LONE_CHAR_HINTS: ReadonlyMap<string, string> = new Map([
  ['=', "use '==' to compare"],
  ['&', "use 'and' or '&&'"],
  ['|', "use 'or' or '||'"],
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

// Length in UTF-16 units of the code point at i (2 for a surrogate pair).
function codePointLength(src: string, i: number): number {
  const c = src.charCodeAt(i);
  const d = src.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

// pure; never throws, whatever the input
export function lex(src: string): LexResult {
  const tokens: Token[] = [];
  const errors: ExprError[] = [];
  const n = src.length;
  const push = (kind: TokenKind, text: string, value: number, start: number, end: number): void => {
    tokens.push({ kind, text, value, start, end });
  };
  const fail = (message: string, start: number, end: number): void => {
    errors.push({ message, start, end });
  };

  const startsToken = (i: number): boolean => {
    const c = src.charCodeAt(i);
    const ch = src.charAt(i);
    return isSpace(c) || isDigit(c) || isNameStart(c) || c === 46 || ONE_CHAR_OPS.has(ch) || LONE_CHAR_HINTS.has(ch);
  };

  const number = (start: number): number => {
    let i = start;
    while (isDigit(src.charCodeAt(i))) i++;
    let danglingDot = false;
    if (src.charCodeAt(i) === 46) {
      i++;
      if (isDigit(src.charCodeAt(i))) while (isDigit(src.charCodeAt(i))) i++;
      else danglingDot = true;
    }
    const body = src.slice(start, i);
    let j = i;
    const c = src.charCodeAt(j);
    if (isNamePart(c) || c === 46) {
      const sign = src.charCodeAt(j + 1) === 43 || src.charCodeAt(j + 1) === 45 ? 1 : 0;
      const exponent = (c === 101 || c === 69) && isDigit(src.charCodeAt(j + 1 + sign));
      if (exponent) j += 1 + sign;
      while (isNamePart(src.charCodeAt(j)) || src.charCodeAt(j) === 46) j++;
      const text = src.slice(start, j);
      fail(exponent ? `exponent notation is not supported ('${text}'); write the number out in full` : `invalid number '${text}'`, start, j);
      push('num', text, 0, start, j);
      return j;
    }
    if (body.charCodeAt(0) === 46) fail(`a number cannot start with '.'; write '0${body}'`, start, i);
    else if (danglingDot) fail(`expected a digit after '.' in '${body}'`, start, i);
    push('num', body, Number(danglingDot ? body.slice(0, -1) : body), start, i);
    return i;
  };

  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      i = number(i);
      continue;
    }
    if (isNameStart(c)) {
      const start = i;
      while (isNamePart(src.charCodeAt(i))) i++;
      const word = src.slice(start, i);
      const op = WORD_OPS.get(word);
      const num = WORD_NUMS.get(word);
      if (op !== undefined) push('op', op, 0, start, i);
      else if (num !== undefined) push('num', word, num, start, i);
      else push('name', word, 0, start, i);
      continue;
    }
    const two = TWO_CHAR_OPS.get(src.slice(i, i + 2));
    if (two !== undefined) {
      push('op', two, 0, i, i + 2);
      i += 2;
      continue;
    }
    const ch = src.charAt(i);
    const one = ONE_CHAR_OPS.get(ch);
    if (one !== undefined) {
      push('op', one, 0, i, i + 1);
      i++;
      continue;
    }
    const hint = LONE_CHAR_HINTS.get(ch);
    if (hint !== undefined) {
      fail(`unexpected character '${ch}'; ${hint}`, i, i + 1);
      push('bad', ch, 0, i, i + 1);
      i++;
      continue;
    }
    const start = i;
    i += codePointLength(src, i);
    while (i < n && !startsToken(i)) i += codePointLength(src, i);
    const run = src.slice(start, i);
    const single = codePointLength(src, start) === run.length;
    const shown = single ? showChar(run) : `'${run.length > 40 ? `${run.slice(0, 40)}...` : run}'`;
    fail(single ? `unexpected character ${shown}` : `unexpected characters ${shown}`, start, i);
    push('bad', run, 0, start, i);
  }
  push('eof', '', 0, n, n);
  return { tokens, errors };
}
