// Shows the scene that matches the bridge's phase; only a new phase (not a change within one) switches scenes.
import type { Game } from 'phaser';
import { app } from './app.js';
import { bridge, type Phase } from './bridge.js';
import { closeAllDialogs, dialogOpen } from './dom/dialog.js';
import { disableDrop } from './dom/filePicker.js';
import { requestFrames } from './renderLoop.js';

/** The scene key that shows `phase`. */
export function sceneFor(phase: Phase): string {
  return phase.name === 'review' ? 'briefing' : phase.name;
}

/** Starts `key`, stopping every other running scene. */
export function showScene(game: Game, key: string): void {
  requestFrames();
  for (const s of game.scene.getScenes(true)) if (s.sys.settings.key !== key) game.scene.stop(s.sys.settings.key);
  if (key !== 'title') disableDrop();
  // Taking over from the DOM title, its controls stay until the new screen replaces them (no moment without any).
  if (!app().handover) {
    closeAllDialogs();
    app().twins.clear();
  }
  // The new screen is built in a task of its own, after the old one is gone (each stays short).
  window.setTimeout(() => {
    if (game.scene.isActive(key)) game.scene.getScene(key)?.scene.restart();
    else game.scene.start(key);
  }, 0);
}

/** Shows the current screen, then follows the bridge: a new phase object means a new screen. `focusId`: the control to keep focused. */
export function startRouter(game: Game, focusId: string | null = null): void {
  let last: Phase | null = bridge.phase;
  if (focusId) {
    const restore = app().onScreen;
    app().onScreen = () => {
      app().onScreen = restore;
      restore?.();
      if (!dialogOpen()) document.getElementById(focusId)?.focus();
    };
  }
  showScene(game, sceneFor(last));
  bridge.onChange(() => {
    if (bridge.phase === last) return;
    last = bridge.phase;
    showScene(game, sceneFor(bridge.phase));
  });
}

/** Re-lays out the visible screen (after a resize). */
export function relayout(game: Game): void {
  requestFrames();
  const active = game.scene.getScenes(true)[0];
  if (active) active.scene.restart();
}
