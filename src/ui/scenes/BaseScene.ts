// What every screen shares: logical size, text and panel helpers, canvas buttons with DOM twins, the digit keys.
import { Scene, type GameObjects } from 'phaser';
import { app } from '../app.js';
import { closeAllDialogs } from '../dom/dialog.js';
import { currentZoom } from '../layout.js';
import { requestFrames } from '../renderLoop.js';
import type { Rect } from '../dom/twins.js';
import type { ButtonOptions, Painter, TextOptions } from '../painter.js';
import { COLOR, CSS, FONT } from '../theme.js';

export type { ButtonOptions, TextOptions } from '../painter.js';

export abstract class BaseScene extends Scene implements Painter {
  /** Bumped by every (re)build and by shutdown: deferred parts of an older build are dropped. */
  private generation = 0;
  /** True while a screen is first built (parts may wait for later tasks); a rebuild in place draws everything at once. */
  private deferring = false;

  get W(): number {
    return Math.round(this.scale.width / currentZoom());
  }
  get H(): number {
    return Math.round(this.scale.height / currentZoom());
  }
  get portrait(): boolean {
    return this.W < this.H;
  }

  create(): void {
    this.generation += 1;
    this.events.once('shutdown', () => {
      this.generation += 1;
    });
    if (app().handover) app().handover = false;
    else closeAllDialogs();
    app().twins.clear();
    app().onKey = null;
    this.cameras.main.setBackgroundColor(COLOR.bg).setOrigin(0, 0).setZoom(currentZoom());
    this.deferring = true;
    try {
      this.build();
    } finally {
      this.deferring = false;
    }
    this.settleFocus();
    requestFrames();
    app().onScreen?.();
  }

  /** The control that gets focus when a screen opens and nothing else has it. */
  protected initialFocus(): string | null {
    return null;
  }

  private settleFocus(): void {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const id = this.initialFocus();
    const target = id ? document.getElementById(id) : app().twins.root.querySelector<HTMLElement>('button, input, [tabindex="0"]');
    target?.focus();
  }

  /** Draws the screen and adds its twins, in reading order. */
  protected abstract build(): void;

  /** Rebuilds the screen in place (after a change within the same phase). */
  rebuild(): void {
    this.generation += 1;
    this.clearScreen();
    app().twins.clear();
    this.build();
    this.settleFocus();
    requestFrames();
  }

  /** Destroys every object drawn: only removing them from the display list would keep each Text's canvas, its 2D context and its texture. */
  private clearScreen(): void {
    for (const child of [...this.children.list]) child.destroy();
  }

  /**
   * Draws part of the screen in a later task, so building a big screen never blocks the page for long. Its twins keep
   * their place in reading order (where `later` was called); the part is dropped if the screen is rebuilt or left first.
   */
  protected later(part: () => void): void {
    if (!this.deferring) return part();
    const gen = this.generation;
    const root = app().twins.root;
    const marker = document.createComment('later');
    root.append(marker);
    window.setTimeout(() => {
      if (gen !== this.generation || !this.sys.isActive()) {
        marker.remove();
        return;
      }
      const after = root.lastChild;
      part();
      const added: Node[] = [];
      for (let n = after?.nextSibling ?? null; n; n = n.nextSibling) added.push(n);
      marker.replaceWith(...added);
      requestFrames();
    }, 0);
  }

  txt(x: number, y: number, text: string, o: TextOptions = {}): GameObjects.Text {
    const t = this.add.text(x, y, text, {
      fontFamily: FONT,
      fontSize: `${o.size ?? 16}px`,
      fontStyle: o.weight === 600 ? '600' : '400',
      resolution: currentZoom(),
      color: o.color ?? CSS.text,
      align: o.align ?? 'left',
      lineSpacing: o.lineSpacing ?? 3,
      maxLines: o.maxLines ?? 0,
      wordWrap: o.wrap ? { width: o.wrap, useAdvancedWrap: true } : undefined,
    });
    if (o.align === 'center') t.setOrigin(0.5, 0);
    if (o.align === 'right') t.setOrigin(1, 0);
    if (o.maxLines && o.wrap) {
      const lines = t.getWrappedText(text);
      if (lines.length > o.maxLines) {
        const kept = lines.slice(0, o.maxLines);
        let last = kept[kept.length - 1]!.trimEnd();
        t.setWordWrapWidth(null).setMaxLines(1);
        t.setText(`${last}…`);
        while (t.width > o.wrap && last.length > 1) {
          last = last.slice(0, -1).trimEnd();
          t.setText(`${last}…`);
        }
        kept[kept.length - 1] = `${last}…`;
        t.setMaxLines(o.maxLines).setText(kept.join('\n'));
      }
    }
    return t;
  }

  lineCount(text: string, o: TextOptions): number {
    const t = this.txt(0, 0, text, { ...o, maxLines: undefined });
    const n = t.getWrappedText(text).length;
    t.destroy();
    return n;
  }

  panel(r: Rect, fill: number = COLOR.panel, edge: number = COLOR.panelEdge, radius = 10): GameObjects.Graphics {
    const g = this.add.graphics();
    g.fillStyle(fill, 1);
    g.fillRoundedRect(r.x, r.y, r.w, r.h, radius);
    g.lineStyle(1.5, edge, 1);
    g.strokeRoundedRect(r.x, r.y, r.w, r.h, radius);
    return g;
  }

  /**
   * A canvas button with its DOM twin. Pressed (the tab shown, the option on) is filled like a selected card and marked
   * "✓" before its text; keyboard focus is the twin's outline, so the two never look alike.
   */
  button(o: ButtonOptions): HTMLButtonElement {
    const r = o.rect;
    const off = o.unavailable === true;
    const g = this.add.graphics();
    g.fillStyle(o.primary && !off ? COLOR.accent : off ? COLOR.cardOff : o.pressed ? COLOR.cardSelected : 0x1f3346, 1);
    g.fillRoundedRect(r.x, r.y, r.w, r.h, 8);
    g.lineStyle(o.pressed ? 1.5 : 2, o.primary || o.pressed ? COLOR.accent : COLOR.panelEdge, 1);
    g.strokeRoundedRect(r.x, r.y, r.w, r.h, 8);
    const size = o.size ?? (this.portrait ? 16 : 17);
    const text = `${o.pressed ? '✓ ' : ''}${o.text ?? o.label}`;
    this.txt(r.x + r.w / 2, r.y + (r.h - size * 1.3) / 2, text, {
      size,
      weight: 600,
      align: 'center',
      color: o.primary && !off ? CSS.dark : off ? CSS.muted : o.pressed ? CSS.accent : CSS.text,
    });
    return app().twins.button(o);
  }

  /** Registers this screen's shortcut keys: digits 1–9 and single letters. */
  keys(fn: (key: string) => boolean): void {
    app().onKey = fn;
  }

  /** A heading strip across the top of the screen, as tall as its title and subtitle need (neither is cut); returns its height. */
  header(title: string, subtitle?: string): number {
    const x = this.portrait ? 14 : 24;
    const wrap = this.W - x * 2;
    const titleSize = this.portrait ? 20 : 26;
    const subSize = this.portrait ? 13 : 15;
    const more = (n: number, size: number) => (Math.min(2, n) - 1) * Math.ceil(size * 1.3);
    const titleExtra = more(this.lineCount(title, { size: titleSize, weight: 600, wrap }), titleSize);
    const subExtra = subtitle ? more(this.lineCount(subtitle, { size: subSize, wrap }), subSize) : 0;
    const h = (this.portrait ? 64 : 72) + titleExtra + subExtra;
    const g = this.add.graphics();
    g.fillStyle(COLOR.panel, 1);
    g.fillRect(0, 0, this.W, h);
    g.fillStyle(COLOR.accent, 1);
    g.fillRect(0, h - 3, this.W, 3);
    app().twins.heading(1, title, 'heading-screen');
    this.txt(x, this.portrait ? 8 : 10, title, { size: titleSize, weight: 600, maxLines: 2, wrap });
    if (subtitle) this.txt(x, (this.portrait ? 36 : 44) + titleExtra, subtitle, { size: subSize, color: CSS.muted, maxLines: 2, wrap });
    return h;
  }
}
