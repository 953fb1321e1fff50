// The title screen in plain DOM, shown as soon as the scenario list is known and before Phaser has loaded: the same
// layout and controls (the same twins at the same places) as the Phaser title, which replaces it once it is ready.
import { app } from './app.js';
import { bridge } from './bridge.js';
import { catalogNow, loadCatalog } from './catalog.js';
import { el } from './dom/el.js';
import type { Rect } from './dom/twins.js';
import { currentFrame } from './layout.js';
import type { ButtonOptions, Painter, TextOptions } from './painter.js';
import { COLOR, CSS, cssColour } from './theme.js';
import { TitleView } from './titleView.js';

function place(node: HTMLElement, x: number, y: number, w?: number, h?: number): HTMLElement {
  node.style.left = `${x}px`;
  node.style.top = `${y}px`;
  if (w !== undefined) node.style.width = `${w}px`;
  if (h !== undefined) node.style.height = `${h}px`;
  return node;
}

/** Draws with absolutely placed, decorative DOM nodes in the twin layer (the twins themselves stay the real controls). */
class DomPainter implements Painter {
  constructor(
    readonly W: number,
    readonly H: number,
    private readonly redraw: () => void,
  ) {}

  get portrait(): boolean {
    return this.W < this.H;
  }

  private add(node: HTMLElement): HTMLElement {
    node.setAttribute('aria-hidden', 'true');
    app().twins.root.append(node);
    return node;
  }

  txt(x: number, y: number, text: string, o: TextOptions = {}): HTMLElement {
    const d = el('div', { class: 'early-text' });
    d.textContent = text;
    const s = d.style;
    s.fontSize = `${o.size ?? 16}px`;
    s.fontWeight = String(o.weight ?? 400);
    s.color = o.color ?? CSS.text;
    s.textAlign = o.align ?? 'left';
    if (o.wrap) {
      s.width = `${o.wrap}px`;
      s.whiteSpace = 'normal';
    }
    if (o.maxLines) s.setProperty('-webkit-line-clamp', String(o.maxLines));
    if (o.align === 'center') s.transform = 'translateX(-50%)';
    if (o.align === 'right') s.transform = 'translateX(-100%)';
    return this.add(place(d, x, y));
  }

  lineCount(text: string, o: TextOptions): number {
    const d = this.txt(0, 0, text, { ...o, maxLines: undefined });
    const n = Math.max(1, Math.round(d.offsetHeight / ((o.size ?? 16) * 1.3)));
    d.remove();
    return n;
  }

  panel(r: Rect, fill: number = COLOR.panel, edge: number = COLOR.panelEdge, radius = 10): HTMLElement {
    const d = el('div', { class: 'early-box' });
    d.style.background = cssColour(fill);
    d.style.border = `1.5px solid ${cssColour(edge)}`;
    d.style.borderRadius = `${radius}px`;
    return this.add(place(d, r.x, r.y, r.w, r.h));
  }

  button(o: ButtonOptions): HTMLButtonElement {
    const r = o.rect;
    const box = this.panel(r, o.primary ? COLOR.accent : 0x1f3346, o.primary ? COLOR.accent : COLOR.panelEdge, 8);
    box.style.borderWidth = '2px';
    const size = o.size ?? (this.portrait ? 16 : 17);
    this.txt(r.x + r.w / 2, r.y + (r.h - size * 1.3) / 2, o.text ?? o.label, { size, weight: 600, align: 'center', color: o.primary ? CSS.dark : CSS.text });
    return app().twins.button(o);
  }

  header(title: string, subtitle?: string): number {
    const h = this.portrait ? 64 : 72;
    const bar = this.panel({ x: 0, y: 0, w: this.W, h }, COLOR.panel, COLOR.panel, 0);
    bar.style.borderBottom = `3px solid ${cssColour(COLOR.accent)}`;
    const x = this.portrait ? 14 : 24;
    app().twins.heading(1, title, 'heading-screen');
    this.txt(x, this.portrait ? 8 : 10, title, { size: this.portrait ? 20 : 26, weight: 600, maxLines: 1, wrap: this.W - x * 2 });
    if (subtitle) this.txt(x, this.portrait ? 36 : 44, subtitle, { size: this.portrait ? 13 : 15, color: CSS.muted, maxLines: 1, wrap: this.W - x * 2 });
    return h;
  }

  keys(fn: (key: string) => boolean): void {
    app().onKey = fn;
  }

  rebuild(): void {
    this.redraw();
  }
}

let stop: (() => void) | null = null;
let ended = false;

function bootMessage(visible: boolean): void {
  const msg = document.getElementById('boot-message');
  if (visible) msg?.removeAttribute('hidden');
  else msg?.setAttribute('hidden', '');
}

/** Lays the twin layer over where the canvas will be (Phaser's FIT, centred). */
function fitLayer(): void {
  const f = currentFrame();
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const s = Math.min(vw / f.width, vh / f.height);
  app().twins.fit((vw - f.width * s) / 2, (vh - f.height * s) / 2, f.width * s, f.height * s, s);
}

/** Shows the DOM title while the title is the screen and Phaser is not up yet; follows the bridge until ended. */
export async function showEarlyTitle(): Promise<void> {
  if (bridge.phase.name !== 'title') return;
  const catalog = catalogNow() ?? (await loadCatalog());
  if (stop || ended || bridge.phase.name !== 'title') return;
  const f = currentFrame();
  const draw = () => {
    const twins = app().twins;
    const focused = document.activeElement;
    const focusedId = focused && twins.root.contains(focused) ? focused.id : '';
    twins.clear();
    app().onKey = null;
    if (bridge.phase.name !== 'title') {
      bootMessage(true);
      return;
    }
    bootMessage(false);
    fitLayer();
    new TitleView(painter, catalog).build();
    const again = focusedId ? document.getElementById(focusedId) : null;
    if (again) again.focus();
    else if (!document.activeElement || document.activeElement === document.body) twins.root.querySelector<HTMLElement>('button')?.focus();
  };
  const painter = new DomPainter(f.width, f.height, draw);
  const off = bridge.onChange(draw);
  stop = () => off();
  draw();
}

/** The game takes over: the DOM title stops following the bridge; returns the id of the control that had focus. */
export function endEarlyTitle(): string | null {
  ended = true;
  if (!stop) return null;
  app().handover = true;
  stop();
  stop = null;
  const focused = document.activeElement;
  return focused && app().twins.root.contains(focused) && focused.id ? focused.id : null;
}
