// "Why?": an indicator's or stance's explanation from the engine's attribution ledger, as a dialog; for a number the
// seat sees only as an estimate, the causes in order with the direction of each change and no figures.
import { vagueChanges, type Estimate, type Explanation, type LedgerEntry } from '../../engine/index.js';
import { rangeText, readingText } from '../readings.js';
import { fmt, fmtDelta } from '../theme.js';
import { openDialog, focusFirst } from './dialog.js';
import { el } from './el.js';

/** What the seat sees of an indicator it knows only as an estimate: its reading, the band of that reading, and why. */
export interface SeenEstimate {
  reading: { exact: false } & Estimate;
  band: string | null;
  note?: string | undefined;
}

export interface WhyContext {
  explanation: Explanation;
  description?: string | undefined;
  range?: string | undefined;
  turnLabel: (turn: number) => string;
  seen?: SeenEstimate | undefined;
}

const KIND: Record<string, string> = {
  action: 'action',
  cost: 'cost',
  outcome: 'outcome',
  delayed: 'delayed effect',
  event: 'event',
  dilemma: 'dilemma',
  situation: 'situation',
  drift: 'every turn',
  decay: 'fading',
  start: 'start',
};

function causeText(e: LedgerEntry): string {
  const who = e.cause.actor ? ` (${e.cause.actor})` : '';
  return `${e.cause.label}${who}`;
}

/** The part of a change that leverage made, as a note after the figure. */
function leverageNote(part: number): string {
  return Math.abs(part) >= 0.05 ? `, of which leverage ${fmtDelta(part)}` : '';
}

function changeTable(entries: LedgerEntry[], turnLabel: (t: number) => string, withTurn: boolean): HTMLElement {
  if (entries.length === 0) return el('p', { class: 'muted', text: 'No changes recorded.' });
  const head = el(
    'tr',
    {},
    ...(withTurn ? [el('th', { text: 'Turn' })] : []),
    el('th', { text: 'Cause' }),
    el('th', { text: 'Kind' }),
    el('th', { text: 'Change' }),
    el('th', { text: 'Then' }),
  );
  const rows = entries.map((e) =>
    el(
      'tr',
      {},
      ...(withTurn ? [el('td', { text: e.turn === 0 ? 'start' : turnLabel(e.turn) })] : []),
      el('td', { text: causeText(e) }),
      el('td', { class: 'muted', text: KIND[e.cause.kind] ?? e.cause.kind }),
      el('td', {
        class: `num ${e.delta > 0 ? 'up' : e.delta < 0 ? 'down' : ''}`,
        text: `${e.delta > 0 ? '▲ ' : e.delta < 0 ? '▼ ' : ''}${fmtDelta(e.delta)}${leverageNote(e.leverage ?? 0)}${e.clamped ? ' (limited by range)' : ''}`,
      }),
      el('td', { class: 'num', text: fmt(e.value) }),
    ),
  );
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows));
}

/** The changes of an estimated number: cause, kind and which way it went, never by how much or to what. */
function vagueTable(entries: LedgerEntry[], turnLabel: (t: number) => string, withTurn: boolean): HTMLElement {
  if (entries.length === 0) return el('p', { class: 'muted', text: 'No changes recorded.' });
  const head = el(
    'tr',
    {},
    ...(withTurn ? [el('th', { text: 'Turn' })] : []),
    el('th', { text: 'Cause' }),
    el('th', { text: 'Kind' }),
    el('th', { text: 'Effect' }),
  );
  const rows = vagueChanges(entries).map((c) =>
    el(
      'tr',
      {},
      ...(withTurn ? [el('td', { text: c.turn === 0 ? 'start' : turnLabel(c.turn) })] : []),
      el('td', { text: `${c.cause.label}${c.cause.actor ? ` (${c.cause.actor})` : ''}` }),
      el('td', { class: 'muted', text: KIND[c.cause.kind] ?? c.cause.kind }),
      el('td', {
        class: c.direction === 'raised' ? 'up' : c.direction === 'lowered' ? 'down' : '',
        text: c.direction === 'raised' ? '▲ raised' : c.direction === 'lowered' ? '▼ lowered' : 'no change',
      }),
    ),
  );
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows));
}

/** The dialog of a number the seat sees only as an estimate: its reading and the causes of change, without figures. */
function openVague(ctx: WhyContext, seen: SeenEstimate): void {
  const x = ctx.explanation;
  const d = openDialog({ title: `Why? ${x.label} (estimate)`, className: 'why' });
  const b = d.body;
  b.id = 'why-body';
  // The explanation can scroll: keyboard users reach it to scroll it.
  b.tabIndex = 0;
  b.append(
    el(
      'p',
      {},
      el('strong', { text: `Now ${readingText(seen.reading)}` }),
      ' — an estimate',
      seen.band ? ` — band: ${seen.band}` : '',
      ctx.range ? ` (range ${ctx.range})` : '',
    ),
  );
  b.append(
    el('p', {
      class: 'estimate-note',
      text: `You see only an estimate of this number: each turn brings a fresh reading, and the true value lies within ${fmt(seen.reading.error)} of it (now ${rangeText(seen.reading)}).${seen.note ? ` ${seen.note}` : ''} The causes below say which way each change went, in order, but not by how much. The debrief shows the true figures.`,
    }),
  );
  if (ctx.description) b.append(el('p', { class: 'muted', text: ctx.description }));
  b.append(el('h3', { text: 'This turn' }));
  b.append(vagueTable(x.latest, ctx.turnLabel, false));
  b.append(el('h3', { text: 'The story so far' }));
  b.append(vagueTable(x.story, ctx.turnLabel, true));
  focusFirst(d);
}

/** Opens the explanation dialog (the figure-free one when the seat sees the number only as an estimate). */
export function openWhy(ctx: WhyContext): void {
  if (ctx.seen) return openVague(ctx, ctx.seen);
  const x = ctx.explanation;
  const d = openDialog({ title: `Why? ${x.label}`, className: 'why' });
  const b = d.body;
  b.id = 'why-body';
  // The explanation can scroll: keyboard users reach it to scroll it.
  b.tabIndex = 0;
  b.append(el('p', {}, el('strong', { text: `Now ${fmt(x.value)}` }), x.band ? ` — band: ${x.band}` : '', ctx.range ? ` (range ${ctx.range})` : ''));
  if (ctx.description) b.append(el('p', { class: 'muted', text: ctx.description }));
  if (x.rest !== undefined) {
    b.append(el('h3', { text: 'What holds this stance where it is' }));
    b.append(el('p', { text: `Resting point ${fmt(x.rest)}: without modifiers the stance drifts back toward it.` }));
    const mods = x.modifiers ?? [];
    if (mods.length)
      b.append(
        el(
          'ul',
          {},
          ...mods.map((m) =>
            el('li', { text: `${m.label}: ${fmtDelta(m.value)}${m.decay > 0 ? `, fading ${Math.round(m.decay * 100)}% a turn` : ', lasting'}` }),
          ),
        ),
      );
    else b.append(el('p', { class: 'muted', text: 'No modifiers in force.' }));
  }
  b.append(el('h3', { text: 'This turn' }));
  b.append(changeTable(x.latest, ctx.turnLabel, false));
  b.append(el('h3', { text: 'The story so far' }));
  b.append(changeTable(x.story, ctx.turnLabel, true));
  if (x.totals.length) {
    b.append(el('h3', { text: 'Net change by cause' }));
    b.append(
      el(
        'table',
        {},
        el(
          'tbody',
          {},
          ...x.totals.map((t) =>
            el(
              'tr',
              {},
              el('td', { text: t.cause }),
              el('td', { class: `num ${t.delta > 0 ? 'up' : t.delta < 0 ? 'down' : ''}`, text: `${fmtDelta(t.delta)}${leverageNote(t.leverage)}` }),
            ),
          ),
        ),
      ),
    );
    if (Math.abs(x.leverage) >= 0.05)
      b.append(
        el('p', {
          class: 'muted',
          text: `Leverage's share of all these changes: ${fmtDelta(x.leverage)} (how much further the acting actors moved this number because the one it belongs to depends on them).`,
        }),
      );
  }
  focusFirst(d);
}
