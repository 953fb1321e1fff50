// A what-if fork's comparison with the original game, in Markdown.
import type { Scenario } from '../engine/index.js';
import { turnLabel } from './debrief.js';
import type { Fork, NumberDiff, TimelineComparison } from './fork.js';
import { md, mdDocument, mdStrong, mdTable, type Md } from './markdown.js';

const round1 = (x: number) => Math.round(x * 10) / 10;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(round1(x))}`;
const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

/** A cause's part in each timeline: "+10 only in the what-if", "+10 only in the original", "+8 against +3". */
function causeText(inOriginal: number, inFork: number): string {
  if (Math.abs(inOriginal) < 0.05) return `${signed(inFork)}, only in the what-if`;
  if (Math.abs(inFork) < 0.05) return `${signed(inOriginal)}, only in the original`;
  return `${signed(inFork)} against ${signed(inOriginal)}`;
}

/** pure; "Escalation is 18 higher (60 against 42): Drills in 2025 H2 (+12, only in the what-if); …", without Markdown. */
export function differenceText(sc: Scenario, d: NumberDiff): { label: string; text: string } {
  const causes = d.causes.map((x) => `${x.label} in ${turnLabel(sc, x.turn)} (${causeText(x.inOriginal, x.inFork)})`).join('; ');
  return {
    label: d.label,
    text: `is ${round1(Math.abs(d.fork - d.original))} ${d.fork > d.original ? 'higher' : 'lower'} (${round1(d.fork)} against ${round1(d.original)})${causes ? `: ${causes}` : ''}`,
  };
}

/** pure; a later recorded choice that was no longer open, and what the AI chose instead. */
export function replacedText(sc: Scenario, r: Fork['replaced'][number]): string {
  const name = sc.def.actors.find((a) => a.id === r.actor)?.name ?? r.actor;
  const label = (id: string) => sc.def.actions.find((a) => a.id === id)?.label ?? id;
  return `${turnLabel(sc, r.turn)}: ${possessive(name)} recorded “${label(r.recorded)}” was no longer open; the AI chose “${label(r.chosen)}”.`;
}

/** pure; what the change was, then the two timelines side by side: endings, scores, and the numbers that end differently with their causes. */
export function forkMarkdown(sc: Scenario, c: TimelineComparison, fork: Fork, changes: readonly string[]): string {
  const ending = (id: string | null) => (id === null ? 'no ending yet' : (sc.def.endings.find((e) => e.id === id)?.title ?? id));
  const lines: Md[] = [md`# What if: ${sc.def.title}`, md``];
  for (const ch of changes) lines.push(md`- ${ch}`);
  lines.push(md``);
  lines.push(
    c.divergedAt === null
      ? md`Nothing changed: the fork is the original game.`
      : md`The timelines part in ${turnLabel(sc, c.divergedAt)} (turn ${String(c.divergedAt)}).`,
    md``,
  );
  lines.push(md`## Endings`, md``, md`- Original: ${mdStrong(ending(c.endings.original))}`, md`- What if: ${mdStrong(ending(c.endings.fork))}`, md``);
  lines.push(md`## Scores`, md``);
  lines.push(
    ...mdTable(
      ['Role', 'Original', 'What if', 'Difference'],
      c.scores.map((s) => [s.name, `${s.original} / ${s.max}`, `${s.fork} / ${s.max}`, signed(s.fork - s.original)]),
    ),
  );
  lines.push(md``, md`## What ends differently, and why`, md``);
  if (c.differences.length === 0) lines.push(md`Every number ends the same.`);
  for (const d of c.differences) {
    const t = differenceText(sc, d);
    lines.push(md`- ${mdStrong(t.label)} ${t.text}`);
  }
  if (fork.replaced.length > 0) {
    lines.push(md``, md`## Choices the AI made instead`, md``);
    for (const r of fork.replaced) lines.push(md`- ${replacedText(sc, r)}`);
  }
  return mdDocument(lines);
}
