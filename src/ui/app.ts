// Shared singletons of the running page: the twin layer, messages for the title screen, the digit-key handler.
import type { FileErrors } from './catalog.js';
import { TwinLayer } from './dom/twins.js';

export interface AppContext {
  twins: TwinLayer;
  /** Messages for the title screen: a set-aside save, a bad URL parameter, a broken scenario file. */
  notices: string[];
  /** The last scenario file that failed to load, with all its problems. */
  fileErrors: FileErrors | null;
  /** The current screen's handler for its shortcut keys (digits 1–9, letters); returns true when it used the key. */
  onKey: ((key: string) => boolean) | null;
  /** Called after every screen the game (Phaser) has built. */
  onScreen: (() => void) | null;
  /** The game is taking over from the DOM title: a dialog opened over it stays open. */
  handover: boolean;
  /** A save set aside that did not fit in storage: offered as a download on the title screen until the page closes. */
  droppedSave: string | null;
  /** A saved game this tab could not open, or lost, because another tab has it open (offered to take over). */
  elsewhere: string | null;
}

let ctx: AppContext | null = null;

export function initApp(controls: HTMLElement): AppContext {
  ctx = { twins: new TwinLayer(controls), notices: [], fileErrors: null, onKey: null, onScreen: null, handover: false, droppedSave: null, elsewhere: null };
  return ctx;
}

export function app(): AppContext {
  if (!ctx) throw new Error('the app is not initialised');
  return ctx;
}
