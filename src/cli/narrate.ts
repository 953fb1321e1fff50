// Words for what the engine recorded: turn labels, actions with odds, events, and the biggest changes with causes.
// The words shared with the debrief live in src/analysis/debrief.ts and are re-exported here.
import type { LedgerEntry, Scenario } from '../engine/index.js';
import { keyLabel, num, signed } from '../analysis/debrief.js';

export {
  actorName,
  endingDef,
  eventDef,
  eventLine,
  keyLabel,
  num,
  oddsText,
  outcomeText,
  reasonsText,
  signed,
  splitRecord,
  turnLabel,
} from '../analysis/debrief.js';

export interface Change {
  key: string;
  label: string;
  from: number;
  to: number;
  delta: number;
  clamped: boolean;
  causes: Array<{ label: string; delta: number }>;
}

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
    const causes = [...g.causes]
      .map(([label, d]) => ({ label, delta: d }))
      .filter((c) => Math.abs(c.delta) >= 1e-9)
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    out.push({ key, label: keyLabel(sc, key), from, to: g.last.value, delta, clamped: g.clamped, causes });
  }
  out.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out.slice(0, limit);
}

export function changeLine(c: Change): string {
  const causes = c.causes
    .slice(0, 3)
    .map((x) => `${x.label} ${signed(x.delta)}`)
    .join(', ');
  return `${c.label} ${num(c.from)} → ${num(c.to)} (${signed(c.delta)})${c.clamped ? ' [hit its limit]' : ''}: ${causes}`;
}
