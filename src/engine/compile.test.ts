import { describe, expect, it } from 'vitest';
import {
  actionDef,
  actorDef,
  baseScenario,
  compileOk,
  diagnosticsOf,
  eventDef,
  indicatorDef,
  loadScenarioFile,
  situationDef,
} from '../../tests/unit/fixtures.js';
import { compileScenario } from './compile.js';
import { formatPath, type Diagnostic } from './diagnostics.js';
import { scenarioHash } from './hash.js';
import type { ScenarioFile } from './schema.js';

/** Asserts `def` fails to compile with an error at `path` whose message contains every one of `parts`. */
function expectError(def: ScenarioFile, path: string, ...parts: string[]): Diagnostic {
  const ds = diagnosticsOf(def);
  const hit = ds.find((d) => d.severity === 'error' && formatPath(d.path) === path && parts.every((p) => d.message.includes(p)));
  if (!hit)
    throw new Error(
      `no error at ${path} containing ${JSON.stringify(parts)}; got:\n${ds.map((d) => `${d.severity} ${formatPath(d.path)}: ${d.message}`).join('\n')}`,
    );
  expect(compileScenario(def).ok).toBe(false);
  return hit;
}

describe('compileScenario on the shipped scenarios', () => {
  it('compiles the tutorial with no diagnostics at all', () => {
    const out = compileScenario(loadScenarioFile('tutorial'));
    expect(out.diagnostics).toEqual([]);
    expect(out.ok).toBe(true);
  });

  it('compiles the party-congress scenario without errors', () => {
    const out = compileScenario(loadScenarioFile('party-congress'));
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.ok).toBe(true);
  });

  it('compiles the minimal fixture', () => {
    expect(compileScenario(baseScenario()).ok).toBe(true);
  });
});

describe('compileScenario: duplicate ids', () => {
  it('reports a duplicate actor id at the second one, naming the first', () => {
    expectError(baseScenario({ actors: [actorDef('a'), actorDef('b'), actorDef('a')] }), 'actors[2].id', 'duplicate actor id "a"', 'actors[0]');
  });

  it('reports a duplicate indicator id', () => {
    expectError(
      baseScenario({ indicators: [indicatorDef('x'), indicatorDef('ax', { actor: 'a' }), indicatorDef('x')] }),
      'indicators[2].id',
      'duplicate indicator id "x"',
      'indicators[0]',
    );
  });

  it('reports a duplicate flag id', () => {
    expectError(
      baseScenario({
        flags: [
          { id: 'f', label: 'F' },
          { id: 'f', label: 'F again' },
        ],
      }),
      'flags[1].id',
      'duplicate flag id "f"',
    );
  });

  it('reports a duplicate flow id', () => {
    const flow = { id: 'trade', from: 'a', to: 'b', kind: 'trade' as const, label: 'Trade', initial: 10 };
    expectError(baseScenario({ flows: [flow, { ...flow, from: 'b', to: 'a' }] }), 'flows[1].id', 'duplicate flow id "trade"');
  });

  it('reports a duplicate action id', () => {
    expectError(
      baseScenario({ actions: [actionDef('a_wait', 'a'), actionDef('b_wait', 'b'), actionDef('a_wait', 'b')] }),
      'actions[2].id',
      'duplicate action id "a_wait"',
      'actions[0]',
    );
  });

  it('reports a duplicate event id', () => {
    expectError(baseScenario({ events: [eventDef('e', { turn: 1 }), eventDef('e', { turn: 2 })] }), 'events[1].id', 'duplicate event id "e"');
  });

  it('reports a duplicate situation id', () => {
    expectError(
      baseScenario({ situations: [situationDef('s', 'x > 90', 'x < 10'), situationDef('s', 'x > 80', 'x < 20')] }),
      'situations[1].id',
      'duplicate situation id "s"',
    );
  });

  it('reports a duplicate ending id', () => {
    const end = { id: 'end', title: 'End', text: 'Over.' };
    expectError(baseScenario({ endings: [end, end] }), 'endings[1].id', 'duplicate ending id "end"');
  });

  it('reports a duplicate source id', () => {
    expectError(
      baseScenario({
        sources: [
          { id: 'src', title: 'One' },
          { id: 'src', title: 'Two' },
        ],
      }),
      'sources[1].id',
      'duplicate source id "src"',
    );
  });

  it('reports a duplicate dilemma option id inside its event', () => {
    const def = baseScenario({
      events: [
        eventDef('e', {
          turn: 1,
          dilemma: {
            actor: 'a',
            prompt: 'Choose.',
            options: [
              { id: 'o', label: 'O', effects: [] },
              { id: 'o', label: 'O2', effects: [] },
            ],
          },
        }),
      ],
    });
    expectError(def, 'events[0].dilemma.options[1].id', 'duplicate option id "o"');
  });

  it('reports a duplicate objective id inside its actor', () => {
    const o = { id: 'win', label: 'Win', when: 'x > 0', points: 1 };
    expectError(baseScenario({ actors: [actorDef('a', { objectives: [o, o] }), actorDef('b')] }), 'actors[0].objectives[1].id', 'duplicate objective id "win"');
  });

  it('reserves the id "pass" for the built-in hold-course action', () => {
    expectError(baseScenario({ actions: [actionDef('pass', 'a'), actionDef('b_wait', 'b')] }), 'actions[0].id', '"pass" is reserved');
  });
});

describe('compileScenario: unknown references, located by JSON path', () => {
  it('reports the unknown owner of an indicator and lists the actors', () => {
    expectError(baseScenario({ indicators: [indicatorDef('x', { actor: 'zz' })] }), 'indicators[0].actor', 'unknown actor "zz"', 'expected one of: a, b');
  });

  it('reports unknown actors at both ends of a flow', () => {
    const def = baseScenario({ flows: [{ id: 'f', from: 'qq', to: 'zz', kind: 'aid', label: 'Aid', initial: 1 }] });
    expectError(def, 'flows[0].from', 'unknown actor "qq"');
    expectError(def, 'flows[0].to', 'unknown actor "zz"');
  });

  it('reports unknown actors in a stance relation', () => {
    const def = baseScenario();
    def.stances.relations.push({ from: 'zz', to: 'a', initial: 0, rest: 0 }, { from: 'a', to: 'qq', initial: 0, rest: 0 });
    expectError(def, 'stances.relations[2].from', 'unknown actor "zz"');
    expectError(def, 'stances.relations[3].to', 'unknown actor "qq"');
  });

  it('reports the unknown actor of an action', () => {
    expectError(
      baseScenario({ actions: [actionDef('a_wait', 'a'), actionDef('b_wait', 'b'), actionDef('odd', 'zz')] }),
      'actions[2].actor',
      'unknown actor "zz"',
    );
  });

  it('reports an unknown indicator, flow and flag in effects, with the known ids', () => {
    const def = baseScenario({
      flags: [{ id: 'done', label: 'Done' }],
      actions: [
        actionDef('a_wait', 'a', {
          effects: [
            { indicator: 'nope', add: 1 },
            { flow: 'nowhere', add: 1 },
            { flag: 'undone', set: 1 },
          ],
        }),
        actionDef('b_wait', 'b'),
      ],
    });
    expectError(def, 'actions[0].effects[0].indicator', 'unknown indicator "nope"', 'expected one of: x, ax, bx');
    const flow = expectError(def, 'actions[0].effects[1].flow', 'unknown flow "nowhere"');
    expect(flow.message).not.toContain('expected one of'); // there are no flows to suggest
    expectError(def, 'actions[0].effects[2].flag', 'unknown flag "undone"', 'expected one of: done');
  });

  it('reports unknown actors of a stance effect at stance.from and stance.to', () => {
    const def = baseScenario({ actions: [actionDef('a_wait', 'a', { effects: [{ stance: { from: 'zz', to: 'qq' }, add: 1 }] }), actionDef('b_wait', 'b')] });
    expectError(def, 'actions[0].effects[0].stance.from', 'unknown actor "zz"');
    expectError(def, 'actions[0].effects[0].stance.to', 'unknown actor "qq"');
  });

  it('reports an unknown indicator in a cost', () => {
    expectError(
      baseScenario({ actions: [actionDef('a_wait', 'a', { cost: [{ indicator: 'gold', amount: 1 }] }), actionDef('b_wait', 'b')] }),
      'actions[0].cost[0].indicator',
      'unknown indicator "gold"',
    );
  });

  it('reports unknown references in the effects of outcomes, events, dilemmas and situations', () => {
    const bad = [{ indicator: 'nope', add: 1 }];
    const def = baseScenario({
      actions: [actionDef('a_wait', 'a', { outcome: { odds: 50, success: bad, failure: bad } }), actionDef('b_wait', 'b')],
      events: [
        eventDef('e', {
          turn: 1,
          effects: bad,
          dilemma: {
            actor: 'a',
            prompt: 'Choose.',
            options: [
              { id: 'o1', label: 'O1', effects: bad },
              { id: 'o2', label: 'O2', effects: [] },
            ],
          },
        }),
      ],
      situations: [situationDef('s', 'x > 90', 'x < 10', { onStart: bad, whileActive: bad, onStop: bad })],
    });
    for (const path of [
      'actions[0].outcome.success[0].indicator',
      'actions[0].outcome.failure[0].indicator',
      'events[0].effects[0].indicator',
      'events[0].dilemma.options[0].effects[0].indicator',
      'situations[0].onStart[0].indicator',
      'situations[0].whileActive[0].indicator',
      'situations[0].onStop[0].indicator',
    ])
      expectError(def, path, 'unknown indicator "nope"');
  });

  it('reports the unknown actor of a dilemma', () => {
    const def = baseScenario({
      events: [
        eventDef('e', {
          turn: 1,
          dilemma: {
            actor: 'zz',
            prompt: 'Choose.',
            options: [
              { id: 'o1', label: 'O1', effects: [] },
              { id: 'o2', label: 'O2', effects: [] },
            ],
          },
        }),
      ],
    });
    expectError(def, 'events[0].dilemma.actor', 'unknown actor "zz"');
  });

  it('reports an unknown actor among the ratings of an ending', () => {
    expectError(
      baseScenario({ endings: [{ id: 'end', title: 'End', text: 'Over.', ratings: { a: 1, zz: -1 } }] }),
      'endings[0].ratings.zz',
      'unknown actor "zz"',
    );
  });

  it('reports an unknown action named by a veto', () => {
    const def = baseScenario({
      actors: [
        actorDef('a', { ai: { goals: [{ id: 'g', label: 'G', value: 'x', weight: 1 }], vetoes: [{ label: 'never', actions: ['a_wait', 'ghost'] }] } }),
        actorDef('b'),
      ],
    });
    expectError(def, 'actors[0].ai.vetoes[0].actions[1]', 'unknown action "ghost"');
  });

  it('reports a preference that is neither an action id nor a tag', () => {
    const def = baseScenario({
      actors: [actorDef('a', { ai: { goals: [{ id: 'g', label: 'G', value: 'x', weight: 1 }], preferences: { a_wait: 1, bold: 2 } } }), actorDef('b')],
    });
    expectError(def, 'actors[0].ai.preferences.bold', '"bold" is neither an action id nor a tag');
    expect(diagnosticsOf(def).some((d) => formatPath(d.path) === 'actors[0].ai.preferences.a_wait')).toBe(false);
  });

  it('accepts a preference for a tag some action carries', () => {
    const def = baseScenario({
      actors: [actorDef('a', { ai: { goals: [{ id: 'g', label: 'G', value: 'x', weight: 1 }], preferences: { bold: 2 } } }), actorDef('b')],
      actions: [actionDef('a_wait', 'a', { tags: ['bold'] }), actionDef('b_wait', 'b')],
    });
    expect(compileScenario(def).ok).toBe(true);
  });

  it('reports unknown source ids wherever sources are cited', () => {
    const def = baseScenario({
      briefing: [{ text: 'B.', sources: ['ghost1'] }],
      actors: [actorDef('a', { biography: [{ text: 'Bio.', sources: ['ghost2'] }] }), actorDef('b')],
      indicators: [indicatorDef('x', { sources: ['ghost3'] })],
      flows: [{ id: 'f', from: 'a', to: 'b', kind: 'aid', label: 'Aid', initial: 1, sources: ['ghost4'] }],
      actions: [actionDef('a_wait', 'a', { sources: ['ghost5'] }), actionDef('b_wait', 'b')],
      events: [eventDef('e', { turn: 1, sources: ['ghost6'] })],
    });
    def.stances.relations[0]!.sources = ['ghost7'];
    expectError(def, 'briefing[0].sources[0]', 'unknown source "ghost1"', 'expected one of: src');
    expectError(def, 'actors[0].biography[0].sources[0]', 'unknown source "ghost2"');
    expectError(def, 'indicators[0].sources[0]', 'unknown source "ghost3"');
    expectError(def, 'flows[0].sources[0]', 'unknown source "ghost4"');
    expectError(def, 'actions[0].sources[0]', 'unknown source "ghost5"');
    expectError(def, 'events[0].sources[0]', 'unknown source "ghost6"');
    expectError(def, 'stances.relations[0].sources[0]', 'unknown source "ghost7"');
  });

  // Bug: compileScenario never checks actors[].objectives[].sources, so a typo in an objective's citation passes.
  it('reports an unknown source cited by an objective', () => {
    const def = baseScenario({
      actors: [actorDef('a', { objectives: [{ id: 'o', label: 'O', when: 'x > 0', points: 1, sources: ['ghost'] }] }), actorDef('b')],
    });
    expectError(def, 'actors[0].objectives[0].sources[0]', 'unknown source "ghost"');
  });

  // Bug: compileScenario checks ai.preferences keys against known tags but not ai.vetoes[].tags, so a misspelt veto tag silently never applies.
  it('reports a veto tag that no action carries', () => {
    const def = baseScenario({
      actors: [
        actorDef('a', { ai: { goals: [{ id: 'g', label: 'G', value: 'x', weight: 1 }], vetoes: [{ label: 'never', tags: ['coercvie'] }] } }),
        actorDef('b'),
      ],
    });
    expectError(def, 'actors[0].ai.vetoes[0].tags[0]', 'coercvie');
  });

  it('reports an unknown name inside an expression with its character span', () => {
    const def = baseScenario({ actions: [actionDef('a_wait', 'a', { requires: [{ label: 'r', when: 'x > 1 and nope > 1' }] }), actionDef('b_wait', 'b')] });
    const d = expectError(def, 'actions[0].requires[0].when', 'unknown indicator "nope"');
    expect(d.span).toEqual({ start: 10, end: 14 });
  });

  it('reports expression errors in every place an expression is allowed', () => {
    const def = baseScenario({
      actors: [
        actorDef('a', {
          objectives: [{ id: 'o', label: 'O', when: 'bad1 > 0', points: 1 }],
          ai: { goals: [{ id: 'g', label: 'G', value: 'bad2', weight: 1 }], vetoes: [{ label: 'v', when: 'bad3' }] },
        }),
        actorDef('b'),
      ],
      indicators: [
        indicatorDef('x', { perTurn: [{ label: 'drift', amount: 'bad4' }] }),
        indicatorDef('ax', { actor: 'a' }),
        indicatorDef('bx', { actor: 'b' }),
      ],
      actions: [
        actionDef('a_wait', 'a', {
          visible: 'bad5',
          effects: [{ indicator: 'x', add: 'bad6' }],
          outcome: { odds: 'bad7', factors: [{ label: 'f', add: 'bad8', when: 'bad9' }], success: [], failure: [] },
        }),
        actionDef('b_wait', 'b'),
      ],
      events: [eventDef('e', { when: 'bad10', chance: 'bad11' })],
      situations: [situationDef('s', 'bad12', 'bad13')],
      endings: [
        { id: 'e1', title: 'E', text: 'E.', when: 'bad14' },
        { id: 'e2', title: 'E', text: 'E.', atTimeLimit: 'bad15' },
        { id: 'end', title: 'End', text: 'Over.' },
      ],
    });
    const paths: Array<[string, string]> = [
      ['actors[0].objectives[0].when', 'bad1'],
      ['actors[0].ai.goals[0].value', 'bad2'],
      ['actors[0].ai.vetoes[0].when', 'bad3'],
      ['indicators[0].perTurn[0].amount', 'bad4'],
      ['actions[0].visible', 'bad5'],
      ['actions[0].effects[0].add', 'bad6'],
      ['actions[0].outcome.odds', 'bad7'],
      ['actions[0].outcome.factors[0].add', 'bad8'],
      ['actions[0].outcome.factors[0].when', 'bad9'],
      ['events[0].when', 'bad10'],
      ['events[0].chance', 'bad11'],
      ['situations[0].start', 'bad12'],
      ['situations[0].stop', 'bad13'],
      ['endings[0].when', 'bad14'],
      ['endings[1].atTimeLimit', 'bad15'],
    ];
    for (const [path, name] of paths) expectError(def, path, `"${name}"`);
  });

  it('reports a syntax error in an expression at the character where it was found', () => {
    const def = baseScenario({ actions: [actionDef('a_wait', 'a', { visible: 'x > ' }), actionDef('b_wait', 'b')] });
    const d = expectError(def, 'actions[0].visible', 'end of the expression');
    expect(d.span?.start).toBe(4);
  });
});

describe('compileScenario: the shape of effects', () => {
  const withEffect = (effect: Record<string, unknown>): ScenarioFile =>
    baseScenario({ actions: [actionDef('a_wait', 'a', { effects: [effect as never] }), actionDef('b_wait', 'b')] });

  it('reports an effect with no target', () => {
    expectError(withEffect({ add: 1 }), 'actions[0].effects[0]', 'exactly one target', 'found none');
  });

  it('reports an effect with two targets, naming them', () => {
    expectError(withEffect({ indicator: 'x', flag: 'f', add: 1 }), 'actions[0].effects[0]', 'exactly one target', 'found indicator, flag');
  });

  it('reports an effect with neither add nor set', () => {
    expectError(withEffect({ indicator: 'x' }), 'actions[0].effects[0]', 'exactly one of "add" or "set"', 'found neither');
  });

  it('reports an effect with both add and set', () => {
    expectError(withEffect({ indicator: 'x', add: 1, set: 2 }), 'actions[0].effects[0]', 'exactly one of "add" or "set"', 'found add and set');
  });

  it('refuses "set" on a stance', () => {
    expectError(withEffect({ stance: { from: 'a', to: 'b' }, set: 10 }), 'actions[0].effects[0].set', 'use "add", not "set"');
  });

  it('refuses "over" together with "set"', () => {
    expectError(withEffect({ indicator: 'x', set: 10, over: 2 }), 'actions[0].effects[0].over', '"over" spreads an amount');
  });

  it('refuses "decay" on anything but a stance', () => {
    expectError(withEffect({ indicator: 'x', add: 1, decay: 0.5 }), 'actions[0].effects[0].decay', '"decay" applies only to stance effects');
  });

  it('refuses a stance effect from an actor to itself', () => {
    expectError(withEffect({ stance: { from: 'a', to: 'a' }, add: 1 }), 'actions[0].effects[0].stance.to', 'two different actors');
  });
});

describe('compileScenario: ranges and orderings', () => {
  it('refuses an indicator whose max is not above its min', () => {
    expectError(
      baseScenario({ indicators: [indicatorDef('x', { min: 10, max: 10, initial: 10 })] }),
      'indicators[0].max',
      'max (10) must be greater than min (10)',
    );
  });

  it('refuses an indicator that starts outside its range', () => {
    expectError(baseScenario({ indicators: [indicatorDef('x', { initial: 101 })] }), 'indicators[0].initial', 'initial value 101 is outside [0, 100]');
    expectError(baseScenario({ indicators: [indicatorDef('x', { initial: -1 })] }), 'indicators[0].initial', 'outside [0, 100]');
  });

  it('refuses indicator bands that do not ascend', () => {
    const def = baseScenario({
      indicators: [
        indicatorDef('x', {
          bands: [
            { upTo: 50, label: 'low' },
            { upTo: 50, label: 'mid' },
            { upTo: 100, label: 'high' },
          ],
        }),
      ],
    });
    expectError(def, 'indicators[0].bands[1].upTo', 'bands must ascend: 50 is not above 50');
  });

  it('refuses a flow whose max is not above its min, using the default range when none is given', () => {
    expectError(
      baseScenario({ flows: [{ id: 'f', from: 'a', to: 'b', kind: 'aid', label: 'Aid', initial: 5, min: 10, max: 0 }] }),
      'flows[0].max',
      'max (0) must be greater than min (10)',
    );
    expectError(
      baseScenario({ flows: [{ id: 'f', from: 'a', to: 'b', kind: 'aid', label: 'Aid', initial: 150 }] }),
      'flows[0].initial',
      'initial value 150 is outside [0, 100]',
    );
  });

  it('refuses a flow from an actor to itself', () => {
    expectError(baseScenario({ flows: [{ id: 'f', from: 'a', to: 'a', kind: 'aid', label: 'Aid', initial: 5 }] }), 'flows[0].to', 'two different actors');
  });

  it('refuses a stance range whose max is not above its min', () => {
    const def = baseScenario();
    def.stances.min = 10;
    def.stances.max = 10;
    expectError(def, 'stances.max', 'stances.max (10) must be greater than stances.min (10)');
  });

  it('refuses stance bands that do not ascend', () => {
    const def = baseScenario();
    def.stances.bands = [
      { id: 'bad', label: 'bad', upTo: 0 },
      { id: 'worse', label: 'worse', upTo: -10 },
    ];
    expectError(def, 'stances.bands[1].upTo', 'bands must ascend: -10 is not above 0');
  });

  it('refuses a stance relation whose initial or rest lies outside the stance range', () => {
    const def = baseScenario();
    def.stances.relations[0] = { from: 'a', to: 'b', initial: 120, rest: -130 };
    expectError(def, 'stances.relations[0].initial', 'initial 120 is outside the stance range [-100, 100]');
    expectError(def, 'stances.relations[0].rest', 'rest -130 is outside the stance range [-100, 100]');
  });

  it('checks stance relations against a custom stance range', () => {
    const def = baseScenario();
    def.stances.min = -10;
    def.stances.max = 10;
    def.stances.relations[0] = { from: 'a', to: 'b', initial: 20, rest: 0 };
    expectError(def, 'stances.relations[0].initial', 'outside the stance range [-10, 10]');
  });

  it('refuses a stance relation from an actor to itself', () => {
    const def = baseScenario();
    def.stances.relations.push({ from: 'a', to: 'a', initial: 0, rest: 0 });
    expectError(def, 'stances.relations[2].to', 'two different actors');
  });

  it('refuses a second relation for the same ordered pair, naming the first', () => {
    const def = baseScenario();
    def.stances.relations.push({ from: 'a', to: 'b', initial: 5, rest: 5 });
    expectError(def, 'stances.relations[2]', 'duplicate stance a→b', 'stances.relations[0]');
  });

  it('accepts the reverse pair as a separate stance', () => {
    const def = baseScenario();
    def.stances.relations = [{ from: 'a', to: 'b', initial: 5, rest: 5 }];
    expect(compileScenario(def).ok).toBe(true);
  });
});

describe('compileScenario: endings, warnings and collecting every problem', () => {
  it('requires a fallback ending with neither "when" nor "atTimeLimit"', () => {
    const def = baseScenario({
      endings: [
        { id: 'boom', title: 'Boom', text: 'Boom.', when: 'x > 90' },
        { id: 'late', title: 'Late', text: 'Late.', atTimeLimit: 'x > 10' },
      ],
    });
    expectError(def, 'endings', 'no fallback ending');
  });

  it('warns about a scheduled event after the last turn but still compiles', () => {
    const def = baseScenario({ events: [eventDef('late', { turn: 9 })] });
    const out = compileScenario(def);
    expect(out.ok).toBe(true);
    expect(out.diagnostics).toEqual([
      { severity: 'warning', path: ['events', 0, 'turn'], message: expect.stringContaining('turn 9 is after the last turn (5)') },
    ]);
  });

  it('reports every error at once rather than stopping at the first', () => {
    const def = baseScenario({
      actors: [actorDef('a'), actorDef('b'), actorDef('a')],
      indicators: [indicatorDef('x', { initial: 500 })],
      actions: [actionDef('a_wait', 'a', { effects: [{ indicator: 'nope', add: 1 }] }), actionDef('b_wait', 'zz')],
      endings: [{ id: 'boom', title: 'Boom', text: 'Boom.', when: 'x > 90' }],
    });
    const paths = diagnosticsOf(def).map((d) => formatPath(d.path));
    expect(paths).toEqual(expect.arrayContaining(['actors[2].id', 'indicators[0].initial', 'actions[0].effects[0].indicator', 'actions[1].actor', 'endings']));
  });

  it('never throws, however broken the content', () => {
    const def = baseScenario({
      actors: [
        actorDef('a', { ai: { goals: [{ id: 'g', label: 'G', value: '((', weight: 1 }], vetoes: [{ label: 'v', actions: ['zz'] }], preferences: { qq: 1 } } }),
      ],
      indicators: [indicatorDef('x', { actor: 'nobody', min: 5, max: 1, initial: 9 })],
      flows: [{ id: 'f', from: 'q', to: 'q', kind: 'aid', label: 'Aid', initial: -5 }],
      actions: [actionDef('act', 'zz', { cost: [{ indicator: 'q', amount: 1 }], effects: [{ stance: { from: 'q', to: 'r' }, set: 1, over: 2 } as never] })],
      events: [
        eventDef('e', {
          turn: 99,
          dilemma: {
            actor: 'zz',
            prompt: 'P.',
            options: [
              { id: 'o', label: 'O', effects: [{ flag: 'q', add: 1 }] },
              { id: 'o', label: 'O', effects: [] },
            ],
          },
        }),
      ],
      endings: [{ id: 'e', title: 'E', text: 'E.', when: ')' }],
    });
    expect(() => compileScenario(def)).not.toThrow();
    expect(compileScenario(def).ok).toBe(false);
  });
});

describe('compileScenario: the compiled scenario', () => {
  it('carries the content hash of the file it was compiled from', () => {
    const def = loadScenarioFile('tutorial');
    const sc = compileOk(def);
    expect(sc.hash).toBe(scenarioHash(def));
    expect(sc.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fills in the documented defaults', () => {
    const sc = compileOk(baseScenario());
    expect([sc.stanceMin, sc.stanceMax, sc.stanceDecay]).toEqual([-100, 100, 0.1]);
    expect([sc.leverageScale, sc.leverageStrength]).toEqual([100, 0.5]);
    expect(sc.stanceBands.map((b) => b.label)).toEqual(['hostile', 'cold', 'wary', 'cordial', 'aligned']);
    expect(sc.turnCount).toBe(5);
  });

  it('names every number by its ledger key', () => {
    const sc = compileOk(
      baseScenario({ flags: [{ id: 'f', label: 'F' }], flows: [{ id: 'tr', from: 'a', to: 'b', kind: 'trade', label: 'Trade', initial: 1 }] }),
    );
    expect(sc.keys.indicator).toEqual(['indicator:x', 'indicator:ax', 'indicator:bx']);
    expect(sc.keys.stance).toEqual(['stance:a>a', 'stance:a>b', 'stance:b>a', 'stance:b>b']);
    expect(sc.keys.flow).toEqual(['flow:tr']);
    expect(sc.keys.flag).toEqual(['flag:f']);
  });

  it("leverages effects on another actor's numbers by default, and not on one's own or global ones", () => {
    const effects = [
      { indicator: 'bx', add: 1 },
      { indicator: 'ax', add: 1 },
      { indicator: 'x', add: 1 },
      { stance: { from: 'b', to: 'a' }, add: 1 },
      { stance: { from: 'a', to: 'b' }, add: 1 },
      { indicator: 'bx', add: 1, leveraged: false },
    ];
    const actions = [actionDef('a_act', 'a', { effects }), actionDef('b_wait', 'b')];
    const linked = compileOk(baseScenario({ actions, flows: [{ id: 'f', from: 'b', to: 'a', kind: 'trade', label: 'B sells to A', initial: 10 }] }));
    expect(linked.actions[0]!.effects.map((e) => e.leveraged)).toEqual([true, false, false, true, false, false]);
    // With no flow between the two actors there is no leverage to scale by.
    const unlinked = compileOk(baseScenario({ actions }));
    expect(unlinked.actions[0]!.effects.map((e) => e.leveraged)).toEqual([false, false, false, false, false, false]);
  });

  it('makes scheduled events fire once by default and triggered ones repeatable', () => {
    const sc = compileOk(baseScenario({ events: [eventDef('s', { turn: 2 }), eventDef('t', { when: 'x > 0' }), eventDef('s2', { turn: 3, once: false })] }));
    expect(sc.events.map((e) => e.once)).toEqual([true, false, false]);
  });

  it('marks as fallback only the endings without conditions', () => {
    const sc = compileOk(
      baseScenario({
        endings: [
          { id: 'w', title: 'W', text: 'W.', when: 'x > 90' },
          { id: 'l', title: 'L', text: 'L.', atTimeLimit: 'x > 1' },
          { id: 'end', title: 'E', text: 'E.' },
        ],
      }),
    );
    expect(sc.endings.map((e) => e.fallback)).toEqual([false, false, true]);
  });
});
