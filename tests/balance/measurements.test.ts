// The all-AI measurements and their checks on a fixture whose figures are known by construction
// (tests/balance/balanceFixtures.ts, measuredScenario), plus the scenario copies the what-ifs play.
import { describe, expect, it } from 'vitest';
import { playAllAi } from '../../src/analysis/allAi.js';
import { humanOnlyOf, runBalance, type BalanceReport } from '../../src/analysis/balance.js';
import { defaultMajorFlows, withFlowCut, withoutLeverage } from '../../src/analysis/worlds.js';
import { compileScenario, createGame, legalChoices, step, type Scenario, type ScenarioFile } from '../../src/engine/index.js';
import { compileOk, loadScenario } from '../unit/fixtures.js';
import { measuredScenario } from './balanceFixtures.js';

const RUNS = 60;
const sc = compileOk(measuredScenario());
const report = runBalance(sc, { runs: RUNS, seedPrefix: 'm', train: 2, holdout: 2, sequences: 5, leaders: 1 });
const check = (r: BalanceReport, name: string) => {
  const c = r.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no check ${name}`);
  return c;
};

/** The fixture with `humanOnly` on some actions, compiled without the schema (which does not know the field yet). */
function withHumanOnly(marks: Record<string, unknown>): Scenario {
  const def = measuredScenario();
  const out = compileScenario({ ...def, actions: def.actions.map((a) => (a.id in marks ? { ...a, humanOnly: marks[a.id] } : a)) } as ScenarioFile);
  if (!out.ok) throw new Error('does not compile');
  return out.scenario;
}

describe('all-AI measurements on a fixture with known answers', () => {
  it("action mixes: b always takes b_act, a always waits; every actor's shares sum to 1", () => {
    expect(report.allAi.actionShare).toEqual({ a: { a_wait: 1 }, b: { b_wait: 0, b_act: 1 } });
    expect(check(report, 'action-usage')).toMatchObject({ passed: false, figure: 0 });
    expect(check(report, 'action-usage').detail).toContain('b b_wait 0.0%');
  });

  it('takes the major flows a scenario marks, and leaves out those it marks minor, before the 20% rule', () => {
    const marked = (marks: Record<string, boolean>) => {
      const def = measuredScenario();
      return compileOk({ ...def, flows: def.flows!.map((f) => (f.id in marks ? { ...f, major: marks[f.id] } : f)) });
    };
    expect(defaultMajorFlows(marked({ ba: true }))).toEqual(['ba']);
    expect(defaultMajorFlows(marked({ ab: false }))).toEqual([]);
    expect(defaultMajorFlows(marked({ ba: false }))).toEqual(['ab']);
  });

  it("flow cuts: cutting ab (a major flow) moves b's mix all the way; cutting ba moves nothing", () => {
    expect(defaultMajorFlows(sc)).toEqual(['ab']);
    expect(report.flows.major).toEqual(['ab']);
    const [ab, ba] = report.flows.cuts;
    expect(ab).toEqual({ flow: 'ab', from: 'a', to: 'b', major: true, perActor: { a: 0, b: 1 }, maxTvd: 1, maxActor: 'b', maxOtherTvd: 0 });
    expect(ba).toMatchObject({ flow: 'ba', major: false, maxTvd: 0 });
    expect(check(report, 'major-flows-matter')).toMatchObject({ passed: true, figure: 1 });
    const other = runBalance(sc, { runs: 10, seedPrefix: 'm', train: 1, holdout: 1, sequences: 2, leaders: 1, majorFlows: ['ba'] });
    expect(check(other, 'major-flows-matter')).toMatchObject({ passed: false, figure: 0 });
    expect(() => runBalance(sc, { runs: 1, seedPrefix: 'm', majorFlows: ['nope'] })).toThrow(/unknown flow "nope"/);
  });

  it('events: scheduled ones always fire, "never" never does; the fire shares are the runs\' own', () => {
    const share = Object.fromEntries(report.events.map((e) => [e.id, e.fireShare]));
    expect(share.opening).toBe(1);
    expect(share.ask).toBe(1);
    expect(share.never).toBe(0);
    expect(share.rare).toBeGreaterThan(0);
    expect(share.rare).toBeLessThan(1);
    expect(report.events.map((e) => [e.id, e.scheduled])).toEqual([
      ['opening', true],
      ['rare', false],
      ['never', false],
      ['ask', true],
    ]);
    expect(check(report, 'events-fire')).toMatchObject({ passed: false, figure: 0 });
    expect(check(report, 'unscheduled-not-certain')).toMatchObject({ passed: true, figure: share.rare });
  });

  it('event variety: runs differ only by "rare", so two runs are 1/3 apart when one has it and the other not', () => {
    const k = Math.round(report.events.find((e) => e.id === 'rare')!.fireShare * RUNS);
    expect(report.eventVariety.pairs).toBe((RUNS * (RUNS - 1)) / 2);
    expect(report.eventVariety.whole).toBeCloseTo((k * (RUNS - k)) / report.eventVariety.pairs / 3, 12);
    expect(check(report, 'event-variety').passed).toBe(report.eventVariety.whole >= 0.4);
  });

  it('event variety of the opening counts only events fired at the start of turns 1 to 4', () => {
    // "rare" may fire only from turn 5: the whole games differ, their openings never do.
    const def = measuredScenario();
    const late = compileOk({ ...def, events: def.events!.map((e) => (e.id === 'rare' ? { ...e, when: 'turn >= 5', chance: 50 } : e)) });
    const r = runBalance(late, { runs: 30, seedPrefix: 'late', train: 1, holdout: 1, sequences: 2, leaders: 1 });
    expect(r.eventVariety.whole).toBeGreaterThan(0);
    expect(r.eventVariety.opening).toBe(0);
    expect(r.eventVariety.openingTurns).toBe(4);
  });

  it('dilemmas: put in every run, always answered "up" by b\'s AI', () => {
    expect(report.dilemmas).toEqual([{ event: 'ask', actor: 'b', put: RUNS, optionShare: { up: 1, down: 0 } }]);
    expect(check(report, 'dilemma-options-used')).toMatchObject({ passed: false, figure: 0 });
    expect(check(report, 'dilemma-options-used').detail).toContain('ask.down');
  });

  it("objectives: b_start holds from the start, b_rich at every end, a_high never; the AI's score shares follow", () => {
    const o = Object.fromEntries(report.objectives.map((x) => [x.id, [x.startShare, x.endShare]]));
    expect(o).toEqual({ a_high: [0, 0], b_start: [1, 1], b_rich: [0, 1] });
    expect(check(report, 'objectives-open-at-start')).toMatchObject({ passed: false, figure: 1 });
    expect(check(report, 'objectives-not-automatic')).toMatchObject({ passed: false, figure: 1 });
    expect(report.aiScore).toEqual({ a: { meanScore: 0, max: 2, share: 0 }, b: { meanScore: 4, max: 4, share: 1 } });
    expect(check(report, 'ai-score-floor')).toMatchObject({ passed: false, figure: 0 });
    expect(check(report, 'ai-score-ceiling')).toMatchObject({ passed: false, figure: 1 });
    expect(report.scoresByEnding).toEqual({ a: { end: { runs: RUNS, meanScore: 0 } }, b: { end: { runs: RUNS, meanScore: 4 } } });
  });

  it('fuzz: with every fuzz 0 no decision differs, and the fuzz-0 world is the same world', () => {
    expect(report.fuzz.perActor.b).toEqual({ decisions: RUNS * 5, differ: 0, share: 0 });
    expect(report.fuzz.tvd).toBe(0);
  });

  it('fuzz: on the tutorial the differing decisions are those whose fuzz-0 choice differs, state by state', () => {
    const tut = loadScenario('tutorial');
    const stats = playAllAi(tut, { runs: 15, seedPrefix: 'f', aiFuzz: null, fuzzCheck: true });
    const direct: Record<string, number> = { upland: 0, lowland: 0, harbor: 0 };
    for (let i = 1; i <= 15; i++) {
      let s = createGame(tut, { seed: `f-${i}` });
      while (!s.over) {
        const next = step(tut, s, {}).state;
        const sharp = step(tut, { ...s, aiFuzz: 0 }, {}).state;
        for (const a of tut.actors) if (next.history.at(-1)!.choices[a.id]!.action !== sharp.history.at(-1)!.choices[a.id]!.action) direct[a.id]! += 1;
        s = next;
      }
    }
    expect(Object.fromEntries(Object.entries(stats.fuzz).map(([id, f]) => [id, f.differ]))).toEqual(direct);
    expect(Object.values(direct).some((n) => n > 0)).toBe(true);
  });
});

describe('human-only actions', () => {
  it('are read defensively: a non-empty string is a reason, anything else is not', () => {
    const marked = withHumanOnly({ b_wait: 'only a person would hold back here', a_wait: '', b_act: 7 });
    const index = (id: string) => marked.actionIndex.get(id)!;
    expect(humanOnlyOf(marked, index('b_wait'))).toBe('only a person would hold back here');
    expect(humanOnlyOf(marked, index('a_wait'))).toBeNull();
    expect(humanOnlyOf(marked, index('b_act'))).toBeNull();
    expect(humanOnlyOf(withHumanOnly({ b_wait: '   ' }), index('b_wait'))).toBeNull();
    expect(humanOnlyOf(sc, index('b_wait'))).toBeNull();
  });

  it('are left out of the action-usage bar, at most one per actor', () => {
    const one = runBalance(withHumanOnly({ b_wait: 'a person might' }), { runs: 10, seedPrefix: 'h', train: 1, holdout: 1, sequences: 2, leaders: 1 });
    expect(one.humanOnly).toEqual({ a: [], b: [{ action: 'b_wait', why: 'a person might' }] });
    expect(check(one, 'action-usage')).toMatchObject({ passed: true, figure: 1 });
    expect(check(one, 'human-only-limit')).toMatchObject({ passed: true, figure: 1 });
    const two = runBalance(withHumanOnly({ b_wait: 'x', b_act: 'y' }), { runs: 10, seedPrefix: 'h', train: 1, holdout: 1, sequences: 2, leaders: 1 });
    expect(check(two, 'human-only-limit')).toMatchObject({ passed: false, figure: 2 });
  });
});

describe('the what-if copies of a scenario', () => {
  it('leverage off: strength 0, the rest of the definition unchanged, the original untouched', () => {
    const pc = loadScenario('party-congress');
    const off = withoutLeverage(pc);
    expect(off.leverageStrength).toBe(0);
    expect(pc.leverageStrength).toBeGreaterThan(0);
    expect(off.def.leverage).toEqual({ ...pc.def.leverage, strength: 0 });
    expect({ ...off.def, leverage: null }).toEqual({ ...pc.def, leverage: null });
    expect(off.hash).not.toBe(pc.hash);
  });

  it('a cut flow starts at 0 and stays there whatever is added to it', () => {
    const pc = loadScenario('party-congress');
    const cut = withFlowCut(pc, 'cn_nk_trade');
    const k = cut.flowIndex.get('cn_nk_trade')!;
    expect(cut.flows[k]).toMatchObject({ min: 0, max: 0 });
    expect(cut.def.flows![k]).toMatchObject({ initial: 0, min: 0, max: 0 });
    expect(pc.flows[k]!.max).toBe(100);
    let s = createGame(cut, { seed: 'cut' });
    expect(s.flows[k]).toBe(0);
    let traded = 0;
    for (let t = 0; t < 8 && !s.over; t++) {
      const open = legalChoices(cut, s, 'cn').actions.some((a) => a.id === 'cn_trade' && a.available);
      traded += open ? 1 : 0;
      s = step(cut, s, open ? { cn: { action: 'cn_trade' } } : {}).state;
      expect(s.flows[k]).toBe(0);
    }
    expect(traded).toBeGreaterThan(1);
    expect(() => withFlowCut(pc, 'nope')).toThrow(/unknown flow "nope"/);
  });
});
