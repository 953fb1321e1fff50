// Copying a link to the clipboard, also on a plain-http school network where the Clipboard API is absent.
import { confirmVisibly } from './toast.js';

/** The old selection-based copy, for pages that are not a secure context (http on a LAN address). */
function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(area);
  area.select();
  let done: boolean;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  focused?.focus();
  return done;
}

/** Copies `text` and says so visibly ("Copied the seat link"), or says to copy `text` by hand when the browser refuses. */
export async function copyText(text: string, what: string): Promise<void> {
  let done = false;
  if (navigator.clipboard && window.isSecureContext) {
    done = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
  }
  if (!done) done = copyBySelection(text);
  confirmVisibly(done ? `Copied the ${what}` : `This browser would not copy: select the ${what} and copy it: ${text}`);
}
