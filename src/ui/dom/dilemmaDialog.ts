// A dilemma put to a human player: a modal that must be answered, each option with its preview, which can be set
// aside as a bar (the board stays usable) and reopened from it.
import { previewLines } from '../../analysis/previewText.js';
import type { DilemmaView } from '../../engine/index.js';
import { bridge } from '../bridge.js';
import { announce } from './live.js';
import { onCloseAll, openDialog } from './dialog.js';
import { button, el } from './el.js';

/** The dilemma set aside, shown as a bar until it is reopened, answered, or the screen changes. */
let waiting: { event: string; bar: HTMLElement; reopen: () => void } | null = null;

function dropBar(): void {
  waiting?.bar.remove();
  waiting = null;
}
onCloseAll(dropBar);

/** Reopens the dilemma set aside, if there is one (ending the turn with it unanswered); returns whether it did. */
export function reopenDilemma(): boolean {
  if (!waiting?.bar.isConnected) return false;
  waiting.reopen();
  return true;
}

/** The option's preview in words, or nothing when the engine cannot tell (never blocks the answer). */
function optionPreview(actor: string | null, event: string, option: string): string[] {
  if (!actor) return [];
  try {
    return previewLines(bridge.previewOption(actor, event, option));
  } catch {
    return [];
  }
}

/**
 * Opens the dilemma; `onAnswer` receives the chosen option id. Called again for a dilemma that is set aside, it
 * leaves it as its bar (the player reopens it), so rebuilding the screen does not push it back over the board.
 */
export function openDilemma(actorName: string, d: DilemmaView, eventText: string, onAnswer: (option: string) => void): void {
  if (waiting?.event === d.event && waiting.bar.isConnected) return;
  dropBar();
  const actor = bridge.seatActor();
  const dialog = openDialog({ title: `Dilemma for ${actorName}: ${d.title}`, closable: false, className: 'dilemma' });
  const b = dialog.body;
  const aside = button(
    'Look at the board first',
    () => {
      dialog.close();
      showBar(actorName, d, eventText, onAnswer);
    },
    { class: 'dilemma-aside', id: 'dilemma-aside', 'aria-describedby': 'dilemma-aside-note' },
  );
  // In the header, which stays in view however far the options scroll.
  dialog.element.querySelector('.dialog-header')?.append(aside);
  b.append(
    el('p', {
      class: 'muted',
      id: 'dilemma-aside-note',
      text: '“Look at the board first” sets the dilemma aside as a bar, so you can check the dashboard, the why panels and the map; answer it before you end the turn.',
    }),
    el('p', { text: eventText }),
    el('p', {}, el('strong', { text: d.prompt })),
  );
  const options = el('div', { class: 'options', role: 'group', 'aria-label': 'Your answer' });
  d.options.forEach((o, i) => {
    const lines = optionPreview(actor, d.event, o.id);
    const preview = lines.length
      ? el(
          'span',
          { class: 'preview', id: `dilemma-${o.id}-preview` },
          el('span', { class: 'preview-head', text: 'What it will do: ' }),
          ...lines.map((l) => el('span', { class: 'preview-line', text: l })),
        )
      : null;
    const btn = el(
      'button',
      { type: 'button', class: 'option', id: `dilemma-${o.id}`, 'aria-keyshortcuts': String(i + 1) },
      `${i + 1}. ${o.label}`,
      o.description ? el('small', { text: o.description }) : null,
      preview,
    );
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

/** The bar of a dilemma set aside: says what waits and reopens it. */
function showBar(actorName: string, d: DilemmaView, eventText: string, onAnswer: (option: string) => void): void {
  const host = document.getElementById('dialogs') ?? document.body;
  const again = () => {
    dropBar();
    openDilemma(actorName, d, eventText, onAnswer);
  };
  const reopen = button('Answer it', again, { id: 'dilemma-reopen', class: 'dilemma-reopen', 'aria-label': `Answer it: the dilemma ${d.title}` });
  const bar = el(
    'div',
    { class: 'dilemma-bar', id: 'dilemma-bar', role: 'region', 'aria-label': 'Dilemma set aside' },
    el('span', { text: `Dilemma waiting: ${d.title}`, title: d.title }),
    reopen,
  );
  host.append(bar);
  waiting = { event: d.event, bar, reopen: again };
  reopen.focus();
  announce(`The dilemma “${d.title}” is set aside; the board is yours to look at. Its button, at the top of the page, reopens it.`);
}
