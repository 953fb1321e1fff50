import { describe, it, expect } from 'vitest';
import { lex } from './lexer.js';

const kinds = (src: string): string[] => lex(src).tokens.map((t) => `${t.kind}:${t.text}`);

describe('lex', () => {
  it('splits numbers, names and operators and ends with an eof token at the end of the source', () => {
    const { tokens, errors } = lex('nk_arsenal >= 60.5');
    expect(errors).toEqual([]);
    expect(tokens).toEqual([
      { kind: 'name', text: 'nk_arsenal', value: 0, start: 0, end: 10 },
      { kind: 'op', text: '>=', value: 0, start: 11, end: 13 },
      { kind: 'num', text: '60.5', value: 60.5, start: 14, end: 18 },
      { kind: 'eof', text: '', value: 0, start: 18, end: 18 },
    ]);
  });

  it('normalizes symbolic and word operators to the same text', () => {
    expect(kinds('a && b || !c')).toEqual(kinds('a and b or not c'));
    expect(kinds('a and b or not c')).toEqual(['name:a', 'op:and', 'name:b', 'op:or', 'op:not', 'name:c', 'eof:']);
  });

  it('reads true and false as the numbers 1 and 0', () => {
    const [t, f] = lex('true false').tokens;
    expect(t).toMatchObject({ kind: 'num', value: 1 });
    expect(f).toMatchObject({ kind: 'num', value: 0 });
  });

  it('lexes every operator, with two-character operators taking precedence', () => {
    expect(kinds('<<=>>===!=+-*/(),')).toEqual([
      'op:<',
      'op:<=',
      'op:>',
      'op:>=',
      'op:==',
      'op:!=',
      'op:+',
      'op:-',
      'op:*',
      'op:/',
      'op:(',
      'op:)',
      'op:,',
      'eof:',
    ]);
  });

  it('skips spaces, tabs and newlines', () => {
    expect(kinds(' \t1\r\n+\n2 ')).toEqual(['num:1', 'op:+', 'num:2', 'eof:']);
  });

  it('keeps keywords case-sensitive, so AND is a name', () => {
    expect(kinds('AND True')).toEqual(['name:AND', 'name:True', 'eof:']);
  });

  it('rejects a number starting with a dot and suggests the leading zero', () => {
    expect(lex('.5').errors).toEqual([{ message: "a number cannot start with '.'; write '0.5'", start: 0, end: 2 }]);
  });

  it('rejects a number ending with a dot', () => {
    expect(lex('x + 12.').errors).toEqual([{ message: "expected a digit after '.' in '12.'", start: 4, end: 7 }]);
  });

  it('rejects exponent notation, including a signed exponent, over the whole number', () => {
    expect(lex('1e5').errors).toEqual([{ message: "exponent notation is not supported ('1e5'); write the number out in full", start: 0, end: 3 }]);
    expect(lex('2 * 1.5E-3').errors).toEqual([{ message: "exponent notation is not supported ('1.5E-3'); write the number out in full", start: 4, end: 10 }]);
  });

  it('rejects a number glued to letters or a second dot', () => {
    expect(lex('12abc').errors).toEqual([{ message: "invalid number '12abc'", start: 0, end: 5 }]);
    expect(lex('1.2.3').errors).toEqual([{ message: "invalid number '1.2.3'", start: 0, end: 5 }]);
  });

  it('reports an unexpected character at its position and marks it as a bad token', () => {
    const { tokens, errors } = lex('a # b');
    expect(errors).toEqual([{ message: "unexpected character '#'", start: 2, end: 3 }]);
    expect(tokens[1]).toMatchObject({ kind: 'bad', start: 2, end: 3 });
  });

  it('reports a run of unexpected characters as one error', () => {
    expect(lex('a $@# b').errors).toEqual([{ message: "unexpected characters '$@#'", start: 2, end: 5 }]);
  });

  it('reports every separate lexical error', () => {
    expect(lex('# 1 ; .5').errors.map((e) => [e.start, e.end])).toEqual([
      [0, 1],
      [4, 5],
      [6, 8],
    ]);
  });

  it('explains a lone =, & or |', () => {
    expect(lex('a = 1').errors).toEqual([{ message: "unexpected character '='; use '==' to compare", start: 2, end: 3 }]);
    expect(lex('a & b').errors).toEqual([{ message: "unexpected character '&'; use 'and' or '&&'", start: 2, end: 3 }]);
    expect(lex('a | b').errors).toEqual([{ message: "unexpected character '|'; use 'or' or '||'", start: 2, end: 3 }]);
  });

  it('treats a surrogate pair as one character and escapes invisible characters', () => {
    expect(lex('1 + \u{1F600}').errors).toEqual([{ message: "unexpected character '\u{1F600}'", start: 4, end: 6 }]);
    expect(lex('\u0007').errors).toEqual([{ message: 'unexpected character U+0007', start: 0, end: 1 }]);
  });

  it('rejects non-ASCII letters in names', () => {
    expect(lex('é').errors).toEqual([{ message: "unexpected character 'é'", start: 0, end: 1 }]);
  });

  it('leaves saturation of huge literals to the compiler', () => {
    expect(lex('1' + '0'.repeat(400)).tokens[0]).toMatchObject({ kind: 'num', value: Infinity });
  });
});
