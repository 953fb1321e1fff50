// `statecraft report`: a Markdown debrief of a verified replay: timeline, causes of change, ending, objectives.
import { bandOf, chooseAi, createGame, explain, scoreObjectives, step, type GameState, type Scenario } from '../engine/index.js';
import { flag, parseCommand, positionals, stringOpt } from './args.js';
import { writeText } from './io.js';
import { actorName, endingDef, eventLine, keyLabel, num, oddsText, outcomeText, reasonsText, signed, splitRecord, turnLabel } from './narrate.js';
import { verifyReplayFile } from './replay.js';

export const REPORT_HELP = `Usage: statecraft report <replay.json> [--scenario FILE] [--out FILE]

Verifies the replay (see "statecraft replay --help" for how its scenario is found), then prints a
Markdown debrief: roles, a timeline of every turn (actions, odds rolled, events, dilemma answers),
what changed and why, the ending and its explanation, each role's objectives, and the scenario's
discussion questions. --out FILE writes it to FILE instead of stdout.`;

/** The debrief of a game, from its final state (with history) and its seats. */
export function debrief(sc: Scenario, final: GameState): string {
  const def = sc.def;
  const md: string[] = [];
  const line = (s = '') => md.push(s);
  const turns = final.history.length - 1;
  const ending = endingDef(sc, final.ending);
  line(`# Debrief: ${def.title}`);
  line();
  line(def.summary);
  line();
  line(`- Scenario: \`${def.id}\`${def.version ? ` version ${def.version}` : ''} (hash \`${sc.hash.slice(0, 12)}\`)`);
  line(`- Seed: \`${final.seed}\`${final.aiFuzz !== null ? `, AI fuzz ${final.aiFuzz}` : ''}`);
  line(`- Turns played: ${turns} of ${sc.turnCount}`);
  line(`- Ending: ${ending ? `**${ending.title}**` : 'none (the game was not finished)'}`);
  line();
  line('## Roles');
  line();
  line('| Role | Played by |');
  line('| --- | --- |');
  for (const a of def.actors) line(`| ${a.name} | ${final.seats[a.id] === 'human' ? 'human' : 'AI'} |`);
  const objectivesText = def.instructor?.learningObjectives ?? [];
  if (objectivesText.length) {
    line();
    line('## Learning objectives');
    line();
    for (const o of objectivesText) line(`- ${o}`);
  }

  line();
  line('## Timeline');
  let g = createGame(sc, { seed: final.seed, seats: final.seats, aiFuzz: final.aiFuzz });
  const records = final.history;
  for (let i = 1; i < records.length; i++) {
    const rec = records[i]!;
    const before = g;
    g = step(sc, g, rec.choices).state;
    line();
    line(`### Turn ${rec.turn} · ${turnLabel(sc, rec.turn)}`);
    const news = splitRecord(records[i - 1]!).opening.map((e) => eventLine(sc, e)).filter((l): l is string => l !== null);
    if (news.length) {
      line();
      line('News:');
      line();
      for (const n of news) line(`- ${n}`);
    }
    line();
    line('Decisions:');
    line();
    for (const e of splitRecord(rec).resolution) {
      if (e.type === 'action') {
        const r = e.result;
        const seat = final.seats[r.actor] === 'human' ? 'human' : 'AI';
        const odds = oddsText(r);
        const outcome = outcomeText(sc, r);
        let text = `- **${actorName(sc, r.actor)}** (${seat}): ${r.label}${odds ? ` — ${odds}` : ''}${outcome ? `. ${outcome}` : ''}`;
        if (seat === 'AI') {
          const reasons = chooseAi(sc, before, r.actor).reasons;
          if (reasons.length) text += ` *(AI's reasons: ${reasonsText(reasons)})*`;
        }
        line(text);
      } else {
        const l = eventLine(sc, e);
        if (l) line(`- ${l}`);
      }
    }
  }

  line();
  line('## What changed and why');
  line();
  def.indicators.forEach((ind, i) => {
    const end = final.indicators[i]!;
    const band = bandOf(sc.indicators[i]!.bands, end);
    const totals = explain(sc, final, `indicator:${ind.id}`).totals.slice(0, 3);
    line(`- **${ind.name}**: ${num(ind.initial)} → ${num(end)}${band ? ` (${band})` : ''}${totals.length ? `; largest causes: ${totals.map((t) => `${t.cause} ${signed(t.delta)}`).join(', ')}` : '; no change recorded'}`);
  });
  const relations = def.stances.relations;
  if (relations.length) {
    line();
    line('Relations:');
    line();
    for (const r of relations) {
      const key = `stance:${r.from}>${r.to}`;
      const x = explain(sc, final, key);
      const top = x.totals.slice(0, 2);
      line(`- ${keyLabel(sc, key)}: ${num(r.initial)} → ${num(x.value)} (${x.band ?? ''})${top.length ? `; ${top.map((t) => `${t.cause} ${signed(t.delta)}`).join(', ')}` : ''}`);
    }
  }

  line();
  line(`## Ending: ${ending?.title ?? 'none'}`);
  line();
  if (ending) {
    line(ending.text);
    if (ending.explanation) {
      line();
      line(`Why: ${ending.explanation}`);
    }
  } else line('The game stopped before an ending was reached.');

  line();
  line('## Objectives');
  for (const o of scoreObjectives(sc, final)) {
    line();
    line(`### ${actorName(sc, o.actor)} (${final.seats[o.actor] === 'human' ? 'human' : 'AI'}): ${o.score} of ${o.max} points`);
    line();
    for (const x of o.objectives) line(`- [${x.met ? 'x' : ' '}] ${x.label} (${x.points} point${x.points === 1 ? '' : 's'}${x.met ? ', met' : ', not met'})`);
  }

  const questions = def.instructor?.discussionQuestions ?? [];
  if (questions.length) {
    line();
    line('## Discussion questions');
    line();
    questions.forEach((q, i) => line(`${i + 1}. ${q}`));
  }
  return `${md.join('\n')}\n`;
}

export function runReport(argv: string[]): number {
  const p = parseCommand('report', argv, { scenario: { type: 'string' }, out: { type: 'string' } });
  if (flag(p, 'help')) {
    process.stdout.write(`${REPORT_HELP}\n`);
    return 0;
  }
  const [file] = positionals('report', p, ['replay']) as [string];
  const v = verifyReplayFile(file, stringOpt(p, 'scenario'));
  const text = debrief(v.scenario, v.state);
  const out = stringOpt(p, 'out');
  if (out) {
    writeText(out, text);
    process.stderr.write(`debrief written to ${out}\n`);
  } else process.stdout.write(text);
  return 0;
}
