// Interval analysis for compiled expressions: pure; a sound over-approximation of every value an expression can take.
import { LIMIT, lim, treeOf, type CompiledExpr, type RNode } from './compile.js';
import type { CmpOp } from './parser.js';
import { unreachable } from '../unreachable.js';

export interface Bounds {
  indicator(i: number): [number, number];
  stance(): [number, number];
  leverage(): [number, number];
  flow(i: number): [number, number];
  flag(i: number): [number, number];
  maxTurn(): number;
}

type Iv = [number, number];
type Truth = 'false' | 'true' | 'maybe';

const FULL: Iv = [-LIMIT, LIMIT];
const BOOL: Iv = [0, 1];

// Declared bounds made safe: NaN gives the full range, values saturate like evaluated ones, reversed ends are swapped.
function sane(lo: number, hi: number): Iv {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return [FULL[0], FULL[1]];
  const a = lim(lo),
    b = lim(hi);
  return a <= b ? [a, b] : [b, a];
}

function truth([lo, hi]: Iv): Truth {
  if (lo === 0 && hi === 0) return 'false';
  return lo > 0 || hi < 0 ? 'true' : 'maybe';
}

function fromTruth(t: Truth): Iv {
  return t === 'true' ? [1, 1] : t === 'false' ? [0, 0] : [0, 1];
}

function hull(a: Iv, b: Iv): Iv {
  return [a[0] < b[0] ? a[0] : b[0], a[1] > b[1] ? a[1] : b[1]];
}

// The range of f over the corners of a box: sound for + - * / (away from 0) because rounding is monotone.
function corners(a: Iv, b: Iv, f: (x: number, y: number) => number): Iv {
  const v = [f(a[0], b[0]), f(a[0], b[1]), f(a[1], b[0]), f(a[1], b[1])];
  return [lim(Math.min(...v)), lim(Math.max(...v))];
}

function divide(a: Iv, b: Iv): Iv {
  if (b[0] > 0 || b[1] < 0) return corners(a, b, (x, y) => x / y);
  // b may be 0 (giving 0) or arbitrarily close to it (giving up to ±LIMIT in the direction of the signs).
  if (a[0] === 0 && a[1] === 0) return [0, 0];
  if (b[0] === 0 && b[1] === 0) return [0, 0];
  const up = (a[1] > 0 && b[1] > 0) || (a[0] < 0 && b[0] < 0);
  const down = (a[0] < 0 && b[1] > 0) || (a[1] > 0 && b[0] < 0);
  return [down ? -LIMIT : 0, up ? LIMIT : 0];
}

function compare(op: CmpOp, [alo, ahi]: Iv, [blo, bhi]: Iv): Iv {
  switch (op) {
    case '<':
      return ahi < blo ? [1, 1] : alo >= bhi ? [0, 0] : BOOL;
    case '<=':
      return ahi <= blo ? [1, 1] : alo > bhi ? [0, 0] : BOOL;
    case '>':
      return alo > bhi ? [1, 1] : ahi <= blo ? [0, 0] : BOOL;
    case '>=':
      return alo >= bhi ? [1, 1] : ahi < blo ? [0, 0] : BOOL;
    case '==':
      return equal([alo, ahi], [blo, bhi]);
    case '!=': {
      const eq = equal([alo, ahi], [blo, bhi]);
      return [1 - eq[1], 1 - eq[0]];
    }
    default:
      return unreachable(op, 'comparison operator');
  }
}

function equal([alo, ahi]: Iv, [blo, bhi]: Iv): Iv {
  const same = alo === ahi && blo === bhi && alo === blo;
  const apart = ahi < blo || bhi < alo;
  return same ? [1, 1] : apart ? [0, 0] : BOOL;
}

function range(n: RNode, b: Bounds): Iv {
  switch (n.k) {
    case 'const':
      return [n.v, n.v];
    case 'turn':
      return sane(0, b.maxTurn());
    case 'read':
      switch (n.what) {
        case 'indicator':
          return sane(...b.indicator(n.i));
        case 'flow':
          return sane(...b.flow(n.i));
        case 'flag':
          return sane(...b.flag(n.i));
        case 'situation':
          return [0, 1];
        case 'event':
        case 'action':
          return [0, LIMIT];
        default:
          return unreachable(n, 'read kind');
      }
    case 'pair':
      return sane(...(n.what === 'stance' ? b.stance() : b.leverage()));
    case 'neg': {
      const [lo, hi] = range(n.x, b);
      return [0 - hi, 0 - lo];
    }
    case 'not': {
      const t = truth(range(n.x, b));
      return fromTruth(t === 'maybe' ? t : t === 'true' ? 'false' : 'true');
    }
    case 'abs': {
      const [lo, hi] = range(n.x, b);
      return lo >= 0 ? [lo, hi] : hi <= 0 ? [0 - hi, 0 - lo] : [0, -lo > hi ? -lo : hi];
    }
    case 'round': {
      const [lo, hi] = range(n.x, b);
      return [Math.round(lo) + 0, Math.round(hi) + 0];
    }
    case 'floor': {
      const [lo, hi] = range(n.x, b);
      return [Math.floor(lo), Math.floor(hi)];
    }
    case 'ceil': {
      const [lo, hi] = range(n.x, b);
      return [Math.ceil(lo) + 0, Math.ceil(hi) + 0];
    }
    case 'arith': {
      const x = range(n.a, b),
        y = range(n.b, b);
      switch (n.op) {
        case '+':
          return [lim(x[0] + y[0]), lim(x[1] + y[1])];
        case '-':
          return [lim(x[0] - y[1]), lim(x[1] - y[0])];
        case '*':
          return corners(x, y, (p, q) => p * q);
        case '/':
          return divide(x, y);
        default:
          return unreachable(n, 'arithmetic operator');
      }
    }
    case 'cmp':
      return compare(n.op, range(n.a, b), range(n.b, b));
    case 'and':
    case 'or': {
      const x = truth(range(n.a, b)),
        y = truth(range(n.b, b));
      const stop = n.k === 'and' ? 'false' : 'true';
      if (x === stop || y === stop) return fromTruth(stop);
      return x === 'maybe' || y === 'maybe' ? BOOL : fromTruth(x);
    }
    case 'min': {
      const x = range(n.a, b),
        y = range(n.b, b);
      return [Math.min(x[0], y[0]), Math.min(x[1], y[1])];
    }
    case 'max': {
      const x = range(n.a, b),
        y = range(n.b, b);
      return [Math.max(x[0], y[0]), Math.max(x[1], y[1])];
    }
    case 'clamp': {
      // min(max(x, lo), hi) is monotone in each argument, so it maps the interval ends.
      const x = range(n.x, b),
        lo = range(n.lo, b),
        hi = range(n.hi, b);
      return [Math.min(Math.max(x[0], lo[0]), hi[0]), Math.min(Math.max(x[1], lo[1]), hi[1])];
    }
    case 'if': {
      const t = truth(range(n.c, b));
      return t === 'true' ? range(n.a, b) : t === 'false' ? range(n.b, b) : hull(range(n.a, b), range(n.b, b));
    }
    default:
      return unreachable(n, 'expression node');
  }
}

// pure; for an expression not made by compileExpr, falls back to its constant or the full range
export function exprRange(expr: CompiledExpr, bounds: Bounds): [number, number] {
  const tree = treeOf(expr);
  if (tree) return range(tree, bounds);
  return expr.constant !== null ? [expr.constant, expr.constant] : [FULL[0], FULL[1]];
}
