// The card detail panel: one card in full (title, description, cost, odds and each factor, what is missing, the preview).
import { costText, oddsFactorLines, previewFull, type CardSlot } from '../cardText.js';
import { fmt } from '../theme.js';
import { button, el } from './el.js';

export interface CardDetail {
  element: HTMLElement;
  /** Shows one card (its number on the board, whether it is the selected one), or hides the panel with null. */
  show: (slot: CardSlot | null, n: number, selected: boolean) => void;
}

/**
 * The panel, hidden until a card is shown; "Hide" puts it away until another card is hovered, focused or picked. It is
 * `width` wide, and `wide` when a card's text would not fit in `height` otherwise (it then covers more of the board).
 */
export function cardDetailPanel(onHide: () => void, size: { width: number; wide: number; height: number; most: number }): CardDetail {
  const body = el('div', { class: 'card-detail-body', id: 'card-detail-body' });
  const hide = button('Hide details', onHide, { id: 'card-detail-hide', class: 'card-detail-hide' });
  const element = el('section', { id: 'card-detail', class: 'card-detail reading', 'aria-label': 'Card details', tabindex: -1, hidden: true }, hide, body);
  const show = (slot: CardSlot | null, n: number, selected: boolean): void => {
    const a = slot?.view;
    element.hidden = !a;
    // Only the selected card's panel stays put; a passing one is gone when focus moves on, so its button is no tab stop.
    hide.tabIndex = selected ? 0 : -1;
    if (!slot || !a) return body.replaceChildren();
    element.dataset['card'] = slot.id;
    const status = selected ? '✓ Selected' : a.available ? 'Available' : '✗ Not available';
    const parts: HTMLElement[] = [
      el(
        'h3',
        { class: 'card-detail-title' },
        el('span', { text: `${n}. ${a.label}` }),
        el('span', { class: `card-detail-status${selected ? ' selected' : ''}`, text: status }),
      ),
      el('p', { class: 'card-detail-desc', text: a.description }),
      el('p', { class: 'card-detail-cost', text: costText(a) }),
    ];
    if (a.odds) {
      parts.push(el('p', { class: 'card-detail-odds' }, el('strong', { text: `Odds ${fmt(a.odds.total)}%` }), ` (base ${fmt(a.odds.base)})`));
      const factors = oddsFactorLines(a.odds);
      if (factors.length) parts.push(el('ul', { class: 'card-detail-factors' }, ...factors.map((f) => el('li', { text: f }))));
    } else parts.push(el('p', { class: 'card-detail-odds', text: 'Certain outcome: nothing is rolled.' }));
    if (!a.available) parts.push(el('p', { class: 'card-detail-missing', text: `Missing: ${a.missing.join('; ')}` }));
    parts.push(
      el('h4', { text: 'What it will do' }),
      el('ul', { class: 'card-detail-preview' }, ...previewFull(slot.preview).map((l) => el('li', { text: l }))),
    );
    body.replaceChildren(...parts);
    // As tall as its text, so it seldom scrolls: wider first, then down over the cards, at most `size.most` high.
    element.style.height = 'auto';
    element.style.maxHeight = `${size.most}px`;
    element.style.width = `${size.width}px`;
    if (element.offsetHeight > size.height) element.style.width = `${size.wide}px`;
  };
  return { element, show };
}
