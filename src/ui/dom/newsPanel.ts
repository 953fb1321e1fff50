// The news feed as readable, scrollable DOM text laid over its canvas frame.
import type { NewsItem } from '../news.js';
import { el } from './el.js';

/** The news list, most recent first, grouped under turn headings. */
export function newsPanel(items: NewsItem[], turnLabel: (t: number) => string): HTMLElement {
  const box = el('div', { class: 'reading news', id: 'news', tabindex: 0, role: 'region', 'aria-label': 'News: what happened' });
  if (items.length === 0) box.append(el('p', { class: 'source', text: 'Nothing has happened yet.' }));
  let turn = -1;
  for (const n of items) {
    if (n.turn !== turn) {
      turn = n.turn;
      box.append(el('h3', { text: turnLabel(turn) }));
    }
    box.append(el('p', {}, el('strong', { text: n.title }), n.text ? ` ${n.text}` : ''));
  }
  return box;
}
