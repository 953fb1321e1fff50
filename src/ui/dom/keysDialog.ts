// The "?" dialog listing every keyboard key.
import { openDialog, focusFirst } from './dialog.js';
import { el } from './el.js';

const KEYS: Array<[string, string]> = [
  ['Tab / Shift+Tab', 'Move to the next / previous control'],
  ['Arrow keys', 'Move between controls in reading order'],
  ['Enter / Space', 'Activate the focused control'],
  ['1 – 9', 'Pick the 1st … 9th action card (or scenario, or dilemma answer)'],
  ['E', 'End the turn with the selected action'],
  ['B', 'Read your briefing again'],
  ['Esc', 'Close a dialog'],
  ['?', 'Show these keys'],
];

export function openKeys(): void {
  const d = openDialog({ title: 'Keyboard keys' });
  d.body.append(
    el(
      'table',
      { class: 'keys' },
      el(
        'tbody',
        {},
        ...KEYS.map(([k, what]) =>
          el('tr', {}, el('td', {}, ...k.split(' / ').flatMap((part, i) => [i ? ' / ' : '', el('kbd', { text: part })])), el('td', { text: what })),
        ),
      ),
    ),
  );
  d.body.append(
    el('p', {
      class: 'muted',
      text: 'Every map marker, indicator and action card is a button: a screen reader reads its name and details, and turn results are announced.',
    }),
  );
  focusFirst(d);
}
