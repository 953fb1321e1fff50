// Printable handouts in the page: handoutsOf's HTML parsed into a print-only container (the page's CSP allows no
// inline style, so the print styles live in instructor.css), which @media print shows alone, one handout per page.
import { handoutsOf, type Handout } from '../../analysis/handouts.js';
import type { Scenario } from '../../engine/index.js';
import { el } from './el.js';

/** One handout's body as an <article>, without its navigation links or notes meant for the screen only. */
export function handoutArticle(h: Handout): HTMLElement {
  // Only the body is parsed: the page's own <style> would be refused by this page's CSP (and reported as a violation).
  const body = h.html.slice(Math.max(0, h.html.indexOf('<body')));
  const doc = new DOMParser().parseFromString(body, 'text/html');
  for (const n of doc.body.querySelectorAll('nav, .noprint, script, style, link')) n.remove();
  const article = el('article', { class: 'handout chosen', 'data-file': h.file, 'aria-label': h.title });
  article.append(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  return article;
}

/** The handouts a scenario prints: the class sheet, one card per role, what is invented, the instructor's page (no index). */
export function printableHandouts(sc: Scenario): Handout[] {
  return handoutsOf(sc).filter((h) => h.file !== 'index.html');
}

let root: HTMLElement | null = null;

/** Puts the scenario's handouts in the print container (replacing any before); the browser's Print then prints them. */
export function stageHandouts(sc: Scenario): HTMLElement {
  root?.remove();
  root = el('div', { id: 'print-root', class: 'print-root' }, ...printableHandouts(sc).map(handoutArticle));
  document.body.append(root);
  document.body.classList.add('printing-handouts');
  return root;
}

/** Takes the handouts out of the page: Print prints the page again. */
export function unstageHandouts(): void {
  root?.remove();
  root = null;
  document.body.classList.remove('printing-handouts');
}

/** Opens the browser's Print for one handout (by file name) or, with null, all of them. */
export function printHandouts(file: string | null): void {
  if (!root) return;
  for (const a of root.querySelectorAll<HTMLElement>('.handout')) a.classList.toggle('chosen', file === null || a.dataset.file === file);
  const staged = root;
  window.addEventListener(
    'afterprint',
    () => {
      for (const a of staged.querySelectorAll('.handout')) a.classList.add('chosen');
    },
    { once: true },
  );
  window.print();
}
