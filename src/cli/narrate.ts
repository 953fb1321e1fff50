// Words for what the engine recorded: turn labels, actions with odds, events, and the biggest changes with causes.
import type { ActionResult, LedgerEntry, Reason, Scenario, TurnEvent, TurnRecord } from '../engine/index.js';

/** A number for people: at most one decimal, no "-0". */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return String(r === 0 ? 0 : r);
}

export function signed(n: number): string {
  const s = num(n);
  return s.startsWith('-') || s === '0' ? s : `+${s}`;
}

/** The period a turn stands for: turns.labels, else startLabel for turn 1, else "Quarter 3". */
export function turnLabel(sc: Scenario, turn: number): string {
  const t = sc.def.turns;
  const label = t.labels?.[turn - 1] ?? (turn === 1 ? t.startLabel : undefined);
  if (label) return label;
  return `${t.unit.charAt(0).toUpperCase()}${t.unit.slice(1)} ${turn}`;
}

export function actorName(sc: Scenario, id: string): string {
  const i = sc.actorIndex.get(id);
  return i === undefined ? id : sc.def.actors[i]!.name;
}

/** The readable name of a ledger key ("indicator:tension" → "River tension"). */
export function keyLabel(sc: Scenario, key: string): string {
  const [kind, id = ''] = key.split(/:(.*)/s);
  const def = sc.def;
  if (kind === 'indicator') return def.indicators[sc.indicatorIndex.get(id) ?? -1]?.name ?? key;
  if (kind === 'flow') return def.flows?.[sc.flowIndex.get(id) ?? -1]?.label ?? key;
  if (kind === 'flag') return def.flags?.[sc.flagIndex.get(id) ?? -1]?.label ?? key;
  if (kind === 'stance') {
    const [from = '', to = ''] = id.split('>');
    return `${actorName(sc, from)} toward ${actorName(sc, to)}`;
  }
  return key;
}

export function eventDef(sc: Scenario, id: string) {
  return sc.def.events?.[sc.eventIndex.get(id) ?? -1];
}

export function endingDef(sc: Scenario, id: string | null) {
  return id === null ? undefined : sc.def.endings.find((e) => e.id === id);
}

/** "62% — succeeded (rolled 37.4)" for an uncertain action, null for a certain one. */
export function oddsText(r: ActionResult): string | null {
  if (r.odds === null || r.success === null) return null;
  const factors = r.factors.length ? `; ${r.factors.map((f) => `${f.label} ${signed(f.add)}`).join(', ')}` : '';
  return `${num(r.odds)}% — ${r.success ? 'succeeded' : 'failed'} (rolled ${num(r.roll ?? 0)}${factors})`;
}

export function reasonsText(reasons: readonly Reason[]): string {
  return reasons.map((r) => `${r.label} ${signed(r.contribution)}`).join(', ');
}

/** The outcome text the scenario wrote for an uncertain action's result, if any. */
export function outcomeText(sc: Scenario, r: ActionResult): string | null {
  if (r.success === null) return null;
  const def = sc.def.actions[sc.actionIndex.get(r.action) ?? -1];
  return (r.success ? def?.outcome?.successText : def?.outcome?.failureText) ?? null;
}

/** One line for an event of a turn (null for actions, which are told separately). */
export function eventLine(sc: Scenario, ev: TurnEvent): string | null {
  switch (ev.type) {
    case 'event': {
      const def = eventDef(sc, ev.id);
      const odds = ev.chance !== null && ev.chance < 100 ? ` (${num(ev.chance)}% chance)` : '';
      return `${def?.title ?? ev.id}${odds}: ${def?.text ?? ''}`;
    }
    case 'dilemma':
      return ev.pending ? `${actorName(sc, ev.actor)} must decide: ${eventDef(sc, ev.event)?.dilemma?.prompt ?? ev.event}` : null;
    case 'dilemma-answer': {
      const option = eventDef(sc, ev.event)?.dilemma?.options.find((o) => o.id === ev.option);
      return `${actorName(sc, ev.actor)}'s answer to ${eventDef(sc, ev.event)?.title ?? ev.event}: ${option?.label ?? ev.option}`;
    }
    case 'situation': {
      const def = sc.def.situations?.[sc.situationIndex.get(ev.id) ?? -1];
      return `${def?.name ?? ev.id} ${ev.active ? 'begins' : 'ends'}${ev.active && def ? `: ${def.description}` : ''}`;
    }
    case 'ending':
      return `The game ends: ${endingDef(sc, ev.id)?.title ?? ev.id}`;
    case 'action':
      return null;
  }
}

/**
 * A turn record's events split into the turn's own resolution (dilemma answers, actions, situations
 * at its end) and the opening of the next turn (events, dilemmas, the ending). Record 0 is all opening.
 */
export function splitRecord(rec: TurnRecord): { resolution: TurnEvent[]; opening: TurnEvent[] } {
  if (rec.turn === 0) return { resolution: [], opening: rec.events };
  let cut = 0;
  rec.events.forEach((e, i) => {
    if (e.type === 'action' || e.type === 'situation') cut = i + 1;
  });
  return { resolution: rec.events.slice(0, cut), opening: rec.events.slice(cut) };
}

export interface Change { key: string; label: string; from: number; to: number; delta: number; clamped: boolean; causes: Array<{ label: string; delta: number }> }

/** The largest net changes in a ledger (a turn's), each with its causes, largest first. */
export function biggestChanges(sc: Scenario, ledger: readonly LedgerEntry[], limit: number): Change[] {
  const byKey = new Map<string, { first: LedgerEntry; last: LedgerEntry; clamped: boolean; causes: Map<string, number> }>();
  for (const e of ledger) {
    let g = byKey.get(e.target);
    if (!g) byKey.set(e.target, (g = { first: e, last: e, clamped: false, causes: new Map() }));
    g.last = e;
    if (e.clamped) g.clamped = true;
    g.causes.set(e.cause.label, (g.causes.get(e.cause.label) ?? 0) + e.delta);
  }
  const out: Change[] = [];
  for (const [key, g] of byKey) {
    const from = g.first.value - g.first.delta;
    const delta = g.last.value - from;
    if (Math.abs(delta) < 1e-9) continue;
    const causes = [...g.causes].map(([label, d]) => ({ label, delta: d })).filter((c) => Math.abs(c.delta) >= 1e-9)
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    out.push({ key, label: keyLabel(sc, key), from, to: g.last.value, delta, clamped: g.clamped, causes });
  }
  out.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out.slice(0, limit);
}

export function changeLine(c: Change): string {
  const causes = c.causes.slice(0, 3).map((x) => `${x.label} ${signed(x.delta)}`).join(', ');
  return `${c.label} ${num(c.from)} → ${num(c.to)} (${signed(c.delta)})${c.clamped ? ' [hit its limit]' : ''}: ${causes}`;
}
