// Answers "why is this number what it is?" from the attribution ledger.
import { StateEnv } from './env.js';
import { EngineError, type GameState, type LedgerEntry, type Scenario } from './types.js';

export interface Explanation {
  target: string;
  label: string;
  value: number;
  band: string | null;
  /** The changes recorded by the most recent turn (or the opening). */
  latest: LedgerEntry[];
  /** Every recorded change, oldest first. */
  story: LedgerEntry[];
  /** Net change per cause over the whole game, largest first; `leverage` is the part of it the acting actor's leverage made. */
  totals: Array<{ cause: string; delta: number; leverage: number }>;
  /** The net change that leverage made over the whole game (0 when none of the changes was leveraged). */
  leverage: number;
  /** Stances only: the resting point and the modifiers now in force. */
  rest?: number;
  modifiers?: Array<{ label: string; value: number; decay: number }>;
}

/** pure; the band label of `value` in ascending `bands` (the last band catches anything above). */
export function bandOf(bands: ReadonlyArray<{ upTo: number; label: string }>, value: number): string | null {
  for (const b of bands) if (value <= b.upTo) return b.label;
  return bands[bands.length - 1]?.label ?? null;
}

/** pure; every ledger key the scenario knows, for menus and validation of `explain` targets. */
export function explainTargets(sc: Scenario): string[] {
  const stance = sc.keys.stance.filter((_, k) => Math.floor(k / sc.actors.length) !== k % sc.actors.length);
  return [...sc.keys.indicator, ...stance, ...sc.keys.flow, ...sc.keys.flag];
}

/** pure; the explanation of one number: "indicator:<id>", "stance:<from>><to>", "flow:<id>" or "flag:<id>". */
export function explain(sc: Scenario, s: GameState, target: string): Explanation {
  const env = new StateEnv(sc, s);
  const def = sc.def;
  let label: string;
  let value: number;
  let band: string | null = null;
  let stancePair = -1;
  const [kind, id = ''] = target.split(/:(.*)/s);
  if (kind === 'indicator' && sc.indicatorIndex.has(id)) {
    const i = sc.indicatorIndex.get(id)!;
    label = def.indicators[i]!.name;
    value = env.indicator(i);
    band = bandOf(sc.indicators[i]!.bands, value);
  } else if (kind === 'stance' && /^[a-z0-9_]+>[a-z0-9_]+$/.test(id)) {
    const [from, to] = id.split('>') as [string, string];
    const f = sc.actorIndex.get(from);
    const t = sc.actorIndex.get(to);
    if (f === undefined || t === undefined || f === t) throw new EngineError(`unknown stance "${id}"`);
    label = `${def.actors[f]!.name} toward ${def.actors[t]!.name}`;
    value = env.stance(f, t);
    band = bandOf(sc.stanceBands, value);
    stancePair = f * sc.actors.length + t;
  } else if (kind === 'flow' && sc.flowIndex.has(id)) {
    const i = sc.flowIndex.get(id)!;
    label = def.flows![i]!.label;
    value = env.flow(i);
  } else if (kind === 'flag' && sc.flagIndex.has(id)) {
    const i = sc.flagIndex.get(id)!;
    label = def.flags![i]!.label;
    value = env.flag(i);
  } else {
    throw new EngineError(`nothing to explain at "${target}"; try indicator:<id>, stance:<from>><to>, flow:<id> or flag:<id>`);
  }
  const story: LedgerEntry[] = [];
  for (const rec of s.history) for (const e of rec.ledger) if (e.target === target) story.push(e);
  const lastRecord = s.history.at(-1);
  const latest = lastRecord ? lastRecord.ledger.filter((e) => e.target === target) : [];
  const sums = new Map<string, { delta: number; leverage: number }>();
  let leverage = 0;
  for (const e of story) {
    const t = sums.get(e.cause.label) ?? { delta: 0, leverage: 0 };
    t.delta += e.delta;
    t.leverage += e.leverage ?? 0;
    leverage += e.leverage ?? 0;
    sums.set(e.cause.label, t);
  }
  const totals = [...sums]
    .map(([cause, t]) => ({ cause, delta: t.delta, leverage: t.leverage }))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.cause < b.cause ? -1 : 1));
  const out: Explanation = { target, label, value, band, latest, story, totals, leverage };
  if (stancePair >= 0) {
    out.rest = sc.rest[stancePair]!;
    out.modifiers = s.modifiers.filter((m) => m.pair === stancePair).map((m) => ({ label: m.label, value: m.value, decay: m.decay }));
  }
  return out;
}
