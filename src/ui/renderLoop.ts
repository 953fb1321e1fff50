// Render on demand: nothing on screen moves by itself, so Phaser's loop sleeps until a screen changes.
import type { Game } from 'phaser';

let game: Game | null = null;
let frames = 0;

/** Lets the loop sleep after the frames requested have been drawn. */
export function attachRenderLoop(g: Game): void {
  game = g;
  g.events.on('postrender', () => {
    frames -= 1;
    if (frames <= 0 && g.loop.running) g.loop.sleep();
  });
}

/** Wakes the loop for at least `n` frames (scene changes, rebuilds, resizes). */
export function requestFrames(n = 8): void {
  frames = Math.max(frames, n);
  if (game && !game.loop.running) game.loop.wake();
}
