// Test helpers: minimal valid scenarios built in code, the shipped scenarios, and small utilities.
// Lives under tests/ so nothing here is shipped with the engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileScenario, formatPath, scenarioSchema, step } from '../../src/engine/compiler.js';
import type { ActionDef, ActorDef, EffectDef, EventDef, IndicatorDef, SituationDef } from '../../src/engine/compiler.js';
import type { Choices, Diagnostic, GameState, LedgerEntry, Scenario, ScenarioFile } from '../../src/engine/compiler.js';

export type { ActionDef, ActorDef, EffectDef, EventDef, IndicatorDef, SituationDef };

/** The repository root, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The path of a shipped scenario file, e.g. scenarioPath('tutorial'). */
export function scenarioPath(name: string): string {
  return `${ROOT}scenarios/${name}.json`;
}

/** A shipped scenario file, checked against the schema. */
export function loadScenarioFile(name: string): ScenarioFile {
  return scenarioSchema.parse(JSON.parse(readFileSync(scenarioPath(name), 'utf8')));
}

/** A shipped scenario, compiled. */
export function loadScenario(name: string): Scenario {
  return compileOk(loadScenarioFile(name));
}

/** Checks `def` against the schema and compiles it; throws with every diagnostic when it does not compile. */
export function compileOk(def: ScenarioFile): Scenario {
  const parsed = scenarioSchema.safeParse(def);
  if (!parsed.success) throw new Error(`fixture fails the schema: ${JSON.stringify(parsed.error.issues, null, 2)}`);
  const out = compileScenario(parsed.data);
  if (!out.ok) throw new Error(`fixture does not compile:\n${out.diagnostics.map((d) => `${formatPath(d.path)}: ${d.message}`).join('\n')}`);
  return out.scenario;
}

/** The diagnostics of a scenario that passes the schema (which is asserted) but may fail to compile. */
export function diagnosticsOf(def: ScenarioFile): Diagnostic[] {
  const parsed = scenarioSchema.safeParse(def);
  if (!parsed.success) throw new Error(`fixture fails the schema: ${JSON.stringify(parsed.error.issues, null, 2)}`);
  return compileScenario(parsed.data).diagnostics;
}

/** A minimal actor: one goal (the value of `goal`, weight 1), no objectives, no fuzz. */
export function actorDef(id: string, over: Partial<ActorDef> = {}): ActorDef {
  return {
    id,
    name: `Actor ${id}`,
    colour: '#336699',
    biography: [{ text: `You play ${id}.` }],
    objectives: [],
    ai: { goals: [{ id: 'goal', label: `${id}'s goal`, value: '0', weight: 1 }] },
    ...over,
  };
}

/** A global indicator from 0 to 100 starting at 50, unless overridden. */
export function indicatorDef(id: string, over: Partial<IndicatorDef> = {}): IndicatorDef {
  return { id, name: `Indicator ${id}`, description: `The ${id} indicator.`, min: 0, max: 100, initial: 50, ...over };
}

/** An action with a label and description filled in. */
export function actionDef(id: string, actor: string, over: Partial<ActionDef> = {}): ActionDef {
  return { id, actor, label: `Do ${id}`, description: `The ${id} action.`, ...over };
}

/** An event with a title and text filled in. */
export function eventDef(id: string, over: Partial<EventDef> = {}): EventDef {
  return { id, title: `Event ${id}`, text: `The ${id} event.`, ...over };
}

export function situationDef(id: string, start: string, stop: string, over: Partial<SituationDef> = {}): SituationDef {
  return { id, name: `Situation ${id}`, description: `The ${id} situation.`, start, stop, ...over };
}

/**
 * A minimal valid scenario: actors "a" and "b"; global indicator "x" and per-actor "ax" (owner a) and "bx" (owner b),
 * each 0..100 starting at 50; neutral stances a↔b (initial 0, rest 0); one do-nothing action each ("a_wait",
 * "b_wait"); one fallback ending "end"; 5 turns. `over` replaces whole top-level fields.
 */
export function baseScenario(over: Partial<ScenarioFile> = {}): ScenarioFile {
  return {
    formatVersion: 1,
    id: 'fixture',
    title: 'Fixture',
    summary: 'A minimal scenario built by the tests.',
    turns: { count: 5, unit: 'round' },
    sources: [{ id: 'src', title: 'A source' }],
    briefing: [{ text: 'A briefing.' }],
    actors: [actorDef('a'), actorDef('b')],
    indicators: [indicatorDef('x'), indicatorDef('ax', { actor: 'a' }), indicatorDef('bx', { actor: 'b' })],
    stances: {
      relations: [
        { from: 'a', to: 'b', initial: 0, rest: 0 },
        { from: 'b', to: 'a', initial: 0, rest: 0 },
      ],
    },
    actions: [actionDef('a_wait', 'a'), actionDef('b_wait', 'b')],
    endings: [{ id: 'end', title: 'The end', text: 'It ended.' }],
    ...over,
  };
}

/** Recursively freezes a value (a deep-frozen game state throws on any write in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A deep copy through JSON, as a save file would make. */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The index of an indicator by id, failing loudly. */
export function ind(sc: Scenario, id: string): number {
  const i = sc.indicatorIndex.get(id);
  if (i === undefined) throw new Error(`no indicator ${id}`);
  return i;
}

/** The stance pair index of from→to. */
export function pair(sc: Scenario, from: string, to: string): number {
  const f = sc.actorIndex.get(from);
  const t = sc.actorIndex.get(to);
  if (f === undefined || t === undefined) throw new Error(`no stance ${from}>${to}`);
  return f * sc.actors.length + t;
}

/** Stance value from→to in a state. */
export function stanceOf(sc: Scenario, s: GameState, from: string, to: string): number {
  return s.stances[pair(sc, from, to)]!;
}

/** Value of an indicator in a state. */
export function valueOf(sc: Scenario, s: GameState, id: string): number {
  return s.indicators[ind(sc, id)]!;
}

/** Steps until the game is over with the choices `choose` gives (AI for everything by default). */
export function playOut(sc: Scenario, s: GameState, choose: (s: GameState) => Choices = () => ({})): GameState {
  let g = s;
  for (let guard = 0; !g.over; guard++) {
    if (guard > 1000) throw new Error('game does not end');
    g = step(sc, g, choose(g)).state;
  }
  return g;
}

/** Sum of ledger deltas per target. */
export function ledgerSums(entries: readonly LedgerEntry[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.target, (sums.get(e.target) ?? 0) + e.delta);
  return sums;
}

/** Every number of a state the ledger speaks of, by ledger key. */
export function ledgerValues(sc: Scenario, s: GameState): Map<string, number> {
  const out = new Map<string, number>();
  sc.keys.indicator.forEach((k, i) => out.set(k, s.indicators[i]!));
  sc.keys.flow.forEach((k, i) => out.set(k, s.flows[i]!));
  sc.keys.flag.forEach((k, i) => out.set(k, s.flags[i]!));
  sc.keys.stance.forEach((k, i) => out.set(k, s.stances[i]!));
  return out;
}
