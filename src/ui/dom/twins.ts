// The DOM twins: real, focusable controls laid exactly over what the canvas draws, in logical game coordinates.
import { el } from './el.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TwinOptions {
  /** Stable test/automation id, also the element id. */
  id: string;
  /** The accessible name. */
  label: string;
  /** Extra text read after the name (odds, costs, what is missing). */
  description?: string;
  rect: Rect;
  onActivate: () => void;
  /** Toggle state for on/off controls. */
  pressed?: boolean;
  /** Still focusable and described, but activation is refused (an unavailable action card). */
  unavailable?: boolean;
  /** Visible keyboard hint drawn by the canvas, announced too (e.g. "1"). */
  keyHint?: string;
  className?: string;
}

export class TwinLayer {
  private scale = 1;
  constructor(readonly root: HTMLElement) {}

  /** Removes every twin (a new screen is being laid out). */
  clear(): void {
    this.root.replaceChildren();
  }

  /** Places the layer over the canvas: `left`/`top` in CSS pixels within the stage, `scale` CSS pixels per game pixel. */
  fit(left: number, top: number, width: number, height: number, scale: number): void {
    this.scale = scale;
    const s = this.root.style;
    s.left = `${left}px`;
    s.top = `${top}px`;
    s.width = `${width / scale}px`;
    s.height = `${height / scale}px`;
    s.transform = `scale(${scale})`;
  }

  get cssScale(): number {
    return this.scale;
  }

  private place(node: HTMLElement, r: Rect): void {
    node.style.left = `${r.x}px`;
    node.style.top = `${r.y}px`;
    node.style.width = `${r.w}px`;
    node.style.height = `${r.h}px`;
  }

  /** A button twin. */
  button(o: TwinOptions): HTMLButtonElement {
    const b = el('button', { type: 'button', id: o.id, class: `twin ${o.className ?? ''}`, 'data-twin': o.id });
    b.append(el('span', { class: 'twin-label', text: o.label }));
    if (o.description) {
      const d = el('span', { class: 'sr-only', id: `${o.id}-desc`, text: o.description });
      b.append(d);
      b.setAttribute('aria-describedby', d.id);
    }
    if (o.pressed !== undefined) b.setAttribute('aria-pressed', String(o.pressed));
    if (o.unavailable) b.setAttribute('aria-disabled', 'true');
    if (o.keyHint) b.setAttribute('aria-keyshortcuts', o.keyHint);
    b.addEventListener('click', () => o.onActivate());
    this.place(b, o.rect);
    this.root.append(b);
    return b;
  }

  /** A visible text field over a canvas frame. */
  input(o: { id: string; label: string; value: string; rect: Rect; onInput: (v: string) => void; maxLength?: number; hint?: string }): HTMLInputElement {
    const input = el('input', {
      id: o.id,
      class: 'twin-input',
      type: 'text',
      value: o.value,
      'aria-label': o.label,
      maxlength: o.maxLength ?? 200,
      spellcheck: 'false',
      autocomplete: 'off',
    });
    input.value = o.value;
    if (o.hint) input.setAttribute('title', o.hint);
    input.addEventListener('input', () => o.onInput(input.value));
    this.place(input, o.rect);
    this.root.append(input);
    return input;
  }

  /** A plain DOM node placed over a canvas area (scrolling text, lists). */
  region(node: HTMLElement, rect: Rect): HTMLElement {
    node.classList.add('twin-region');
    this.place(node, rect);
    this.root.append(node);
    return node;
  }

  /** Text only screen readers read, outside any layout (summaries of what the canvas shows). */
  note(id: string, text: string, role?: string): HTMLElement {
    const n = el('div', { class: 'sr-only', id, role });
    n.textContent = text;
    this.root.append(n);
    return n;
  }

  /** A heading for screen readers over text the canvas draws (the screen's title, the role, the turn). */
  heading(level: 1 | 2, text: string, id?: string): HTMLElement {
    const h = el(level === 1 ? 'h1' : 'h2', { class: 'sr-only', id, text });
    this.root.append(h);
    return h;
  }

  /** Focuses the twin with this id, if present. */
  focus(id: string): void {
    document.getElementById(id)?.focus();
  }
}
