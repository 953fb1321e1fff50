import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileExpr, exprRange, type Bounds, type ExprEnv, type ExprRefs } from './index.js';

const ids = (...names: string[]): Map<string, number> => new Map(names.map((n, i) => [n, i]));
const refs: ExprRefs = {
  indicators: ids('a', 'b', 'c', 'w'),
  actors: ids('nk', 'us', 'cn'),
  flows: ids('f0', 'f1'),
  flags: ids('g0'),
  situations: ids('s0'),
  events: ids('e0'),
  actions: ids('t0'),
};
const IND: Array<[number, number]> = [
  [0, 100],
  [-50, 50],
  [-1, 1],
  [-1e15, 1e15],
];
const STANCE: [number, number] = [-100, 100];
const LEVERAGE: [number, number] = [-1, 1];
const FLOW: [number, number] = [0, 50];
const FLAG: [number, number] = [0, 1];
const MAX_TURN = 20;
const MAX_COUNT = 30;
const bounds: Bounds = {
  indicator: (i) => IND[i] ?? [0, 0],
  stance: () => STANCE,
  leverage: () => LEVERAGE,
  flow: () => FLOW,
  flag: () => FLAG,
  maxTurn: () => MAX_TURN,
};

const within = ([lo, hi]: [number, number]): fc.Arbitrary<number> =>
  fc.oneof(fc.double({ min: lo, max: hi, noNaN: true }), fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }), fc.constantFrom(lo, hi));

// A random env whose every read lies within the declared bounds.
const envArb: fc.Arbitrary<ExprEnv> = fc
  .record({
    ind: fc.tuple(...IND.map(within)),
    stance: fc.array(within(STANCE), { minLength: 9, maxLength: 9 }),
    leverage: fc.array(within(LEVERAGE), { minLength: 9, maxLength: 9 }),
    flow: fc.tuple(within(FLOW), within(FLOW)),
    flag: within(FLAG),
    situation: fc.constantFrom(0, 1),
    fired: fc.integer({ min: 0, max: MAX_COUNT }),
    taken: fc.integer({ min: 0, max: MAX_COUNT }),
    turn: fc.integer({ min: 0, max: MAX_TURN }),
  })
  .map((v) => ({
    indicator: (i: number) => v.ind[i] ?? 0,
    stance: (x: number, y: number) => v.stance[x * 3 + y] ?? 0,
    leverage: (x: number, y: number) => v.leverage[x * 3 + y] ?? 0,
    flow: (i: number) => v.flow[i] ?? 0,
    flag: () => v.flag,
    situation: () => v.situation,
    fired: () => v.fired,
    taken: () => v.taken,
    turn: () => v.turn,
  }));

const numberLit = fc.oneof(
  fc.nat({ max: 1000 }).map(String),
  fc.tuple(fc.nat({ max: 100 }), fc.nat({ max: 999 })).map(([i, f]) => `${i}.${f}`),
  fc.constantFrom('0', 'true', 'false', '9'.repeat(30), '0.000000000001'),
);
const pairOf = (fn: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom('nk', 'us', 'cn'), fc.constantFrom('nk', 'us', 'cn'))
    .filter(([x, y]) => x !== y)
    .map(([x, y]) => `${fn}(${x}, ${y})`);
const leaf = fc.oneof(
  numberLit,
  fc.constantFrom('turn', 'a', 'b', 'c', 'w', 'ind(b)', 'flow(f0)', 'flow(f1)', 'flag(g0)', 'active(s0)', 'fired(e0)', 'taken(t0)'),
  pairOf('stance'),
  pairOf('leverage'),
);
const wrap = (s: string, yes: boolean): string => (yes ? `(${s})` : s);

// Valid expressions from a small grammar; comparisons and not are parenthesized so that they never chain.
const { expr } = fc.letrec<{ expr: string }>((tie) => {
  const sub = tie('expr');
  const args = (n: number): fc.Arbitrary<string> => fc.array(sub, { minLength: n, maxLength: n }).map((xs) => xs.join(', '));
  return {
    expr: fc.oneof(
      { maxDepth: 5, depthIdentifier: 'expr' },
      leaf,
      fc.tuple(sub, fc.constantFrom('+', '-', '*', '/'), sub, fc.boolean()).map(([x, op, y, w]) => wrap(`${x} ${op} ${y}`, w)),
      fc.tuple(sub, fc.constantFrom('<', '<=', '>', '>=', '==', '!='), sub).map(([x, op, y]) => `(${x} ${op} ${y})`),
      fc.tuple(sub, fc.constantFrom('and', 'or', '&&', '||'), sub, fc.boolean()).map(([x, op, y, w]) => wrap(`${x} ${op} ${y}`, w)),
      fc.tuple(fc.constantFrom('not ', '!'), sub).map(([op, x]) => `(${op}${x})`),
      fc.tuple(sub, fc.boolean()).map(([x, w]) => wrap(`-${x}`, w)),
      fc.tuple(fc.constantFrom('min', 'max'), fc.integer({ min: 1, max: 4 })).chain(([f, n]) => args(n).map((s) => `${f}(${s})`)),
      fc.tuple(fc.constantFrom('clamp', 'if'), args(3)).map(([f, s]) => `${f}(${s})`),
      fc.tuple(fc.constantFrom('abs', 'round', 'floor', 'ceil'), sub).map(([f, x]) => `${f}(${x})`),
    ),
  };
});

const tokenSoup = fc
  .array(
    fc.constantFrom(
      '(',
      ')',
      ',',
      '+',
      '-',
      '*',
      '/',
      '<',
      '<=',
      '==',
      '!=',
      '!',
      '=',
      '&',
      '|',
      'and',
      'or',
      'not',
      ' ',
      '\n',
      '1',
      '0',
      '.',
      '5',
      'e',
      'a',
      'b',
      'nk',
      'us',
      'stance',
      'min',
      'clamp',
      'if',
      'ind',
      '__proto__',
      '#',
      'é',
    ),
    { maxLength: 40 },
  )
  .map((xs) => xs.join(''));

describe('expression properties', () => {
  it('compiles every generated expression, evaluates it to a finite number and stays within exprRange', () => {
    fc.assert(
      fc.property(expr, fc.array(envArb, { minLength: 1, maxLength: 4 }), (src, envs) => {
        const r = compileExpr(src, refs);
        expect(r.ok ? [] : r.errors).toEqual([]);
        if (!r.ok) return;
        const [lo, hi] = exprRange(r.expr, bounds);
        expect(lo).toBeLessThanOrEqual(hi);
        for (const env of envs) {
          const v = r.expr.fn(env);
          expect(Number.isFinite(v)).toBe(true);
          expect(Object.is(v, -0)).toBe(false);
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(hi);
          expect(r.expr.fn(env)).toBe(v);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('sets constant exactly when nothing is read, and then always evaluates to it', () => {
    fc.assert(
      fc.property(expr, envArb, (src, env) => {
        const r = compileExpr(src, refs);
        if (!r.ok) return;
        const { reads, constant, fn } = r.expr;
        const readsNothing =
          !reads.turn &&
          [reads.indicators, reads.flows, reads.flags, reads.situations, reads.events, reads.actions, reads.stances, reads.leverages].every(
            (xs) => xs.length === 0,
          );
        expect(constant !== null).toBe(readsNothing);
        if (constant !== null) {
          expect(fn(env)).toBe(constant);
          expect(exprRange(r.expr, bounds)).toEqual([constant, constant]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text and reports errors with spans inside the source', () => {
    const check = (src: string): void => {
      const r = compileExpr(src, refs);
      if (r.ok) {
        expect(
          Number.isFinite(
            r.expr.fn({
              indicator: () => 1,
              stance: () => 1,
              leverage: () => 1,
              flow: () => 1,
              flag: () => 1,
              situation: () => 1,
              fired: () => 1,
              taken: () => 1,
              turn: () => 1,
            }),
          ),
        ).toBe(true);
        return;
      }
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.message.length).toBeGreaterThan(0);
        expect(0 <= e.start && e.start <= e.end && e.end <= src.length).toBe(true);
      }
    };
    fc.assert(fc.property(tokenSoup, check), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 1000 });
  });
});
