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
}

export function installTestHook(renderer: () => string): void {
  const hook: TestHook = Object.freeze({
    hash: () => bridge.hash(),
    state: () => (bridge.state ? structuredClone(bridge.state) : null),
    phase: () => structuredClone(bridge.phase),
    seat: () => bridge.seatActor(),
    replay: () => (bridge.state ? structuredClone(bridge.replay()) : null),
    renderer,
  });
  Object.defineProperty(window, '__statecraft', { value: hook, writable: false, configurable: false, enumerable: false });
}
