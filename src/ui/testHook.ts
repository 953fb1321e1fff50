// A read-only window.__statecraft for automated tests: copies of the state, its hash, the phase and the replay.
import { bridge } from './bridge.js';

export interface TestHook {
  hash(): string | null;
  state(): unknown;
  phase(): unknown;
  seat(): string | null;
  replay(): unknown;
  /** 'webgl' or 'canvas': which Phaser renderer runs. */
  renderer(): string;
  /** True once the game (Phaser) has built a screen; before that the title may be the plain-DOM one. */
  ready(): boolean;
  /** Every text the game draws now, with its bounds in board pixels (to prove none is cut off). */
  texts(): DrawnText[];
}

export interface DrawnText {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

let renderer: () => string = () => 'none';
let texts: () => DrawnText[] = () => [];
let gameScreen = false;

/** The game (Phaser) has built its first screen: from now on every screen is the game's, not the DOM title's. */
export function markGameScreen(): void {
  gameScreen = true;
}

/** Tells the hook how to name the renderer once the game (Phaser) runs. */
export function setRenderer(fn: () => string): void {
  renderer = fn;
}

/** Tells the hook how to list the texts drawn once the game (Phaser) runs. */
export function setTexts(fn: () => DrawnText[]): void {
  texts = fn;
}

/** Installed as the page starts (before the game loads), so tests can always read the phase. */
export function installTestHook(): void {
  const hook: TestHook = Object.freeze({
    hash: () => bridge.hash(),
    // The history as a plain array: structuredClone keeps no class, so a History would arrive empty.
    state: () => (bridge.state ? structuredClone({ ...bridge.state, history: bridge.state.history.toArray() }) : null),
    phase: () => structuredClone(bridge.phase),
    seat: () => bridge.seatActor(),
    replay: () => (bridge.state ? structuredClone(bridge.replay()) : null),
    renderer: () => renderer(),
    ready: () => gameScreen,
    texts: () => texts(),
  });
  Object.defineProperty(window, '__statecraft', { value: hook, writable: false, configurable: false, enumerable: false });
}
