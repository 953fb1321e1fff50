// The debrief of a finished (or stopped) game as Markdown, and the words it is told in: turn labels, actions with odds,
// events and causes. Pure (no Node or browser APIs): the CLI's `report` and the browser's Ending screen both use it.
import {
  bandOf,
  createGame,
  explain,
  rerunTurn,
  scoreObjectives,
  unreachable,
  type ActionResult,
  type GameState,
  type Reason,
  type Scenario,
  type TurnEvent,
  type TurnRecord,
} from '../engine/index.js';
import { leverageStory } from './leverageStory.js';
import { estimateNotes, type EstimateNote } from './estimates.js';
import { ratingLine, verdictLine } from './ratings.js';
import { reflectionPrompts } from './reflection.js';
import { md, mdCode, mdDocument, mdEmph, mdStrong, mdTable, type Md } from './markdown.js';

/** A number for people: at most one decimal, no "-0". */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return String(r === 0 ? 0 : r);
}

export function signed(n: number): string {
  const s = num(n);
  return s.startsWith('-') || s === '0' ? s : `+${s}`;
}

/** The period a turn stands for, wherever a turn is named (debrief, CLI, browser): turns.labels, else startLabel for turn 1, else "Quarter 3". */
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

/** A turn event told in words: a headline and the scenario's text for it (possibly empty). */
export interface Narration {
  title: string;
  text: string;
}

/** pure; the one telling of a turn event, for the debrief, the CLI and the browser's news. */
export function narrate(sc: Scenario, ev: TurnEvent): Narration {
  switch (ev.type) {
    case 'action': {
      const r = ev.result;
      const roll = r.odds !== null && r.success !== null ? `Odds ${num(r.odds)}% — ${r.success ? 'succeeded' : 'failed'}.` : '';
      return { title: `${actorName(sc, r.actor)}: ${r.label}`, text: roll };
    }
    case 'event': {
      const def = eventDef(sc, ev.id);
      const odds = ev.chance !== null && ev.chance < 100 ? ` (${num(ev.chance)}% chance)` : '';
      return { title: `${def?.title ?? ev.id}${odds}`, text: def?.text ?? '' };
    }
    case 'dilemma':
      return { title: `${actorName(sc, ev.actor)} must decide`, text: eventDef(sc, ev.event)?.dilemma?.prompt ?? ev.event };
    case 'dilemma-answer': {
      const option = eventDef(sc, ev.event)?.dilemma?.options.find((o) => o.id === ev.option);
      return { title: `${actorName(sc, ev.actor)}'s answer to ${eventDef(sc, ev.event)?.title ?? ev.event}`, text: option?.label ?? ev.option };
    }
    case 'situation': {
      const def = sc.def.situations?.[sc.situationIndex.get(ev.id) ?? -1];
      return { title: `${def?.name ?? ev.id} ${ev.active ? 'begins' : 'ends'}`, text: ev.active ? (def?.description ?? '') : '' };
    }
    // The ending's own text is told apart, where the ending is shown.
    case 'ending':
      return { title: `The game ends: ${endingDef(sc, ev.id)?.title ?? ev.id}`, text: '' };
    default:
      return unreachable(ev, 'turn event');
  }
}

/** One line for an event of a turn (null for actions, which are told separately with their odds and outcome). */
export function eventLine(sc: Scenario, ev: TurnEvent): string | null {
  if (ev.type === 'action') return null;
  const { title, text } = narrate(sc, ev);
  return text ? `${title}: ${text}` : title;
}

/** "A", "A and B", "A, B and C". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** pure; one sentence per note: who saw the number only as an estimate, what each human seat last read, and the truth. */
export function estimateLine(sc: Scenario, s: GameState, n: EstimateNote): string {
  const who = n.groups.map((g) => `±${num(g.error)} by ${andList(g.actors.map((a) => `${actorName(sc, a)}${s.seats[a] === 'human' ? ' (human)' : ''}`))}`);
  const read = n.seen.map(
    (x, k) => `${actorName(sc, x.actor)}${k === 0 ? ' last read' : ''} ≈ ${num(x.reading.value)} (${num(x.reading.low)}–${num(x.reading.high)})`,
  );
  return `${n.name}: seen only as an estimate, ${who.join(', ')}. ${read.length ? `${andList(read)}; the` : 'The'} true value at the end is ${num(n.truth)}.`;
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

/** pure; the debrief of a game as Markdown, from its final state (with history) and its seats: roles, timeline, what changed and why, ending, objectives, discussion questions. Every scenario text goes through the Markdown writer. */
export function debriefMarkdown(sc: Scenario, final: GameState): string {
  const def = sc.def;
  const out: Md[] = [];
  const line = (s: Md = md``) => out.push(s);
  const seatOf = (actor: string) => (final.seats[actor] === 'human' ? 'human' : 'AI');
  const turns = final.history.length - 1;
  const ending = endingDef(sc, final.ending);
  line(md`# Debrief: ${def.title}`);
  line();
  line(md`${def.summary}`);
  line();
  line(md`- Scenario: ${mdCode(def.id)}${def.version ? md` version ${def.version}` : md``} (hash ${mdCode(sc.hash.slice(0, 12))})`);
  line(md`- Seed: ${mdCode(final.seed)}${final.aiFuzz !== null ? md`, AI fuzz ${final.aiFuzz}` : md``}`);
  line(md`- Turns played: ${turns} of ${sc.turnCount}`);
  line(md`- Ending: ${ending ? mdStrong(ending.title) : md`none (the game was not finished)`}`);
  line();
  line(md`## Roles`);
  line();
  for (const l of mdTable(
    ['Role', 'Played by'],
    def.actors.map((a) => [a.name, seatOf(a.id)]),
  ))
    line(l);
  const objectivesText = def.instructor?.learningObjectives ?? [];
  if (objectivesText.length) {
    line();
    line(md`## Learning objectives`);
    line();
    for (const o of objectivesText) line(md`- ${o}`);
  }

  line();
  line(md`## Timeline`);
  // The game's own start: after the opening events of turn 1, as the first screen showed it (not the file's initial values).
  const start = createGame(sc, { seed: final.seed, seats: final.seats, aiFuzz: final.aiFuzz });
  let g = start;
  const records = final.history;
  for (let i = 1; i < records.length; i++) {
    const rec = records.at(i)!;
    // Re-run with the AI deciding its seats again: the step's decisions carry the reasons.
    const { state: next, decisions } = rerunTurn(sc, g, rec.choices, { ledger: false });
    g = next;
    line();
    line(md`### Turn ${rec.turn} · ${turnLabel(sc, rec.turn)}`);
    const news = splitRecord(records.at(i - 1)!)
      .opening.map((e) => eventLine(sc, e))
      .filter((l): l is string => l !== null);
    if (news.length) {
      line();
      line(md`News:`);
      line();
      for (const n of news) line(md`- ${n}`);
    }
    line();
    line(md`Decisions:`);
    line();
    for (const e of splitRecord(rec).resolution) {
      if (e.type === 'action') {
        const r = e.result;
        const seat = seatOf(r.actor);
        const odds = oddsText(r);
        const outcome = outcomeText(sc, r);
        let text = md`- ${mdStrong(actorName(sc, r.actor))} (${seat}): ${r.label}${odds ? md` — ${odds}` : md``}${outcome ? md`. ${outcome}` : md``}`;
        if (seat === 'AI') {
          const reasons = decisions[r.actor]?.reasons ?? [];
          if (reasons.length) text = md`${text} ${mdEmph(md`(AI's reasons: ${reasonsText(reasons)})`)}`;
        }
        line(text);
      } else {
        const l = eventLine(sc, e);
        if (l) line(md`- ${l}`);
      }
    }
  }

  line();
  line(md`## What changed and why`);
  line();
  const estimates = estimateNotes(sc, final);
  const causes = (totals: ReadonlyArray<{ cause: string; delta: number }>) => totals.map((t) => `${t.cause} ${signed(t.delta)}`).join(', ');
  // The causes named for a change follow its direction: those that pushed it the way it went, largest first, then the largest that pushed against.
  const along = (totals: ReadonlyArray<{ cause: string; delta: number }>, net: number, k: number): string => {
    const dir = Math.sign(net);
    if (dir === 0) return causes(totals.slice(0, k));
    const sorted = [...totals].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
    const pushed = sorted.filter((t) => Math.sign(t.delta) === dir).slice(0, k);
    const against = sorted.find((t) => Math.sign(t.delta) === -dir);
    return `${causes(pushed)}${against ? `${pushed.length ? '; ' : ''}held back by ${causes([against])}` : ''}`;
  };
  def.indicators.forEach((ind, i) => {
    const end = final.indicators[i]!;
    const band = bandOf(sc.indicators[i]!.bands, end);
    const totals = explain(sc, final, `indicator:${ind.id}`).totals;
    const estimated = estimates.some((n) => n.indicator === ind.id) ? md` ${mdEmph('(estimated in play; true figures)')}` : md``;
    line(
      md`- ${mdStrong(ind.name)}${estimated}: ${num(start.indicators[i]!)} → ${num(end)}${band ? md` (${band})` : md``}${totals.length ? md`; largest causes: ${along(totals, end - start.indicators[i]!, 3)}` : md`; no change recorded`}`,
    );
  });
  if (estimates.length) {
    line();
    line(md`## Numbers seen only as estimates`);
    line();
    line(
      md`During play these roles saw the numbers below only as estimates: a fresh reading each turn, within the stated error of the truth. Every figure in this debrief is the true one.`,
    );
    line();
    for (const n of estimates) line(md`- ${estimateLine(sc, final, n)}`);
  }
  const story = leverageStory(sc, final);
  if (story.length) {
    line();
    for (const l of story) line(l);
  }
  const relations = def.stances.relations;
  if (relations.length) {
    line();
    line(md`Relations:`);
    line();
    const n = sc.actors.length;
    for (const r of relations) {
      const key = `stance:${r.from}>${r.to}`;
      const x = explain(sc, final, key);
      const from = start.stances[(sc.actorIndex.get(r.from) ?? 0) * n + (sc.actorIndex.get(r.to) ?? 0)] ?? r.initial;
      line(md`- ${keyLabel(sc, key)}: ${num(from)} → ${num(x.value)} (${x.band ?? ''})${x.totals.length ? md`; ${along(x.totals, x.value - from, 2)}` : md``}`);
    }
  }

  line();
  line(md`## Ending: ${ending?.title ?? 'none'}`);
  line();
  if (ending) {
    line(md`${ending.text}`);
    if (ending.explanation) {
      line();
      line(md`Why: ${ending.explanation}`);
    }
  } else line(md`The game stopped before an ending was reached.`);

  line();
  line(md`## Objectives`);
  for (const o of scoreObjectives(sc, final)) {
    line();
    line(md`### ${actorName(sc, o.actor)} (${seatOf(o.actor)}): ${o.score} of ${o.max} points`);
    line();
    const rating = ending?.ratings?.[o.actor];
    if (rating !== undefined) line(md`${ratingLine(sc, o.actor, rating)}. ${verdictLine(sc, o, rating)}`);
    else line(md`${verdictLine(sc, o, undefined)}`);
    line();
    for (const x of o.objectives)
      line(
        x.kind === 'ending'
          ? md`- ${x.label}: ${x.earned} of ${x.points} points`
          : md`- [${x.met ? md`x` : md` `}] ${x.label} (${x.points} point${x.points === 1 ? '' : 's'}${x.met ? ', met' : ', not met'})`,
      );
  }

  const roles = def.actors.filter((a) => final.seats[a.id] === 'human');
  const reflect = (roles.length ? roles : def.actors).map((a) => ({ a, prompts: reflectionPrompts(sc, final, a.id) })).filter((r) => r.prompts.length > 0);
  if (reflect.length) {
    line();
    line(md`## Reflect`);
    for (const { a, prompts } of reflect) {
      line();
      line(md`### ${a.name} (${seatOf(a.id)})`);
      line();
      prompts.forEach((p, i) => line(md`${i + 1}. ${p}`));
    }
  }

  const questions = def.instructor?.discussionQuestions ?? [];
  if (questions.length) {
    line();
    line(md`## Discussion questions`);
    line();
    questions.forEach((q, i) => line(md`${i + 1}. ${q}`));
  }
  const plan = def.instructor?.classPlan ?? [];
  if (plan.length) {
    line();
    line(md`## Class plan`);
    line();
    for (const step of plan) line(md`- ${step}`);
  }
  const glossary = def.instructor?.glossary ?? [];
  if (glossary.length) {
    line();
    line(md`## Glossary`);
    line();
    for (const g of glossary) line(md`- ${mdStrong(g.term)}: ${g.definition}`);
  }

  return mdDocument(out);
}
