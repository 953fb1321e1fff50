// Closure builder for the expression language: pure; turns a resolved tree into a specialized closure.
import type { ArithOp, CmpOp } from './parser.js';
import type { ExprFn, RNode } from './compile.js';
import { unreachable } from '../unreachable.js';

// Every value is kept within [-LIMIT, LIMIT]: larger results (and literals) saturate, so nothing is ever NaN or Infinity.
export const LIMIT = 1e12;
// pure; saturates to ±LIMIT, maps NaN to 0 and -0 to 0
export function lim(x: number): number {
  return x > LIMIT ? LIMIT : x < -LIMIT ? -LIMIT : x === x ? x + 0 : 0;
}
// Division by zero gives 0.
function div(x: number, y: number): number {
  return y === 0 ? 0 : lim(x / y);
}

// Builds a closure per node, specialized by node type and operator, with indices and constants captured.
export function build(n: RNode): ExprFn {
  switch (n.k) {
    case 'const': {
      const v = n.v;
      return () => v;
    }
    case 'turn':
      return (e) => lim(e.turn());
    case 'read': {
      const i = n.i;
      switch (n.what) {
        case 'indicator':
          return (e) => lim(e.indicator(i));
        case 'flow':
          return (e) => lim(e.flow(i));
        case 'flag':
          return (e) => lim(e.flag(i));
        case 'situation':
          return (e) => lim(e.situation(i));
        case 'event':
          return (e) => lim(e.fired(i));
        case 'action':
          return (e) => lim(e.taken(i));
        default:
          return unreachable(n, 'read kind');
      }
    }
    case 'pair': {
      const a = n.a,
        b = n.b;
      return n.what === 'stance' ? (e) => lim(e.stance(a, b)) : (e) => lim(e.leverage(a, b));
    }
    case 'neg': {
      const f = build(n.x);
      return (e) => 0 - f(e);
    }
    case 'not': {
      const f = build(n.x);
      return (e) => (f(e) === 0 ? 1 : 0);
    }
    case 'abs': {
      const f = build(n.x);
      return (e) => Math.abs(f(e));
    }
    case 'round': {
      const f = build(n.x);
      return (e) => Math.round(f(e)) + 0;
    }
    case 'floor': {
      const f = build(n.x);
      return (e) => Math.floor(f(e));
    }
    case 'ceil': {
      const f = build(n.x);
      return (e) => Math.ceil(f(e)) + 0;
    }
    case 'arith':
      return arith(n.op, n.a, n.b);
    case 'cmp':
      return compare(n.op, n.a, n.b);
    case 'and': {
      const f = build(n.a),
        g = build(n.b);
      return (e) => (f(e) !== 0 && g(e) !== 0 ? 1 : 0);
    }
    case 'or': {
      const f = build(n.a),
        g = build(n.b);
      return (e) => (f(e) !== 0 || g(e) !== 0 ? 1 : 0);
    }
    case 'min': {
      const f = build(n.a),
        g = build(n.b);
      return (e) => {
        const x = f(e),
          y = g(e);
        return x < y ? x : y;
      };
    }
    case 'max': {
      const f = build(n.a),
        g = build(n.b);
      return (e) => {
        const x = f(e),
          y = g(e);
        return x > y ? x : y;
      };
    }
    case 'clamp': {
      // clamp(x, lo, hi) = min(max(x, lo), hi): when lo > hi the result is hi.
      const f = build(n.x),
        lo = build(n.lo),
        hi = build(n.hi);
      return (e) => {
        const x = f(e),
          l = lo(e),
          h = hi(e);
        const m = x > l ? x : l;
        return m < h ? m : h;
      };
    }
    case 'if': {
      const c = build(n.c),
        f = build(n.a),
        g = build(n.b);
      return (e) => (c(e) !== 0 ? f(e) : g(e));
    }
    default:
      return unreachable(n, 'expression node');
  }
}

// An arithmetic node's closure; every result saturates, and a constant operand is captured.
function arith(op: ArithOp, a: RNode, b: RNode): ExprFn {
  if (b.k === 'const' && a.k === 'read' && a.what === 'indicator') return indicatorArith(op, a.i, b.v);
  const f = build(a),
    g = build(b);
  if (a.k === 'const' && b.k !== 'const') {
    const v = a.v;
    switch (op) {
      case '+':
        return (e) => lim(v + g(e));
      case '-':
        return (e) => lim(v - g(e));
      case '*':
        return (e) => lim(v * g(e));
      case '/':
        return (e) => div(v, g(e));
    }
  }
  if (b.k === 'const') {
    const v = b.v;
    switch (op) {
      case '+':
        return (e) => lim(f(e) + v);
      case '-':
        return (e) => lim(f(e) - v);
      case '*':
        return (e) => lim(f(e) * v);
      case '/':
        return v === 0 ? () => 0 : (e) => lim(f(e) / v);
    }
  }
  switch (op) {
    case '+':
      return (e) => lim(f(e) + g(e));
    case '-':
      return (e) => lim(f(e) - g(e));
    case '*':
      return (e) => lim(f(e) * g(e));
    case '/':
      return (e) => div(f(e), g(e));
    default:
      return unreachable(op, 'arithmetic operator');
  }
}

// `indicator op constant` in one closure (the commonest shape in scenarios): the same values as the general case.
function indicatorArith(op: ArithOp, i: number, v: number): ExprFn {
  switch (op) {
    case '+':
      return (e) => lim(lim(e.indicator(i)) + v);
    case '-':
      return (e) => lim(lim(e.indicator(i)) - v);
    case '*':
      return (e) => lim(lim(e.indicator(i)) * v);
    case '/':
      return v === 0 ? () => 0 : (e) => lim(lim(e.indicator(i)) / v);
    default:
      return unreachable(op, 'arithmetic operator');
  }
}

// A comparison node's closure, giving 1 or 0; a constant right operand is captured.
function compare(op: CmpOp, a: RNode, b: RNode): ExprFn {
  if (b.k === 'const' && a.k === 'read' && (a.what === 'indicator' || a.what === 'flag')) return readCompare(op, a.what, a.i, b.v);
  const f = build(a),
    g = build(b);
  if (b.k === 'const') {
    const v = b.v;
    switch (op) {
      case '<':
        return (e) => (f(e) < v ? 1 : 0);
      case '<=':
        return (e) => (f(e) <= v ? 1 : 0);
      case '>':
        return (e) => (f(e) > v ? 1 : 0);
      case '>=':
        return (e) => (f(e) >= v ? 1 : 0);
      case '==':
        return (e) => (f(e) === v ? 1 : 0);
      case '!=':
        return (e) => (f(e) !== v ? 1 : 0);
    }
  }
  switch (op) {
    case '<':
      return (e) => (f(e) < g(e) ? 1 : 0);
    case '<=':
      return (e) => (f(e) <= g(e) ? 1 : 0);
    case '>':
      return (e) => (f(e) > g(e) ? 1 : 0);
    case '>=':
      return (e) => (f(e) >= g(e) ? 1 : 0);
    case '==':
      return (e) => (f(e) === g(e) ? 1 : 0);
    case '!=':
      return (e) => (f(e) !== g(e) ? 1 : 0);
    default:
      return unreachable(op, 'comparison operator');
  }
}

// `indicator op constant` and `flag(x) op constant` comparisons in one closure: the same values as the general case.
function readCompare(op: CmpOp, what: 'indicator' | 'flag', i: number, v: number): ExprFn {
  if (what === 'flag') {
    switch (op) {
      case '<':
        return (e) => (lim(e.flag(i)) < v ? 1 : 0);
      case '<=':
        return (e) => (lim(e.flag(i)) <= v ? 1 : 0);
      case '>':
        return (e) => (lim(e.flag(i)) > v ? 1 : 0);
      case '>=':
        return (e) => (lim(e.flag(i)) >= v ? 1 : 0);
      case '==':
        return (e) => (lim(e.flag(i)) === v ? 1 : 0);
      case '!=':
        return (e) => (lim(e.flag(i)) !== v ? 1 : 0);
    }
  }
  switch (op) {
    case '<':
      return (e) => (lim(e.indicator(i)) < v ? 1 : 0);
    case '<=':
      return (e) => (lim(e.indicator(i)) <= v ? 1 : 0);
    case '>':
      return (e) => (lim(e.indicator(i)) > v ? 1 : 0);
    case '>=':
      return (e) => (lim(e.indicator(i)) >= v ? 1 : 0);
    case '==':
      return (e) => (lim(e.indicator(i)) === v ? 1 : 0);
    case '!=':
      return (e) => (lim(e.indicator(i)) !== v ? 1 : 0);
    default:
      return unreachable(op, 'comparison operator');
  }
}
