// The current seat's action cards: cost, stated odds with their factors, and what is still missing.
import type { ActionView, OddsView } from '../../engine/index.js';
import { app } from '../app.js';
import type { Rect } from '../dom/twins.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLOR, CSS, fmt, fmtDelta } from '../theme.js';

export interface CardsOptions { rect: Rect; selected: string | null; page: number; onPick: (a: ActionView, n: number) => void; onPage: (p: number) => void; columns: number }

/** "Odds 55%: base 40; +20 Harbor backs the talks; −15 high tension (not in force)". */
export function oddsText(o: OddsView, withInactive = true): string {
  const parts = [`base ${fmt(o.base)}`];
  for (const f of o.factors) if (f.applies || withInactive) parts.push(`${fmtDelta(f.add)} ${f.label}${f.applies ? '' : ' (not in force)'}`);
  return `Odds ${fmt(o.total)}%: ${parts.join('; ')}`;
}

export function costText(a: ActionView): string {
  return a.cost.length ? `Cost: ${a.cost.map((c) => `${fmt(c.amount)} ${c.name}`).join(', ')}` : 'No cost';
}

/** Everything a card says, as one sentence list for its twin's description. */
export function cardDescription(a: ActionView): string {
  const parts = [a.description, costText(a) + '.'];
  if (a.odds) parts.push(oddsText(a.odds) + '.');
  else parts.push('Certain outcome.');
  if (!a.available) parts.push(`Not available. Still missing: ${a.missing.join('; ')}.`);
  return parts.join(' ');
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

/** Draws one page of cards; returns how many actions that page shows. */
export function drawActionCards(scene: BaseScene, actions: ActionView[], o: CardsOptions): { perPage: number; pages: number } {
  const r = o.rect;
  const cols = Math.max(1, o.columns);
  const maxRows = Math.max(1, Math.floor(r.h / (scene.portrait ? 96 : 104)));
  const rows = Math.min(maxRows, Math.max(1, Math.ceil(actions.length / cols)));
  const perPage = Math.min(9, cols * rows);
  const pages = Math.max(1, Math.ceil(actions.length / perPage));
  const page = Math.min(o.page, pages - 1);
  const footer = pages > 1 ? 40 : 0;
  const gap = 10;
  const cw = (r.w - gap * (cols - 1)) / cols;
  const ch = (r.h - footer - gap * (rows - 1)) / rows;
  const roomy = ch >= 170;
  actions.slice(page * perPage, page * perPage + perPage).forEach((a, k) => {
    const n = k + 1;
    const cr = { x: r.x + (k % cols) * (cw + gap), y: r.y + Math.floor(k / cols) * (ch + gap), w: cw, h: ch };
    const chosen = a.id === o.selected;
    scene.panel(cr, a.available ? COLOR.card : COLOR.cardOff, chosen ? COLOR.accent : COLOR.panelEdge, 10);
    if (!a.available) hatch(scene, { x: cr.x + 2, y: cr.y + 2, w: cr.w - 4, h: cr.h - 4 });
    if (chosen) {
      const g = scene.add.graphics();
      g.lineStyle(3, COLOR.accent, 1);
      g.strokeRoundedRect(cr.x + 1, cr.y + 1, cr.w - 2, cr.h - 2, 10);
    }
    const badge = scene.add.graphics();
    badge.fillStyle(a.available ? COLOR.accent : COLOR.panelEdge, 1);
    badge.fillCircle(cr.x + 18, cr.y + 18, 11);
    scene.txt(cr.x + 18, cr.y + 8, String(n), { size: 14, weight: 600, align: 'center', color: a.available ? CSS.dark : CSS.muted });
    const status = chosen ? 'Selected' : a.available ? '' : 'Not available';
    if (status) scene.txt(cr.x + cr.w - 10, cr.y + 8, status, { size: 12, weight: 600, color: chosen ? CSS.accent : CSS.muted, align: 'right' });
    const textW = cr.w - 20;
    const title = scene.txt(cr.x + 36, cr.y + 8 + (status ? 14 : 0), a.label, { size: 15, weight: 600, wrap: cr.w - 46, maxLines: 2, lineSpacing: 0, color: a.available ? CSS.text : CSS.muted });
    let y = title.y + title.height + 4;
    const lines: Array<[string, string]> = [[costText(a), CSS.text]];
    if (a.odds) lines.push([roomy ? oddsText(a.odds) : `Odds ${fmt(a.odds.total)}%`, CSS.accent]);
    if (!a.available) lines.push([`Missing: ${a.missing.join('; ')}`, CSS.bad]);
    const infoHeight = lines.length * 17 + (roomy ? 17 : 0) + (a.available ? 0 : 17);
    const descLines = Math.min(3, Math.floor((cr.y + cr.h - 8 - y - infoHeight) / 17));
    if (descLines >= 1) {
      const d = scene.txt(cr.x + 10, y, a.description, { size: 13, color: CSS.muted, wrap: textW, maxLines: descLines, lineSpacing: 1 });
      y += d.height + 5;
    }
    for (const [t, colour] of lines) {
      if (y > cr.y + cr.h - 18) break;
      const maxLines = Math.max(1, Math.floor((cr.y + cr.h - 6 - y) / 17));
      const line = scene.txt(cr.x + 10, y, t, { size: 12.5, color: colour, wrap: textW, maxLines: Math.min(3, maxLines), lineSpacing: 0 });
      y += line.height + 3;
    }
    app().twins.button({
      id: `action-${a.id}`, label: `${n}. ${a.label}${chosen ? ' (selected)' : ''}${a.available ? '' : ' (not available)'}`, description: cardDescription(a),
      rect: cr, pressed: chosen, unavailable: !a.available, keyHint: String(n), onActivate: () => o.onPick(a, n),
    });
  });
  if (pages > 1) {
    const by = r.y + r.h - 32;
    scene.txt(r.x, by + 7, `Actions page ${page + 1} of ${pages}`, { size: 13, color: CSS.muted });
    scene.button({ id: 'actions-more', label: page + 1 < pages ? 'More actions' : 'First actions', rect: { x: r.x + r.w - 160, y: by, w: 160, h: 32 }, size: 14, onActivate: () => o.onPage((page + 1) % pages) });
  }
  return { perPage, pages };
}
