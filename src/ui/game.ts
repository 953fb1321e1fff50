// The Phaser game with one scene per screen, loaded after the first screen's DOM is up: the canvas, the twin layer's
// placement over it, resizing, the render-on-demand loop, the test hook, and the map data in idle time.
import { AUTO, Game, GameObjects, Scale } from 'phaser';
import type { AppContext } from './app.js';
import { bridge } from './bridge.js';
import { currentZoom, frameFor, setCurrentFrame } from './layout.js';
import { loadCountries } from './map/atlas.js';
import { attachRenderLoop, requestFrames } from './renderLoop.js';
import { relayout } from './router.js';
import { BootScene } from './scenes/BootScene.js';
import { BriefingScene } from './scenes/BriefingScene.js';
import { EndingScene } from './scenes/EndingScene.js';
import { HandoverScene } from './scenes/HandoverScene.js';
import { MainScene } from './scenes/MainScene.js';
import { ResolutionScene } from './scenes/ResolutionScene.js';
import { SetupScene } from './scenes/SetupScene.js';
import { TitleScene } from './scenes/TitleScene.js';
import { markGameScreen, setRenderer, setTexts } from './testHook.js';

const wait = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

async function fontsReady(): Promise<void> {
  const loads = Promise.all(['400 16px "IBM Plex Sans"', '600 16px "IBM Plex Sans"'].map((f) => document.fonts.load(f)));
  await Promise.race([loads, wait(4000)]);
}

/** Runs `fn` when the page is idle (or after `timeout` ms at the latest). */
function whenIdle(fn: () => void, timeout: number): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fn, { timeout });
  else window.setTimeout(fn, 200);
}

export async function startGame(ctx: AppContext, stage: HTMLElement): Promise<void> {
  await fontsReady();
  const f = frameFor(window.innerWidth, window.innerHeight, window.devicePixelRatio);
  setCurrentFrame(f);
  // The map data (the largest parse of the page) waits for the first screen that is not the title, then for idle time.
  let mapRequested = false;
  const screenShown = () => {
    if (!mapRequested && bridge.phase.name !== 'title') {
      mapRequested = true;
      whenIdle(() => void loadCountries(), 3000);
    }
  };
  let hooked = false;
  ctx.onScreen = () => {
    if (!hooked) {
      hooked = true;
      markGameScreen();
      fit();
    }
    screenShown();
  };
  const game = new Game({
    type: AUTO,
    parent: 'game',
    width: Math.round(f.width * f.zoom),
    height: Math.round(f.height * f.zoom),
    backgroundColor: '#0d1620',
    banner: false,
    disableContextMenu: true,
    scale: { mode: Scale.FIT, autoCenter: Scale.CENTER_BOTH },
    fps: { target: 30, limit: 30 },
    render: { antialias: true, antialiasGL: false, roundPixels: false, powerPreference: 'low-power' },
    scene: [BootScene, TitleScene, SetupScene, BriefingScene, HandoverScene, MainScene, ResolutionScene, EndingScene],
  });
  const fit = () => {
    const c = game.canvas?.getBoundingClientRect();
    const s = stage.getBoundingClientRect();
    if (!c || c.width === 0) return;
    const logical = game.scale.width / currentZoom();
    ctx.twins.fit(c.left - s.left, c.top - s.top, c.width, c.height, c.width / logical);
  };
  attachRenderLoop(game);
  setRenderer(() => (game.renderer && 'gl' in game.renderer ? 'webgl' : 'canvas'));
  setTexts(() =>
    game.scene.getScenes(true).flatMap((scene) =>
      scene.children.list
        .filter((o): o is GameObjects.Text => o instanceof GameObjects.Text && o.visible)
        .map((t) => {
          const b = t.getBounds();
          return { text: t.text, x: b.x, y: b.y, w: b.width, h: b.height };
        }),
    ),
  );
  game.events.once('ready', () => {
    document.getElementById('boot-message')?.setAttribute('hidden', '');
    requestFrames();
    fit();
  });
  game.scale.on('resize', () => window.requestAnimationFrame(fit));
  let pending = 0;
  window.addEventListener('resize', () => {
    window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(() => {
      requestFrames();
      const next = frameFor(window.innerWidth, window.innerHeight, window.devicePixelRatio);
      const w = Math.round(next.width * next.zoom);
      const h = Math.round(next.height * next.zoom);
      setCurrentFrame(next);
      if (w !== game.scale.width || h !== game.scale.height) {
        game.scale.setGameSize(w, h);
        relayout(game);
      }
      game.scale.refresh();
      window.requestAnimationFrame(fit);
    });
  });
}
