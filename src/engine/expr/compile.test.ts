import { describe, it, expect } from 'vitest';
import { compileExpr, EXPR_LIMITS, type CompiledExpr, type ExprEnv, type ExprError, type ExprRefs } from './index.js';

const ids = (...names: string[]): Map<string, number> => new Map(names.map((n, i) => [n, i]));
const refs: ExprRefs = {
  indicators: ids('nk_economy', 'nk_arsenal', 'escalation', 'Sanctions'),
  actors: ids('nk', 'us', 'cn', 'kr'),
  flows: ids('cn_nk_trade', 'ru_nk_munitions'),
  flags: ids('summit_held'),
  situations: ids('crisis'),
  events: ids('congress', 'missile_test'),
  actions: ids('sanction', 'talks'),
};

// An env with fixed values whose methods count their calls.
function makeEnv(over: Partial<Record<keyof ExprEnv, number>> = {}): ExprEnv & { calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const hit = (name: string, v: number): number => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return v;
  };
  const indicators = [40, 70, 5, 2];
  return {
    calls,
    indicator: (i) => hit('indicator', over.indicator ?? indicators[i] ?? 0),
    stance: (a, b) => hit('stance', over.stance ?? a * 10 - b),
    leverage: (a, b) => hit('leverage', over.leverage ?? (a - b) / 10),
    flow: (i) => hit('flow', over.flow ?? 100 + i),
    flag: (i) => hit('flag', over.flag ?? i + 1),
    situation: (i) => hit('situation', over.situation ?? (i === 0 ? 1 : 0)),
    fired: (i) => hit('fired', over.fired ?? i + 2),
    taken: (i) => hit('taken', over.taken ?? i + 3),
    turn: () => hit('turn', over.turn ?? 7),
  };
}

function compiled(src: string): CompiledExpr {
  const r = compileExpr(src, refs);
  if (!r.ok) throw new Error(`${src}: ${JSON.stringify(r.errors)}`);
  return r.expr;
}
const run = (src: string, env: ExprEnv = makeEnv()): number => compiled(src).fn(env);
function errorsOf(src: string): ExprError[] {
  const r = compileExpr(src, refs);
  if (r.ok) throw new Error(`${src} compiled`);
  return r.errors;
}

describe('compileExpr evaluation', () => {
  it('follows arithmetic precedence and left associativity', () => {
    expect(run('2 + 3 * 4')).toBe(14);
    expect(run('(2 + 3) * 4')).toBe(20);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('64 / 4 / 2')).toBe(8);
    expect(run('-2 * -3')).toBe(6);
    expect(run('2 - -3')).toBe(5);
    expect(run('--4')).toBe(4);
  });

  it('evaluates comparisons to 1 or 0', () => {
    expect([run('1 < 2'), run('2 < 2'), run('2 <= 2'), run('3 > 2'), run('2 >= 3')]).toEqual([1, 0, 1, 1, 0]);
    expect([run('2 == 2'), run('2 != 2'), run('0.1 + 0.2 == 0.3')]).toEqual([1, 0, 0]);
    expect(run('1 + 1 == 2')).toBe(1);
  });

  it('evaluates and, or and not to 1 or 0', () => {
    expect([run('2 and 3'), run('2 and 0'), run('0 or -5'), run('0 || 0'), run('5 && 5')]).toEqual([1, 0, 1, 0, 1]);
    expect([run('not 0'), run('not 7'), run('!0'), run('not not 7')]).toEqual([1, 0, 1, 1]);
  });

  it('binds or looser than and, and not looser than comparisons', () => {
    expect(run('1 or 1 and 0')).toBe(1);
    expect(run('(1 or 1) and 0')).toBe(0);
    expect(run('not 1 < 0')).toBe(1);
    expect(run('not 1 and 0')).toBe(0);
  });

  it('reads true and false as 1 and 0', () => {
    expect(run('true + true')).toBe(2);
    expect(run('false or true')).toBe(1);
  });

  it('evaluates the documented examples', () => {
    const env = makeEnv({ stance: -50 });
    expect(run('stance(nk, us) < -40 and nk_arsenal >= 60', env)).toBe(1);
    expect(run('clamp(10 + leverage(cn, nk) * 20, 0, 30)', makeEnv({ leverage: 0.5 }))).toBe(20);
  });

  it('reads each kind of name through the env with indices resolved at compile time', () => {
    expect(run('nk_arsenal')).toBe(70);
    expect(run('ind(escalation)')).toBe(5);
    expect(run('stance(cn, kr)')).toBe(17);
    expect(run('leverage(kr, us)')).toBeCloseTo(0.2);
    expect(run('flow(ru_nk_munitions)')).toBe(101);
    expect(run('flag(summit_held)')).toBe(1);
    expect(run('active(crisis)')).toBe(1);
    expect(run('fired(missile_test)')).toBe(3);
    expect(run('taken(talks)')).toBe(4);
    expect(run('turn')).toBe(7);
  });

  it('implements min, max and clamp', () => {
    expect([run('min(3)'), run('min(3, -1, 2)'), run('max(3, -1, 2)'), run('max(-4)')]).toEqual([3, -1, 3, -4]);
    expect([run('clamp(5, 0, 10)'), run('clamp(-5, 0, 10)'), run('clamp(15, 0, 10)')]).toEqual([5, 0, 10]);
    expect(run('clamp(5, 10, 0)')).toBe(0);
  });

  it('implements abs, round, floor and ceil without negative zero', () => {
    expect([run('abs(-3.5)'), run('abs(2)'), run('round(2.5)'), run('round(-2.5)'), run('floor(-1.5)'), run('ceil(1.2)')]).toEqual([3.5, 2, 3, -2, -2, 2]);
    expect(Object.is(run('round(-0.4)'), 0)).toBe(true);
    expect(Object.is(run('ceil(-0.5)'), 0)).toBe(true);
    expect(Object.is(run('0 * -1'), 0)).toBe(true);
    expect(Object.is(run('-0'), 0)).toBe(true);
  });

  it('implements if with the condition true when not zero', () => {
    expect(run('if(nk_arsenal > 50, 1, 2)')).toBe(1);
    expect(run('if(turn - 7, 1, 2)')).toBe(2);
  });

  it('returns 0 for division by zero', () => {
    expect(run('5 / 0')).toBe(0);
    expect(run('nk_arsenal / 0')).toBe(0);
    expect(run('5 / (turn - 7)')).toBe(0);
    expect(run('nk_arsenal / (turn - 7)')).toBe(0);
    expect(run('0 / 0')).toBe(0);
  });

  it('saturates huge values at plus or minus 1e12 and never returns NaN or Infinity', () => {
    const huge = '9'.repeat(400);
    expect(run(huge)).toBe(1e12);
    expect(run(`-${huge} * ${huge}`)).toBe(-1e12);
    expect(run(`${huge} - ${huge}`)).toBe(0);
    expect(run('1 / 0.000000000000000000001')).toBe(1e12);
    expect(run('nk_arsenal * 1000000000000')).toBe(1e12);
    expect(run('nk_economy', makeEnv({ indicator: NaN }))).toBe(0);
    expect(run('nk_economy - nk_arsenal', makeEnv({ indicator: Infinity }))).toBe(0);
    expect(run('stance(nk, us)', makeEnv({ stance: -Infinity }))).toBe(-1e12);
  });

  it('gives a read with a constant operand, built as one closure, the same value as the general form', () => {
    const values = [0, -0, 1, -1, 0.5, 40, 1e11, -1e11, 1e15, -1e15, Infinity, -Infinity, NaN];
    const constants = ['0', '1', '5', '0.25', '-3', '1000000000000'];
    for (const v of values) {
      const env = makeEnv({ indicator: v, flag: v });
      for (const c of constants) {
        for (const op of ['+', '-', '*', '/']) {
          // max(x, x) is x, but it is not a plain read, so it takes the general path.
          expect(run(`nk_economy ${op} ${c}`, env), `${v} ${op} ${c}`).toBe(run(`max(nk_economy, nk_economy) ${op} ${c}`, env));
          expect(run(`${c} ${op} nk_economy`, env), `${c} ${op} ${v}`).toBe(run(`${c} ${op} max(nk_economy, nk_economy)`, env));
        }
        for (const op of ['<', '<=', '>', '>=', '==', '!=']) {
          expect(run(`nk_economy ${op} ${c}`, env), `${v} ${op} ${c}`).toBe(run(`max(nk_economy, nk_economy) ${op} ${c}`, env));
          expect(run(`flag(summit_held) ${op} ${c}`, env), `flag ${v} ${op} ${c}`).toBe(run(`max(flag(summit_held), flag(summit_held)) ${op} ${c}`, env));
        }
      }
    }
  });
});

describe('compileExpr short-circuit', () => {
  it('skips the right side of and when the left is 0', () => {
    const env = makeEnv();
    expect(run('turn > 100 and nk_arsenal > 0', env)).toBe(0);
    expect(env.calls.get('indicator')).toBeUndefined();
    expect(run('turn > 0 and nk_arsenal > 0', env)).toBe(1);
    expect(env.calls.get('indicator')).toBe(1);
  });

  it('skips the right side of or when the left is not 0', () => {
    const env = makeEnv();
    expect(run('turn > 0 or stance(nk, us) > 0', env)).toBe(1);
    expect(env.calls.get('stance')).toBeUndefined();
    expect(run('turn > 100 || stance(nk, us) < 0', env)).toBe(1);
    expect(env.calls.get('stance')).toBe(1);
  });

  it('evaluates only the chosen branch of if', () => {
    const env = makeEnv();
    expect(run('if(turn > 3, flow(cn_nk_trade), fired(congress))', env)).toBe(100);
    expect([env.calls.get('flow'), env.calls.get('fired')]).toEqual([1, undefined]);
    expect(run('if(turn > 30, flow(cn_nk_trade), fired(congress))', env)).toBe(2);
    expect([env.calls.get('flow'), env.calls.get('fired')]).toEqual([1, 1]);
  });
});

describe('compileExpr reads and constants', () => {
  it('lists every read, deduplicated and sorted ascending', () => {
    const e = compiled(
      'Sanctions + nk_economy + nk_economy + ind(escalation) + stance(us, nk) + stance(kr, cn) ' +
        '+ stance(us, nk) + stance(nk, kr) + leverage(cn, nk) + flow(ru_nk_munitions) + flow(cn_nk_trade) ' +
        '+ flag(summit_held) + active(crisis) + fired(missile_test) + fired(congress) + taken(talks) + turn',
    );
    expect(e.reads).toEqual({
      indicators: [0, 2, 3],
      flows: [0, 1],
      flags: [0],
      situations: [0],
      events: [0, 1],
      actions: [1],
      stances: [
        [0, 3],
        [1, 0],
        [3, 2],
      ],
      leverages: [[2, 0]],
      turn: true,
    });
    expect(e.constant).toBeNull();
  });

  it('folds an expression that reads nothing into its constant', () => {
    const e = compiled('clamp(10 + 3 * 4, 0, 20) / 4 + max(1, 2) - abs(-1)');
    expect(e.constant).toBe(6);
    expect(e.fn(makeEnv())).toBe(6);
    expect(e.reads).toEqual({
      indicators: [],
      flows: [],
      flags: [],
      situations: [],
      events: [],
      actions: [],
      stances: [],
      leverages: [],
      turn: false,
    });
  });

  it('folds and, or and if whose deciding operand is constant, dropping reads that cannot matter', () => {
    expect(compiled('0 and nk_economy').constant).toBe(0);
    expect(compiled('nk_economy and false').constant).toBe(0);
    expect(compiled('1 or turn').constant).toBe(1);
    expect(compiled('if(2 > 1, 5, nk_economy)').constant).toBe(5);
    const e = compiled('1 and nk_economy');
    expect([e.constant, e.reads.indicators, e.fn(makeEnv({ indicator: 9 })), e.fn(makeEnv({ indicator: 0 }))]).toEqual([null, [0], 1, 0]);
  });

  it('keeps the source and a plain data shape', () => {
    const e = compiled(' turn + 1 ');
    expect(e.source).toBe(' turn + 1 ');
    expect(Object.keys(e).sort()).toEqual(['constant', 'fn', 'reads', 'source']);
    expect(JSON.parse(JSON.stringify(e.reads))).toEqual(e.reads);
  });
});

describe('compileExpr errors', () => {
  it('reports an unknown indicator with its position and a did-you-mean hint', () => {
    expect(errorsOf('nk_econmy > 3')).toEqual([{ message: 'unknown indicator "nk_econmy"; did you mean "nk_economy"?', start: 0, end: 9 }]);
  });

  it('suggests a case-insensitive match first and gives no hint when nothing is close', () => {
    expect(errorsOf('sanctions')[0]?.message).toBe('unknown indicator "sanctions"; did you mean "Sanctions"?');
    expect(errorsOf('trun')[0]?.message).toBe('unknown indicator "trun"; did you mean "turn"?');
    expect(errorsOf('gdp')[0]?.message).toBe('unknown indicator "gdp"');
  });

  it('reports every unknown reference, not only the first', () => {
    expect(errorsOf('foo + stance(nk, usa) + flow(trade) * bar').map((e) => [e.message, e.start, e.end])).toEqual([
      ['unknown indicator "foo"', 0, 3],
      ['unknown actor "usa"; did you mean "us"?', 17, 20],
      ['unknown flow "trade"', 29, 34],
      ['unknown indicator "bar"', 38, 41],
    ]);
  });

  it('explains a name of another kind used as an indicator', () => {
    expect(errorsOf('nk + 1')).toEqual([{ message: '"nk" is an actor, not an indicator; use it inside stance(...) or leverage(...)', start: 0, end: 2 }]);
    expect(errorsOf('1 + crisis')).toEqual([{ message: '"crisis" is a situation, not an indicator; write active(crisis)', start: 4, end: 10 }]);
    expect(errorsOf('congress')[0]?.message).toBe('"congress" is an event, not an indicator; write fired(congress)');
    expect(errorsOf('max')[0]).toEqual({ message: '"max" is a function; write max(...)', start: 0, end: 3 });
  });

  it('reports a name of the wrong kind passed to an id-taking function', () => {
    expect(errorsOf('stance(nk, nk_economy)')).toEqual([{ message: '"nk_economy" is an indicator, not an actor', start: 11, end: 21 }]);
    expect(errorsOf('fired(sanction)')[0]?.message).toBe('"sanction" is an action, not an event');
    expect(errorsOf('ind(nk)')[0]?.message).toBe('"nk" is an actor, not an indicator');
  });

  it('reports an unknown id passed to an id-taking function with a hint', () => {
    expect(errorsOf('taken(tlks)')).toEqual([{ message: 'unknown action "tlks"; did you mean "talks"?', start: 6, end: 10 }]);
    expect(errorsOf('active(crises)')[0]?.message).toBe('unknown situation "crises"; did you mean "crisis"?');
  });

  it('requires a bare id, not an expression, in id-taking functions', () => {
    expect(errorsOf('flag(1 + 2)')).toEqual([{ message: 'flag() expects a flag id here, not an expression', start: 5, end: 10 }]);
    expect(compiled('stance((nk), us)').reads.stances).toEqual([[0, 1]]);
  });

  it('rejects the stance of an actor toward itself', () => {
    expect(errorsOf('stance(nk, nk)')).toEqual([{ message: 'stance() needs two different actors', start: 11, end: 13 }]);
    expect(errorsOf('leverage(us,us)')[0]).toMatchObject({ start: 12, end: 14 });
  });

  it('reports wrong arity over the whole call', () => {
    expect(errorsOf('1 + clamp(1, 2)')).toEqual([{ message: 'clamp() takes 3 arguments but got 2', start: 4, end: 15 }]);
    expect(errorsOf('abs(1, 2)')[0]?.message).toBe('abs() takes 1 argument but got 2');
    expect(errorsOf('stance(nk)')[0]?.message).toBe('stance() takes 2 arguments but got 1');
    expect(errorsOf('min()')).toEqual([{ message: 'min() needs at least 1 argument', start: 0, end: 5 }]);
  });

  it('also reports unknown names inside the arguments of a call with wrong arity', () => {
    expect(errorsOf('if(foo, 1)').map((e) => e.message)).toEqual(['unknown indicator "foo"', 'if() takes 3 arguments but got 2']);
  });

  it('reports an unknown function at its name, with a hint', () => {
    expect(errorsOf('clmap(1, 2, 3)')).toEqual([{ message: 'unknown function "clmap"; did you mean "clamp"?', start: 0, end: 5 }]);
    expect(errorsOf('sqrt(4)')).toEqual([{ message: 'unknown function "sqrt"', start: 0, end: 4 }]);
    expect(errorsOf('nk_economy(1)')[0]?.message).toBe('"nk_economy" is an indicator, not a function');
  });

  it('reports lexical errors first, then the parse error', () => {
    expect(errorsOf('.5 + # + )')).toEqual([
      { message: "a number cannot start with '.'; write '0.5'", start: 0, end: 2 },
      { message: "unexpected character '#'", start: 5, end: 6 },
    ]);
    expect(errorsOf('1e5 + )').map((e) => [e.start, e.end])).toEqual([
      [0, 3],
      [6, 7],
    ]);
  });

  it('still reports unknown names after a malformed number', () => {
    expect(errorsOf('1.5.2 + foo').map((e) => [e.start, e.end])).toEqual([
      [0, 5],
      [8, 11],
    ]);
  });

  it('reports an empty expression', () => {
    expect(errorsOf('')).toEqual([{ message: 'empty expression', start: 0, end: 0 }]);
    expect(errorsOf('   ')).toEqual([{ message: 'empty expression', start: 0, end: 3 }]);
  });

  it('rejects a source longer than the length limit with one error at 0', () => {
    expect(compileExpr('1+'.repeat(999) + '1', refs).ok).toBe(true);
    expect(errorsOf('1+'.repeat(1000) + '1')).toEqual([
      { message: `expression is too long (2001 characters; the limit is ${EXPR_LIMITS.maxLength})`, start: 0, end: 0 },
    ]);
  });

  it('returns an error, without throwing, for 100,000 nested parentheses', () => {
    const src = '('.repeat(100_000);
    expect(() => compileExpr(src, refs)).not.toThrow();
    expect(errorsOf(src)).toHaveLength(1);
  });

  it('reports nesting deeper than the depth limit at the offending position', () => {
    const src = 'min(' + '('.repeat(40) + '1' + ')'.repeat(40) + ')';
    expect(errorsOf(src)).toEqual([{ message: 'expression is nested too deeply (more than 32 levels)', start: 35, end: 36 }]);
  });

  it('exposes the limits', () => {
    expect(EXPR_LIMITS).toEqual({ maxLength: 2000, maxDepth: 32 });
  });
});

describe('compileExpr hostile names', () => {
  const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

  it('treats object-prototype names as ordinary unknown identifiers', () => {
    for (const name of hostile) {
      expect(errorsOf(`${name} + 1`)).toEqual([{ message: `unknown indicator "${name}"`, start: 0, end: name.length }]);
      expect(errorsOf(`${name}(1)`)).toEqual([{ message: `unknown function "${name}"`, start: 0, end: name.length }]);
      expect(errorsOf(`stance(nk, ${name})`)[0]?.message).toBe(`unknown actor "${name}"`);
      expect(errorsOf(`flag(${name})`)[0]?.message).toBe(`unknown flag "${name}"`);
    }
  });

  it('resolves object-prototype names that really are declared ids', () => {
    const own: ExprRefs = { ...refs, indicators: ids('__proto__', 'constructor'), actors: ids('toString', 'valueOf') };
    const r = compileExpr('__proto__ + constructor + stance(toString, valueOf)', own);
    expect(r.ok && r.expr.reads).toMatchObject({ indicators: [0, 1], stances: [[0, 1]] });
    expect(r.ok && r.expr.fn(makeEnv())).toBe(40 + 70 - 1);
  });

  it('never evaluates source text as code', () => {
    expect(compileExpr('process.exit(1)', refs).ok).toBe(false);
    expect(compileExpr('this["constructor"]', refs).ok).toBe(false);
    expect(compileExpr('`${1}`', refs).ok).toBe(false);
  });
});
