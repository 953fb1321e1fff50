// Turns a schema-valid scenario file into a compiled Scenario, reporting every semantic problem found.
import { PASS_ID } from './choices.js';
import { compileExpr, type ExprEnv, type ExprRefs } from './expr/index.js';
import type { Diagnostic, JsonPath } from './diagnostics.js';
import { scenarioHash } from './hash.js';
import { asDoubles } from './doubles.js';
import type { EffectDef, IndicatorDef, ScenarioFile } from './schema.js';
import { EFFECT_MODES, scalesChange } from './modes.js';
import { unreachable } from './unreachable.js';
import {
  TARGET_KINDS,
  type Amount,
  type CAction,
  type CActor,
  type CEffect,
  type CEnding,
  type CEvent,
  type CFlow,
  type CIndicator,
  type CSituation,
  type Scenario,
} from './types.js';

export type CompileOutcome = { ok: true; scenario: Scenario; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

const DEFAULT_BANDS = [
  { id: 'hostile', label: 'hostile', upTo: -60 },
  { id: 'cold', label: 'cold', upTo: -20 },
  { id: 'wary', label: 'wary', upTo: 20 },
  { id: 'cordial', label: 'cordial', upTo: 60 },
  { id: 'aligned', label: 'aligned', upTo: 100 },
];

function indexIds(items: ReadonlyArray<{ id: string }>, path: JsonPath, kind: string, out: Diagnostic[]): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    if (map.has(item.id))
      out.push({ severity: 'error', path: [...path, i, 'id'], message: `duplicate ${kind} id "${item.id}" (first used at ${kind}s[${map.get(item.id)}])` });
    else map.set(item.id, i);
  });
  return map;
}

/** For each ordered pair of actors, the flows whose amounts make up its leverage, signed, in flow order. */
function leverageTermsOf(flows: readonly CFlow[], n: number): number[][] {
  const terms = Array.from({ length: n * n }, (): number[] => []);
  flows.forEach((f, i) => {
    if (f.from < 0 || f.to < 0) return;
    terms[f.from * n + f.to]!.push(i + 1);
    terms[f.to * n + f.from]!.push(-(i + 1));
  });
  return terms;
}

/** pure; compiles a scenario that already passed the schema. Never throws on bad content. */
export function compileScenario(def: ScenarioFile): CompileOutcome {
  const d: Diagnostic[] = [];
  const err = (path: JsonPath, message: string) => d.push({ severity: 'error', path, message });
  const actorIndex = indexIds(def.actors, ['actors'], 'actor', d);
  const indicatorIndex = indexIds(def.indicators, ['indicators'], 'indicator', d);
  const flags = def.flags ?? [];
  const flagIndex = indexIds(flags, ['flags'], 'flag', d);
  const flowsDef = def.flows ?? [];
  const flowIndex = indexIds(flowsDef, ['flows'], 'flow', d);
  const actionIndex = indexIds(def.actions, ['actions'], 'action', d);
  def.actions.forEach((a, i) => {
    if (a.id === PASS_ID) err(['actions', i, 'id'], `"${PASS_ID}" is reserved for the built-in "Hold course" action`);
  });
  const eventsDef = def.events ?? [];
  const eventIndex = indexIds(eventsDef, ['events'], 'event', d);
  const situationsDef = def.situations ?? [];
  const situationIndex = indexIds(situationsDef, ['situations'], 'situation', d);
  indexIds(def.endings, ['endings'], 'ending', d);
  const sourceIds = indexIds(def.sources, ['sources'], 'source', d);
  const refs: ExprRefs = {
    indicators: indicatorIndex,
    actors: actorIndex,
    flows: flowIndex,
    flags: flagIndex,
    situations: situationIndex,
    events: eventIndex,
    actions: actionIndex,
  };
  const n = def.actors.length;

  const amount = (value: number | string, path: JsonPath): Amount => {
    if (typeof value === 'number') return { source: String(value), fn: () => value, constant: value, expr: null };
    const r = compileExpr(value, refs);
    if (r.ok) return { source: value, fn: r.expr.fn, constant: r.expr.constant, expr: r.expr };
    for (const e of r.errors) d.push({ severity: 'error', path, message: e.message, span: { start: e.start, end: e.end } });
    return { source: value, fn: () => 0, constant: 0, expr: null };
  };
  const actorRef = (id: string, path: JsonPath): number => {
    const i = actorIndex.get(id);
    if (i === undefined) err(path, `unknown actor "${id}"; expected one of: ${[...actorIndex.keys()].join(', ')}`);
    return i ?? -1;
  };
  const ref = (map: ReadonlyMap<string, number>, kind: string, id: string, path: JsonPath): number => {
    const i = map.get(id);
    if (i === undefined) err(path, `unknown ${kind} "${id}"${map.size ? `; expected one of: ${[...map.keys()].slice(0, 12).join(', ')}` : ''}`);
    return i ?? -1;
  };
  const checkSources = (list: readonly string[] | undefined, path: JsonPath) => list?.forEach((s, i) => ref(sourceIds, 'source', s, [...path, i]));

  /** Per actor, the error of its estimate of `ind` (0: exact); reports unknown, repeated and owning roles. */
  const estimateErrors = (ind: IndicatorDef, owner: number, p: JsonPath): number[] => {
    const errors = new Array<number>(n).fill(0);
    const est = ind.estimate;
    if (!est) return errors;
    checkSources(est.sources, [...p, 'estimate', 'sources']);
    const seen = new Map<number, string>();
    est.groups.forEach((g, j) => {
      const gp: JsonPath = [...p, 'estimate', 'groups', j];
      if (g.error >= ind.max - ind.min)
        err([...gp, 'error'], `error ${g.error} is not smaller than the indicator's range (${ind.min} to ${ind.max}); such an estimate tells nothing`);
      g.roles.forEach((role, k) => {
        const rp: JsonPath = [...gp, 'roles', k];
        const a = actorRef(role, rp);
        if (a < 0) return;
        if (a === owner) return void err(rp, `"${role}" owns this indicator and always sees it exactly; list only other roles`);
        const first = seen.get(a);
        if (first !== undefined) return void err(rp, `"${role}" is listed twice (first at ${first}); a role sees one estimate`);
        seen.set(a, `estimate.groups[${j}].roles[${k}]`);
        errors[a] = g.error;
      });
    });
    return errors;
  };

  const indicators: CIndicator[] = def.indicators.map((ind, i) => {
    const p: JsonPath = ['indicators', i];
    if (ind.min >= ind.max) err([...p, 'max'], `max (${ind.max}) must be greater than min (${ind.min})`);
    if (ind.initial < ind.min || ind.initial > ind.max) err([...p, 'initial'], `initial value ${ind.initial} is outside [${ind.min}, ${ind.max}]`);
    const bands = ind.bands ?? [];
    bands.forEach((b, j) => {
      const prev = bands[j - 1];
      if (prev && b.upTo <= prev.upTo) err([...p, 'bands', j, 'upTo'], `bands must ascend: ${b.upTo} is not above ${prev.upTo}`);
    });
    checkSources(ind.sources, [...p, 'sources']);
    const owner = ind.actor === undefined ? -1 : actorRef(ind.actor, [...p, 'actor']);
    return {
      id: ind.id,
      min: ind.min,
      max: ind.max,
      bands,
      owner,
      estimateError: estimateErrors(ind, owner, p),
      perTurn: (ind.perTurn ?? []).map((t, j) => ({
        label: t.label,
        amount: amount(t.amount, [...p, 'perTurn', j, 'amount']),
        cause: { kind: 'drift' as const, id: ind.id, actor: null, label: t.label },
      })),
    };
  });

  const flows: CFlow[] = flowsDef.map((f, i) => {
    const p: JsonPath = ['flows', i];
    const min = f.min ?? 0;
    const max = f.max ?? 100;
    if (min >= max) err([...p, 'max'], `max (${max}) must be greater than min (${min})`);
    if (f.initial < min || f.initial > max) err([...p, 'initial'], `initial value ${f.initial} is outside [${min}, ${max}]`);
    const from = actorRef(f.from, [...p, 'from']);
    const to = actorRef(f.to, [...p, 'to']);
    if (from >= 0 && from === to) err([...p, 'to'], 'a flow must run between two different actors');
    checkSources(f.sources, [...p, 'sources']);
    return { id: f.id, from, to, min, max };
  });

  const stanceMin = def.stances.min ?? -100;
  const stanceMax = def.stances.max ?? 100;
  if (stanceMin >= stanceMax) err(['stances', 'max'], `stances.max (${stanceMax}) must be greater than stances.min (${stanceMin})`);
  const stanceBands = def.stances.bands ?? DEFAULT_BANDS;
  stanceBands.forEach((b, j) => {
    const prev = stanceBands[j - 1];
    if (prev && b.upTo <= prev.upTo) err(['stances', 'bands', j, 'upTo'], `bands must ascend: ${b.upTo} is not above ${prev.upTo}`);
  });
  const rest = new Array<number>(n * n).fill(0);
  const initialStance = new Array<number>(n * n).fill(0);
  const seenPairs = new Map<number, number>();
  def.stances.relations.forEach((r, i) => {
    const p: JsonPath = ['stances', 'relations', i];
    const from = actorRef(r.from, [...p, 'from']);
    const to = actorRef(r.to, [...p, 'to']);
    if (from < 0 || to < 0) return;
    if (from === to) return void err([...p, 'to'], 'a stance runs between two different actors');
    const pair = from * n + to;
    if (seenPairs.has(pair)) return void err(p, `duplicate stance ${r.from}→${r.to} (first at stances.relations[${seenPairs.get(pair)}])`);
    seenPairs.set(pair, i);
    for (const key of ['initial', 'rest'] as const) {
      if (r[key] < stanceMin || r[key] > stanceMax) err([...p, key], `${key} ${r[key]} is outside the stance range [${stanceMin}, ${stanceMax}]`);
    }
    rest[pair] = r.rest;
    initialStance[pair] = r.initial;
    checkSources(r.sources, [...p, 'sources']);
  });

  const leverageTerms = leverageTermsOf(flows, n);
  const leverageStrength = def.leverage?.strength ?? 0.5;
  const leverageDeference = def.leverage?.deference ?? 0.5;
  const targetRef = (id: string, actor: number, path: JsonPath): number => {
    const t = actorRef(id, path);
    if (t >= 0 && t === actor) err(path, 'an action cannot target the actor that takes it');
    return t;
  };
  let stanceSlots = 0;
  const effect = (e: EffectDef, p: JsonPath, owner: number): CEffect => {
    const targets = TARGET_KINDS.filter((k) => e[k] !== undefined);
    if (targets.length !== 1)
      err(p, `an effect needs exactly one target (indicator, stance, flow or flag); found ${targets.length ? targets.join(', ') : 'none'}`);
    const modes = EFFECT_MODES.filter((k) => e[k] !== undefined);
    if (modes.length !== 1) err(p, `an effect needs exactly one of "add" or "set"; found ${modes.length ? modes.join(' and ') : 'neither'}`);
    const mode = modes[0] ?? 'add';
    const kind = targets[0] ?? 'indicator';
    // Only a mode whose change scales with its amount can feed a stance modifier or be spread over turns.
    if (kind === 'stance' && !scalesChange(mode)) err([...p, mode], `stances change through modifiers: use "add", not "${mode}"`);
    if (!scalesChange(mode) && e.over !== undefined) err([...p, 'over'], `"over" spreads an amount and needs "add", not "${mode}"`);
    if (kind !== 'stance' && e.decay !== undefined) err([...p, 'decay'], '"decay" applies only to stance effects');
    let index = -1;
    let target = -1;
    switch (kind) {
      case 'indicator':
        index = ref(indicatorIndex, 'indicator', e.indicator ?? '', [...p, 'indicator']);
        target = indicators[index]?.owner ?? -1;
        break;
      case 'flow':
        index = ref(flowIndex, 'flow', e.flow ?? '', [...p, 'flow']);
        break;
      case 'flag':
        index = ref(flagIndex, 'flag', e.flag ?? '', [...p, 'flag']);
        break;
      case 'stance':
        if (e.stance) {
          const from = actorRef(e.stance.from, [...p, 'stance', 'from']);
          const to = actorRef(e.stance.to, [...p, 'stance', 'to']);
          if (from >= 0 && from === to) err([...p, 'stance', 'to'], 'a stance runs between two different actors');
          index = from * n + to;
          target = from;
        }
        break;
      default:
        unreachable(kind, 'effect target kind');
    }
    const raw = e[mode];
    return {
      kind,
      index,
      mode,
      amount: amount(raw ?? 0, [...p, mode]),
      label: e.label ?? null,
      decay: kind === 'stance' ? (e.decay ?? null) : null,
      delay: e.delay ?? 0,
      over: e.over ?? 1,
      owner: target,
      leveraged: (e.leveraged ?? true) && owner >= 0 && target >= 0 && target !== owner && (leverageTerms[owner * n + target]?.length ?? 0) > 0,
      slot: kind === 'stance' ? stanceSlots++ : -1,
    };
  };
  const effects = (list: readonly EffectDef[] | undefined, p: JsonPath, owner: number) => (list ?? []).map((e, i) => effect(e, [...p, i], owner));

  const actions: CAction[] = def.actions.map((a, i) => {
    const p: JsonPath = ['actions', i];
    const actor = actorRef(a.actor, [...p, 'actor']);
    checkSources(a.sources, [...p, 'sources']);
    return {
      id: a.id,
      index: i,
      actor,
      label: a.label,
      tags: a.tags ?? [],
      causes: {
        action: { kind: 'action', id: a.id, actor: a.actor, label: a.label },
        cost: { kind: 'cost', id: a.id, actor: a.actor, label: `cost of ${a.label}` },
        success: { kind: 'outcome', id: a.id, actor: a.actor, label: `${a.label} (succeeded)` },
        failure: { kind: 'outcome', id: a.id, actor: a.actor, label: `${a.label} (failed)` },
      },
      visible: a.visible === undefined ? null : amount(a.visible, [...p, 'visible']),
      requires: (a.requires ?? []).map((r, j) => ({ label: r.label, when: amount(r.when, [...p, 'requires', j, 'when']) })),
      cost: (a.cost ?? []).map((c, j) => ({ indicator: ref(indicatorIndex, 'indicator', c.indicator, [...p, 'cost', j, 'indicator']), amount: c.amount })),
      cooldown: a.cooldown ?? 0,
      maxUses: a.maxUses ?? 0,
      target: a.target === undefined ? -1 : targetRef(a.target, actor, [...p, 'target']),
      humanOnly: a.humanOnly !== undefined,
      effects: effects(a.effects, [...p, 'effects'], actor),
      outcome:
        a.outcome === undefined
          ? null
          : {
              odds: amount(a.outcome.odds, [...p, 'outcome', 'odds']),
              factors: (a.outcome.factors ?? []).map((f, j) => ({
                label: f.label,
                add: amount(f.add, [...p, 'outcome', 'factors', j, 'add']),
                when: f.when === undefined ? null : amount(f.when, [...p, 'outcome', 'factors', j, 'when']),
              })),
              success: effects(a.outcome.success, [...p, 'outcome', 'success'], actor),
              failure: effects(a.outcome.failure, [...p, 'outcome', 'failure'], actor),
            },
    };
  });
  const actionsByActor: CAction[][] = def.actors.map(() => []);
  for (const a of actions) actionsByActor[a.actor]?.push(a);

  const events: CEvent[] = eventsDef.map((e, i) => {
    const p: JsonPath = ['events', i];
    checkSources(e.sources, [...p, 'sources']);
    if (e.turn !== undefined && e.turn > def.turns.count)
      d.push({ severity: 'warning', path: [...p, 'turn'], message: `turn ${e.turn} is after the last turn (${def.turns.count}); this event never fires` });
    const dilemmaActor = e.dilemma ? actorRef(e.dilemma.actor, [...p, 'dilemma', 'actor']) : -1;
    if (e.dilemma) indexIds(e.dilemma.options, [...p, 'dilemma', 'options'], 'option', d);
    return {
      id: e.id,
      index: i,
      turn: e.turn ?? null,
      cause: { kind: 'event', id: e.id, actor: null, label: e.title },
      when: e.when === undefined ? null : amount(e.when, [...p, 'when']),
      chance: e.chance === undefined ? null : amount(e.chance, [...p, 'chance']),
      cooldown: e.cooldown ?? 0,
      once: e.once ?? e.turn !== undefined,
      effects: effects(e.effects, [...p, 'effects'], -1),
      dilemma: e.dilemma
        ? {
            actor: dilemmaActor,
            options: e.dilemma.options.map((o, j) => ({
              id: o.id,
              label: o.label,
              effects: effects(o.effects, [...p, 'dilemma', 'options', j, 'effects'], dilemmaActor),
            })),
          }
        : null,
    };
  });

  const situations: CSituation[] = situationsDef.map((s, i) => {
    const p: JsonPath = ['situations', i];
    return {
      id: s.id,
      start: amount(s.start, [...p, 'start']),
      stop: amount(s.stop, [...p, 'stop']),
      onStart: effects(s.onStart, [...p, 'onStart'], -1),
      whileActive: effects(s.whileActive, [...p, 'whileActive'], -1),
      onStop: effects(s.onStop, [...p, 'onStop'], -1),
    };
  });

  const endings: CEnding[] = def.endings.map((e, i) => {
    const p: JsonPath = ['endings', i];
    for (const actorId of Object.keys(e.ratings ?? {})) actorRef(actorId, [...p, 'ratings', actorId]);
    for (const actorId of Object.keys(e.ratingReasons ?? {})) {
      actorRef(actorId, [...p, 'ratingReasons', actorId]);
      if (e.ratings?.[actorId] === undefined)
        err([...p, 'ratingReasons', actorId], `a reason for a rating that is not given: add "${actorId}" to this ending's ratings`);
    }
    return {
      id: e.id,
      when: e.when === undefined ? null : amount(e.when, [...p, 'when']),
      atTimeLimit: e.atTimeLimit === undefined ? null : amount(e.atTimeLimit, [...p, 'atTimeLimit']),
      fallback: e.when === undefined && e.atTimeLimit === undefined,
    };
  });
  if (!endings.some((e) => e.fallback))
    err(['endings'], 'no fallback ending: at least one ending needs neither "when" nor "atTimeLimit", so every game can end');

  const actors: CActor[] = def.actors.map((a, i) => {
    const p: JsonPath = ['actors', i];
    const tagSet = new Set(actions.flatMap((x) => x.tags));
    const preferences = new Map<string, number>();
    for (const [key, value] of Object.entries(a.ai.preferences ?? {})) {
      if (!actionIndex.has(key) && !tagSet.has(key)) err([...p, 'ai', 'preferences', key], `"${key}" is neither an action id nor a tag used by any action`);
      preferences.set(key, value);
    }
    indexIds(a.objectives, [...p, 'objectives'], 'objective', d);
    a.objectives.forEach((o, j) => checkSources(o.sources, [...p, 'objectives', j, 'sources']));
    (a.ai.vetoes ?? []).forEach((v, j) =>
      v.tags?.forEach((t, k) => {
        if (!tagSet.has(t)) err([...p, 'ai', 'vetoes', j, 'tags', k], `no action carries the tag "${t}"; tags in use: ${[...tagSet].join(', ') || 'none'}`);
      }),
    );
    a.biography.forEach((b, j) => checkSources(b.sources, [...p, 'biography', j, 'sources']));
    const own = a.ai.goals.map((g, j) => ({
      id: g.id,
      label: g.label,
      patron: -1,
      weight: amount(g.weight, [...p, 'ai', 'goals', j, 'weight']),
      value: amount(g.value, [...p, 'ai', 'goals', j, 'value']),
    }));
    // Deference: an actor that depends on another values that actor's stance toward it, in proportion to the dependence.
    const deference = leverageStrength * leverageDeference;
    const patrons = deference === 0 ? [] : def.actors.flatMap((b, k) => (k !== i && flows.some((f) => f.from === k && f.to === i) ? [{ b, k }] : []));
    const defer = patrons.map(({ b, k }) => ({
      id: `defer_${b.id}`,
      label: `Do not anger ${b.name} while depending on it`,
      patron: k,
      weight: {
        source: `max(0, leverage(${b.id}, ${a.id})) * ${deference}`,
        constant: null,
        expr: null,
        fn: (env: ExprEnv) => {
          const l = env.leverage(k, i);
          return l > 0 ? l * deference : 0;
        },
      },
      value: amount(`stance(${b.id}, ${a.id})`, [...p, 'ai']),
    }));
    return {
      id: a.id,
      index: i,
      fuzz: a.ai.fuzz ?? 0,
      preferences,
      goals: [...own, ...defer],
      vetoes: (a.ai.vetoes ?? []).map((v, j) => ({
        label: v.label,
        actions: v.actions ? new Set(v.actions.map((id, k) => ref(actionIndex, 'action', id, [...p, 'ai', 'vetoes', j, 'actions', k]))) : null,
        tags: v.tags ? new Set(v.tags) : null,
        when: v.when === undefined ? null : amount(v.when, [...p, 'ai', 'vetoes', j, 'when']),
      })),
      objectives: a.objectives.map((o, j) => ({ id: o.id, label: o.label, points: o.points, when: amount(o.when, [...p, 'objectives', j, 'when']) })),
    };
  });
  def.briefing.forEach((b, j) => checkSources(b.sources, ['briefing', j, 'sources']));

  if (d.some((x) => x.severity === 'error')) return { ok: false, diagnostics: d };
  const ids = <T extends { id: string }>(list: readonly T[]) => list.map((x) => x.id);
  const stanceKeys = Array.from({ length: n * n }, (_, k) => `stance:${def.actors[Math.floor(k / n)]?.id}>${def.actors[k % n]?.id}`);
  const scenario: Scenario = {
    def,
    hash: scenarioHash(def),
    actors,
    actorIndex,
    indicators,
    indicatorIndex,
    flags: ids(flags),
    flagIndex,
    flows,
    flowIndex,
    stanceMin,
    stanceMax,
    stanceDecay: def.stances.decay ?? 0.1,
    stanceSlots,
    stanceBands,
    rest: asDoubles(rest),
    initialStance,
    leverageScale: def.leverage?.scale ?? 100,
    leverageTerms,
    leverageStrength,
    leverageOdds: def.leverage?.odds ?? 40,
    leverageDeference,
    endingPoints: def.scoring?.ending ?? 0,
    actions,
    actionIndex,
    actionsByActor,
    events,
    eventIndex,
    situations,
    situationIndex,
    endings,
    turnCount: def.turns.count,
    drift: indicators.flatMap((ind, i) => ind.perTurn.map((t) => ({ indicator: i, amount: t.amount, cause: t.cause }))),
    keys: {
      indicator: ids(indicators).map((id) => `indicator:${id}`),
      stance: stanceKeys,
      flow: ids(flows).map((id) => `flow:${id}`),
      flag: ids(flags).map((id) => `flag:${id}`),
    },
  };
  return { ok: true, scenario, diagnostics: d };
}
