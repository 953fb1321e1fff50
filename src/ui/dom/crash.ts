// The last line of defence: an unexpected error is shown with a way back, never a blank page.
import { download } from '../exports.js';
import { bridge } from '../bridge.js';
import { saveStore, setAsideSave } from '../saves.js';
import { slotKey } from '../saveSlots.js';
import { alertNow } from './live.js';
import { el } from './el.js';

const CRASH_NOTICE_KEY = 'statecraft.crash-notice';

let shown = false;

/** Shows an error banner with a button to reload on the title screen (the autosave is kept) and one to set the autosave aside. */
export function showCrash(message: string): void {
  alertNow(`Something went wrong: ${message}`);
  if (shown) return;
  shown = true;
  const box = el(
    'div',
    { class: 'crash', role: 'alertdialog', 'aria-labelledby': 'crash-title' },
    el('h2', { id: 'crash-title', text: 'Something went wrong' }),
    el('p', { text: message }),
    el('p', { text: 'Your game was saved after the last completed step.' }),
  );
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
  const slot = bridge.slot;
  if (slot && hasSave(slot)) {
    // A saved game that passed its checks yet breaks the page would otherwise break it again on "Continue".
    const aside = el('button', { type: 'button', id: 'crash-set-aside' }, 'Set the saved game aside');
    aside.addEventListener('click', () => {
      const out = setAsideSave(saveStore(), slotKey(slot));
      const kept =
        out.kind === 'kept'
          ? ` It was kept in this browser's storage under "${out.key}".`
          : out.kind === 'dropped'
            ? ' There was no room to keep a copy of it, so it was downloaded as a file.'
            : '';
      if (out.kind === 'dropped') download('statecraft-set-aside-save.json', 'application/json', out.raw);
      try {
        window.sessionStorage.setItem(CRASH_NOTICE_KEY, `The saved game was set aside after an error (${message}).${kept}`);
        window.localStorage.setItem('statecraft.screen', 'title');
      } catch {
        /* storage unavailable */
      }
      // A moment for a download to start before the page goes.
      window.setTimeout(() => window.location.reload(), out.kind === 'dropped' ? 800 : 0);
    });
    box.append(' ', aside);
  }
  document.body.append(box);
  again.focus();
}

function hasSave(slot: string): boolean {
  try {
    return window.localStorage.getItem(slotKey(slot)) !== null;
  } catch {
    return false;
  }
}

/** The message a set-aside from the crash screen leaves for the title screen after the reload; read once. */
export function takeCrashNotice(): string | null {
  try {
    const text = window.sessionStorage.getItem(CRASH_NOTICE_KEY);
    window.sessionStorage.removeItem(CRASH_NOTICE_KEY);
    return text;
  } catch {
    return null;
  }
}

export function installCrashHandler(): void {
  window.addEventListener('error', (e) => showCrash(e.message || 'an unexpected error'));
  window.addEventListener('unhandledrejection', (e) => showCrash(e.reason instanceof Error ? e.reason.message : String(e.reason)));
}
