// "Run a class": the form that creates a class on the server (scenario, seed, tables, human roles, timer), then its
// join code, join address, QR code and the instructor's secret link.
import { decodeText, MAX_FILE_BYTES } from '../../format/decodeText.js';
import { summaryOf, type CatalogEntry } from '../catalog.js';
import { copyText } from '../dom/copyText.js';
import { openDialog, type OpenDialog } from '../dom/dialog.js';
import { button, el } from '../dom/el.js';
import { alertNow, announce } from '../dom/live.js';
import { freshSeed } from '../seed.js';
import { ClassError, createClass, qrImage, type Created } from './api.js';
import './classroom.css';
import { instructorLink, joinLink } from './route.js';
import { keepInstructorToken } from './storage.js';

interface Picked {
  send: string;
  names: Map<string, string>;
  title: string;
}

/** A labelled form row. */
function row(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id;
  return el('div', { class: 'form-row' }, el('label', { for: id, text: label }), control, hint ? el('small', { id: `${id}-hint`, text: hint }) : null);
}

/** Opens the "Run a class" form over the title. */
export function openRunClass(catalog: readonly CatalogEntry[]): void {
  const d = openDialog({ title: 'Run a class', className: 'screen classroom' });
  d.element.id = 'run-class';
  const bundled = catalog.filter((e) => e.summary);
  let upload: Picked | null = null;
  const select = el(
    'select',
    { id: 'class-scenario' },
    ...bundled.map((e) => el('option', { value: e.id, text: e.summary!.title })),
    el('option', { value: '', text: 'A scenario file I upload…' }),
  );
  const file = el('input', { type: 'file', id: 'class-file', accept: '.json,application/json', 'aria-describedby': 'class-file-hint' });
  const fileRow = row('Scenario file', file, 'A scenario JSON file; the server checks it and says what is wrong if it cannot be used.');
  const seed = el('input', { id: 'class-seed', type: 'text', value: freshSeed(), maxlength: 200, 'aria-describedby': 'class-seed-hint' });
  const tables = el('input', { id: 'class-tables', type: 'number', min: 1, max: 60, value: 1, 'aria-describedby': 'class-tables-hint' });
  const timer = el('input', { id: 'class-timer', type: 'number', min: 0, max: 3600, value: 0, 'aria-describedby': 'class-timer-hint' });
  const roles = el('fieldset', { id: 'class-roles' });
  const problem = el('p', { id: 'class-problem', class: 'problem', role: 'alert', hidden: true });

  const picked = (): Picked | null => {
    if (select.value === '') return upload;
    const e = bundled.find((x) => x.id === select.value);
    return e ? { send: e.id, names: e.summary!.names, title: e.summary!.title } : null;
  };
  const drawRoles = () => {
    const p = picked();
    fileRow.hidden = select.value !== '';
    roles.replaceChildren(el('legend', { text: 'Roles played by students (the AI plays the others)' }));
    if (!p) return roles.append(el('p', { class: 'muted', text: 'Choose a scenario file first.' }));
    [...p.names].forEach(([id, name], k) => {
      const box = el('input', { type: 'checkbox', id: `class-human-${id}`, value: id, checked: k < 3 });
      roles.append(el('div', { class: 'check' }, box, el('label', { for: box.id, text: ` ${name}` })));
    });
  };
  select.addEventListener('change', drawRoles);
  file.addEventListener('change', () => void readUpload());
  async function readUpload(): Promise<void> {
    const f = file.files?.[0];
    upload = null;
    problem.hidden = true;
    if (f) {
      const decoded = f.size > MAX_FILE_BYTES ? null : decodeText(new Uint8Array(await f.arrayBuffer()));
      const sum = decoded?.ok ? summaryOf(decoded.text) : null;
      if (decoded?.ok && sum) upload = { send: decoded.text, names: sum.names, title: sum.title };
      else
        say(
          `${f.name}: ${f.size > MAX_FILE_BYTES ? `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` : decoded && !decoded.ok ? decoded.message : 'not a scenario file (no title, or not JSON)'}`,
        );
    }
    drawRoles();
  }
  const say = (text: string) => {
    problem.textContent = text;
    problem.hidden = false;
    alertNow(text);
  };
  const create = button('Create the class', () => void submit(), { id: 'class-create', class: 'primary' });
  async function submit(): Promise<void> {
    const p = picked();
    if (!p) return say('Choose a scenario, or a scenario file to upload.');
    const humans = [...roles.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((b) => b.value);
    const t = Number(tables.value);
    const secs = Number(timer.value || 0);
    if (!Number.isInteger(t) || t < 1 || t > 60) return say('The number of tables must be a whole number from 1 to 60.');
    if (!Number.isInteger(secs) || secs < 0 || secs > 3600) return say('The turn timer must be a whole number of seconds from 0 (none) to 3600.');
    if (humans.length === 0) return say('Choose at least one role for students to play.');
    create.disabled = true;
    try {
      const made = await createClass({ scenario: p.send, seed: seed.value.trim() || freshSeed(), tables: t, humans, ...(secs > 0 ? { timer: secs } : {}) });
      keepInstructorToken(made.code, made.token);
      void showCreated(d, made, p.title);
    } catch (e) {
      say(`The class was not created: ${e instanceof ClassError ? e.message : (e as Error).message}`);
    } finally {
      create.disabled = false;
    }
  }
  d.body.append(
    el('p', {
      text: 'Every student plays from their own device; the server runs the game. Start the classroom server with npm run serve and open this page from it.',
    }),
    row('Scenario', select),
    fileRow,
    row('Seed', seed, 'Every table of the class uses this seed: the same dice, so their games can be compared.'),
    row('Number of tables', tables, 'One game per table, each with its own students.'),
    roles,
    row('Turn timer (seconds)', timer, '0 for none. When it runs out, the AI plays every seat that has not submitted.'),
    problem,
    el('div', { class: 'dialog-actions' }, create),
  );
  drawRoles();
  select.focus();
}

/** The class is made: the code to put up, the address and QR code, the instructor's secret link. */
async function showCreated(d: OpenDialog, made: Created, title: string): Promise<void> {
  const origin = window.location.origin;
  const join = made.joinUrl ?? joinLink(origin, made.code);
  const secret = instructorLink(origin, made.code, made.token);
  const qr = el('div', { class: 'qr', id: 'class-qr' });
  const copy = button('Copy the instructor link', () => void copyText(secret, 'instructor link'), { id: 'copy-instructor' });
  d.body.replaceChildren(
    el('p', { text: `${title}: the class is ready.` }),
    el(
      'div',
      { class: 'projector-join' },
      el(
        'div',
        {},
        el('p', { class: 'join-code-label', text: 'Join code' }),
        el('p', { class: 'join-code', id: 'join-code', text: made.code, 'aria-label': `Join code ${made.code.split('').join(' ')}` }),
        el('p', {}, 'Students open ', el('a', { href: join, id: 'join-url', text: join }), ' or type the code under "Join a class".'),
      ),
      qr,
    ),
    el('h3', { text: 'Your instructor link' }),
    el('p', {
      class: 'warning',
      text: 'Keep this link private: anyone who has it can run this class. It comes back to the dashboard from any device. Do not show it on the projector.',
    }),
    el('p', { class: 'secret' }, el('a', { href: secret, id: 'instructor-link', text: secret })),
    el(
      'div',
      { class: 'dialog-actions' },
      copy,
      ' ',
      el('a', { class: 'button primary', id: 'open-dashboard', href: secret, text: 'Open the dashboard' }),
      ' ',
      el('a', { class: 'button', id: 'open-projector', href: `${origin}/?project=${made.code}`, target: '_blank', rel: 'noopener', text: 'Projector view' }),
    ),
  );
  announce(`The class is ready. Join code ${made.code}.`);
  d.body.querySelector<HTMLElement>('#open-dashboard')?.focus();
  const img = await qrImage(join);
  qr.replaceChildren(
    img
      ? el('img', { src: img, alt: `QR code for ${join}`, width: 180, height: 180 })
      : el('p', { class: 'muted', text: 'No QR code from this server: show the address above.' }),
  );
}
