// "For instructors": a bundled scenario's learning objectives, class plan, glossary, discussion questions, notes and
// what is invented (handoutsOf's pages), with every handout printable through the browser's Print.
import type { Scenario } from '../../engine/index.js';
import type { CatalogEntry } from '../catalog.js';
import { openDialog, type OpenDialog } from './dialog.js';
import { button, el } from './el.js';
import { handoutArticle, printableHandouts, printHandouts, stageHandouts, unstageHandouts } from './handoutPrint.js';
import './instructor.css';

/** The on-screen parts: the instructor's page, the class sheet's glossary, and what is invented. */
function contents(sc: Scenario): HTMLElement[] {
  const pages = printableHandouts(sc);
  const page = (file: string) => pages.find((h) => h.file === file);
  const out: HTMLElement[] = [];
  const instructor = page('instructor.html');
  if (instructor) out.push(handoutArticle(instructor));
  const sheet = page('class-sheet.html');
  const glossary = sheet ? [...handoutArticle(sheet).querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === 'Glossary') : undefined;
  out.push(
    el(
      'article',
      { class: 'handout', id: 'instructor-glossary', 'aria-label': 'Glossary' },
      ...(glossary ? [...glossary.childNodes] : [el('h2', { text: 'Glossary' }), el('p', { class: 'muted', text: 'This scenario has no glossary.' })]),
    ),
  );
  const invented = page('invented.html');
  if (invented) {
    const a = handoutArticle(invented);
    a.id = 'instructor-assumptions';
    out.push(a);
  }
  return out;
}

function fill(d: OpenDialog, entries: Array<{ entry: CatalogEntry; scenario: Scenario }>, chosen: number): void {
  const { scenario: sc } = entries[chosen]!;
  stageHandouts(sc);
  const parts: HTMLElement[] = [];
  if (entries.length > 1) {
    const select = el(
      'select',
      { id: 'instructor-scenario' },
      ...entries.map((e, i) => el('option', { value: i, selected: i === chosen, text: e.scenario.def.title })),
    );
    select.addEventListener('change', () => {
      fill(d, entries, Number(select.value));
      d.body.querySelector<HTMLElement>('#instructor-scenario')?.focus();
    });
    parts.push(el('p', {}, el('label', { for: 'instructor-scenario', text: 'Scenario: ' }), select));
  }
  parts.push(
    el('h3', { text: 'Handouts to print' }),
    el('p', { class: 'muted', text: 'Print, or choose "Save as PDF" in the print dialog: each handout starts on a new page; the game itself is not printed.' }),
    el(
      'div',
      { class: 'handout-list', id: 'handout-buttons' },
      button('Print all handouts', () => printHandouts(null), { id: 'print-all' }),
      ...printableHandouts(sc).map((h) => button(`Print: ${h.title}`, () => printHandouts(h.file), { 'data-file': h.file })),
    ),
    ...contents(sc),
  );
  d.body.replaceChildren(...parts);
}

/** Opens the instructor view on `id`'s scenario (else the first bundled one that loads); closing it takes the handouts out of the print. */
export function openInstructorView(catalog: readonly CatalogEntry[], id?: string): void {
  const entries = catalog.flatMap((entry) => {
    const o = entry.check();
    return o.ok ? [{ entry, scenario: o.scenario }] : [];
  });
  const d = openDialog({ title: 'For instructors', className: 'screen instructor', onClose: unstageHandouts });
  d.element.id = 'instructor-view';
  if (entries.length === 0) {
    d.body.append(el('p', { text: 'No bundled scenario loads, so there is nothing to show.' }));
    return;
  }
  fill(
    d,
    entries,
    Math.max(
      0,
      entries.findIndex((e) => e.entry.id === id),
    ),
  );
  d.body.querySelector<HTMLElement>('#instructor-scenario, #print-all')?.focus();
}
