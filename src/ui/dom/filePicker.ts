// Opening a scenario file: the hidden file input, and drag-and-drop onto the page.
import { decodeText, MAX_FILE_BYTES } from '../../format/decodeText.js';
import { el } from './el.js';

export type FileHandler = (name: string, text: string) => void;
/** A file that could not be read or decoded; `at` is where decoding failed. */
export type FileFailure = (name: string, message: string, at?: { line: number; column: number }) => void;

// The bytes are decoded as the command line decodes them (decodeText), not by File.text(), which replaces bad bytes.
async function readFile(file: File, ok: FileHandler, fail: FileFailure): Promise<void> {
  if (file.size > MAX_FILE_BYTES) return fail(file.name, `the file is ${Math.round(file.size / 1024)} KB; scenario files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return fail(file.name, `the file could not be read: ${(e as Error).message}`);
  }
  const decoded = decodeText(bytes);
  if (decoded.ok) ok(file.name, decoded.text);
  else fail(file.name, decoded.message, decoded);
}

/** The file input (id "scenario-file"); returns a function that opens the picker. */
export function filePicker(host: HTMLElement, ok: FileHandler, fail: FileFailure): () => void {
  const input = el('input', { type: 'file', id: 'scenario-file', accept: '.json,application/json', class: 'sr-only', tabindex: -1, 'aria-hidden': 'true' });
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void readFile(f, ok, fail);
    input.value = '';
  });
  host.append(input);
  return () => input.click();
}

let detach: (() => void) | null = null;

/** Accepts a file dropped anywhere on the page while enabled; call the returned function to stop. */
export function enableDrop(ok: FileHandler, fail: FileFailure): () => void {
  detach?.();
  const hint = el('div', { class: 'drop-hint', hidden: true, 'aria-hidden': 'true' }, 'Drop the scenario file to open it');
  document.body.append(hint);
  let depth = 0;
  const over = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const enter = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth += 1;
    hint.hidden = false;
  };
  const leave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) hint.hidden = true;
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    depth = 0;
    hint.hidden = true;
    const f = e.dataTransfer?.files[0];
    if (f) void readFile(f, ok, fail);
  };
  window.addEventListener('dragover', over);
  window.addEventListener('dragenter', enter);
  window.addEventListener('dragleave', leave);
  window.addEventListener('drop', drop);
  detach = () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('dragenter', enter);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('drop', drop);
    hint.remove();
    detach = null;
  };
  return detach;
}

/** Stops accepting dropped files (leaving the title screen). */
export function disableDrop(): void {
  detach?.();
}
