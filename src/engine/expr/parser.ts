// Parser for the expression language: pure; builds an AST from tokens, checking nesting depth before recursing.
import type { ExprError, Token } from './lexer.js';

export const EXPR_LIMITS = Object.freeze({ maxLength: 2000, maxDepth: 32 } as const);

export type ArithOp = '+' | '-' | '*' | '/';
export type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type BinOp = ArithOp | CmpOp | 'and' | 'or';

// Spans are 0-based offsets into the source, end exclusive. A parenthesized node's span includes its parentheses.
export type AstNode =
  | { kind: 'num'; value: number; start: number; end: number }
  | { kind: 'name'; name: string; start: number; end: number }
  | { kind: 'neg' | 'not'; arg: AstNode; start: number; end: number }
  | { kind: 'bin'; op: BinOp; left: AstNode; right: AstNode; start: number; end: number }
  | { kind: 'call'; name: string; args: AstNode[]; nameEnd: number; start: number; end: number };

export interface ParseResult {
  ast: AstNode | null;
  errors: ExprError[];
}

const CMP_OPS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);

class ParseAbort extends Error {}

function describe(tok: Token, src: string): string {
  if (tok.kind === 'eof') return 'the end of the expression';
  const text = src.slice(tok.start, tok.end);
  return `'${text.length > 40 ? `${text.slice(0, 40)}...` : text}'`;
}

// pure; stops at the first parse error; never recurses deeper than EXPR_LIMITS.maxDepth levels of nesting
export function parse(tokens: readonly Token[], src: string): ParseResult {
  const errors: ExprError[] = [];
  const eof: Token = { kind: 'eof', text: '', value: 0, start: src.length, end: src.length };
  let pos = 0;
  let depth = 0;

  const peek = (): Token => tokens[pos] ?? eof;
  const next = (): Token => {
    const t = peek();
    pos++;
    return t;
  };
  const isOp = (t: Token, text: string): boolean => t.kind === 'op' && t.text === text;

  const fail = (tok: Token, message: string): never => {
    if (tok.kind !== 'bad') errors.push({ message, start: tok.start, end: tok.end });
    throw new ParseAbort();
  };
  const failFound = (tok: Token, expected: string): never => fail(tok, `expected ${expected} but found ${describe(tok, src)}`);
  const enter = (tok: Token): void => {
    depth++;
    if (depth > EXPR_LIMITS.maxDepth) {
      fail(tok, `expression is nested too deeply (more than ${EXPR_LIMITS.maxDepth} levels)`);
    }
  };

  const bin = (op: BinOp, left: AstNode, right: AstNode): AstNode => ({ kind: 'bin', op, left, right, start: left.start, end: right.end });

  const parseOr = (): AstNode => {
    let left = parseAnd();
    while (isOp(peek(), 'or')) {
      next();
      left = bin('or', left, parseAnd());
    }
    return left;
  };

  const parseAnd = (): AstNode => {
    let left = parseNot();
    while (isOp(peek(), 'and')) {
      next();
      left = bin('and', left, parseNot());
    }
    return left;
  };

  const parseNot = (): AstNode => {
    const tok = peek();
    if (!isOp(tok, 'not')) return parseCmp();
    next();
    enter(tok);
    const arg = parseNot();
    depth--;
    return { kind: 'not', arg, start: tok.start, end: arg.end };
  };

  const parseCmp = (): AstNode => {
    const left = parseAdd();
    const tok = peek();
    if (tok.kind !== 'op' || !CMP_OPS.has(tok.text)) return left;
    next();
    const node = bin(tok.text as CmpOp, left, parseAdd());
    const again = peek();
    if (again.kind === 'op' && CMP_OPS.has(again.text)) {
      fail(again, "comparisons cannot be chained; write 'a < b and b < c' or add parentheses");
    }
    return node;
  };

  const parseAdd = (): AstNode => {
    let left = parseMul();
    for (let t = peek(); isOp(t, '+') || isOp(t, '-'); t = peek()) {
      next();
      left = bin(t.text as ArithOp, left, parseMul());
    }
    return left;
  };

  const parseMul = (): AstNode => {
    let left = parseUnary();
    for (let t = peek(); isOp(t, '*') || isOp(t, '/'); t = peek()) {
      next();
      left = bin(t.text as ArithOp, left, parseUnary());
    }
    return left;
  };

  const parseUnary = (): AstNode => {
    const tok = peek();
    if (!isOp(tok, '-')) return parsePrimary();
    next();
    enter(tok);
    const arg = parseUnary();
    depth--;
    return { kind: 'neg', arg, start: tok.start, end: arg.end };
  };

  const parseCall = (nameTok: Token): AstNode => {
    const open = next();
    enter(open);
    const args: AstNode[] = [];
    if (isOp(peek(), ')')) {
      const close = next();
      depth--;
      return { kind: 'call', name: nameTok.text, args, nameEnd: nameTok.end, start: nameTok.start, end: close.end };
    }
    for (;;) {
      args.push(parseOr());
      const t = next();
      if (isOp(t, ',')) continue;
      if (isOp(t, ')')) {
        depth--;
        return { kind: 'call', name: nameTok.text, args, nameEnd: nameTok.end, start: nameTok.start, end: t.end };
      }
      return failFound(t, "',' or ')'");
    }
  };

  const parsePrimary = (): AstNode => {
    const tok = next();
    if (tok.kind === 'num') return { kind: 'num', value: tok.value, start: tok.start, end: tok.end };
    if (tok.kind === 'name') {
      if (isOp(peek(), '(')) return parseCall(tok);
      return { kind: 'name', name: tok.text, start: tok.start, end: tok.end };
    }
    if (isOp(tok, '(')) {
      enter(tok);
      const inner = parseOr();
      const close = next();
      if (!isOp(close, ')')) return failFound(close, "')'");
      depth--;
      return { ...inner, start: tok.start, end: close.end };
    }
    if (isOp(tok, 'not')) {
      return fail(tok, `'${src.slice(tok.start, tok.end)}' needs parentheses here, e.g. '1 + (not x)'`);
    }
    return failFound(tok, "a number, a name or '('");
  };

  try {
    if (peek().kind === 'eof') {
      errors.push({ message: 'empty expression', start: 0, end: src.length });
      return { ast: null, errors };
    }
    const ast = parseOr();
    const rest = peek();
    if (isOp(rest, ')')) fail(rest, "unmatched ')'");
    if (rest.kind !== 'eof') failFound(rest, 'an operator');
    return { ast, errors };
  } catch (e) {
    if (e instanceof ParseAbort) return { ast: null, errors };
    throw e;
  }
}
