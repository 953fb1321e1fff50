// Shows the scene that matches the bridge's phase; only a new phase (not a change within one) switches scenes.
import type { Game } from 'phaser';
import { app } from './app.js';
import { bridge, type Phase } from './bridge.js';
import { closeAllDialogs } from './dom/dialog.js';
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
  closeAllDialogs();
  app().twins.clear();
  if (game.scene.isActive(key)) game.scene.getScene(key)?.scene.restart();
  else game.scene.start(key);
}

/** Follows the bridge: a new phase object means a new screen. */
export function startRouter(game: Game): void {
  let last: Phase | null = null;
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
