// The classroom tests' tools: a data folder per test, a server on loopback, a socket client that queues what it is sent.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { ROOT } from '../cli/runCli.js';

const dirs: string[] = [];
export const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'statecraft-class-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export const start = (data: string) => startServer({ port: 0, host: '127.0.0.1', data, site: join(ROOT, 'dist'), scenarios: join(ROOT, 'scenarios') });

export async function create(s: RunningServer, body: Record<string, unknown>): Promise<{ status: number; json: Record<string, string> }> {
  const r = await fetch(`${s.url}/api/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as Record<string, string> };
}

/** A socket client that queues what the server sends. */
export class Probe {
  readonly ws: WebSocket;
  private readonly inbox: Array<Record<string, unknown>> = [];
  private waiting: Array<() => void> = [];
  constructor(url: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { headers });
    this.ws.on('message', (d) => {
      this.inbox.push(JSON.parse(String(d)) as Record<string, unknown>);
      for (const w of this.waiting.splice(0)) w();
    });
  }
  opened(): Promise<void> {
    return new Promise((ok, fail) => {
      this.ws.once('open', () => ok());
      this.ws.once('error', fail);
    });
  }
  send(m: unknown): void {
    this.ws.send(JSON.stringify(m));
  }
  /** The next message of type `t` (older ones of other types are dropped). */
  async next(t: string): Promise<Record<string, unknown>> {
    for (;;) {
      const i = this.inbox.findIndex((m) => m.t === t);
      if (i >= 0) return this.inbox.splice(0, i + 1).at(-1)!;
      await new Promise<void>((ok) => this.waiting.push(ok));
    }
  }
  /** The next message of type `t` whose `key` field passes `ok` (earlier ones are dropped). */
  async until<T>(t: string, key: string, ok: (v: T) => boolean): Promise<T> {
    for (;;) {
      const v = (await this.next(t))[key] as T;
      if (ok(v)) return v;
    }
  }
  close(): void {
    this.ws.close();
  }
}

/** `statecraft serve` in a child process on a free port: its URL once it listens, and kill -9. */
export function serveChild(data: string): { url: Promise<string>; kill(): Promise<void> } {
  const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--data', data], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((ok) =>
    p.stdout.on('data', (d: Buffer) => {
      const m = /on (http:\/\/[^ ]+) /.exec(String(d));
      if (m) ok(m[1]!);
    }),
  );
  const exited = new Promise<void>((ok) => p.once('exit', () => ok()));
  return { url, kill: () => (p.kill('SIGKILL'), exited) };
}

/** A socket that has sent `first` and holds the first reply of type `t`. */
export async function opened(url: string, first: unknown, t: string): Promise<{ probe: Probe; reply: Record<string, unknown> }> {
  const probe = new Probe(url);
  await probe.opened();
  probe.send(first);
  return { probe, reply: await probe.next(t) };
}

/** Runs `run` against a server on loopback with one class made from `body`, then closes the server (and every socket). */
export async function withClass(body: Record<string, unknown>, run: (s: RunningServer, made: { code: string; token: string }) => Promise<void>): Promise<void> {
  const s = await start(dataDir());
  try {
    await run(s, (await create(s, body)).json as { code: string; token: string });
  } finally {
    await s.close();
  }
}
