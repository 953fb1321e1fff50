import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legalChoices, stateHash, step, type Choices } from '../engine/index.js';
import { aiChoices, hotSeatSave, tutorial } from '../../tests/unit/saveFixtures.js';
import { Bridge } from './bridge.js';
import { checkSave, type ResumePlan } from './saveCheck.js';
import { diagnoseSave, type SaveData } from './saves.js';

function reasonOf(save: SaveData): string {
  const r = checkSave(tutorial, save);
  if (r.ok) throw new Error('expected the save to be set aside');
  return r.reason;
}

function withDraft(save: SaveData, draft: Choices): SaveData {
  return { ...save, draft };
}

/** Finishes the turn the plan shows: its drafts, every other seat's AI choice; throws if the engine refuses. */
function finishTurn(plan: ResumePlan): void {
  if (plan.state.over) return;
  const choices = aiChoices(tutorial, plan.state);
  for (const [id, c] of Object.entries(plan.draft)) {
    choices[id] = c.action === '' ? { action: choices[id]!.action, dilemmas: { ...choices[id]!.dilemmas, ...c.dilemmas } } : c;
  }
  step(tutorial, plan.state, choices);
}

describe('checking a save before it resumes', () => {
  it('resumes a hot-seat save at each stage, at the saved position, and the turn can be finished', () => {
    for (const turns of [0, 1, 3]) {
      for (const stage of ['handover', 'answered', 'main'] as const) {
        const save = hotSeatSave(turns, stage);
        const r = checkSave(tutorial, save);
        expect(r.ok, `${turns} turns, ${stage}: ${r.ok ? '' : r.reason}`).toBe(true);
        if (!r.ok) continue;
        expect(stateHash(r.plan.state)).toBe(save.hash);
        expect(() => finishTurn(r.plan)).not.toThrow();
      }
    }
  });

  it('sets aside an illegal drafted action ("protest", "nosuch" or none at all) with the engine\'s reason', () => {
    const save = hotSeatSave(1, 'handover');
    const upland = save.draft['upland']!;
    expect(reasonOf(withDraft(save, { upland: { ...upland, action: 'protest' } }))).toMatch(
      /^the choice saved for "upland" is not legal now: "protest" is not available to "upland" on turn 2; available: /,
    );
    expect(reasonOf(withDraft(save, { upland: { ...upland, action: 'nosuch' } }))).toMatch(/"nosuch" is not available to "upland"/);
    expect(reasonOf(withDraft(save, { upland: { ...upland, action: '' } }))).toBe('the choice saved for "upland" names no action');
    expect(reasonOf(withDraft(save, {}))).toBe('the choice of "upland", made before the hand-over, is missing');
  });

  it('sets aside a draft for a seat whose turn has not come, a seat no human plays, or a screen with no choosing', () => {
    const save = hotSeatSave(1, 'handover');
    const lowlandAction = legalChoices(tutorial, checkPlan(save).state, 'lowland').actions.find((a) => a.available)!.id;
    expect(reasonOf(withDraft(save, { ...save.draft, lowland: { action: lowlandAction } }))).toBe(
      'it holds a choice for "lowland", whose turn to choose has not come',
    );
    const oneHuman = { ...hotSeatSave(0, 'main'), seats: { upland: 'human' as const, lowland: 'ai' as const } };
    expect(reasonOf(oneHuman)).toBe('replaying its moves does not reach the saved position');
    expect(reasonOf({ ...save, phase: { name: 'briefing', seat: 0 } })).toBe('it holds choices for the briefing screen, where nobody chooses');
  });

  it('sets aside an answer to a dilemma that is not pending, or with an option the dilemma does not have', () => {
    const save = hotSeatSave(0, 'main');
    expect(reasonOf(withDraft(save, { upland: { action: '', dilemmas: { nosuch_event: 'a' } } }))).toMatch(
      /^the choice saved for "upland" is not legal now: "upland" answers the dilemma "nosuch_event", which is not put to it this turn/,
    );
    const pending = findPendingDilemma();
    const bad = { action: '', dilemmas: { [pending.event]: 'no_such_option' } };
    expect(reasonOf(withDraft(pending, { ...pending.draft, [pending.actor]: bad }))).toMatch(/must answer the dilemma .* with one of/);
  });

  it('sets aside a save of another scenario, a changed scenario, a moved position and an ending that did not happen', () => {
    const save = hotSeatSave(2, 'main');
    expect(reasonOf({ ...save, scenario: { ...save.scenario, id: 'other' } })).toBe('it belongs to the scenario "other", not "tutorial"');
    expect(reasonOf({ ...save, scenario: { ...save.scenario, hash: '0'.repeat(64) } })).toBe('the scenario "tutorial" has changed since this game was saved');
    expect(reasonOf({ ...save, hash: '1'.repeat(64) })).toBe('replaying its moves does not reach the saved position');
    expect(reasonOf({ ...save, phase: { name: 'ending' } })).toBe('it claims the game ended, but the game is still running');
    expect(reasonOf({ ...save, phase: { name: 'main', seat: 2 } })).toBe('it names a player seat that does not exist');
    expect(reasonOf({ ...save, seed: '\uDFFF' })).toMatch(/^its seed cannot be used: a seed cannot hold an unpaired surrogate/);
    expect(reasonOf({ ...save, turns: [{ upland: { action: 'protest' } }] })).toMatch(/^its moves no longer replay: /);
  });
});

function checkPlan(save: SaveData): ResumePlan {
  const r = checkSave(tutorial, save);
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

/** A save on the main screen of the seat a dilemma is put to (searching the first turns of a few seeds). */
function findPendingDilemma(): SaveData & { actor: string; event: string } {
  for (let i = 0; i < 40; i++) {
    for (const turns of [0, 1, 2, 3, 4]) {
      const save = hotSeatSave(turns, 'handover', `dilemma-${i}`);
      if (save.phase.name !== 'handover') continue;
      const d = checkPlan(save).state.dilemmas[0];
      if (d?.actor === 'upland') return { ...save, draft: {}, phase: { name: 'main', seat: 0 }, actor: d.actor, event: d.event };
      if (d?.actor === 'lowland') return { ...save, phase: { name: 'main', seat: 1 }, actor: d.actor, event: d.event };
    }
  }
  throw new Error('no seed puts a dilemma in the first turns of the tutorial');
}

// ---------------------------------------------------------------- fuzz

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const INTERESTING: Json[] = [
  'protest',
  'nosuch',
  '',
  'pass',
  '__proto__',
  '\uD800',
  '\uDC00x',
  'x'.repeat(300),
  'human',
  'ai',
  'main',
  'handover',
  'ending',
  'resolution',
  'briefing',
  'upland',
  'lowland',
  'tutorial',
  -1,
  0,
  1,
  2,
  17,
  0.5,
  1e9,
  Number.MAX_SAFE_INTEGER,
  null,
  true,
  false,
  [],
  {},
  ...tutorial.def.actions.slice(0, 6).map((a) => a.id),
  ...(tutorial.def.events ?? []).map((e) => e.id).slice(0, 4),
];

/** Every path to a value inside `v` (the root is []). */
function paths(v: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'text') out.push(...paths(x, [...at, k]));
  return out;
}

type Mutation = { op: 'set' | 'delete' | 'add'; pick: number; value: Json; key: string; focus: boolean; sameKind: number | null };

/** The fields a mutation aims at half the time: where a save still replays but may not resume. */
const FOCUS = new Set(['draft', 'phase', 'seed', 'seats', 'aiFuzz', 'savedAt']);

function mutate(root: Json, m: Mutation): Json {
  const copy = structuredClone(root);
  const every = paths(copy);
  const focused = every.filter((p) => FOCUS.has(String(p[0])));
  const all = m.focus && focused.length ? focused : every;
  const path = all[m.pick % all.length]!;
  if (path.length === 0) return m.op === 'set' ? m.value : copy;
  let parent = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const target = parent[last];
  if (m.op === 'set') parent[last] = m.sameKind === null ? m.value : ofKind(target, m.sameKind);
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, Json>)[m.key] = m.value;
  else if (Array.isArray(target)) target.push(m.value);
  else parent[last] = m.value;
  return copy;
}

/** A value from the pool of the same JSON type as `like` (so the damage often passes the schema and reaches the engine). */
function ofKind(like: Json | undefined, pick: number): Json {
  const pool = INTERESTING.filter((x) => typeof x === typeof like && Array.isArray(x) === Array.isArray(like) && (x === null) === (like === null));
  return pool.length ? pool[pick % pool.length]! : (like ?? null);
}

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 1, arbitrary: fc.jsonValue() as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.record({ action: fc.constantFrom(...INTERESTING.filter((x) => typeof x === 'string')) }) as fc.Arbitrary<Json> },
);
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('set', 'delete', 'add'),
  pick: fc.nat(),
  focus: fc.boolean(),
  sameKind: fc.option(fc.nat(), { nil: null }),
  value: jsonValue,
  key: fc.constantFrom('upland', 'lowland', '__proto__', 'action', 'dilemmas', 'extra', ...(tutorial.def.events ?? []).map((e) => e.id).slice(0, 3)),
});

const BASES: SaveData[] = [
  hotSeatSave(0, 'handover'),
  hotSeatSave(1, 'answered'),
  hotSeatSave(3, 'main'),
  hotSeatSave(2, 'handover', 'fuzz-b'),
  hotSeatSave(40, 'main'),
];

describe('the save loader under random damage', () => {
  it('either resumes a mutated save at its saved position with a turn that can be finished, or sets it aside with a reason; it never throws', () => {
    let resumed = 0;
    let setAside = 0;
    fc.assert(
      fc.property(fc.nat(BASES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.option(fc.nat(), { nil: undefined }), (base, ms, cut) => {
        let value: Json = BASES[base] as unknown as Json;
        for (const m of ms) value = mutate(value, m);
        let raw = JSON.stringify(value) ?? '';
        if (cut !== undefined && cut % 4 === 0) raw = raw.slice(0, cut % raw.length);
        const d = diagnoseSave(raw);
        if ('reason' in d) {
          expect(d.reason.length).toBeGreaterThan(0);
          setAside += 1;
          return;
        }
        const r = checkSave(tutorial, d.save);
        if (!r.ok) {
          expect(r.reason).toMatch(/\S/);
          setAside += 1;
          return;
        }
        resumed += 1;
        expect(stateHash(r.plan.state)).toBe(d.save.hash);
        const bridge = new Bridge();
        bridge.resume(tutorial, { bundled: 'tutorial', file: null }, r.plan);
        expect(bridge.hash()).toBe(d.save.hash);
        finishTurn(r.plan);
      }),
      { seed: 20261202, numRuns: 3000 },
    );
    console.log(`save fuzz: ${resumed} mutated saves resumed, ${setAside} set aside, none threw`);
    expect(resumed).toBeGreaterThan(60);
    expect(setAside).toBeGreaterThan(1500);
  });
});
