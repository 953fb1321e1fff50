// Modal dialogs on the native <dialog> element: focus stays inside, Esc closes (unless the choice is required).
import { button, el, uid } from './el.js';

export interface DialogOptions {
  title: string;
  /** When false, Esc and the close button are unavailable: the player must choose. */
  closable?: boolean;
  className?: string;
  onClose?: () => void;
}

export interface OpenDialog {
  element: HTMLDialogElement;
  body: HTMLElement;
  close: () => void;
}

let stack: OpenDialog[] = [];

/** Opens a modal dialog; fill `body`, then call `close()` when done. Focus returns to where it was. */
export function openDialog(options: DialogOptions): OpenDialog {
  const host = document.getElementById('dialogs') ?? document.body;
  const titleId = uid('dialog-title');
  const closable = options.closable ?? true;
  const body = el('div', { class: 'dialog-body' });
  const dialog = el('dialog', { class: `dialog ${options.className ?? ''}`, 'aria-labelledby': titleId });
  const header = el('div', { class: 'dialog-header' }, el('h2', { id: titleId, text: options.title }));
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    stack = stack.filter((d) => d.element !== dialog);
    if (dialog.open) dialog.close();
    dialog.remove();
    options.onClose?.();
    if (opener?.isConnected) opener.focus();
  };
  if (closable) header.append(button('Close', close, { class: 'dialog-close', 'aria-label': `Close ${options.title}`, 'data-key': 'Esc' }));
  dialog.append(header, body);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    if (closable) close();
  });
  host.append(dialog);
  dialog.showModal();
  const open = { element: dialog, body, close };
  stack.push(open);
  return open;
}

/** Whether any dialog is open (global keys then stay out of the way). */
export function dialogOpen(): boolean {
  return stack.length > 0;
}

const leftovers = new Set<() => void>();

/** Runs `fn` at every closeAllDialogs (a screen change), to clear what a dialog leaves behind (a set-aside dilemma's bar). */
export function onCloseAll(fn: () => void): void {
  leftovers.add(fn);
}

/** Closes every open dialog (on a screen change). */
export function closeAllDialogs(): void {
  for (const d of [...stack].reverse()) d.close();
  for (const fn of leftovers) fn();
}

/** Moves focus to the first focusable element of an open dialog's body. */
export function focusFirst(d: OpenDialog): void {
  const target = d.body.querySelector<HTMLElement>('button:not([disabled]), [href], input, select, textarea, [tabindex="0"]');
  (target ?? d.element).focus();
}
