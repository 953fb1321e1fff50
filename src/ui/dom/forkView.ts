// A what-if fork beside the game as played, as compareTimelines gives them: where they part, both endings, the scores,
// every indicator's two lines overlaid, and the numbers that end differently with the causes that differ.
import { endingDef, turnLabel } from '../../analysis/debrief.js';
import type { Fork, TimelineComparison } from '../../analysis/fork.js';
import { differenceText, replacedText } from '../../analysis/forkFormat.js';
import type { Scenario } from '../../engine/index.js';
import { fmtDelta } from '../theme.js';
import { el } from './el.js';
import { lineChart } from './lineChart.js';

const ORIGINAL = 'As played';
const WHAT_IF = 'What if';

function side(sc: Scenario, name: string, ending: string | null, id: string): HTMLElement {
  const e = endingDef(sc, ending);
  return el(
    'div',
    { class: 'side', id },
    el('h4', { text: name }),
    el('p', {}, 'Ending: ', el('b', { text: e?.title ?? 'not finished' })),
    e?.text ? el('p', { class: 'muted', text: e.text }) : null,
  );
}

/** The comparison as one element; `changes` says in words what the fork changed. */
export function forkView(sc: Scenario, c: TimelineComparison, fork: Fork, changes: readonly string[]): HTMLElement {
  const root = el('div', { class: 'fork-view' });
  root.append(
    el('p', {
      class: 'lead',
      id: 'whatif-parted',
      text:
        c.divergedAt === null
          ? 'Nothing changed: the what-if is the game as played.'
          : `The timelines part in ${turnLabel(sc, c.divergedAt)} (turn ${c.divergedAt}).`,
    }),
  );
  if (changes.length) root.append(el('ul', { id: 'whatif-changes' }, ...changes.map((x) => el('li', { text: x }))));
  root.append(
    el(
      'div',
      { class: 'sides', id: 'whatif-endings' },
      side(sc, ORIGINAL, c.endings.original, 'whatif-ending-original'),
      side(sc, WHAT_IF, c.endings.fork, 'whatif-ending-fork'),
    ),
  );
  const head = el('tr', {}, el('th', { text: 'Role' }), el('th', { text: ORIGINAL }), el('th', { text: WHAT_IF }), el('th', { text: 'Difference' }));
  root.append(
    el('h3', { text: 'Objective scores' }),
    el(
      'table',
      { id: 'whatif-scores' },
      el('thead', {}, head),
      el(
        'tbody',
        {},
        ...c.scores.map((s) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row', text: s.name }),
            el('td', { class: 'num', text: `${s.original} / ${s.max}` }),
            el('td', { class: 'num', text: `${s.fork} / ${s.max}` }),
            el('td', { class: 'num', text: s.fork === s.original ? '0' : fmtDelta(s.fork - s.original) }),
          ),
        ),
      ),
    ),
  );
  root.append(
    el('h3', { text: 'What ends differently, and why' }),
    c.differences.length === 0
      ? el('p', { id: 'whatif-differences', class: 'muted', text: 'Every number ends the same.' })
      : el(
          'ul',
          { id: 'whatif-differences' },
          ...c.differences.map((d) => {
            const t = differenceText(sc, d);
            return el('li', {}, el('b', { text: t.label }), ` ${t.text}`);
          }),
        ),
  );
  if (fork.replaced.length)
    root.append(
      el('h3', { text: 'Choices the AI made instead' }),
      el('ul', { id: 'whatif-replaced' }, ...fork.replaced.map((r) => el('li', { text: replacedText(sc, r) }))),
    );
  root.append(
    el('h3', { text: 'The numbers, turn by turn' }),
    el(
      'div',
      { class: 'chart-grid-list', id: 'whatif-charts' },
      ...c.indicators.map((ind) => {
        const def = sc.def.indicators.find((d) => d.id === ind.id);
        return lineChart({
          id: `whatif-chart-${ind.id}`,
          title: ind.name,
          min: def?.min ?? 0,
          max: def?.max ?? 100,
          series: [
            { label: ORIGINAL, values: ind.original },
            { label: WHAT_IF, values: ind.fork },
          ],
        });
      }),
    ),
  );
  return root;
}
