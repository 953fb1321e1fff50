// The replay viewer: a verified replay stepped through turn by turn (buttons, ← and →): choices with odds and rolls,
// events, indicators with their change and a "Why?" for each, and every role's objectives met or not.
import { oddsText, endingDef } from '../../analysis/debrief.js';
import type { ReplayFrame } from '../../analysis/replayFrames.js';
import { explain, type Scenario } from '../../engine/index.js';
import { turnLabel } from '../../analysis/debrief.js';
import { fmt, fmtDelta } from '../theme.js';
import { openDialog } from './dialog.js';
import { openWhatIf } from './forkDialog.js';
import { button, el } from './el.js';
import { announce } from './live.js';
import { openWhy } from './whyDialog.js';

function choicesTable(f: ReplayFrame): HTMLElement {
  const head = el(
    'tr',
    {},
    el('th', { text: 'Role' }),
    el('th', { text: 'Choice' }),
    el('th', { text: 'Odds and roll' }),
    el('th', { text: 'Dilemma answers' }),
  );
  const rows = f.choices.map((c) =>
    el(
      'tr',
      {},
      el('td', { text: `${c.name} (${c.human ? 'human' : 'AI'})` }),
      el('td', { text: c.label }),
      el('td', { class: c.success === null ? 'muted' : c.success ? 'up' : 'down', text: oddsText(c) ?? 'certain' }),
      el('td', { text: c.answers.map((a) => `${a.dilemma}: ${a.option}`).join('; ') || '—' }),
    ),
  );
  return el('table', { id: 'replay-choices' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function indicatorsTable(sc: Scenario, f: ReplayFrame): HTMLElement {
  const head = el(
    'tr',
    {},
    el('th', { text: 'Indicator' }),
    el('th', { text: 'Before' }),
    el('th', { text: 'After' }),
    el('th', { text: 'Change' }),
    el('th', { text: 'Why' }),
  );
  const rows = f.indicators.map((i) => {
    const d = i.after - i.before;
    const why = button('Why?', () => openWhy({ explanation: explain(sc, f.after, `indicator:${i.id}`), turnLabel: (t) => turnLabel(sc, t) }), {
      id: `replay-why-${i.id}`,
      'aria-label': `Why did ${i.name} change in ${f.label}?`,
    });
    return el(
      'tr',
      {},
      el('td', { text: i.name }),
      el('td', { class: 'num', text: fmt(i.before) }),
      el('td', { class: 'num', text: fmt(i.after) }),
      el('td', { class: `num ${d > 0.05 ? 'up' : d < -0.05 ? 'down' : ''}`, text: Math.abs(d) < 0.05 ? '0' : `${d > 0 ? '▲' : '▼'} ${fmtDelta(d)}` }),
      el('td', {}, why),
    );
  });
  return el('table', { id: 'replay-indicators' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function objectivesList(sc: Scenario, f: ReplayFrame): HTMLElement {
  return el(
    'div',
    { id: 'replay-objectives', class: 'replay-objectives' },
    ...f.objectives.map((o) => {
      const name = sc.def.actors[sc.actorIndex.get(o.actor) ?? 0]?.name ?? o.actor;
      return el(
        'div',
        {},
        el('h4', { text: `${name}: ${fmt(o.score)} of ${fmt(o.max)} points` }),
        el('ul', {}, ...o.objectives.map((p) => el('li', { class: p.met ? 'up' : 'down', text: `${p.met ? '✔ met' : '✘ not met'}: ${p.label}` }))),
      );
    }),
  );
}

/** Opens the viewer on the first turn; the replay was verified before (replayFrames). */
export function openReplayViewer(sc: Scenario, file: string, frames: readonly ReplayFrame[], ending: string | null): void {
  const d = openDialog({ title: `Replay: ${sc.def.title}`, className: 'screen replay' });
  d.element.id = 'replay-viewer';
  const last = frames.length - 1;
  let at = 0;
  const endTitle = endingDef(sc, ending)?.title ?? ending ?? 'not finished';
  d.body.append(
    el('p', {
      class: 'muted',
      id: 'replay-summary',
      text: `${file} · verified: every turn's state hash matches · ${frames.length} turns · ending: ${endTitle}`,
    }),
  );
  const where = el('h3', { id: 'replay-turn-title' });
  const prev = button('◀ Previous turn', () => go(at - 1), { id: 'replay-prev', 'aria-keyshortcuts': 'ArrowLeft' });
  const next = button('Next turn ▶', () => go(at + 1), { id: 'replay-next', 'aria-keyshortcuts': 'ArrowRight' });
  const final = frames.at(-1)?.after;
  const base = file.replace(/\.replay\.json$|\.json$/i, '');
  const whatIf = final
    ? button('What if…', () => openWhatIf(sc, final, frames[at]!.turn, base), {
        id: 'replay-whatif',
        'aria-label': 'What if: change the choices of this turn and play on',
      })
    : null;
  d.body.append(
    el('div', { class: 'replay-nav' }, prev, where, next, whatIf),
    el('p', { class: 'muted', text: 'Use ← and → to step through the turns; "Why?" explains a number as it stood after that turn.' }),
  );
  const content = el('div', { id: 'replay-turn' });
  d.body.append(content);

  function render(): void {
    const f = frames[at];
    if (!f) {
      where.textContent = 'This replay has no turns';
      return;
    }
    where.textContent = `Turn ${f.turn} of ${frames.length}: ${f.label}`;
    prev.disabled = at === 0;
    next.disabled = at === last;
    content.replaceChildren(
      el('h3', { text: 'What each role chose' }),
      choicesTable(f),
      el('h3', { text: 'Events' }),
      f.events.length
        ? el('ul', { id: 'replay-events' }, ...f.events.map((e) => el('li', { text: e.text ? `${e.title}: ${e.text}` : e.title })))
        : el('p', { id: 'replay-events', class: 'muted', text: 'No events.' }),
      el('h3', { text: 'Indicators' }),
      indicatorsTable(sc, f),
      el('h3', { text: 'Objectives after this turn' }),
      objectivesList(sc, f),
    );
  }
  function go(k: number): void {
    if (k < 0 || k > last || k === at) return;
    const focused = document.activeElement;
    at = k;
    render();
    // A button disabled at either end would drop focus to the page: keep it on the other one.
    if (focused === prev && prev.disabled) next.focus();
    if (focused === next && next.disabled) prev.focus();
    announce(where.textContent ?? '');
  }
  d.element.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target !== d.element && !(e.target instanceof HTMLButtonElement))) return;
    const k = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: last }[e.key];
    if (k === undefined || document.querySelectorAll('dialog[open]').length > 1) return;
    e.preventDefault();
    go(k);
  });
  render();
  (frames.length > 1 ? next : d.element).focus();
  announce(`Replay verified. ${where.textContent ?? ''}`);
}
