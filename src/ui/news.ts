// What happened, in words: turn events (actions with rolled odds, events, dilemmas, situations, endings).
import type { GameState, Scenario, TurnEvent } from '../engine/index.js';
import { fmt } from './theme.js';

export interface NewsItem { turn: number; title: string; text: string; kind: TurnEvent['type'] }

/** "62% — succeeded" for a rolled action; null when the outcome was certain. */
export function rollText(odds: number | null, success: boolean | null): string | null {
  if (odds === null || success === null) return null;
  return `${fmt(odds)}% — ${success ? 'succeeded' : 'failed'}`;
}

/** pure; one turn's events in words; `opened` is the turn the start-of-turn events belong to. */
export function describeEvents(sc: Scenario, events: readonly TurnEvent[], resolved: number): NewsItem[] {
  const def = sc.def;
  const name = (id: string) => def.actors.find((a) => a.id === id)?.name ?? id;
  const out: NewsItem[] = [];
  for (const e of events) {
    if (e.type === 'action') {
      const r = e.result;
      const roll = rollText(r.odds, r.success);
      out.push({ turn: resolved, kind: e.type, title: `${name(r.actor)}: ${r.label}`, text: roll ? `Odds ${roll}.` : '' });
    } else if (e.type === 'event') {
      const ev = def.events?.find((x) => x.id === e.id);
      out.push({ turn: resolved + 1, kind: e.type, title: ev?.title ?? e.id, text: ev?.text ?? '' });
    } else if (e.type === 'dilemma') {
      const ev = def.events?.find((x) => x.id === e.event);
      out.push({ turn: resolved + 1, kind: e.type, title: `Dilemma for ${name(e.actor)}`, text: ev?.dilemma?.prompt ?? '' });
    } else if (e.type === 'dilemma-answer') {
      const ev = def.events?.find((x) => x.id === e.event);
      const o = ev?.dilemma?.options.find((x) => x.id === e.option);
      out.push({ turn: resolved, kind: e.type, title: `${name(e.actor)} answered: ${o?.label ?? e.option}`, text: ev ? `(${ev.title})` : '' });
    } else if (e.type === 'situation') {
      const s = def.situations?.find((x) => x.id === e.id);
      out.push({ turn: resolved + 1, kind: e.type, title: `${s?.name ?? e.id} ${e.active ? 'begins' : 'ends'}`, text: e.active ? s?.description ?? '' : '' });
    } else {
      const en = def.endings.find((x) => x.id === e.id);
      out.push({ turn: resolved + 1, kind: e.type, title: `The end: ${en?.title ?? e.id}`, text: en?.text ?? '' });
    }
  }
  return out;
}

/** pure; the whole game's news, most recent first. */
export function newsFeed(sc: Scenario, s: GameState): NewsItem[] {
  const items: NewsItem[] = [];
  for (const rec of s.history) items.push(...describeEvents(sc, rec.events, rec.turn));
  return items.sort((a, b) => b.turn - a.turn);
}
