import { describe, it, expect } from 'vitest';
import { lex } from './lexer.js';
import { EXPR_LIMITS, parse, type AstNode } from './parser.js';

const parseSrc = (src: string): ReturnType<typeof parse> => parse(lex(src).tokens, src);

// A compact, fully parenthesized rendering of the tree, for checking its shape.
function show(n: AstNode): string {
  switch (n.kind) {
    case 'num':
      return String(n.value);
    case 'name':
      return n.name;
    case 'neg':
      return `(-${show(n.arg)})`;
    case 'not':
      return `(not ${show(n.arg)})`;
    case 'bin':
      return `(${show(n.left)} ${n.op} ${show(n.right)})`;
    case 'call':
      return `${n.name}(${n.args.map(show).join(', ')})`;
  }
}

const shape = (src: string): string => {
  const { ast, errors } = parseSrc(src);
  expect(errors).toEqual([]);
  return ast ? show(ast) : '';
};
const firstError = (src: string): unknown => parseSrc(src).errors[0];

describe('parse', () => {
  it('binds * and / tighter than + and -, both left-associative', () => {
    expect(shape('a - b - c')).toBe('((a - b) - c)');
    expect(shape('a / b / c')).toBe('((a / b) / c)');
    expect(shape('a + b * c - d / e')).toBe('((a + (b * c)) - (d / e))');
  });

  it('binds unary minus tighter than multiplication', () => {
    expect(shape('-a * b')).toBe('((-a) * b)');
    expect(shape('a * - - b')).toBe('(a * (-(-b)))');
  });

  it('puts comparisons below arithmetic and not below comparisons', () => {
    expect(shape('a + 1 < b * 2')).toBe('((a + 1) < (b * 2))');
    expect(shape('not a < b')).toBe('(not (a < b))');
    expect(shape('!a == b')).toBe('(not (a == b))');
  });

  it('binds and tighter than or, both left-associative', () => {
    expect(shape('a or b and c or d')).toBe('((a or (b and c)) or d)');
    expect(shape('a && b && c')).toBe('((a and b) and c)');
    expect(shape('not a and not b')).toBe('((not a) and (not b))');
  });

  it('lets parentheses override precedence and widens the span to include them', () => {
    expect(shape('(a + b) * c')).toBe('((a + b) * c)');
    const { ast } = parseSrc('( x )');
    expect(ast).toMatchObject({ kind: 'name', name: 'x', start: 0, end: 5 });
  });

  it('parses calls with any number of arguments and records the name span', () => {
    expect(shape('min(a, b + 1, max(c))')).toBe('min(a, (b + 1), max(c))');
    expect(parseSrc('f()').ast).toMatchObject({ kind: 'call', name: 'f', args: [], nameEnd: 1, start: 0, end: 3 });
  });

  it('allows parenthesized chained comparisons', () => {
    expect(shape('(a < b) < c')).toBe('((a < b) < c)');
  });

  it('rejects chained comparisons at the second operator', () => {
    expect(firstError('a < b < c')).toEqual({
      message: "comparisons cannot be chained; write 'a < b and b < c' or add parentheses",
      start: 6,
      end: 7,
    });
    expect(firstError('a == b != c')).toMatchObject({ start: 7, end: 9 });
  });

  it('reports an empty or blank expression over the whole source', () => {
    expect(parseSrc('').errors).toEqual([{ message: 'empty expression', start: 0, end: 0 }]);
    expect(parseSrc('  \n').errors).toEqual([{ message: 'empty expression', start: 0, end: 3 }]);
  });

  it('reports a missing operand at the end of the expression', () => {
    expect(firstError('a +')).toEqual({
      message: "expected a number, a name or '(' but found the end of the expression",
      start: 3,
      end: 3,
    });
  });

  it('reports a token that cannot start a value', () => {
    expect(firstError('a * )')).toEqual({ message: "expected a number, a name or '(' but found ')'", start: 4, end: 5 });
    expect(firstError('+1')).toMatchObject({ start: 0, end: 1 });
  });

  it('reports two values with no operator between them', () => {
    expect(firstError('a b')).toEqual({ message: "expected an operator but found 'b'", start: 2, end: 3 });
  });

  it('reports an unmatched closing parenthesis', () => {
    expect(firstError('(a))')).toEqual({ message: "unmatched ')'", start: 3, end: 4 });
  });

  it('reports an unclosed parenthesis', () => {
    expect(firstError('(a + b')).toEqual({ message: "expected ')' but found the end of the expression", start: 6, end: 6 });
    expect(firstError('(a b)')).toEqual({ message: "expected ')' but found 'b'", start: 3, end: 4 });
  });

  it('reports a malformed argument list', () => {
    expect(firstError('min(1 2)')).toEqual({ message: "expected ',' or ')' but found '2'", start: 6, end: 7 });
    expect(firstError('min(1,)')).toMatchObject({ start: 6, end: 7 });
    expect(firstError('min(1')).toMatchObject({ start: 5, end: 5 });
  });

  it('asks for parentheses around not inside arithmetic', () => {
    expect(firstError('1 + not x')).toEqual({ message: "'not' needs parentheses here, e.g. '1 + (not x)'", start: 4, end: 7 });
    expect(firstError('a < !b')).toMatchObject({ start: 4, end: 5 });
  });

  it('stops at the first parse error', () => {
    expect(parseSrc('a b c )').errors).toHaveLength(1);
  });

  it('adds no parse error at a token the lexer already reported', () => {
    const result = parseSrc('a # b');
    expect(result.ast).toBeNull();
    expect(result.errors).toEqual([]);
  });

  it('reports a real parse error that comes before a bad token', () => {
    expect(parseSrc('a b #').errors).toEqual([{ message: "expected an operator but found 'b'", start: 2, end: 3 }]);
  });

  it('accepts exactly maxDepth nested parentheses and rejects one more at the offending one', () => {
    const max = EXPR_LIMITS.maxDepth;
    expect(parseSrc('('.repeat(max) + '1' + ')'.repeat(max)).errors).toEqual([]);
    expect(parseSrc('('.repeat(max + 1) + '1' + ')'.repeat(max + 1)).errors).toEqual([
      { message: 'expression is nested too deeply (more than 32 levels)', start: max, end: max + 1 },
    ]);
  });

  it('counts calls, unary minus and not towards the depth', () => {
    expect(firstError('-'.repeat(33) + '1')).toMatchObject({ start: 32, end: 33 });
    expect(firstError('not '.repeat(33) + '1')).toMatchObject({ start: 128, end: 131 });
    expect(firstError('abs('.repeat(33) + '1' + ')'.repeat(33))).toMatchObject({ start: 131, end: 132 });
    expect(firstError('-('.repeat(17) + '1' + ')'.repeat(17))).toMatchObject({ start: 32, end: 33 });
  });

  it('returns an error instead of overflowing the stack on 100,000 nested parentheses', () => {
    const src = '('.repeat(100_000) + '1' + ')'.repeat(100_000);
    expect(() => parseSrc(src)).not.toThrow();
    expect(parseSrc(src).errors).toHaveLength(1);
  });

  it('parses long flat chains of binary operators without nesting errors', () => {
    expect(parseSrc(Array.from({ length: 900 }, () => 'a').join(' + ')).errors).toEqual([]);
  });
});
