// A short visible confirmation at the foot of the page ("Saved debrief.md"), also said to screen readers.
import { el } from './el.js';
import { announce } from './live.js';

const SHOWN_MS = 6000;
let timer: number | null = null;

/** Shows `text` for a few seconds (replacing any confirmation still shown) and announces it politely. */
export function confirmVisibly(text: string): void {
  let toast = document.getElementById('toast');
  if (!toast) {
    // Screen readers hear it through the live region; the visible copy is not read twice.
    toast = el('div', { id: 'toast', class: 'toast', 'aria-hidden': 'true' });
    document.body.append(toast);
  }
  toast.textContent = text;
  toast.hidden = false;
  announce(text);
  if (timer !== null) window.clearTimeout(timer);
  timer = window.setTimeout(() => {
    toast.hidden = true;
    timer = null;
  }, SHOWN_MS);
}
