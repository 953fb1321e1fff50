// Where each part of the main screen goes, for landscape boards and for phones in portrait.
import type { Rect } from './dom/twins.js';

export type MainTab = 'actions' | 'indicators' | 'news';

/** The header's buttons: on a phone a row of their own under the role and turn, each wide enough for its word. */
export interface HeaderButtons {
  briefing: Rect;
  keys: Rect;
  menu: Rect;
  textRight: number;
}

export interface MainLayout {
  top: number;
  header: HeaderButtons;
  map: Rect;
  dashboard: Rect | null;
  cards: Rect | null;
  news: Rect | null;
  tabs: Rect | null;
  bar: Rect;
  columns: number;
}

/** pure; where the header's buttons go on a W-wide board whose header is `top` high. */
function headerButtons(W: number, top: number, portrait: boolean): HeaderButtons {
  if (!portrait) {
    const w = 104;
    const at = (i: number) => ({ x: W - 10 - w - i * (w + 8), y: 8, w, h: top - 16 });
    return { menu: at(0), keys: at(1), briefing: at(2), textRight: W - 10 - 3 * (w + 8) - 12 };
  }
  const gap = 8;
  const w = (W - 16 - gap * 2) / 3;
  const at = (i: number) => ({ x: 8 + i * (w + gap), y: 52, w, h: 40 });
  return { briefing: at(0), keys: at(1), menu: at(2), textRight: W - 12 };
}

/** pure; the rectangles of the main screen for a W x H board (in portrait, one tab's panel shows below the map). */
export function mainLayout(W: number, H: number, tab: MainTab): MainLayout {
  if (W >= H) {
    const top = 56;
    const pad = 12;
    const mapW = Math.round(W * 0.5);
    const midY = Math.round(H * 0.5);
    const bar = { x: pad, y: H - 62, w: W - pad * 2, h: 52 };
    const cardsW = Math.round(W * 0.65);
    return {
      top,
      header: headerButtons(W, top, false),
      map: { x: pad, y: top + 8, w: mapW, h: midY - top - 8 },
      dashboard: { x: pad * 2 + mapW, y: top + 8, w: W - mapW - pad * 3, h: midY - top - 8 },
      cards: { x: pad, y: midY + 10, w: cardsW, h: bar.y - midY - 20 },
      news: { x: pad * 2 + cardsW, y: midY + 10, w: W - cardsW - pad * 3, h: bar.y - midY - 20 },
      tabs: null,
      bar,
      columns: 4,
    };
  }
  const top = 100;
  const pad = 8;
  const map = { x: pad, y: top + 6, w: W - pad * 2, h: Math.round(Math.min(300, H * 0.3)) };
  const tabs = { x: pad, y: map.y + map.h + 8, w: W - pad * 2, h: 40 };
  const bar = { x: pad, y: H - 60, w: W - pad * 2, h: 52 };
  const panel = { x: pad, y: tabs.y + tabs.h + 8, w: W - pad * 2, h: bar.y - tabs.y - tabs.h - 16 };
  return {
    top,
    map,
    tabs,
    bar,
    columns: 1,
    header: headerButtons(W, top, true),
    dashboard: tab === 'indicators' ? panel : null,
    cards: tab === 'actions' ? panel : null,
    news: tab === 'news' ? panel : null,
  };
}
