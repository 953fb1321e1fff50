// What `play` prints: the situation at the start of a turn, what happened in it, and the end of the game.
import { estimateLine } from '../analysis/debrief.js';
import { estimateNotes } from '../analysis/estimates.js';
import {
  bandOf,
  explain,
  legalChoices,
  scoreObjectives,
  sharedView,
  type ActionView,
  type AiDecision,
  type GameState,
  type Scenario,
  type SeatView,
} from '../engine/index.js';
import { actorName, endingDef, eventLine, num, oddsText, outcomeText, reasonsText, signed, splitRecord, turnLabel } from './narrate.js';
import { estimateSuffix, humanView, readingCell, vagueExplanationLines, visibleChangeLines } from './seen.js';
import { out } from './terminal.js';

/** One line of output; `dim` greys it (an unavailable option). */
export type Print = (line?: string, style?: 'dim') => void;

export const stdoutPrint: Print = (line = '', style) => {
  out(`${line}\n`, style);
};

/** "Turn 2 of 6 · Year 1, Q2". */
export function turnHeading(sc: Scenario, turn: number): string {
  return `Turn ${turn} of ${sc.turnCount} · ${turnLabel(sc, turn)}`;
}

/** The news: what opened this turn (events, dilemmas put to a player, situations). */
export function printNews(sc: Scenario, s: GameState, print: Print): void {
  const lines = s.news.map((e) => eventLine(sc, e)).filter((l): l is string => l !== null && !l.startsWith('The game ends'));
  if (!lines.length) return;
  print('News:');
  for (const l of lines) print(`  • ${l}`);
}

/** Every indicator as `view` sees it (the truth by default); an estimate as "≈ 34" with its range and error. */
export function printIndicators(sc: Scenario, s: GameState, print: Print, view: SeatView = sharedView(sc, s, [])): void {
  const width = Math.max(...sc.def.indicators.map((d) => d.name.length));
  print('Indicators:');
  sc.def.indicators.forEach((d, i) => {
    const r = view.indicators[i]!;
    const band = bandOf(sc.indicators[i]!.bands, r.value);
    print(
      `  ${d.name.padEnd(width)}  ${readingCell(r).padStart(6)}${d.unit ? ` ${d.unit}` : ''}  [${num(d.min)}..${num(d.max)}]${band ? `  ${band}` : ''}${estimateSuffix(r)}`,
    );
  });
  const active = (sc.def.situations ?? []).filter((_, i) => s.situations[i] === 1);
  if (active.length) print(`Situations: ${active.map((x) => x.name).join(', ')}`);
}

/** How `role` and the others regard each other, with band names. */
export function printRelations(sc: Scenario, s: GameState, role: string, print: Print): void {
  const me = sc.actorIndex.get(role)!;
  const n = sc.actors.length;
  const lines: string[] = [];
  for (const other of sc.actors) {
    if (other.index === me) continue;
    const out = s.stances[me * n + other.index]!;
    const inn = s.stances[other.index * n + me]!;
    lines.push(
      `  ${actorName(sc, other.id)}: you → them ${num(out)} (${bandOf(sc.stanceBands, out)}), them → you ${num(inn)} (${bandOf(sc.stanceBands, inn)})`,
    );
  }
  if (lines.length) {
    print('Relations:');
    for (const l of lines) print(l);
  }
}

export function oddsSummary(a: ActionView): string {
  if (!a.odds) return '';
  const factors = a.odds.factors.filter((f) => f.applies).map((f) => `${f.label} ${signed(f.add)}`);
  return `odds ${num(a.odds.total)}% (base ${num(a.odds.base)}${factors.length ? `; ${factors.join('; ')}` : ''})`;
}

/** The numbered menu of `role`'s actions; unavailable ones greyed with what they still lack. */
export function printActionMenu(sc: Scenario, s: GameState, role: string, print: Print): ActionView[] {
  const actions = legalChoices(sc, s, role).actions;
  print(`Actions for ${actorName(sc, role)}:`);
  actions.forEach((a, i) => {
    const extras = [a.cost.length ? `cost: ${a.cost.map((c) => `${num(c.amount)} ${c.name}`).join(', ')}` : '', oddsSummary(a)].filter(Boolean).join('; ');
    const line = `  ${String(i + 1).padStart(2)}) ${a.label}${extras ? ` — ${extras}` : ''}`;
    if (a.available) print(line);
    else print(`${line}  (unavailable; missing: ${a.missing.join('; ')})`, 'dim');
  });
  return actions;
}

/** The full description of an action, with every odds factor and whether it applies now, then what it will do. */
export function printActionDetails(a: ActionView, print: Print, preview: readonly string[] = []): void {
  print(`${a.label} [${a.id}]${a.tags.length ? ` (${a.tags.join(', ')})` : ''}`);
  print(`  ${a.description}`);
  if (a.cost.length) print(`  Cost: ${a.cost.map((c) => `${num(c.amount)} ${c.name}`).join(', ')}`);
  if (a.odds) {
    print(`  Odds: ${num(a.odds.total)}% (base ${num(a.odds.base)})`);
    for (const f of a.odds.factors) print(`    ${signed(f.add)} ${f.label}${f.applies ? '' : ' (does not apply now)'}`);
  }
  print(a.available ? '  Available now.' : `  Not available; missing: ${a.missing.join('; ')}`);
  if (preview.length) print('  What it will do:');
  for (const line of preview) print(`    ${line}`);
}

/**
 * `explain` for a target, accepting shorthands: "tension" for indicator:tension, "a>b" for stance:a>b. An indicator
 * `view` holds only as an estimate is told by its reading and its causes in order, without figures.
 */
export function printExplanation(sc: Scenario, s: GameState, target: string, print: Print, view?: SeatView): void {
  let key = target.trim();
  if (!key.includes(':'))
    key = key.includes('>')
      ? `stance:${key}`
      : sc.indicatorIndex.has(key)
        ? `indicator:${key}`
        : sc.flowIndex.has(key)
          ? `flow:${key}`
          : sc.flagIndex.has(key)
            ? `flag:${key}`
            : key;
  const x = explain(sc, s, key);
  const i = key.startsWith('indicator:') ? (sc.indicatorIndex.get(key.slice('indicator:'.length)) ?? -1) : -1;
  const r = view?.indicators[i];
  if (r && !r.exact) {
    for (const l of vagueExplanationLines(x, r, bandOf(sc.indicators[i]!.bands, r.value))) print(l);
    return;
  }
  print(`${x.label}: ${num(x.value)}${x.band ? ` (${x.band})` : ''}`);
  if (x.rest !== undefined)
    print(
      `  Resting point ${num(x.rest)}; modifiers: ${x.modifiers?.length ? x.modifiers.map((m) => `${m.label} ${signed(m.value)} (fades ${num(m.decay * 100)}%/turn)`).join(', ') : 'none'}`,
    );
  print(
    `  Largest causes so far: ${
      x.totals.length
        ? x.totals
            .slice(0, 5)
            .map((t) => `${t.cause} ${signed(t.delta)}${Math.abs(t.leverage) >= 0.05 ? ` (leverage ${signed(t.leverage)})` : ''}`)
            .join(', ')
        : 'none recorded'
    }`,
  );
  if (Math.abs(x.leverage) >= 0.05) print(`  Leverage's share of the changes: ${signed(x.leverage)}`);
  if (x.latest.length) print(`  Most recent changes: ${x.latest.map((e) => `${e.cause.label} ${signed(e.delta)}`).join(', ')}`);
}

/**
 * What happened in the turn just played (the last record of `after`): every actor's action (with the AI's
 * reasons from `decided`, for the seats the AI played), odds rolled, dilemma answers, situations, and the biggest changes, told as the
 * human seats may see them together (each number as the least-informed of them reads it).
 */
export function printTurnReport(sc: Scenario, after: GameState, decided: Readonly<Record<string, AiDecision>>, print: Print): void {
  const rec = after.history.at(-1)!;
  const { resolution } = splitRecord(rec);
  print(`What happened in ${turnLabel(sc, rec.turn)}:`);
  for (const e of resolution) {
    if (e.type === 'action') {
      const r = e.result;
      const odds = oddsText(r);
      const outcome = outcomeText(sc, r);
      print(`  ${actorName(sc, r.actor)}: ${r.label}${odds ? ` — ${odds}` : ''}${outcome ? ` ${outcome}` : ''}`);
      const reasons = decided[r.actor]?.reasons ?? [];
      if (reasons.length) print(`      AI's reasons: ${reasonsText(reasons)}`);
    } else {
      const line = eventLine(sc, e);
      if (line) print(`  ${line}`);
    }
  }
  const changes = visibleChangeLines(sc, after, humanView(sc, after), 5);
  if (changes.length) {
    print('Biggest changes:');
    for (const c of changes) print(`  ${c}`);
  }
}

export function printEnd(sc: Scenario, s: GameState, print: Print): void {
  const e = endingDef(sc, s.ending);
  print(`=== Ending: ${e?.title ?? s.ending ?? 'none (game not finished)'} ===`);
  if (e) {
    print(e.text);
    if (e.explanation) print(`Why: ${e.explanation}`);
  }
  print('');
  print('Objectives:');
  for (const o of scoreObjectives(sc, s)) {
    print(`  ${actorName(sc, o.actor)} (${s.seats[o.actor] === 'human' ? 'human' : 'AI'}): ${o.score} of ${o.max} points`);
    for (const x of o.objectives)
      print(
        x.kind === 'ending'
          ? `    ${x.label}: ${x.earned} of ${x.points} points`
          : `    [${x.met ? 'x' : ' '}] ${x.label} (${x.points} point${x.points === 1 ? '' : 's'})`,
      );
  }
  const notes = estimateNotes(sc, s);
  if (notes.length) {
    print('');
    print('Seen only as estimates during play (the figures here are the true ones):');
    for (const n of notes) print(`  ${estimateLine(sc, s, n)}`);
  }
}
