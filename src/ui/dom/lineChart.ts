// A small SVG line chart of one number over the turns, several lines overlaid: each line has its own dash pattern and
// a label at its end (colour is a second cue, never the only one), with a legend and a text summary for screen readers.
import { fmt } from '../theme.js';
import { el } from './el.js';

export interface ChartSeries {
  label: string;
  values: readonly number[];
}

export interface LineChartOptions {
  title: string;
  min: number;
  max: number;
  series: readonly ChartSeries[];
  id?: string;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Dash patterns in the order lines get them; solid first. */
export const DASHES = ['', '9 4', '2 3', '10 3 2 3', '5 5', '1 6', '14 3 3 3 3 3', '6 2'];
const COLOURS = ['#7fd1ff', '#ffb454', '#b8e986', '#f78fb3', '#d4b8ff', '#ffe066', '#9ee6d6', '#ff8f70'];
const W = 360;
const H = 170;
const PAD = { left: 34, right: 92, top: 10, bottom: 22 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The stroke of the k-th line: its dash pattern and colour. */
export function strokeOf(k: number): { dash: string; colour: string } {
  return { dash: DASHES[k % DASHES.length]!, colour: COLOURS[(k + Math.floor(k / DASHES.length)) % COLOURS.length]! };
}

function sample(k: number): SVGSVGElement {
  const s = svg('svg', { width: 36, height: 10, viewBox: '0 0 36 10', 'aria-hidden': 'true', class: 'chart-sample' });
  const { dash, colour } = strokeOf(k);
  s.append(svg('line', { x1: 1, y1: 5, x2: 35, y2: 5, stroke: colour, 'stroke-width': 2.5, ...(dash ? { 'stroke-dasharray': dash } : {}) }));
  return s;
}

/** Label positions at the lines' ends, pushed apart so no two overlap (at least `gap` apart, within the plot). */
function spread(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  const over = (order.at(-1)?.y ?? 0) - bottom;
  if (over > 0) for (const o of order) o.y = Math.max(top, o.y - over);
  const out: number[] = [];
  for (const o of order) out[o.i] = o.y;
  return out;
}

/** A <figure> with the chart, its legend and a summary; values are after each turn, index 0 the start. */
export function lineChart(o: LineChartOptions): HTMLElement {
  const turns = Math.max(1, ...o.series.map((s) => s.values.length - 1));
  const range = o.max - o.min || 1;
  const x = (t: number) => PAD.left + (t / turns) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (Math.min(o.max, Math.max(o.min, v)) - o.min) / range) * (H - PAD.top - PAD.bottom);
  const summary = `${o.title}, from the start to turn ${turns}: ${o.series.map((s) => `${s.label} ${s.values.map(fmt).join(', ')}`).join('; ')}.`;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary, class: 'line-chart' });
  chart.append(svg('rect', { x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom, class: 'chart-frame' }));
  for (const v of [o.min, (o.min + o.max) / 2, o.max]) {
    chart.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'chart-grid' }));
    chart.append(svg('text', { x: PAD.left - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-axis' }, fmt(v)));
  }
  chart.append(svg('text', { x: PAD.left, y: H - 6, class: 'chart-axis' }, 'start'));
  chart.append(svg('text', { x: W - PAD.right, y: H - 6, 'text-anchor': 'end', class: 'chart-axis' }, `turn ${turns}`));
  const ends = o.series.map((s) => y([...s.values].reverse().find((v) => Number.isFinite(v)) ?? o.min));
  const labelY = spread(ends, 12, PAD.top + 4, H - PAD.bottom);
  o.series.forEach((s, k) => {
    const { dash, colour } = strokeOf(k);
    const points = s.values.flatMap((v, t) => (Number.isFinite(v) ? [`${x(t).toFixed(1)},${y(v).toFixed(1)}`] : [])).join(' ');
    chart.append(
      svg('polyline', {
        points,
        fill: 'none',
        stroke: colour,
        'stroke-width': 2.5,
        'stroke-linejoin': 'round',
        ...(dash ? { 'stroke-dasharray': dash } : {}),
        'data-series': s.label,
      }),
    );
    const endX = x(s.values.length - 1);
    chart.append(
      svg('text', { x: endX + 6, y: labelY[k]! + 4, class: 'chart-label', fill: colour }, s.label.length > 14 ? `${s.label.slice(0, 13)}…` : s.label),
    );
  });
  const legend = el(
    'ul',
    { class: 'chart-legend', 'aria-hidden': 'true' },
    ...o.series.map((s, k) => el('li', {}, sample(k), ` ${s.label}: ${fmt(s.values.at(-1) ?? Number.NaN)}`)),
  );
  return el('figure', { class: 'chart', ...(o.id ? { id: o.id } : {}) }, el('figcaption', { text: o.title }), chart, legend);
}
