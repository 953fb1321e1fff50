// Compiler for the expression language: pure; resolves names to indices, folds constants and builds closures.
import { lex, type ExprError } from './lexer.js';
import { EXPR_LIMITS, parse, type ArithOp, type CmpOp, type AstNode } from './parser.js';
import { build, lim } from './closures.js';
import { closest } from '../text.js';
import { unreachable } from '../unreachable.js';

export { LIMIT, lim } from './closures.js';

export interface ExprRefs {
  indicators: ReadonlyMap<string, number>;
  actors: ReadonlyMap<string, number>;
  flows: ReadonlyMap<string, number>;
  flags: ReadonlyMap<string, number>;
  situations: ReadonlyMap<string, number>;
  events: ReadonlyMap<string, number>;
  actions: ReadonlyMap<string, number>;
}
export interface ExprEnv {
  indicator(i: number): number;
  stance(from: number, to: number): number;
  leverage(from: number, to: number): number;
  flow(i: number): number;
  flag(i: number): number;
  situation(i: number): number;
  fired(i: number): number;
  taken(i: number): number;
  turn(): number;
}
export type ExprFn = (env: ExprEnv) => number;
export interface ExprReads {
  indicators: number[];
  flows: number[];
  flags: number[];
  situations: number[];
  events: number[];
  actions: number[];
  stances: Array<[number, number]>;
  leverages: Array<[number, number]>;
  turn: boolean;
}
export interface CompiledExpr {
  source: string;
  fn: ExprFn;
  reads: ExprReads;
  constant: number | null;
}
export type CompileResult = { ok: true; expr: CompiledExpr } | { ok: false; errors: ExprError[] };

export type ReadKind = 'indicator' | 'flow' | 'flag' | 'situation' | 'event' | 'action';
export type IdKind = ReadKind | 'actor';

// The resolved tree: names replaced by indices, n-ary min/max reduced to binary, constant subtrees folded.
export type RNode =
  | { k: 'const'; v: number }
  | { k: 'turn' }
  | { k: 'read'; what: ReadKind; i: number }
  | { k: 'pair'; what: 'stance' | 'leverage'; a: number; b: number }
  | { k: 'neg' | 'not' | 'abs' | 'round' | 'floor' | 'ceil'; x: RNode }
  | { k: 'arith'; op: ArithOp; a: RNode; b: RNode }
  | { k: 'cmp'; op: CmpOp; a: RNode; b: RNode }
  | { k: 'and' | 'or' | 'min' | 'max'; a: RNode; b: RNode }
  | { k: 'clamp'; x: RNode; lo: RNode; hi: RNode }
  | { k: 'if'; c: RNode; a: RNode; b: RNode };

const TREES = new WeakMap<CompiledExpr, RNode>();
// The resolved tree of an expression made by compileExpr, for static analysis.
export function treeOf(expr: CompiledExpr): RNode | undefined {
  return TREES.get(expr);
}

const FIELD = {
  indicator: 'indicators',
  actor: 'actors',
  flow: 'flows',
  flag: 'flags',
  situation: 'situations',
  event: 'events',
  action: 'actions',
} as const;
const KINDS: readonly IdKind[] = ['indicator', 'actor', 'flow', 'flag', 'situation', 'event', 'action'];
const ARTICLE = { indicator: 'an', actor: 'an', flow: 'a', flag: 'a', situation: 'a', event: 'an', action: 'an' } as const;
// The functions that read one id, and the kind of id each reads.
const READS = { ind: 'indicator', flow: 'flow', flag: 'flag', active: 'situation', fired: 'event', taken: 'action' } as const satisfies Record<
  string,
  ReadKind
>;
// How to read each kind of name where a number is expected: READS turned around.
const USE = Object.fromEntries(Object.entries(READS).map(([fn, kind]) => [kind, fn])) as { [K in keyof typeof READS as (typeof READS)[K]]: K };

// Functions by name: arity (max = Infinity for any number) and, for id-taking ones, the kind of id they take.
interface FnSpec {
  min: number;
  max: number;
  ids: IdKind | null;
}
const fnSpec = (min: number, max: number, ids: IdKind | null = null): FnSpec => ({ min, max, ids });
const FUNCS = {
  min: fnSpec(1, Infinity),
  max: fnSpec(1, Infinity),
  clamp: fnSpec(3, 3),
  if: fnSpec(3, 3),
  abs: fnSpec(1, 1),
  round: fnSpec(1, 1),
  floor: fnSpec(1, 1),
  ceil: fnSpec(1, 1),
  stance: fnSpec(2, 2, 'actor'),
  leverage: fnSpec(2, 2, 'actor'),
  flow: fnSpec(1, 1, READS.flow),
  flag: fnSpec(1, 1, READS.flag),
  active: fnSpec(1, 1, READS.active),
  fired: fnSpec(1, 1, READS.fired),
  taken: fnSpec(1, 1, READS.taken),
  ind: fnSpec(1, 1, READS.ind),
} as const satisfies Record<string, FnSpec>;
type FnName = keyof typeof FUNCS;
const isFn = (name: string): name is FnName => Object.hasOwn(FUNCS, name);

function quote(name: string): string {
  return `"${name.length > 40 ? `${name.slice(0, 40)}...` : name}"`;
}

// A did-you-mean hint for a message (text.ts's closest), or ''.
export function suggest(name: string, candidates: Iterable<string>): string {
  const best = closest(name, candidates);
  return best === null ? '' : `; did you mean ${quote(best)}?`;
}

function resolve(n: AstNode, refs: ExprRefs, errors: ExprError[]): RNode | null {
  const err = (at: { start: number; end: number }, message: string): null => {
    errors.push({ message, start: at.start, end: at.end });
    return null;
  };
  const kindOf = (name: string, except: IdKind | null): IdKind | null => {
    for (const k of KINDS) if (k !== except && refs[FIELD[k]].has(name)) return k;
    return null;
  };
  const id = (arg: AstNode, kind: IdKind, fn: string): number | null => {
    if (arg.kind !== 'name') return err(arg, `${fn}() expects ${ARTICLE[kind]} ${kind} id here, not an expression`);
    const index = refs[FIELD[kind]].get(arg.name);
    if (index !== undefined) return index;
    const other = kindOf(arg.name, kind);
    if (other !== null) return err(arg, `${quote(arg.name)} is ${ARTICLE[other]} ${other}, not ${ARTICLE[kind]} ${kind}`);
    return err(arg, `unknown ${kind} ${quote(arg.name)}${suggest(arg.name, refs[FIELD[kind]].keys())}`);
  };
  const all = (nodes: readonly AstNode[]): RNode[] | null => {
    const out = nodes.map((a) => resolve(a, refs, errors));
    return out.every((r): r is RNode => r !== null) ? out : null;
  };

  switch (n.kind) {
    case 'num':
      return { k: 'const', v: lim(n.value) };
    case 'name': {
      if (n.name === 'turn') return { k: 'turn' };
      const i = refs.indicators.get(n.name);
      if (i !== undefined) return { k: 'read', what: 'indicator', i };
      const other = kindOf(n.name, 'indicator');
      if (other === 'actor') return err(n, `${quote(n.name)} is an actor, not an indicator; use it inside stance(...) or leverage(...)`);
      if (other !== null) return err(n, `${quote(n.name)} is ${ARTICLE[other]} ${other}, not an indicator; write ${USE[other]}(${n.name})`);
      if (isFn(n.name)) return err(n, `${quote(n.name)} is a function; write ${n.name}(...)`);
      return err(n, `unknown indicator ${quote(n.name)}${suggest(n.name, [...refs.indicators.keys(), 'turn'])}`);
    }
    case 'neg':
    case 'not': {
      const x = resolve(n.arg, refs, errors);
      return x && simplify({ k: n.kind, x });
    }
    case 'bin': {
      const a = resolve(n.left, refs, errors);
      const b = resolve(n.right, refs, errors);
      if (!a || !b) return null;
      if (n.op === 'and' || n.op === 'or') return simplify({ k: n.op, a, b });
      if (n.op === '+' || n.op === '-' || n.op === '*' || n.op === '/') return simplify({ k: 'arith', op: n.op, a, b });
      return simplify({ k: 'cmp', op: n.op, a, b });
    }
    case 'call': {
      const name = n.name;
      const nameSpan = { start: n.start, end: n.nameEnd };
      if (!isFn(name)) {
        const other = kindOf(name, null);
        if (other !== null) return err(nameSpan, `${quote(name)} is ${ARTICLE[other]} ${other}, not a function`);
        return err(nameSpan, `unknown function ${quote(name)}${suggest(name, Object.keys(FUNCS))}`);
      }
      const spec: FnSpec = FUNCS[name];
      const count = n.args.length;
      if (count < spec.min || count > spec.max) {
        if (!spec.ids) all(n.args);
        const plural = (k: number): string => `${k} argument${k === 1 ? '' : 's'}`;
        return err(n, spec.max === Infinity ? `${n.name}() needs at least ${plural(spec.min)}` : `${n.name}() takes ${plural(spec.min)} but got ${count}`);
      }
      switch (name) {
        case 'stance':
        case 'leverage': {
          const [argA, argB] = n.args as [AstNode, AstNode];
          const a = id(argA, 'actor', name);
          const b = id(argB, 'actor', name);
          if (a === null || b === null) return null;
          if (a === b) return err(argB, `${name}() needs two different actors`);
          return { k: 'pair', what: name, a, b };
        }
        case 'ind':
        case 'flow':
        case 'flag':
        case 'active':
        case 'fired':
        case 'taken': {
          const what = READS[name];
          const i = id(n.args[0] as AstNode, what, name);
          return i === null ? null : { k: 'read', what, i };
        }
        case 'min':
        case 'max':
        case 'clamp':
        case 'if':
        case 'abs':
        case 'round':
        case 'floor':
        case 'ceil': {
          const args = all(n.args);
          if (!args) return null;
          const [p, q, r] = args as [RNode, RNode, RNode];
          switch (name) {
            case 'min':
            case 'max':
              return args.slice(1).reduce<RNode>((acc, x) => simplify({ k: name, a: acc, b: x }), p);
            case 'clamp':
              return simplify({ k: 'clamp', x: p, lo: q, hi: r });
            case 'if':
              return simplify({ k: 'if', c: p, a: q, b: r });
            case 'abs':
            case 'round':
            case 'floor':
            case 'ceil':
              return simplify({ k: name, x: p });
            default:
              return unreachable(name, 'function');
          }
        }
        default:
          return unreachable(name, 'function');
      }
    }
    default:
      return unreachable(n, 'expression syntax node');
  }
}

const C = (v: number): RNode => ({ k: 'const', v });
const truthy = (x: RNode): RNode => simplify({ k: 'cmp', op: '!=', a: x, b: C(0) });

function kids(n: RNode): RNode[] {
  switch (n.k) {
    case 'const':
    case 'turn':
    case 'read':
    case 'pair':
      return [];
    case 'neg':
    case 'not':
    case 'abs':
    case 'round':
    case 'floor':
    case 'ceil':
      return [n.x];
    case 'clamp':
      return [n.x, n.lo, n.hi];
    case 'if':
      return [n.c, n.a, n.b];
    case 'arith':
    case 'cmp':
    case 'and':
    case 'or':
    case 'min':
    case 'max':
      return [n.a, n.b];
    default:
      return unreachable(n, 'expression node');
  }
}

const NO_ENV: ExprEnv = {
  indicator: () => 0,
  stance: () => 0,
  leverage: () => 0,
  flow: () => 0,
  flag: () => 0,
  situation: () => 0,
  fired: () => 0,
  taken: () => 0,
  turn: () => 0,
};

// Folds a node whose operands are constants, and and/or/if whose deciding operand is constant (reads are pure).
function simplify(n: RNode): RNode {
  if (n.k === 'and' || n.k === 'or') {
    const stop = n.k === 'and' ? 0 : 1;
    for (const [x, y] of [
      [n.a, n.b],
      [n.b, n.a],
    ] as const) {
      if (x.k === 'const' && (x.v !== 0 ? 1 : 0) === stop) return C(stop);
      if (x.k === 'const' && y.k !== 'const') return truthy(y);
    }
  }
  if (n.k === 'if' && n.c.k === 'const') return n.c.v !== 0 ? n.a : n.b;
  const children = kids(n);
  if (children.length > 0 && children.every((c) => c.k === 'const')) return C(build(n)(NO_ENV));
  return n;
}

function collectReads(root: RNode): ExprReads {
  const sets = {
    indicator: new Set<number>(),
    flow: new Set<number>(),
    flag: new Set<number>(),
    situation: new Set<number>(),
    event: new Set<number>(),
    action: new Set<number>(),
  };
  const pairs = { stance: new Map<string, [number, number]>(), leverage: new Map<string, [number, number]>() };
  let turn = false;
  const walk = (n: RNode): void => {
    if (n.k === 'turn') turn = true;
    else if (n.k === 'read') sets[n.what].add(n.i);
    else if (n.k === 'pair') pairs[n.what].set(`${n.a},${n.b}`, [n.a, n.b]);
    for (const c of kids(n)) walk(c);
  };
  walk(root);
  const sorted = (s: Set<number>): number[] => [...s].sort((x, y) => x - y);
  const sortedPairs = (m: Map<string, [number, number]>): Array<[number, number]> => [...m.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return {
    indicators: sorted(sets.indicator),
    flows: sorted(sets.flow),
    flags: sorted(sets.flag),
    situations: sorted(sets.situation),
    events: sorted(sets.event),
    actions: sorted(sets.action),
    stances: sortedPairs(pairs.stance),
    leverages: sortedPairs(pairs.leverage),
    turn,
  };
}

// pure; never throws; reports lexical errors, then the first parse error, then every unresolved name
export function compileExpr(source: string, refs: ExprRefs): CompileResult {
  if (typeof source !== 'string') return { ok: false, errors: [{ message: 'expression must be a string', start: 0, end: 0 }] };
  if (source.length > EXPR_LIMITS.maxLength) {
    const message = `expression is too long (${source.length} characters; the limit is ${EXPR_LIMITS.maxLength})`;
    return { ok: false, errors: [{ message, start: 0, end: 0 }] };
  }
  const lexed = lex(source);
  const parsed = parse(lexed.tokens, source);
  const errors = [...lexed.errors, ...parsed.errors];
  const tree = parsed.ast && resolve(parsed.ast, refs, errors);
  if (!tree || errors.length > 0) return { ok: false, errors };
  const expr: CompiledExpr = { source, fn: build(tree), reads: collectReads(tree), constant: tree.k === 'const' ? tree.v : null };
  TREES.set(expr, tree);
  return { ok: true, expr };
}
