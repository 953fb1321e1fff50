// A dilemma put to a human player, as a modal that must be answered.
import type { DilemmaView } from '../../engine/index.js';
import { openDialog } from './dialog.js';
import { el } from './el.js';

/** Opens the dilemma; `onAnswer` receives the chosen option id. */
export function openDilemma(actorName: string, d: DilemmaView, eventText: string, onAnswer: (option: string) => void): void {
  const dialog = openDialog({ title: `Dilemma for ${actorName}: ${d.title}`, closable: false, className: 'dilemma' });
  const b = dialog.body;
  b.append(el('p', { text: eventText }), el('p', {}, el('strong', { text: d.prompt })));
  const options = el('div', { class: 'options', role: 'group', 'aria-label': 'Your answer' });
  d.options.forEach((o, i) => {
    const btn = el('button', { type: 'button', class: 'option', id: `dilemma-${o.id}`, 'aria-keyshortcuts': String(i + 1) }, `${i + 1}. ${o.label}`, o.description ? el('small', { text: o.description }) : null);
    btn.addEventListener('click', () => {
      dialog.close();
      onAnswer(o.id);
    });
    options.append(btn);
  });
  b.append(options);
  dialog.element.addEventListener('keydown', (e) => {
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= d.options.length && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      (options.children[n - 1] as HTMLButtonElement | undefined)?.click();
    }
  });
  (options.firstElementChild as HTMLElement | null)?.focus();
}
