// The built site for the browser part: a private `vite build` into .bench/dist, its gzip sizes, and `vite preview`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

/** The private output folder (git-ignored), never the colleague's dist/. */
export const OUT_DIR = '.bench/dist';

const viteBin = (root: string) => join(root, 'node_modules/vite/bin/vite.js');

export interface BuildResult {
  ok: boolean;
  seconds: number;
  log: string;
}

/** `vite build --outDir .bench/dist --emptyOutDir` (the local vite binary, as `npx vite` would run it). */
export function buildSite(root: string): Promise<BuildResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    if (!existsSync(viteBin(root))) {
      resolve({ ok: false, seconds: 0, log: 'node_modules/vite is not installed' });
      return;
    }
    const child = spawn(process.execPath, [viteBin(root), 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      log += d.toString();
    });
    child.on('error', (e) => resolve({ ok: false, seconds: (performance.now() - t0) / 1000, log: `${log}\n${e.message}` }));
    child.on('close', (code) => {
      const ok = code === 0 && existsSync(join(root, OUT_DIR, 'index.html'));
      resolve({ ok, seconds: (performance.now() - t0) / 1000, log: ok ? log : `${log}\nvite build exited with code ${code}` });
    });
  });
}

export interface FileSize {
  /** Path inside the build output, e.g. assets/phaser-_9oiBWwa.js. */
  file: string;
  /** The name without Vite's content hash, e.g. phaser.js. */
  name: string;
  bytes: number;
  gzipBytes: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Vite names assets `<name>-<8-character hash>.<ext>`. */
export function stableName(file: string): string {
  const base = file.split('/').pop() ?? file;
  return base.replace(/-[A-Za-z0-9_-]{8}(\.[a-z0-9]+)$/, '$1');
}

/** Every file of the build output whose name ends with one of `exts`, with its gzip size (level 9), largest first. */
export function sizes(outDir: string, exts: string[]): FileSize[] {
  return walk(outDir)
    .filter((p) => exts.some((e) => p.endsWith(e)))
    .map((p) => {
      const buf = readFileSync(p);
      const file = relative(outDir, p).split('\\').join('/');
      return { file, name: stableName(file), bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes || (a.file < b.file ? -1 : 1));
}

/** The JS file names the page's index.html loads directly (its entry and module preloads). */
export function entryScripts(outDir: string): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Preview {
  baseUrl: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      resolve();
    }, 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // The child was started detached, so it leads its own process group: this stops only what we started.
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  });
}

/** `vite preview --outDir .bench/dist --host 127.0.0.1 --port <free> --strictPort`, once it answers. */
export async function startPreview(root: string): Promise<Preview> {
  let lastError: Error | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, [viteBin(root), 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let log = '';
    child.stdout?.on('data', (d: Buffer) => {
      log += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
    });
    const baseUrl = `http://127.0.0.1:${port}/`;
    const end = Date.now() + 30_000;
    while (Date.now() < end && child.exitCode === null) {
      try {
        const r = await fetch(baseUrl);
        await r.arrayBuffer();
        if (r.ok) return { baseUrl, stop: () => stopChild(child) };
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    await stopChild(child);
    lastError = new Error(`vite preview did not answer at ${baseUrl} (exit code ${child.exitCode}): ${log.trim().split('\n').slice(-3).join(' | ')}`);
  }
  throw lastError ?? new Error('vite preview did not start');
}
