// Opening a scenario or replay file: the hidden file input, and drag-and-drop onto the page (several replays at once to compare).
import { decodeText, MAX_FILE_BYTES } from '../../format/decodeText.js';
import { el } from './el.js';

export type FileHandler = (name: string, text: string) => void;
/** A file that could not be read or decoded; `at` is where decoding failed. */
export type FileFailure = (name: string, message: string, at?: { line: number; column: number }) => void;

export type ReadResult = { ok: true; name: string; text: string } | { ok: false; name: string; message: string; at?: { line: number; column: number } };

// The bytes are decoded as the command line decodes them (decodeText), not by File.text(), which replaces bad bytes.
/** A chosen or dropped file's text, decoded, or why it could not be read. */
export async function readChosenFile(file: File): Promise<ReadResult> {
  const name = file.name;
  if (file.size > MAX_FILE_BYTES)
    return { ok: false, name, message: `the file is ${Math.round(file.size / 1024)} KB; scenario files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, name, message: `the file could not be read: ${(e as Error).message}` };
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, name, text: decoded.text } : { ok: false, name, message: decoded.message, at: decoded };
}

/** Several files at once (a comparison), each read as readChosenFile reads one. */
export type ManyHandler = (files: File[]) => void;

async function readFile(file: File, ok: FileHandler, fail: FileFailure): Promise<void> {
  const r = await readChosenFile(file);
  if (r.ok) ok(r.name, r.text);
  else fail(r.name, r.message, r.at);
}

/** Hands one file to `ok` (or `fail`), several to `many` when given (else the first to `ok`). */
function take(files: FileList | undefined | null, ok: FileHandler, fail: FileFailure, many?: ManyHandler): void {
  const list = [...(files ?? [])];
  if (list.length > 1 && many) many(list);
  else if (list[0]) void readFile(list[0], ok, fail);
}

/** The file input (id "scenario-file", several files allowed with `many`); returns a function that opens the picker. */
export function filePicker(host: HTMLElement, ok: FileHandler, fail: FileFailure, many?: ManyHandler): () => void {
  const input = el('input', {
    type: 'file',
    id: 'scenario-file',
    accept: '.json,application/json',
    class: 'sr-only',
    tabindex: -1,
    'aria-hidden': 'true',
    multiple: many !== undefined,
  });
  input.addEventListener('change', () => {
    take(input.files, ok, fail, many);
    input.value = '';
  });
  host.append(input);
  return () => input.click();
}

let detach: (() => void) | null = null;

/** Accepts a file dropped anywhere on the page while enabled; call the returned function to stop. */
export function enableDrop(ok: FileHandler, fail: FileFailure, many?: ManyHandler): () => void {
  detach?.();
  const hint = el(
    'div',
    { class: 'drop-hint', hidden: true, 'aria-hidden': 'true' },
    'Drop a scenario or replay file to open it (several replays to compare them)',
  );
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
    take(e.dataTransfer?.files, ok, fail, many);
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
