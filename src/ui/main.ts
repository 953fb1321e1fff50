// Entry point: fonts, the DOM twin layer and keys, the first screen's decision, the DOM title at once when that is the
// screen, then the Phaser game (a chunk of its own) which takes over every screen.
import './zodJitless.js';
import '@fontsource/ibm-plex-sans/400.css';
import '@fontsource/ibm-plex-sans/600.css';
import './style.css';
import { initApp } from './app.js';
import { installCrashHandler, showCrash } from './dom/crash.js';
import { installKeys } from './dom/keys.js';
import { showEarlyTitle } from './earlyTitle.js';
import { frameFor, setCurrentFrame } from './layout.js';
import { startup } from './session.js';
import { installTestHook } from './testHook.js';
import { parseStartParams } from './urlParams.js';
import { startClassroom } from './classroom/page.js';
import { classRoute } from './classroom/route.js';

function failed(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  const msg = document.getElementById('boot-message');
  if (msg) {
    msg.removeAttribute('hidden');
    msg.textContent = `Statecraft could not start: ${message}`;
  }
  showCrash(message);
}

function boot(): void {
  // A pasted instructor link changes only the fragment of an open page: load it as the page it names.
  window.addEventListener('hashchange', () => {
    if (classRoute(window.location.search, window.location.hash)) window.location.reload();
  });
  const route = classRoute(window.location.search, window.location.hash);
  if (route) {
    // A classroom page (a seat, the dashboard, the projector) is plain DOM fed by the server: no game is loaded.
    installCrashHandler();
    void startClassroom(route).catch(failed);
    return;
  }
  const controls = document.getElementById('controls');
  const stage = document.getElementById('stage');
  if (!controls || !stage) throw new Error('the page is missing its stage');
  const ctx = initApp(controls);
  installCrashHandler();
  installKeys();
  installTestHook();
  setCurrentFrame(frameFor(window.innerWidth, window.innerHeight, window.devicePixelRatio));
  const loadGame = () => import('./game.js').then((m) => m.startGame(ctx, stage)).catch(failed);
  void startup(parseStartParams(window.location.search))
    .then(() => showEarlyTitle())
    .catch(failed)
    // Let the DOM title paint before the game's code is fetched and run.
    .finally(() => window.requestAnimationFrame(() => window.setTimeout(() => void loadGame(), 0)));
}

try {
  boot();
} catch (e) {
  failed(e);
}
