// The last line of defence: an unexpected error is shown with a way back, never a blank page.
import { alertNow } from './live.js';
import { el } from './el.js';

let shown = false;

/** Shows an error banner with a button to reload on the title screen (the autosave is kept). */
export function showCrash(message: string): void {
  alertNow(`Something went wrong: ${message}`);
  if (shown) return;
  shown = true;
  const box = el('div', { class: 'crash', role: 'alertdialog', 'aria-labelledby': 'crash-title' },
    el('h2', { id: 'crash-title', text: 'Something went wrong' }),
    el('p', { text: message }),
    el('p', { text: 'Your game was saved after the last completed step.' }));
  const again = el('button', { type: 'button', id: 'crash-title-screen' }, 'Back to the title screen');
  again.addEventListener('click', () => {
    try {
      window.localStorage.setItem('statecraft.screen', 'title');
    } catch {
      /* storage unavailable */
    }
    window.location.reload();
  });
  box.append(again);
  document.body.append(box);
  again.focus();
}

export function installCrashHandler(): void {
  window.addEventListener('error', (e) => showCrash(e.message || 'an unexpected error'));
  window.addEventListener('unhandledrejection', (e) => showCrash(e.reason instanceof Error ? e.reason.message : String(e.reason)));
}
