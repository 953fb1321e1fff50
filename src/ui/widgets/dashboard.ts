// The indicator dashboard as the seat sees it: value (or estimate with its range), band, trend and sparkline; each row opens "Why?".
import type { Reading, Scenario, SeatView } from '../../engine/index.js';
import { app } from '../app.js';
import type { Rect } from '../dom/twins.js';
import { rangeText, readingShort, readingWords } from '../readings.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLOR, CSS, fmt, fmtDelta } from '../theme.js';
import { drawSparkline } from './sparkline.js';

export interface DashboardOptions {
  rect: Rect;
  page: number;
  view: SeatView;
  /** Indicator indices in the order shown (the role's own first); every indicator once. */
  order: readonly number[];
  bandOf: (i: number, v: number) => string | null;
  onWhy: (i: number) => void;
  onPage: (p: number) => void;
}

/** The trend of an indicator as an arrow, a signed change and whether it is good news. */
export function trendOf(change: number, higherIs: string | undefined): { arrow: string; text: string; colour: string; words: string } {
  if (Math.abs(change) < 0.05) return { arrow: '▶', text: '0', colour: CSS.muted, words: 'unchanged' };
  const up = change > 0;
  const good = higherIs === 'better' ? up : higherIs === 'worse' ? !up : null;
  return {
    arrow: up ? '▲' : '▼',
    text: fmtDelta(change),
    colour: good === null ? CSS.muted : good ? CSS.good : CSS.bad,
    words: `${up ? 'up' : 'down'} ${fmt(Math.abs(change))}${good === null ? '' : good ? ', an improvement' : ', a worsening'}`,
  };
}

/** Draws the dashboard from the seat's view (never the state's own numbers); returns the number of pages. */
export function drawDashboard(scene: BaseScene, sc: Scenario, o: DashboardOptions): number {
  const r = o.rect;
  const narrow = r.w < 460;
  scene.panel(r, COLOR.panel);
  scene.txt(r.x + 12, r.y + 8, 'Indicators', { size: 16, weight: 600, color: CSS.accent });
  scene.txt(r.x + r.w - 12, r.y + 10, 'select one to see why it moved', { size: 12, color: CSS.muted, align: 'right' });
  const rowH = narrow ? 40 : 34;
  const top = r.y + 34;
  const room = r.h - 34 - 8;
  const count = o.order.length;
  const perPage = count * rowH <= room ? Math.max(1, count) : Math.max(1, Math.floor((room - 40) / rowH));
  const pages = Math.max(1, Math.ceil(count / perPage));
  const page = Math.min(o.page, pages - 1);
  const g = scene.add.graphics();
  const sparkW = narrow ? 64 : 104;
  o.order.slice(page * perPage, page * perPage + perPage).forEach((i, k) => {
    const ind = sc.def.indicators[i]!;
    const y = top + k * rowH;
    const reading: Reading = o.view.indicators[i] ?? { exact: true, value: 0 };
    const value = reading.value;
    const readings = o.view.history.map((h) => h.indicators[i] ?? reading);
    const series = readings.map((r) => r.value);
    const prev = series.length >= 2 ? series[series.length - 2]! : value;
    const band = o.bandOf(i, value);
    const trend = trendOf(value - prev, ind.higherIs);
    const est = reading.exact ? null : reading;
    if (k % 2 === 0) {
      g.fillStyle(0x182838, 1);
      g.fillRect(r.x + 4, y, r.w - 8, rowH);
    }
    if (narrow) {
      const valueX = r.x + r.w - 18 - sparkW;
      scene.txt(r.x + 12, y + 3, ind.name, { size: 13, maxLines: 1, wrap: valueX - r.x - 60 });
      const b = scene.txt(r.x + 12, y + 21, band ?? '', { size: 11.5, color: CSS.muted, maxLines: 1, wrap: valueX - r.x - (est ? 170 : 110) });
      scene.txt(r.x + 12 + (band ? b.width + 10 : 0), y + 21, `${trend.arrow} ${trend.text}`, { size: 11.5, weight: 600, color: trend.colour });
      if (est) {
        scene.txt(valueX, y + 2, readingShort(reading), { size: 16, weight: 600, align: 'right' });
        scene.txt(valueX, y + 22, `est. ${rangeText(est)}`, { size: 11, color: CSS.accent, align: 'right' });
      } else scene.txt(valueX, y + 9, fmt(value), { size: 17, weight: 600, align: 'right' });
    } else {
      const nameW = r.w - 16 - sparkW - 250;
      scene.txt(r.x + 12, y + 7, ind.name, { size: 14, maxLines: 1, wrap: nameW });
      const vx = r.x + 12 + nameW + 52;
      scene.txt(vx, y + 6, readingShort(reading), { size: 17, weight: 600, align: 'right' });
      if (est) {
        if (band) scene.txt(vx + 10, y + 2, band, { size: 11.5, color: CSS.text, maxLines: 1, wrap: 110 });
        scene.txt(vx + 10, band ? y + 17 : y + 9, `estimate ${rangeText(est)}`, { size: 12, color: CSS.accent, maxLines: 1, wrap: 110 });
      } else if (band) scene.txt(vx + 10, y + 9, band, { size: 12, color: CSS.text, maxLines: 1, wrap: 110 });
      scene.txt(r.x + r.w - 12 - sparkW - 62, y + 8, `${trend.arrow} ${trend.text}`, { size: 13, weight: 600, color: trend.colour });
    }
    const spark = est ? { low: readings.map((x) => (x.exact ? x.value : x.low)), high: readings.map((x) => (x.exact ? x.value : x.high)) } : undefined;
    drawSparkline(g, { x: r.x + r.w - 10 - sparkW, y: y + 5, w: sparkW, h: rowH - 10 }, series, ind.min, ind.max, COLOR.accent, spark);
    const owner = ind.actor ? ` (${sc.def.actors.find((a) => a.id === ind.actor)?.name ?? ind.actor})` : '';
    const seen = est
      ? ` You see only an estimate of this number: each turn's reading is within ${fmt(est.error)} of the truth.${ind.estimate?.note ? ` ${ind.estimate.note}` : ''}`
      : '';
    app().twins.button({
      id: `indicator-${ind.id}`,
      label: `${ind.name}${owner}: ${readingWords(reading)}${band ? `, ${band}` : ''}`,
      description: `${est ? `The estimate is ${trend.words}` : trend.words} since last turn. Range ${fmt(ind.min)} to ${fmt(ind.max)}${ind.higherIs && ind.higherIs !== 'neutral' ? `; higher is ${ind.higherIs}` : ''}.${seen} Activate to see why.`,
      rect: { x: r.x + 4, y, w: r.w - 8, h: rowH },
      onActivate: () => o.onWhy(i),
    });
  });
  if (pages > 1) {
    const by = r.y + r.h - 40;
    scene.txt(r.x + 12, by + 9, `Page ${page + 1} of ${pages}`, { size: 13, color: CSS.muted });
    scene.button({
      id: 'indicators-more',
      label: page + 1 < pages ? 'More indicators' : 'First indicators',
      rect: { x: r.x + r.w - 170, y: by, w: 160, h: 32 },
      size: 14,
      onActivate: () => o.onPage((page + 1) % pages),
    });
  }
  return pages;
}
