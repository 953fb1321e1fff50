// The current seat's action cards, one slot per action (keyed by id, so numbers never shift): title, preview, cost, odds.
import { app } from '../app.js';
import { cardDescription, costText, previewShort, type CardSlot } from '../cardText.js';
import type { Rect } from '../dom/twins.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLOR, CSS, fmt } from '../theme.js';

export interface CardsOptions {
  rect: Rect;
  selected: string | null;
  page: number;
  columns: number;
  onPick: (slot: CardSlot, n: number) => void;
  onPage: (p: number) => void;
  /** A card is hovered or focused (its number on the board), or none is any more (null). */
  onInspect: (slot: CardSlot | null, n: number) => void;
}

function hatch(scene: BaseScene, r: Rect): void {
  const g = scene.add.graphics();
  g.lineStyle(1, 0x24364a, 1);
  for (let d = -r.h; d < r.w; d += 12) {
    const x0 = r.x + Math.max(0, d);
    const y0 = r.y + Math.max(0, -d);
    const len = Math.min(r.w - Math.max(0, d), r.h - Math.max(0, -d));
    g.lineBetween(x0, y0 + len, x0 + len, y0);
  }
}

/** pure; how many cards a page of the board holds for `count` slots in `cols` columns and `h` pixels. */
export function cardsPerPage(count: number, cols: number, h: number, portrait: boolean): number {
  const maxRows = Math.max(1, Math.floor(h / (portrait ? 96 : 104)));
  const rows = Math.min(maxRows, Math.max(1, Math.ceil(count / Math.max(1, cols))));
  return Math.min(9, Math.max(1, cols) * rows);
}

/** Draws one card: the selected one filled and marked "✓ Selected" (focus is the DOM twin's outline, a different mark). */
function drawCard(scene: BaseScene, slot: CardSlot, n: number, cr: Rect, chosen: boolean, roomy: boolean): void {
  const a = slot.view;
  const on = !!a?.available;
  scene.panel(cr, chosen ? COLOR.cardSelected : on ? COLOR.card : COLOR.cardOff, chosen ? COLOR.accent : COLOR.panelEdge, 10);
  if (!on) hatch(scene, { x: cr.x + 2, y: cr.y + 2, w: cr.w - 4, h: cr.h - 4 });
  const badge = scene.add.graphics();
  badge.fillStyle(on ? COLOR.accent : COLOR.panelEdge, 1);
  badge.fillCircle(cr.x + 18, cr.y + 18, 11);
  scene.txt(cr.x + 18, cr.y + 8, String(n), { size: 14, weight: 600, align: 'center', color: on ? CSS.dark : CSS.muted });
  const status = chosen ? '✓ Selected' : on ? '' : a ? 'Not available' : 'Not open now';
  if (chosen) {
    const g = scene.add.graphics();
    g.fillStyle(COLOR.accent, 1);
    g.fillRoundedRect(cr.x + cr.w - 92, cr.y + 5, 86, 20, 6);
  }
  if (status)
    scene.txt(cr.x + cr.w - (chosen ? 49 : 10), cr.y + 8, status, {
      size: 12,
      weight: 600,
      color: chosen ? CSS.dark : CSS.muted,
      align: chosen ? 'center' : 'right',
    });
  if (!a) return;
  const textW = cr.w - 20;
  const title = scene.txt(cr.x + 36, cr.y + 8 + (status ? 16 : 0), a.label, {
    size: 15,
    weight: 600,
    wrap: cr.w - 46,
    maxLines: 2,
    lineSpacing: 0,
    color: on ? CSS.text : CSS.muted,
  });
  let y = title.y + title.height + 4;
  const lines: Array<[string, string]> = [];
  if (!a.available) lines.push([`Missing: ${a.missing.join('; ')}`, CSS.bad]);
  lines.push([previewShort(slot.preview), on ? CSS.good : CSS.muted]);
  lines.push([`${costText(a)}${a.odds ? ` · odds ${fmt(a.odds.total)}%` : ''}`, on ? CSS.accent : CSS.muted]);
  if (roomy) lines.push([a.description, CSS.muted]);
  for (const [t, colour] of lines) {
    if (y > cr.y + cr.h - 18) break;
    const maxLines = Math.max(1, Math.floor((cr.y + cr.h - 6 - y) / 16));
    const line = scene.txt(cr.x + 10, y, t, { size: 12.5, color: colour, wrap: textW, maxLines: Math.min(2, maxLines), lineSpacing: 0 });
    y += line.height + 3;
  }
}

/** Draws one page of cards; returns how many slots a page shows. Hover or focus on a card reports it for the detail panel. */
export function drawActionCards(scene: BaseScene, slots: CardSlot[], o: CardsOptions): { perPage: number; pages: number } {
  const r = o.rect;
  const cols = Math.max(1, o.columns);
  const perPage = cardsPerPage(slots.length, cols, r.h, scene.portrait);
  const rows = Math.ceil(perPage / cols);
  const pages = Math.max(1, Math.ceil(slots.length / perPage));
  const page = Math.min(o.page, pages - 1);
  const footer = pages > 1 ? 40 : 0;
  const gap = 10;
  const cw = (r.w - gap * (cols - 1)) / cols;
  const ch = (r.h - footer - gap * (rows - 1)) / rows;
  slots.slice(page * perPage, page * perPage + perPage).forEach((slot, k) => {
    const n = k + 1;
    const a = slot.view;
    const cr = { x: r.x + (k % cols) * (cw + gap), y: r.y + Math.floor(k / cols) * (ch + gap), w: cw, h: ch };
    const chosen = slot.id === o.selected;
    drawCard(scene, slot, n, cr, chosen, ch >= 170);
    const b = app().twins.button({
      id: `action-${slot.id}`,
      className: 'card',
      label: `${n}. ${a ? a.label : 'Not open now'}${chosen ? ' (selected)' : ''}${a?.available ? '' : ' (not available)'}`,
      description: a ? cardDescription(a, slot.preview) : 'An action that is not open at this point of the game.',
      rect: cr,
      pressed: chosen,
      unavailable: !a?.available,
      keyHint: String(n),
      onActivate: () => o.onPick(slot, n),
    });
    b.dataset['slot'] = String(page * perPage + k);
    const inspect = (): void => o.onInspect(slot, n);
    const leave = (): void => o.onInspect(null, n);
    b.addEventListener('mouseenter', inspect);
    b.addEventListener('focus', inspect);
    b.addEventListener('mouseleave', leave);
    b.addEventListener('blur', leave);
  });
  if (pages > 1) {
    const by = r.y + r.h - 32;
    scene.txt(r.x, by + 7, `Actions page ${page + 1} of ${pages}`, { size: 13, color: CSS.muted });
    scene.button({
      id: 'actions-more',
      label: page + 1 < pages ? 'More actions' : 'First actions',
      rect: { x: r.x + r.w - 160, y: by, w: 160, h: 32 },
      size: 14,
      onActivate: () => o.onPage((page + 1) % pages),
    });
  }
  return { perPage, pages };
}
