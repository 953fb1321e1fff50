// Where leverage decided something in a game: the changes it scaled and the odds it moved, for the debrief.
import type { GameState, Scenario } from '../engine/index.js';
import { keyLabel, num, signed, turnLabel } from './debrief.js';
import { md, type Md } from './markdown.js';

export interface LeveragedChange {
  cause: string;
  target: string;
  delta: number;
  leverage: number;
}
export interface LeveragedOdds {
  turn: number;
  actor: string;
  action: string;
  label: string;
  factor: string;
  add: number;
  odds: number;
  success: boolean | null;
}

/** Leverage's part of a change below this is left out of the story (rounding noise of small effects). */
const SHOWN = 0.5;

/** pure; per cause and number, the net change and leverage's part of it, largest leverage part first. */
export function leveragedChanges(final: GameState): LeveragedChange[] {
  const sums = new Map<string, LeveragedChange>();
  for (const rec of final.history) {
    for (const e of rec.ledger) {
      if (e.leverage === undefined) continue;
      const key = `${e.cause.label}\u0000${e.target}`;
      const t = sums.get(key) ?? { cause: e.cause.label, target: e.target, delta: 0, leverage: 0 };
      t.delta += e.delta;
      t.leverage += e.leverage;
      sums.set(key, t);
    }
  }
  return [...sums.values()]
    .filter((t) => Math.abs(t.leverage) >= SHOWN)
    .sort((a, b) => Math.abs(b.leverage) - Math.abs(a.leverage) || (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0));
}

/** pure; every uncertain action whose odds carried a leverage factor, in turn order. */
export function leveragedOdds(final: GameState): LeveragedOdds[] {
  const out: LeveragedOdds[] = [];
  for (const rec of final.history) {
    for (const ev of rec.events) {
      if (ev.type !== 'action' || ev.result.odds === null) continue;
      const f = ev.result.factors.find((x) => x.label.startsWith('Leverage:'));
      if (!f) continue;
      out.push({
        turn: rec.turn,
        actor: ev.result.actor,
        action: ev.result.action,
        label: ev.result.label,
        factor: f.label,
        add: f.add,
        odds: ev.result.odds,
        success: ev.result.success,
      });
    }
  }
  return out;
}

/** pure; the debrief's section on leverage, as Markdown lines (empty when leverage decided nothing). */
export function leverageStory(sc: Scenario, final: GameState, limit = 8): Md[] {
  const changes = leveragedChanges(final).slice(0, limit);
  const odds = leveragedOdds(final);
  if (changes.length === 0 && odds.length === 0) return [];
  const lines = [
    md`## Leverage at work`,
    md``,
    md`Where dependence decided something: how much further an actor's moves went because the other side depends on it, and how it moved the odds of pressing a dependent actor.`,
    md``,
  ];
  for (const c of changes) {
    lines.push(md`- ${c.cause} → ${keyLabel(sc, c.target)}: ${signed(c.delta)} in all, of which leverage ${signed(c.leverage)}`);
  }
  for (const o of odds) {
    const name = sc.def.actors.find((a) => a.id === o.actor)?.name ?? o.actor;
    const result = o.success === null ? md`` : o.success ? md`, and it worked` : md`, and it failed`;
    lines.push(
      md`- ${turnLabel(sc, o.turn)}, ${name}: "${o.label}" at ${num(o.odds)}% odds, ${signed(o.add)} points of them from ${o.factor.replace(/^Leverage: /, '')}${result}`,
    );
  }
  return lines;
}
