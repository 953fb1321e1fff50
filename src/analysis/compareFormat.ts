// A comparison of several groups' games written out: Markdown for the class, CSV for a spreadsheet, JSON for scripts.
import type { Scenario } from '../engine/index.js';
import type { Comparison } from './compare.js';
import { csvText, type CsvValue } from './csv.js';
import { turnLabel } from './debrief.js';
import { md, mdDocument, mdStrong, mdTable, type Md } from './markdown.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** pure; the comparison as a Markdown document: endings, scores, the turn the groups parted, each turn's split, the numbers at the end. */
export function comparisonMarkdown(sc: Scenario, c: Comparison): string {
  const n = c.groups.length;
  const lines: Md[] = [md`# ${sc.def.title}: ${String(n)} groups compared`, md``];
  lines.push(md`## Endings`, md``);
  for (const e of c.endings) lines.push(md`- ${mdStrong(e.title)}: ${String(e.groups.length)} of ${String(n)} (${e.groups.join(', ')})`);
  lines.push(md``, md`## Scores`, md``);
  lines.push(
    ...mdTable(
      ['Group', 'Ending', ...sc.def.actors.map((a) => a.name)],
      c.groups.map((g) => [g.name, g.endingTitle, ...g.scores.map((s) => `${s.score} / ${s.max}`)]),
    ),
  );
  lines.push(md``);
  if (c.mostSplit !== null) lines.push(md`The groups' choices split most in ${turnLabel(sc, c.mostSplit)} (turn ${String(c.mostSplit)}).`);
  if (c.mostDiverged !== null) lines.push(md`Their numbers drew apart most in ${turnLabel(sc, c.mostDiverged)} (turn ${String(c.mostDiverged)}).`);
  lines.push(md``, md`## Who chose what`, md``);
  for (const t of c.turns) {
    lines.push(md`### ${turnLabel(sc, t.turn)} (turn ${String(t.turn)})`, md``);
    for (const a of t.actions) lines.push(md`- ${mdStrong(a.name)}: ${a.options.map((o) => `${o.label} (${o.groups.length} of ${n})`).join('; ')}`);
    for (const d of t.dilemmas)
      lines.push(md`- ${mdStrong(d.name)} answered “${d.title}”: ${d.options.map((o) => `${o.label} (${o.groups.length} of ${n})`).join('; ')}`);
    lines.push(md``);
  }
  lines.push(md`## The numbers at the end`, md``);
  lines.push(
    ...mdTable(
      ['Number', ...c.groups.map((g) => g.name)],
      c.trajectories.map((t) => [t.name, ...t.groups.map((g) => round1(g.values[g.values.length - 1] ?? Number.NaN))]),
    ),
  );
  return mdDocument(lines);
}

/** pure; one CSV row per group and turn: the choices of every role (labels beside ids), the indicators, then the ending and scores on the last row. */
export function comparisonCsv(sc: Scenario, c: Comparison): string {
  const header: CsvValue[] = ['group', 'seed', 'turn', 'period'];
  for (const a of sc.def.actors) header.push(`${a.id}_action`, `${a.id}_action_label`);
  for (const ind of sc.def.indicators) header.push(ind.id);
  header.push('ending', 'ending_title', ...sc.def.actors.map((a) => `${a.id}_score`));
  const rows: CsvValue[][] = [header];
  c.groups.forEach((g, gi) => {
    for (let t = 1; t <= g.turns; t++) {
      const turn = c.turns[t - 1];
      const row: CsvValue[] = [g.name, g.seed, t, turnLabel(sc, t)];
      for (const a of sc.def.actors) {
        const o = turn?.actions.find((x) => x.actor === a.id)?.options.find((x) => x.groups.includes(g.name));
        row.push(o?.id ?? '', o?.label ?? '');
      }
      for (const tr of c.trajectories) row.push(round1(tr.groups[gi]!.values[t] ?? Number.NaN));
      if (t === g.turns) row.push(g.ending ?? '', g.endingTitle, ...g.scores.map((s) => s.score));
      else row.push('', '', ...sc.def.actors.map(() => ''));
      rows.push(row);
    }
  });
  return csvText(rows);
}
