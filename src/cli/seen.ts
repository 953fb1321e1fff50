// What the terminal shows a seat of the numbers it sees only as estimates: readings, causes without figures, the turn's changes.
import { sharedView, vagueChanges, type Explanation, type GameState, type LedgerEntry, type Reading, type Scenario, type SeatView } from '../engine/index.js';
import { biggestChanges, changeLine, num, signed } from './narrate.js';

/** The view the terminal prints through: the human seats' shared view (each number as the least-informed of them reads it), or the truth when the AI plays every seat. */
export function humanView(sc: Scenario, s: GameState): SeatView {
  return sharedView(
    sc,
    s,
    sc.actors.map((a) => a.id).filter((id) => s.seats[id] === 'human'),
  );
}

/** "34.5", or "≈ 34" for an estimate. */
export function readingCell(r: Reading): string {
  return r.exact ? num(r.value) : `≈ ${num(r.value)}`;
}

/** "  (estimate: 29–39, within ±5)" after an estimated reading, else "". */
export function estimateSuffix(r: Reading): string {
  return r.exact ? '' : `  (estimate: ${num(r.low)}–${num(r.high)}, within ±${num(r.error)})`;
}

/** "Trade with China raised it, Sanctions lowered it": causes in order, with the direction only. */
function directions(entries: readonly LedgerEntry[]): string {
  return vagueChanges(entries)
    .map((c) => `${c.cause.label} ${c.direction === 'unchanged' ? 'left it unchanged' : `${c.direction} it`}`)
    .join(', ');
}

/** The lines of "why" for an indicator seen only as an estimate: the reading, then its causes in order, never a figure of the truth. */
export function vagueExplanationLines(x: Explanation, r: Extract<Reading, { exact: false }>, band: string | null): string[] {
  const net = new Map<string, number>();
  for (const e of x.story) net.set(e.cause.label, (net.get(e.cause.label) ?? 0) + e.delta);
  const causes = [...net].map(([label, d]) => `${label} (${d > 0 ? 'raised it' : d < 0 ? 'lowered it' : 'no net change'})`);
  const lines = [
    `${x.label}: ${readingCell(r)} (${num(r.low)}–${num(r.high)}), an estimate${band ? ` (${band})` : ''}`,
    `  You see only an estimate of this number: each turn a fresh reading, the truth within ±${num(r.error)} of it. Causes are told without figures.`,
    `  Causes so far, in order of their first effect: ${causes.length ? causes.join(', ') : 'none recorded'}`,
  ];
  if (x.latest.length) lines.push(`  Most recent changes, in order: ${directions(x.latest)}`);
  return lines;
}

/**
 * The turn's biggest changes (the last record of `s`) as `view` may see them: an indicator it holds only as an
 * estimate moves from its previous reading to its current one, with its causes in order and without their figures.
 */
export function visibleChangeLines(sc: Scenario, s: GameState, view: SeatView, limit: number): string[] {
  const rec = s.history.at(-1);
  if (!rec) return [];
  const estimated = new Set(view.estimated.map((id) => `indicator:${id}`));
  const rows: Array<{ size: number; text: string }> = biggestChanges(sc, rec.ledger, Number.MAX_SAFE_INTEGER)
    .filter((c) => !estimated.has(c.key))
    .map((c) => ({ size: Math.abs(c.delta), text: changeLine(c) }));
  const before = view.history.at(-2)?.indicators;
  for (const id of view.estimated) {
    const i = sc.indicatorIndex.get(id)!;
    const from = before?.[i];
    const to = view.indicators[i]!;
    if (!from || to.exact || Math.abs(to.value - from.value) < 1e-9) continue;
    const causes = directions(rec.ledger.filter((e) => e.target === `indicator:${id}`));
    rows.push({
      size: Math.abs(to.value - from.value),
      text: `${sc.def.indicators[i]!.name} ${readingCell(from)} → ${readingCell(to)} (${signed(to.value - from.value)} between two estimates, each ±${num(to.error)})${causes ? `: ${causes}` : ''}`,
    });
  }
  return rows
    .sort((a, b) => b.size - a.size)
    .slice(0, limit)
    .map((r) => r.text);
}
