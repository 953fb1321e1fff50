// A student's seat on their own device: role and briefing, turn, own readings, objectives, the cards and dilemmas,
// Submit; then who is still choosing, the news, and the ending with the score and the seed.
import type { Scenario } from '../../engine/index.js';
import { briefingBody } from '../dom/briefingText.js';
import { button, el } from '../dom/el.js';
import { alertNow } from '../dom/live.js';
import { newsPanel } from '../dom/newsPanel.js';
import { objectivesPanel } from '../dom/objectivesPanel.js';
import { costText, oddsText } from '../cardText.js';
import { turnLabel } from '../../analysis/debrief.js';
import { describeEvents } from '../news.js';
import { aiPlayedText, endingSummary, holdLine, indicatorRows, seatObjectives, turnLine } from './seatText.js';
import type { Choice, SeatState } from './wire.js';

/** The choice being made on this device, kept across updates within a turn. */
export interface Draft {
  turn: number;
  action: string | null;
  dilemmas: Record<string, string>;
}

export interface SeatHandlers {
  submit: (c: Choice | 'ai') => void;
  changed: () => void;
}

function indicatorsTable(sc: Scenario, s: SeatState): HTMLElement {
  const rows = indicatorRows(sc, s);
  return el(
    'section',
    { class: 'class-box', 'aria-labelledby': 'seat-numbers' },
    el('h2', { id: 'seat-numbers', text: 'Your numbers' }),
    s.view.estimated.length
      ? el('p', { class: 'muted', text: 'Figures marked "estimate" are your own reading, new each turn: the truth lies within ± of it.' })
      : null,
    el(
      'table',
      { class: 'class-table', id: 'seat-indicators' },
      el(
        'thead',
        {},
        el('tr', {}, el('th', { scope: 'col', text: 'Indicator' }), el('th', { scope: 'col', text: 'Now' }), el('th', { scope: 'col', text: 'Change' })),
      ),
      el(
        'tbody',
        {},
        ...rows.map((r) =>
          el(
            'tr',
            { 'data-indicator': r.id },
            el('th', { scope: 'row', text: r.name }),
            el('td', { class: 'num', 'aria-label': r.words }, r.text, r.estimate ? el('span', { class: 'estimate-tag', text: ' estimate' }) : null),
            el('td', { text: r.change ?? '—' }),
          ),
        ),
      ),
    ),
  );
}

/** "What it will do" under a card: the engine's preview in words, or nothing when there is none. */
function effectsList(lines: readonly string[] | undefined, id: string): HTMLElement | null {
  if (!lines || lines.length === 0) return null;
  return el('span', { class: 'choice-effects', id }, el('span', { class: 'effects-head', text: 'What it will do: ' }), lines.join(' · '));
}

function dilemmaBlock(s: SeatState, draft: Draft, h: SeatHandlers, locked: boolean): HTMLElement | null {
  if (s.legal.dilemmas.length === 0) return null;
  return el(
    'section',
    { class: 'class-box', 'aria-labelledby': 'seat-dilemmas' },
    el('h2', { id: 'seat-dilemmas', text: 'Decisions put to you' }),
    ...s.legal.dilemmas.map((d) =>
      el(
        'fieldset',
        { class: 'dilemma', id: `dilemma-${d.event}` },
        el('legend', { text: d.title }),
        el('p', { text: d.prompt }),
        ...d.options.map((o) => {
          const input = el('input', {
            type: 'radio',
            name: `dilemma-${d.event}`,
            id: `option-${d.event}-${o.id}`,
            value: o.id,
            checked: draft.dilemmas[d.event] === o.id,
            disabled: locked,
          });
          input.addEventListener('change', () => {
            draft.dilemmas[d.event] = o.id;
            h.changed();
          });
          return el(
            'label',
            { class: 'choice-card', for: input.id },
            input,
            el('span', { class: 'choice-title', text: o.label }),
            el('span', { class: 'choice-text', text: o.description }),
            effectsList(s.previews.options[d.event]?.[o.id], `option-${d.event}-${o.id}-effects`),
          );
        }),
      ),
    ),
  );
}

function actionBlock(s: SeatState, draft: Draft, h: SeatHandlers, locked: boolean): HTMLElement {
  return el(
    'fieldset',
    { class: 'class-box cards', id: 'seat-actions' },
    el('legend', { text: 'Choose one action' }),
    ...s.legal.actions.map((a) => {
      const input = el('input', {
        type: 'radio',
        name: 'seat-action',
        id: `action-${a.id}`,
        value: a.id,
        checked: draft.action === a.id,
        disabled: locked || !a.available,
        'aria-describedby': s.previews.actions[a.id]?.length ? `action-${a.id}-text action-${a.id}-effects` : `action-${a.id}-text`,
      });
      input.addEventListener('change', () => {
        draft.action = a.id;
        h.changed();
      });
      return el(
        'label',
        { class: `choice-card${a.available ? '' : ' unavailable'}`, for: input.id, 'data-action': a.id },
        input,
        el('span', { class: 'choice-title', text: a.label }),
        el(
          'span',
          { class: 'choice-text', id: `action-${a.id}-text` },
          a.description,
          el('br'),
          costText(a),
          ' · ',
          a.odds ? oddsText(a.odds, false) : 'Certain outcome',
          a.available ? null : el('strong', { class: 'why-not', text: ` · Not available: ${a.missing.join('; ')}` }),
        ),
        effectsList(s.previews.actions[a.id], `action-${a.id}-effects`),
      );
    }),
  );
}

/** What is still missing before the choice can be submitted, or null. */
export function draftProblem(s: SeatState, d: Draft): string | null {
  if (!d.action) return 'Choose an action first.';
  const open = s.legal.dilemmas.filter((x) => !d.dilemmas[x.event]);
  return open.length ? `Answer "${open[0]!.title}" first.` : null;
}

/** The seat's whole screen. */
export function seatScreen(sc: Scenario, s: SeatState, draft: Draft, waiting: string | null, h: SeatHandlers): HTMLElement[] {
  const name = s.label ?? sc.def.actors.find((a) => a.id === s.role)?.name ?? s.role;
  const mine = s.submitted.includes(s.role);
  const hold = holdLine(s);
  const locked = mine || hold !== null || s.over;
  const head: HTMLElement[] = [
    el('h1', { id: 'seat-title', text: `You are ${name}` }),
    el('p', { class: 'turn-line', id: 'seat-turn', text: `${turnLine(sc, s.turn, s.over)} · table ${s.table + 1}` }),
  ];
  const out: HTMLElement[] = [];
  if (s.over || s.stopped) {
    const e = endingSummary(sc, s);
    out.push(
      el(
        'section',
        { class: 'class-box ending', id: 'seat-ending', 'aria-labelledby': 'seat-ending-title' },
        el('h2', { id: 'seat-ending-title', tabindex: -1, 'data-focus': true, text: `Ending: ${e.title}` }),
        e.text ? el('p', { text: e.text }) : null,
        el('p', { class: 'score', id: 'seat-score', text: e.score }),
        el('p', { id: 'seat-seed', text: e.seed }),
      ),
    );
  } else if (hold) out.push(el('p', { class: 'hold', id: 'seat-hold', role: 'status', text: hold }));
  const news = describeEvents(sc, s.news, Math.max(0, s.turn - 1));
  if (s.turn > 1 || news.length) out.push(newsPanel(news, (t) => turnLabel(sc, t)));
  const byAi = aiPlayedText(sc, s);
  if (byAi) out.push(el('p', { class: 'muted', id: 'seat-ai-played', text: byAi }));
  if (!s.over && !s.stopped) {
    if (mine)
      out.push(
        el('p', {
          class: 'submitted',
          id: 'seat-submitted',
          role: 'status',
          tabindex: -1,
          'data-focus': true,
          text: `✓ Your choice for this turn is in. ${waiting ?? 'Everyone has chosen; the turn is resolving.'}`,
        }),
      );
    const dil = dilemmaBlock(s, draft, h, locked);
    if (dil) out.push(dil);
    out.push(actionBlock(s, draft, h, locked));
    if (!locked) {
      const problem = draftProblem(s, draft);
      out.push(
        el(
          'div',
          { class: 'seat-actions' },
          button(
            'Submit my choice',
            () => {
              const p = draftProblem(s, draft);
              if (p) alertNow(p);
              else h.submit({ action: draft.action!, ...(s.legal.dilemmas.length ? { dilemmas: { ...draft.dilemmas } } : {}) });
            },
            { id: 'seat-submit', class: 'primary', 'aria-disabled': problem ? 'true' : undefined, 'aria-describedby': 'seat-submit-hint' },
          ),
          ' ',
          button('Let the AI choose for me', () => h.submit('ai'), { id: 'seat-ai' }),
          el('p', { class: 'muted', id: 'seat-submit-hint', text: problem ?? 'Your choice is final once submitted.' }),
        ),
      );
      const done = s.submitted.map((r) => sc.def.actors.find((a) => a.id === r)?.name ?? r);
      if (done.length) out.push(el('p', { class: 'muted', id: 'seat-others', text: `Already chosen: ${done.join(', ')}` }));
    }
  }
  // Wide screens put the play beside what it is judged by; narrow ones stack them, the play first.
  return [
    ...head,
    el(
      'div',
      { class: 'seat-grid' },
      el('div', { class: 'seat-play' }, ...out),
      el(
        'div',
        { class: 'seat-side' },
        objectivesPanel(name, seatObjectives(sc, s)),
        indicatorsTable(sc, s),
        el('details', { class: 'class-box', id: 'seat-briefing' }, el('summary', { text: 'Your briefing' }), briefingBody(sc.def, s.role)),
      ),
    ),
  ];
}
