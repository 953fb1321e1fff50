// Static analysis of a compiled scenario: what can never happen, and requirement cycles. Sound: claims only certainties.
import {
  exprRange,
  treeOf,
  unreachable,
  type Amount,
  type Bounds,
  type CAction,
  type CmpOp,
  type Diagnostic,
  type JsonPath,
  type RNode,
  type Scenario,
} from '../engine/compiler.js';

type Range = [number, number];
const FULL: Range = [-1e12, 1e12];
const never = ([lo, hi]: Range): boolean => lo === 0 && hi === 0;
const always = ([lo, hi]: Range): boolean => lo > 0 || hi < 0;

function holds(op: CmpOp, x: number, y: number): boolean {
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    default:
      return unreachable(op, 'comparison operator');
  }
}

const union = (a: Set<number>, b: Set<number>): Set<number> => new Set([...a, ...b]);
const intersect = (a: Set<number>, b: Set<number>): Set<number> => new Set([...a].filter((x) => b.has(x)));

/** pure; actions i such that the expression is exactly 0 whenever taken(i) is 0. */
function zeroUnless(n: RNode): Set<number> {
  switch (n.k) {
    case 'read':
      return n.what === 'action' ? new Set([n.i]) : new Set();
    case 'and':
      return union(zeroUnless(n.a), zeroUnless(n.b));
    case 'arith':
      return n.op === '*' ? union(zeroUnless(n.a), zeroUnless(n.b)) : n.op === '/' ? zeroUnless(n.a) : new Set();
    case 'or':
      return intersect(zeroUnless(n.a), zeroUnless(n.b));
    case 'if':
      return intersect(zeroUnless(n.a), zeroUnless(n.b));
    case 'neg':
    case 'abs':
    case 'round':
    case 'floor':
    case 'ceil':
      return zeroUnless(n.x);
    case 'cmp': {
      if (n.b.k === 'const' && !holds(n.op, 0, n.b.v)) return zeroUnless(n.a);
      if (n.a.k === 'const' && !holds(n.op, n.a.v, 0)) return zeroUnless(n.b);
      return new Set();
    }
    // Constants, turn and stance reads are not zero because of an action; not, min, max and clamp of a zero need not be zero.
    case 'const':
    case 'turn':
    case 'pair':
    case 'not':
    case 'min':
    case 'max':
    case 'clamp':
      return new Set();
    default:
      return unreachable(n, 'expression node');
  }
}

interface Edge {
  to: number;
  path: JsonPath;
}

/** pure; never mutates its input; warnings about what can never happen, and an error per requirement cycle. */
export function analyzeScenario(sc: Scenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (path: JsonPath, message: string) => out.push({ severity: 'warning', path, message });
  const bounds: Bounds = {
    indicator: (i) => {
      const d = sc.indicators[i];
      return d ? [d.min, d.max] : FULL;
    },
    stance: () => [sc.stanceMin, sc.stanceMax],
    leverage: () => [-1, 1],
    flow: (i) => {
      const f = sc.flows[i];
      return f ? [f.min, f.max] : FULL;
    },
    flag: () => [-1e9, 1e9],
    maxTurn: () => sc.turnCount + 1,
  };
  const range = (a: Amount): Range => {
    if (a.constant !== null) return [a.constant, a.constant];
    return a.expr ? exprRange(a.expr, bounds) : FULL;
  };
  const conditions = (a: CAction): Array<{ amount: Amount; path: JsonPath; what: string }> => [
    ...(a.visible ? [{ amount: a.visible, path: ['actions', a.index, 'visible'], what: 'its "visible" condition can never be true' }] : []),
    ...a.requires.map((r, j) => ({ amount: r.when, path: ['actions', a.index, 'requires', j, 'when'], what: `its requirement "${r.label}" can never be met` })),
  ];

  // Which actions each action needs to have been taken first.
  const edges: Edge[][] = sc.actions.map((a) => {
    const list: Edge[] = [];
    for (const c of conditions(a)) {
      const e = c.amount.constant === null ? c.amount.expr : null;
      const tree = e ? treeOf(e) : undefined;
      if (tree) for (const to of [...zeroUnless(tree)].sort((x, y) => x - y)) list.push({ to, path: c.path });
    }
    return list;
  });
  const reach = sc.actions.map((_, start) => {
    const seen = new Set<number>();
    const todo = [start];
    while (todo.length)
      for (const e of edges[todo.pop()!] ?? [])
        if (!seen.has(e.to)) {
          seen.add(e.to);
          todo.push(e.to);
        }
    return seen;
  });
  const blocked = new Set<number>();
  for (const a of sc.actions) {
    if (blocked.has(a.index) || !reach[a.index]?.has(a.index)) continue;
    const scc = [...(reach[a.index] ?? [])].filter((b) => reach[b]?.has(a.index)).sort((x, y) => x - y);
    scc.forEach((b) => blocked.add(b));
    const prevOf = new Map<number, number>();
    const queue = [a.index];
    for (let k = 0; k < queue.length && !prevOf.has(a.index); k++) {
      const v = queue[k]!;
      for (const e of edges[v] ?? [])
        if (scc.includes(e.to) && !prevOf.has(e.to)) {
          prevOf.set(e.to, v);
          queue.push(e.to);
        }
    }
    const cycle: number[] = [];
    for (let v = prevOf.get(a.index)!; v !== a.index; v = prevOf.get(v)!) cycle.unshift(v);
    cycle.unshift(a.index);
    const names = [...cycle, a.index].map((i) => sc.actions[i]!.id);
    const steps = cycle.map((v, k) => `"${names[k]}" requires taken(${names[k + 1]})`).join(', ');
    const first = edges[a.index]!.find((e) => e.to === (cycle[1] ?? a.index))!;
    out.push({ severity: 'error', path: first.path, message: `requirement cycle ${names.join(' → ')}: ${steps}; none of them can ever be taken` });
  }

  for (const a of sc.actions) {
    if (blocked.has(a.index)) continue;
    const c = conditions(a).find((x) => never(range(x.amount)));
    if (c) {
      blocked.add(a.index);
      warn(c.path, `action "${a.id}" is never available: ${c.what}`);
      continue;
    }
    a.cost.forEach((k, j) => {
      const ind = sc.indicators[k.indicator]!;
      if (blocked.has(a.index) || k.amount <= ind.max - ind.min) return;
      blocked.add(a.index);
      warn(
        ['actions', a.index, 'cost', j, 'amount'],
        `action "${a.id}" is never affordable: it costs ${k.amount} of "${ind.id}", whose whole range is only ${ind.max - ind.min} wide`,
      );
    });
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const a of sc.actions) {
      const e = blocked.has(a.index) ? undefined : edges[a.index]?.find((x) => blocked.has(x.to));
      if (!e) continue;
      blocked.add(a.index);
      changed = true;
      warn(e.path, `action "${a.id}" is never available: it requires taken(${sc.actions[e.to]!.id}), which can never be taken`);
    }
  }

  sc.endings.forEach((e, i) => {
    const whenNever = e.when !== null && never(range(e.when));
    const limitNever = e.atTimeLimit !== null && never(range(e.atTimeLimit));
    if (whenNever)
      warn(['endings', i, 'when'], `ending "${e.id}": "when" can never be true${e.atTimeLimit && !limitNever ? '' : ', so this ending is never reached'}`);
    if (limitNever)
      warn(
        ['endings', i, 'atTimeLimit'],
        `ending "${e.id}": "atTimeLimit" can never be true${e.when && !whenNever ? '' : ', so this ending is never reached'}`,
      );
  });

  sc.events.forEach((ev, i) => {
    if (ev.turn === null && ev.when === null && ev.chance === null) {
      warn(['events', i], `event "${ev.id}" has no "turn", "when" or "chance", so it never fires`);
    } else if (ev.when !== null && never(range(ev.when))) {
      warn(['events', i, 'when'], `event "${ev.id}" never fires: its "when" condition can never be true`);
    } else if (ev.chance !== null && range(ev.chance)[1] <= 0) {
      warn(['events', i, 'chance'], `event "${ev.id}" never fires: its chance is never above 0`);
    }
    if (ev.dilemma && (sc.actionsByActor[ev.dilemma.actor]?.length ?? 0) === 0) {
      const actor = sc.actors[ev.dilemma.actor]?.id ?? '?';
      warn(['events', i, 'dilemma', 'actor'], `event "${ev.id}" puts a dilemma to "${actor}", an actor with no actions of its own`);
    }
  });

  sc.actors.forEach((actor, i) => {
    const own = sc.actionsByActor[i] ?? [];
    const free = (a: CAction) =>
      a.cooldown === 0 && a.maxUses === 0 && a.cost.every((k) => k.amount <= 0) && conditions(a).every((c) => always(range(c.amount)));
    if (own.length === 0) warn(['actors', i], `actor "${actor.id}" has no actions; it can only "Hold course"`);
    else if (!own.some(free))
      warn(['actors', i], `actor "${actor.id}" has no action that is always available, so on some turns it may be left with only "Hold course"`);
  });
  return out;
}
