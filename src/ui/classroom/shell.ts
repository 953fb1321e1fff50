// The frame of every classroom page (header, connection line, refusals, content) and the class's scenario.
import { loadCatalog } from '../catalog.js';
import { el } from '../dom/el.js';
import { alertNow, announce } from '../dom/live.js';
import { loadScenarioText } from '../scenarioLoader.js';
import type { Scenario } from '../../engine/index.js';
import { scenarioText } from './api.js';
import './classroom.css';
import { statusText, type LinkStatus } from './socket.js';

export interface Shell {
  /** Replaces the page's content, keeping focus on the control of the same id when it is still there. */
  show(nodes: Array<HTMLElement | null>): void;
  /** The connection line, visible and announced. */
  status(s: LinkStatus, retryInMs: number | null): void;
  /** A refusal or problem in plain words, shown until the next one (null clears it) and said at once. */
  problem(text: string | null): void;
}

/** Builds the page frame: a header naming the class, the connection line, the problem line and the content. */
export function shell(title: string): Shell {
  document.body.classList.add('class-page');
  document.getElementById('stage')?.setAttribute('hidden', '');
  document.getElementById('boot-message')?.setAttribute('hidden', '');
  document.querySelector('.skip-link')?.setAttribute('href', '#class-main');
  const line = el('p', { class: 'link-status', id: 'link-status', role: 'status', 'aria-live': 'polite', text: 'Connecting…' });
  const problem = el('p', { class: 'problem', id: 'class-refused', role: 'alert', hidden: true });
  const main = el('div', { class: 'class-main', id: 'class-main', tabindex: -1 });
  const root = el(
    'div',
    { class: 'class-root', id: 'classroom' },
    el('header', { class: 'class-header' }, el('a', { href: '/', class: 'brand', text: 'Statecraft' }), el('span', { class: 'class-name', text: title }), line),
    problem,
    main,
  );
  document.getElementById('app')!.append(root);
  let last: LinkStatus | null = null;
  const put = (nodes: Array<HTMLElement | null>): void => {
    const focused = document.activeElement instanceof HTMLElement && main.contains(document.activeElement) ? document.activeElement.id : '';
    main.replaceChildren(...nodes.filter((n): n is HTMLElement => n !== null));
    const again = focused ? document.getElementById(focused) : null;
    // A control that went (Submit, once submitted) hands focus to what replaced it, not to the page's top.
    if (again) again.focus();
    else if (focused) (main.querySelector<HTMLElement>('[data-focus]') ?? main).focus();
  };
  const show = heldPress(main, put);
  return {
    show,
    status(s, retry) {
      line.textContent = statusText(s, retry);
      line.dataset.status = s;
      // The visible line updates with each retry; screen readers hear only a change of state.
      if (s !== last && (s === 'reconnecting' || (s === 'open' && last === 'reconnecting')))
        announce(s === 'open' ? 'Reconnected' : 'Connection lost: reconnecting…');
      last = s;
    },
    problem(text) {
      problem.hidden = text === null;
      problem.textContent = text ?? '';
      if (text) alertNow(text);
    },
  };
}

/** Longest a redraw waits for a press to end, so a key or button held down cannot freeze the screen. */
const HOLD_MAX_MS = 1500;

/**
 * Wraps a redraw so it never lands between the two halves of a press inside `area`: a Space or a pointer pressed on a
 * control that is then replaced would be released on its replacement, and the choice would silently not happen.
 */
function heldPress(area: HTMLElement, draw: (nodes: Array<HTMLElement | null>) => void): (nodes: Array<HTMLElement | null>) => void {
  let holding = false;
  /** The control a held Space went down on. */
  let pressed: HTMLElement | null = null;
  let pending: Array<HTMLElement | null> | null = null;
  let cap: number | null = null;
  const flush = (): void => {
    holding = false;
    if (cap !== null) window.clearTimeout(cap);
    cap = null;
    const nodes = pending;
    pending = null;
    if (nodes) draw(nodes);
  };
  const press = (e: Event): void => {
    if (!(e.target instanceof Node) || !area.contains(e.target)) return;
    holding = true;
    if (e.type === 'keydown' && e.target instanceof HTMLElement) pressed = e.target;
    cap ??= window.setTimeout(flush, HOLD_MAX_MS);
  };
  // The click or change a release makes is dispatched within the release's own task, so the redraw waits for the next.
  const release = (): void => {
    if (holding) window.setTimeout(flush, 0);
  };
  // A Space held past HOLD_MAX_MS while a redraw replaced its control is released on the replacement (the same id, which
  // took the focus), and the browser activates only the control the key went down on: the replacement is activated here.
  const releaseKey = (e: KeyboardEvent): void => {
    const was = pressed;
    pressed = null;
    const now = e.target;
    if (was && !was.isConnected && now instanceof HTMLElement && now !== was && was.id !== '' && now.id === was.id && area.contains(now)) now.click();
    release();
  };
  document.addEventListener('keydown', (e) => (e.key === ' ' ? press(e) : undefined), true);
  document.addEventListener('pointerdown', press, true);
  document.addEventListener('keyup', (e) => (e.key === ' ' ? releaseKey(e) : undefined), true);
  for (const t of ['pointerup', 'pointercancel'] as const) document.addEventListener(t, release, true);
  window.addEventListener('blur', release);
  return (nodes) => {
    if (holding) pending = nodes;
    else draw(nodes);
  };
}

/** The class's scenario, compiled in the browser for its labels and texts (the bundled copy when the server has none to give). */
export async function classScenario(code: string, id: string): Promise<Scenario> {
  // A server without the scenario route answers with the site's index page, which is not a scenario.
  let text = await scenarioText(code).then(
    (t) => (t.trimStart().startsWith('{') ? t : null),
    () => null,
  );
  if (text === null) text = (await loadCatalog()).find((e) => e.summary && (e.id === id || e.id === id.replace(/_/g, '-')))?.text ?? null;
  if (text === null) throw new Error(`the scenario "${id}" of this class could not be fetched`);
  const r = loadScenarioText(text, `${id}.json`);
  if (!r.ok) throw new Error(`the class's scenario does not load here: ${r.diagnostics[0]?.message ?? 'unknown problem'}`);
  return r.scenario;
}
