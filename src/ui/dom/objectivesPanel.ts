// "Your objectives" on the main screen: each met or not now, in words and an icon, with how far each comparison is.
import type { ObjectiveLine } from '../objectiveText.js';
import { el } from './el.js';

/** The panel's list; the heading names the role. */
export function objectivesPanel(roleName: string, lines: readonly ObjectiveLine[]): HTMLElement {
  const items = lines.map((o) =>
    el(
      'li',
      { class: `objective ${o.met ? 'met' : 'unmet'}`, id: `objective-${o.id}`, 'data-met': String(o.met) },
      el('span', { class: 'objective-state' }, el('span', { class: 'objective-icon', 'aria-hidden': 'true', text: o.icon }), ` ${o.state}`),
      el('span', { class: 'objective-label', text: ` ${o.label}` }),
      el('span', { class: 'objective-points', text: ` · ${o.points} pt${o.points === 1 ? '' : 's'}` }),
      ...o.details.map((d) => el('span', { class: 'objective-detail', text: d })),
    ),
  );
  return el(
    'section',
    { class: 'reading objectives', id: 'objectives', tabindex: 0, 'aria-labelledby': 'objectives-heading' },
    el('h2', { id: 'objectives-heading', text: `Your objectives as ${roleName}` }),
    lines.length ? el('ul', {}, ...items) : el('p', { class: 'muted', text: 'This role has no scored objectives.' }),
  );
}
