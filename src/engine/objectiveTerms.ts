// How far each of a role's objectives is from being met: the simple comparisons its condition is made of, read now.
import { actorIndexOf } from './choices.js';
import { StateEnv } from './env.js';
import { treeOf, type CmpOp, type ExprEnv, type RNode } from './expr/index.js';
import type { GameState, Scenario } from './types.js';

/** One comparison of a number with a fixed threshold inside an objective's condition ("sk_security >= 60"). */
export interface ObjectiveTerm {
  kind: 'indicator' | 'flow' | 'flag' | 'stance' | 'leverage';
  /** The indicator, flow or flag id, or "<from>><to>" for a stance or leverage. */
  id: string;
  /** The number's name, as the dashboard and the why panels call it. */
  label: string;
  op: CmpOp;
  threshold: number;
  /** The value now, as read (the given indicator readings where there are some). */
  value: number;
  met: boolean;
}

/** An objective with its state now and the comparisons it is made of, joined by "and" or "or" (null: one or none). */
export interface ObjectiveStatus {
  id: string;
  label: string;
  points: number;
  met: boolean;
  join: 'and' | 'or' | null;
  terms: ObjectiveTerm[];
}

const FLIP: Record<CmpOp, CmpOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

/** pure; whether `value op threshold` holds. */
export function compares(value: number, op: CmpOp, threshold: number): boolean {
  switch (op) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

/** An environment that reads indicators from given values (a seat's readings) and everything else from the state. */
class ReadEnv extends StateEnv {
  constructor(
    sc: Scenario,
    s: GameState,
    private readonly values: readonly number[] | null,
  ) {
    super(sc, s);
  }
  override indicator(i: number): number {
    return this.values?.[i] ?? super.indicator(i);
  }
}

/**
 * pure; each objective of `actorId`: met or not and its comparisons with their values now. With `indicators` (the
 * values a seat reads, in scenario order) both are judged on those, so a seat's estimate never reveals the truth.
 */
export function objectiveStatus(sc: Scenario, s: GameState, actorId: string, indicators: readonly number[] | null = null): ObjectiveStatus[] {
  const actor = sc.actors[actorIndexOf(sc, actorId)]!;
  const env = new ReadEnv(sc, s, indicators);
  return actor.objectives.map((o) => {
    const tree = o.when.expr ? treeOf(o.when.expr) : undefined;
    const terms: ObjectiveTerm[] = [];
    if (tree) collect(sc, env, tree, terms);
    const join = tree && (tree.k === 'and' || tree.k === 'or') ? tree.k : null;
    return { id: o.id, label: o.label, points: o.points, met: o.when.fn(env) !== 0, join, terms };
  });
}

function collect(sc: Scenario, env: ExprEnv, n: RNode, out: ObjectiveTerm[]): void {
  if (n.k === 'and' || n.k === 'or') {
    collect(sc, env, n.a, out);
    collect(sc, env, n.b, out);
    return;
  }
  if (n.k !== 'cmp') return;
  const [read, threshold, op] = n.b.k === 'const' ? [n.a, n.b.v, n.op] : n.a.k === 'const' ? [n.b, n.a.v, FLIP[n.op]] : [null, 0, n.op];
  const term = read ? termOf(sc, env, read) : null;
  if (term) out.push({ ...term, op, threshold, met: compares(term.value, op, threshold) });
}

function termOf(sc: Scenario, env: ExprEnv, n: RNode): Pick<ObjectiveTerm, 'kind' | 'id' | 'label' | 'value'> | null {
  const def = sc.def;
  if (n.k === 'read') {
    if (n.what === 'indicator') return { kind: 'indicator', id: def.indicators[n.i]!.id, label: def.indicators[n.i]!.name, value: env.indicator(n.i) };
    if (n.what === 'flow') return { kind: 'flow', id: def.flows![n.i]!.id, label: def.flows![n.i]!.label, value: env.flow(n.i) };
    if (n.what === 'flag') return { kind: 'flag', id: def.flags![n.i]!.id, label: def.flags![n.i]!.label, value: env.flag(n.i) };
    return null;
  }
  if (n.k === 'pair') {
    const from = def.actors[n.a]!;
    const to = def.actors[n.b]!;
    return n.what === 'stance'
      ? { kind: 'stance', id: `${from.id}>${to.id}`, label: `${from.name} toward ${to.name}`, value: env.stance(n.a, n.b) }
      : { kind: 'leverage', id: `${from.id}>${to.id}`, label: `${from.name}'s leverage over ${to.name}`, value: env.leverage(n.a, n.b) };
  }
  return null;
}
