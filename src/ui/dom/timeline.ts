// The decision timeline: every turn, what each actor chose and how rolled odds fell, as a table.
import type { GameState, Scenario } from '../../engine/index.js';
import { rollText } from '../news.js';
import { el } from './el.js';

/** "“Send a corps” to “Moscow asks for troops”": a dilemma answer by its labels (the ids only if the scenario has none). */
function answerText(sc: Scenario, event: string, option: string): string {
  const ev = sc.def.events?.find((e) => e.id === event);
  const label = ev?.dilemma?.options.find((o) => o.id === option)?.label ?? option;
  return `“${label}” to “${ev?.title ?? event}”`;
}

/** The table of every turn's choices, by labels. */
export function timelineTable(sc: Scenario, s: GameState, turnLabel: (t: number) => string): HTMLElement {
  const box = el('div', { class: 'reading timeline', id: 'timeline', tabindex: 0, role: 'region', 'aria-label': 'Decision timeline' });
  const actors = sc.def.actors;
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', text: 'Turn' }),
    ...actors.map((a) => el('th', { scope: 'col', text: `${a.name}${s.seats[a.id] === 'human' ? ' (human)' : ''}` })),
  );
  const rows = s.history
    .filter((r) => r.turn > 0)
    .map((rec) => {
      const cells = actors.map((a) => {
        const ev = rec.events.find((e) => e.type === 'action' && e.result.actor === a.id);
        if (!ev || ev.type !== 'action') return el('td', { text: '—' });
        const roll = rollText(ev.result.odds, ev.result.success);
        const answers = rec.events.flatMap((e) => (e.type === 'dilemma-answer' && e.actor === a.id ? [answerText(sc, e.event, e.option)] : []));
        return el(
          'td',
          {},
          ev.result.label,
          roll ? el('span', { class: ev.result.success ? 'up' : 'down', text: ` (${roll})` }) : '',
          answers.length ? el('span', { class: 'source', text: ` · answered ${answers.join('; ')}` }) : '',
        );
      });
      return el('tr', {}, el('th', { scope: 'row', text: `${rec.turn}. ${turnLabel(rec.turn)}` }), ...cells);
    });
  box.append(el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)));
  return box;
}
