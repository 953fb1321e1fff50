// What a screen draws with: Phaser scenes (BaseScene) and the plain-DOM painter used before Phaser has loaded.
import type { Rect, TwinOptions } from './dom/twins.js';

export interface TextOptions {
  size?: number;
  color?: string;
  weight?: 400 | 600;
  wrap?: number;
  align?: 'left' | 'center' | 'right';
  maxLines?: number;
  lineSpacing?: number;
}

export interface ButtonOptions extends Omit<TwinOptions, 'rect'> {
  rect: Rect;
  text?: string;
  primary?: boolean;
  size?: number;
}

export interface Painter {
  readonly W: number;
  readonly H: number;
  readonly portrait: boolean;
  txt(x: number, y: number, text: string, o?: TextOptions): unknown;
  /** How many lines `text` takes when drawn with `o` (wrapped at `o.wrap`). */
  lineCount(text: string, o: TextOptions): number;
  panel(r: Rect, fill?: number, edge?: number, radius?: number): unknown;
  button(o: ButtonOptions): HTMLButtonElement;
  header(title: string, subtitle?: string): number;
  keys(fn: (key: string) => boolean): void;
  rebuild(): void;
}
