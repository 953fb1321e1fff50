// The stance network as views, now and before the last resolved turn, and what that turn changed in it.
import { bandOf, leverageOf, type GameState, type Scenario } from '../../engine/index.js';
import type { StanceView } from '../bridge.js';
import { fmt, fmtDelta } from '../theme.js';

/** pure; every directed stance with its band and leverage, for the given stance and flow values. */
export function stanceViews(sc: Scenario, stances: readonly number[], flows: readonly number[]): StanceView[] {
  const n = sc.actors.length;
  const out: StanceView[] = [];
  for (let from = 0; from < n; from++) {
    for (let to = 0; to < n; to++) {
      if (from === to) continue;
      const value = stances[from * n + to] ?? 0;
      const band = bandOf(sc.stanceBands, value) ?? '';
      const bandPos = Math.max(
        0,
        sc.stanceBands.findIndex((b) => b.label === band),
      );
      out.push({ from, to, value, band, bandPos, bandCount: sc.stanceBands.length, leverage: leverageOf(sc, flows, from, to) });
    }
  }
  return out;
}

/** pure; the stance and flow values as they stood before the last resolved turn (undone from its ledger); null before any turn resolved. */
export function valuesBefore(sc: Scenario, s: GameState): { stances: number[]; flows: number[] } | null {
  const last = s.history.at(s.history.length - 1);
  if (!last || last.turn < 1) return null;
  const stances = [...s.stances];
  const flows = [...s.flows];
  const where = new Map<string, [number[], number]>();
  sc.keys.stance.forEach((k, i) => where.set(k, [stances, i]));
  sc.keys.flow.forEach((k, i) => where.set(k, [flows, i]));
  const done = new Set<string>();
  for (const e of last.ledger) {
    const at = where.get(e.target);
    if (!at || done.has(e.target)) continue;
    done.add(e.target);
    at[0][at[1]] = e.value - e.delta;
  }
  return { stances, flows };
}

export interface StanceChange {
  from: number;
  to: number;
  delta: number;
  /** The band it was in before the turn, when the turn moved it into another. */
  wasBand: string | null;
  /** The band moved up (+1, toward the friendliest) or down (−1); 0 when it stayed. */
  bandStep: number;
  leverageDelta: number;
}

const LEVERAGE_STEP = 0.1;

/** pure; the stances the last turn moved (value or leverage), pairing `now` with `before` by from/to. */
export function stanceChanges(now: readonly StanceView[], before: readonly StanceView[] | null): StanceChange[] {
  if (!before) return [];
  const old = new Map(before.map((b) => [`${b.from}>${b.to}`, b]));
  const out: StanceChange[] = [];
  for (const s of now) {
    const b = old.get(`${s.from}>${s.to}`);
    if (!b) continue;
    const delta = s.value - b.value;
    const leverageDelta = s.leverage - b.leverage;
    if (Math.abs(delta) < 0.05 && Math.abs(leverageDelta) < LEVERAGE_STEP) continue;
    const bandStep = Math.sign(s.bandPos - b.bandPos);
    out.push({ from: s.from, to: s.to, delta, wasBand: bandStep ? b.band : null, bandStep, leverageDelta });
  }
  return out;
}

/** pure; whether a change is worth marking on the map: a band crossed, a move of `big` or more, or leverage gained or lost. */
export function marked(c: StanceChange, big = 5): boolean {
  return c.bandStep !== 0 || Math.abs(c.delta) >= big || Math.abs(c.leverageDelta) >= LEVERAGE_STEP;
}

/** pure; the actors whose own stance moved most this turn (at most `k`, each its biggest move), largest first. */
export function topMovers(changes: readonly StanceChange[], k = 2, min = 1): StanceChange[] {
  const best = new Map<number, StanceChange>();
  for (const c of changes) {
    const b = best.get(c.from);
    if (Math.abs(c.delta) >= min && (!b || Math.abs(c.delta) > Math.abs(b.delta))) best.set(c.from, c);
  }
  return [...best.values()].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.from - b.from).slice(0, k);
}

/** pure; "▲ +6" / "▼ −8": a change's sign as a glyph and its size. */
export function signed(delta: number): string {
  return `${delta >= 0 ? '▲' : '▼'} ${fmtDelta(delta)}`;
}

/** pure; one change in words: "now cold (was wary), down 8 this turn; leverage down 0.2". */
export function changeWords(c: StanceChange, now: StanceView): string {
  const parts: string[] = [];
  if (Math.abs(c.delta) >= 0.05) parts.push(`${c.delta > 0 ? 'up' : 'down'} ${fmt(Math.abs(c.delta))} this turn`);
  if (Math.abs(c.leverageDelta) >= LEVERAGE_STEP) parts.push(`leverage ${c.leverageDelta > 0 ? 'gained' : 'lost'} (${fmtDelta(c.leverageDelta)})`);
  return `${c.wasBand ? `now ${now.band} (was ${c.wasBand})` : now.band}, ${parts.join(', ')}`;
}
