// Entry point: fonts, the Phaser game with one scene per screen, the DOM twin layer, keys and resizing.
import './zodJitless.js';
import '@fontsource/ibm-plex-sans/400.css';
import '@fontsource/ibm-plex-sans/600.css';
import './style.css';
import { AUTO, Game, Scale } from 'phaser';
import { initApp } from './app.js';
import { installCrashHandler, showCrash } from './dom/crash.js';
import { installKeys } from './dom/keys.js';
import { currentZoom, frameFor, setCurrentFrame } from './layout.js';
import { loadCountries } from './map/atlas.js';
import { attachRenderLoop, requestFrames } from './renderLoop.js';
import { relayout, startRouter } from './router.js';
import { BootScene } from './scenes/BootScene.js';
import { BriefingScene } from './scenes/BriefingScene.js';
import { EndingScene } from './scenes/EndingScene.js';
import { HandoverScene } from './scenes/HandoverScene.js';
import { MainScene } from './scenes/MainScene.js';
import { ResolutionScene } from './scenes/ResolutionScene.js';
import { SetupScene } from './scenes/SetupScene.js';
import { TitleScene } from './scenes/TitleScene.js';
import { installTestHook } from './testHook.js';

const wait = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

async function fontsReady(): Promise<void> {
  const loads = Promise.all(['400 16px "IBM Plex Sans"', '600 16px "IBM Plex Sans"'].map((f) => document.fonts.load(f)));
  await Promise.race([loads, wait(4000)]);
}

function boot(): void {
  const controls = document.getElementById('controls');
  const stage = document.getElementById('stage');
  if (!controls || !stage) throw new Error('the page is missing its stage');
  const ctx = initApp(controls);
  installCrashHandler();
  installKeys();
  void loadCountries();
  void fontsReady().then(() => {
    const f = frameFor(window.innerWidth, window.innerHeight, window.devicePixelRatio);
    setCurrentFrame(f);
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
    startRouter(game);
    installTestHook(() => (game.renderer && 'gl' in game.renderer ? 'webgl' : 'canvas'));
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
  });
}

try {
  boot();
} catch (e) {
  const msg = document.getElementById('boot-message');
  if (msg) msg.textContent = `Statecraft could not start: ${(e as Error).message}`;
  showCrash((e as Error).message);
}
