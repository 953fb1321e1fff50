// Global keys: "?" for help, digits and letters for the current screen, arrows to move focus between controls.
import { app } from '../app.js';
import { dialogOpen } from './dialog.js';
import { openKeys } from './keysDialog.js';

function typing(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLElement && t.isContentEditable)
  );
}

/** The focusable controls of the page outside dialogs, in DOM (reading) order. */
function controls(): HTMLElement[] {
  const root = document.getElementById('controls');
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('button, input, [tabindex="0"]')].filter(
    (e) => !e.hasAttribute('disabled') && e.getAttribute('aria-hidden') !== 'true' && !e.classList.contains('sr-only'),
  );
}

function moveFocus(by: number): boolean {
  const list = controls();
  if (list.length === 0) return false;
  const i = list.indexOf(document.activeElement as HTMLElement);
  const next = list[i < 0 ? (by > 0 ? 0 : list.length - 1) : (i + by + list.length) % list.length];
  next?.focus();
  return true;
}

export function installKeys(): void {
  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (e.key === '?' && !typing(e.target)) {
      if (!dialogOpen()) openKeys();
      e.preventDefault();
      return;
    }
    if (dialogOpen() || typing(e.target)) return;
    const scroller = e.target instanceof HTMLElement && e.target.classList.contains('reading');
    if (['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft'].includes(e.key)) {
      if (scroller && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) return;
      if (moveFocus(e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1)) e.preventDefault();
      return;
    }
    if (e.key.length === 1 && /[1-9a-zA-Z]/.test(e.key) && app().onKey?.(e.key)) e.preventDefault();
  });
}
