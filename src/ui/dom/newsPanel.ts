// The news feed as readable, scrollable DOM text laid over its canvas frame.
import type { NewsItem } from '../news.js';
import { el } from './el.js';

/** The news list grouped under turn headings, one heading per turn, turns in the order they first appear in `items`. */
export function newsPanel(items: NewsItem[], turnLabel: (t: number) => string): HTMLElement {
  const box = el('div', { class: 'reading news', id: 'news', tabindex: 0, role: 'region', 'aria-label': 'News: what happened' });
  if (items.length === 0) box.append(el('p', { class: 'source', text: 'Nothing has happened yet.' }));
  const byTurn = new Map<number, NewsItem[]>();
  for (const n of items) byTurn.set(n.turn, [...(byTurn.get(n.turn) ?? []), n]);
  for (const [turn, news] of byTurn) {
    box.append(el('h3', { text: turnLabel(turn) }));
    for (const n of news) box.append(el('p', {}, el('strong', { text: n.title }), n.text ? ` ${n.text}` : ''));
  }
  return box;
}
