// Reflection prompts for a written debrief, drawn from one role's own game: its biggest move, its worst blow, its hardest call.
import { objectiveEffects, type GameState, type LedgerEntry, type Scenario } from '../engine/index.js';
import { actorName, turnLabel } from './debrief.js';
import { ratingNumber, ratingWord } from './ratings.js';

const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
const round = (x: number) => Math.round(Math.abs(x) * 10) / 10;
const OWN_KINDS = new Set(['action', 'outcome', 'cost', 'delayed']);

interface Move {
  turn: number;
  id: string;
  label: string;
  entries: LedgerEntry[];
}

/** The changes of each (turn, cause) the actor made, by its actions and their later effects. */
function movesOf(s: GameState, actor: string, own: boolean): Move[] {
  const moves = new Map<string, Move>();
  for (const rec of s.history) {
    for (const e of rec.ledger) {
      const mine = e.cause.actor === actor && OWN_KINDS.has(e.cause.kind);
      const theirs = e.cause.actor !== null && e.cause.actor !== actor && OWN_KINDS.has(e.cause.kind);
      if (own ? !mine : !theirs) continue;
      // Delayed parts are told under the turn of the action that caused them.
      const from = /\(from turn (\d+)\)$/.exec(e.cause.label);
      const turn = from ? Number(from[1]) : rec.turn;
      const key = `${turn}\u0000${e.cause.actor}\u0000${e.cause.id}`;
      const m = moves.get(key) ?? { turn, id: e.cause.id, label: '', entries: [] };
      m.entries.push(e);
      moves.set(key, m);
    }
  }
  return [...moves.values()];
}

/** A change's size on a common scale: its share of the number's range. */
function weight(sc: Scenario, e: LedgerEntry): number {
  const [kind, id = ''] = e.target.split(/:(.*)/s);
  if (kind === 'indicator') {
    const ind = sc.indicators[sc.indicatorIndex.get(id) ?? -1];
    return ind ? Math.abs(e.delta) / (ind.max - ind.min || 1) : 0;
  }
  if (kind === 'stance') return Math.abs(e.delta) / (sc.stanceMax - sc.stanceMin || 1);
  return 0;
}

function targetName(sc: Scenario, target: string): string {
  const [kind, id = ''] = target.split(/:(.*)/s);
  if (kind === 'indicator') return sc.def.indicators[sc.indicatorIndex.get(id) ?? -1]?.name ?? id;
  if (kind === 'stance') {
    const [from = '', to = ''] = id.split('>');
    return `${possessive(actorName(sc, from))} stance toward ${actorName(sc, to)}`;
  }
  return id;
}

function actionLabel(sc: Scenario, id: string): string {
  return sc.def.actions.find((a) => a.id === id)?.label ?? id;
}

/** Summed change per target of one move. */
function totals(entries: readonly LedgerEntry[]): Map<string, number> {
  const t = new Map<string, number>();
  for (const e of entries) t.set(e.target, (t.get(e.target) ?? 0) + e.delta);
  return t;
}

/** pure; up to three reflection prompts for `actor` from its own game `s` (a finished or stopped game with its ledger). */
export function reflectionPrompts(sc: Scenario, s: GameState, actor: string): string[] {
  const prompts: string[] = [];
  // Which way a change pushes the role's objectives is read from where the game ended.
  const hurtsMe = (target: string, delta: number) => objectiveEffects(sc, s, actor, new Map([[target, delta]])).find((o) => o.effect === 'hurts');

  const mine = movesOf(s, actor, true)
    .map((m) => ({ m, size: m.entries.reduce((n, e) => n + weight(sc, e), 0) }))
    .sort((a, b) => b.size - a.size || a.m.turn - b.m.turn);
  const top = mine[0];
  if (top && top.size > 0) {
    const sums = [...totals(top.m.entries)].filter(([t]) => !t.startsWith('flag:') && !t.startsWith('flow:'));
    sums.sort((a, b) => weight(sc, { target: b[0], delta: b[1] } as LedgerEntry) - weight(sc, { target: a[0], delta: a[1] } as LedgerEntry));
    const [mainTarget, mainDelta] = sums[0]!;
    const cost = sums.find(([t, d]) => t !== mainTarget && (hurtsMe(t, d) || (t.startsWith('stance:') && t.endsWith(`>${actor}`) && d < 0)));
    const costText = cost ? ` and ${cost[1] < 0 ? 'lowered' : 'raised'} ${targetName(sc, cost[0])} by ${round(cost[1])}` : '';
    prompts.push(
      `Your “${actionLabel(sc, top.m.id)}” in ${turnLabel(sc, top.m.turn)} ${mainDelta < 0 ? 'lowered' : 'raised'} ${targetName(sc, mainTarget)} by ${round(mainDelta)}${costText}. Was it worth it, and would you do it again at the same moment?`,
    );
  }

  let worst: { m: Move; target: string; delta: number; objective: string; size: number } | null = null;
  for (const m of movesOf(s, actor, false)) {
    for (const [target, delta] of totals(m.entries)) {
      const o = hurtsMe(target, delta);
      if (!o) continue;
      const size = weight(sc, { target, delta } as LedgerEntry);
      if (!worst || size > worst.size) worst = { m, target, delta, objective: o.label, size };
    }
  }
  if (worst) {
    const who = actorName(sc, worst.m.entries[0]!.cause.actor!);
    prompts.push(
      `In ${turnLabel(sc, worst.m.turn)}, ${possessive(who)} “${actionLabel(sc, worst.m.id)}” ${worst.delta < 0 ? 'lowered' : 'raised'} ${targetName(sc, worst.target)} by ${round(worst.delta)}, against your objective “${worst.objective}”. Could you have seen it coming, headed it off, or used it?`,
    );
  }

  const answers = s.history.flatMap((r) =>
    r.events.flatMap((e) => (e.type === 'dilemma-answer' && e.actor === actor ? [{ event: e.event, option: e.option, turn: r.turn }] : [])),
  );
  const answer = answers[answers.length - 1];
  if (answer) {
    const ev = sc.def.events?.find((x) => x.id === answer.event);
    const chosen = ev?.dilemma?.options.find((o) => o.id === answer.option);
    const others = (ev?.dilemma?.options ?? []).filter((o) => o !== chosen).map((o) => `“${o.label}”`);
    prompts.push(
      `In ${turnLabel(sc, answer.turn)} you faced “${ev?.title ?? answer.event}” and chose “${chosen?.label ?? answer.option}”. What would ${others.join(' or ') || 'the other answer'} have changed, for you and for the others?`,
    );
  } else if (s.ending !== null) {
    const ending = sc.def.endings.find((e) => e.id === s.ending);
    const rating = ending?.ratings?.[actor] ?? 0;
    prompts.push(
      `The game ended in “${ending?.title ?? s.ending}”, which your government counts as ${/^[aeiou]/.test(ratingWord(rating)) ? 'an' : 'a'} ${ratingWord(rating)} (${ratingNumber(rating)}). Which two of your decisions did most to bring it about?`,
    );
  }
  return prompts;
}
