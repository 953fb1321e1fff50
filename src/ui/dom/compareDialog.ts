// "Compare games": several groups' replays picked or dropped at once, read and verified (readGroupReplays), refused
// files named with why, and the rest shown by compareView.
import { compareGames } from '../../analysis/compare.js';
import { readGroupReplays, type ReplayText } from '../../analysis/groupReplays.js';
import { entryById, loadCatalog } from '../catalog.js';
import { openDialog, type OpenDialog } from './dialog.js';
import { button, el } from './el.js';
import { readChosenFile } from './filePicker.js';
import { alertNow, announce } from './live.js';
import { compareView } from './compareView.js';

let open: { d: OpenDialog; show: (files: File[]) => Promise<void> } | null = null;

async function compareFiles(files: File[]): Promise<{ refused: string[]; view: HTMLElement | null; title: string }> {
  const read = await Promise.all(files.map(readChosenFile));
  const texts: ReplayText[] = read.flatMap((r) => (r.ok ? [{ name: r.name, text: r.text }] : []));
  const unread = read.flatMap((r) => (r.ok ? [] : [`${r.name}: ${r.message}`]));
  const catalog = await loadCatalog();
  const groups = readGroupReplays(texts, (id) => {
    const o = entryById(catalog, id)?.check();
    return o?.ok ? o.scenario : null;
  });
  const refused = [...unread, ...groups.refused.map((x) => x.message)];
  const sc = groups.scenario;
  if (!sc || groups.games.length < 2) {
    const why =
      groups.games.length === 1
        ? `Only ${groups.games[0]!.name} could be compared; choose at least two replays of one scenario.`
        : 'No replay could be compared; choose at least two replays of one scenario.';
    return { refused: [...refused, why], view: null, title: '' };
  }
  return { refused, view: compareView(sc, compareGames(sc, groups.games)), title: `${sc.def.title}: ${groups.games.length} groups` };
}

/** Opens the comparison dialog, and compares `files` at once when given (several dropped on the title screen). */
export function openCompare(files: File[] = []): void {
  if (open) {
    if (files.length) void open.show(files);
    return;
  }
  const d = openDialog({
    title: 'Compare groups',
    className: 'screen compare',
    onClose: () => {
      open = null;
    },
  });
  d.element.id = 'compare-dialog';
  const input = el('input', {
    type: 'file',
    id: 'compare-files',
    multiple: true,
    accept: '.json,application/json',
    class: 'sr-only',
    tabindex: -1,
    'aria-hidden': 'true',
  });
  const pick = button('Choose replay files…', () => input.click(), { id: 'compare-pick', class: 'primary' });
  const status = el('div', { id: 'compare-status' });
  const result = el('section', { id: 'compare-result', 'aria-label': 'Comparison', tabindex: -1 });
  d.body.append(
    el('p', {
      text: "Choose (or drop onto this window) the replay files of several groups who played the same scenario, exported from each group's ending screen. Each is verified, then their games are set side by side.",
    }),
    el('div', { class: 'dialog-actions' }, pick),
    input,
    status,
    result,
  );
  const show = async (chosen: File[]) => {
    status.replaceChildren(el('p', { class: 'muted', text: `Reading ${chosen.length} file${chosen.length === 1 ? '' : 's'}…` }));
    const r = await compareFiles(chosen).catch((e: unknown) => ({
      refused: [`The files could not be compared: ${e instanceof Error ? e.message : String(e)}`],
      view: null,
      title: '',
    }));
    status.replaceChildren();
    if (r.refused.length) {
      status.append(
        el('h3', { text: r.view ? 'Some files were left out' : 'Nothing to compare' }),
        el('ul', { id: 'compare-refused', class: 'down' }, ...r.refused.map((m) => el('li', { text: m }))),
      );
      alertNow(`${r.refused.length} file${r.refused.length === 1 ? '' : 's'} refused: ${r.refused[0]}`);
    }
    result.replaceChildren(...(r.view ? [el('h3', { id: 'compare-title', text: r.title }), r.view] : []));
    if (r.view) {
      result.focus();
      if (!r.refused.length) announce(`Compared ${r.title}.`);
    }
  };
  input.addEventListener('change', () => {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    if (chosen.length) void show(chosen);
  });
  // Files dropped on the dialog are compared here, not opened by the title screen's drop handler underneath.
  for (const type of ['dragenter', 'dragover', 'dragleave', 'drop'] as const) {
    d.element.addEventListener(type, (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (type === 'drop' && e.dataTransfer?.files.length) void show([...e.dataTransfer.files]);
    });
  }
  open = { d, show };
  pick.focus();
  if (files.length) void show(files);
}
