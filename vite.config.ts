// Vite: builds the browser front end; serves the built site under the same strict CSP as index.html, never framed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The Content-Security-Policy in index.html's meta tag, also sent as a header by `vite preview`. */
function contentSecurityPolicy(): string {
  const html = readFileSync(new URL('./index.html', import.meta.url), 'utf8');
  const match = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('index.html has no Content-Security-Policy meta tag');
  return match[1];
}

/** Dev server only: Vite injects CSS as <style> and talks over a websocket, so relax those two. */
function devCsp(): Plugin {
  return {
    name: 'statecraft-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
  };
}

const PHASER_FLAGS: Record<string, string> = {
  WEBGL_RENDERER: 'true',
  CANVAS_RENDERER: 'true',
  WEBGL_DEBUG: 'false',
  FEATURE_SOUND: 'false',
  PLUGIN_CAMERA3D: 'false',
  PLUGIN_FBINSTANT: 'false',
};
const FLAG_PATTERN = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');

/** Phaser's sources test build flags with `typeof FLAG`; fix them as its own build does (WebGL and Canvas, no sound, no debug), and set no global. */
function fixPhaserSource(code: string, id: string): { code: string; map: null } | null {
  if (!id.includes('/node_modules/phaser/src/')) return null;
  const out = code.replace(FLAG_PATTERN, (_m, flag: string) => PHASER_FLAGS[flag] ?? 'false').replace(/^global\.Phaser = Phaser;$/m, '');
  return out === code ? null : { code: out, map: null };
}

function phaserFlags(): Plugin {
  return { name: 'statecraft-phaser-flags', enforce: 'pre', transform: fixPhaserSource };
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const csp = contentSecurityPolicy();
/** No site may frame the game (clickjacking); a <meta> CSP cannot say this, so it is sent as a header only. */
const FRAMING = "frame-ancestors 'none'";

export default defineConfig({
  base: './',
  plugins: [devCsp(), phaserFlags()],
  optimizeDeps: {
    rolldownOptions: { plugins: [{ name: 'statecraft-phaser-flags-deps', transform: fixPhaserSource }] },
  },
  resolve: {
    alias: [
      { find: /^phaser$/, replacement: here('./src/ui/vendor/phaserCore.ts') },
      { find: /^phaser-core-src$/, replacement: here('./node_modules/phaser/src/phaser-core.js') },
    ],
  },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks: (id: string) => (id.includes('/node_modules/phaser/') || id.includes('/src/ui/vendor/') ? 'phaser' : undefined),
      },
    },
  },
  server: { headers: { 'Content-Security-Policy': FRAMING, 'X-Frame-Options': 'DENY' } },
  preview: {
    headers: {
      'Content-Security-Policy': `${csp}; ${FRAMING}`,
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
});
