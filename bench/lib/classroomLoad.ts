// One classroom load run: `statecraft serve` in a child process on loopback, tables of five bots each playing the
// flagship to its end, an instructor's dashboard and a projector per class; the latency from a table's last submission
// to every one of its devices having the result, and the server's peak memory and CPU.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export interface LoadOptions {
  root: string;
  tables: number;
  /** Each bot waits a random time up to this before submitting, so tables' turns overlap as in a class. */
  thinkMs: number;
  /** Tables per class (a class holds at most 60). */
  tablesPerClass: number;
  /** The server's --sync. */
  sync: 'normal' | 'full';
}

export interface LoadResult {
  tables: number;
  sync: 'normal' | 'full';
  clients: number;
  classes: number;
  turnsMeasured: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  serverPeakMB: number;
  /** Server CPU time over the run's wall time (1 = one core busy). */
  serverCpuCores: number;
  seconds: number;
  refusals: number;
  /** CPU of this bench process (the bots' side) over the same time, in cores. */
  botsCpuCores: number;
  /** The machine's 1-minute load average at the end: other work on it slows every figure. */
  loadAverage1m: number;
}

const ROLES = ['nk', 'us', 'sk', 'cn', 'ru'];
const TICK_MS = 10; // Linux clock ticks: /proc/<pid>/stat counts CPU in hundredths of a second.

function serverStats(pid: number): { cpuMs: number; hwmMB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuMs = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  const hwm = /^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuMs, hwmMB: hwm ? Number(hwm[1]) / 1024 : 0 };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A small seeded generator, so two runs think alike. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function open(url: string): Promise<WebSocket> {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(url);
    ws.once('open', () => ok(ws));
    ws.once('error', fail);
  });
}

/** Runs one load: resolves once every table's game is over. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const data = mkdtempSync(join(tmpdir(), 'statecraft-bench-class-'));
  const child = spawn(
    process.execPath,
    [
      ...(process.env.CLASSROOM_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.CLASSROOM_PROF] : []),
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--port',
      '0',
      '--data',
      data,
      '--join-limit',
      '100000',
      '--sync',
      o.sync,
    ],
    { cwd: o.root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const url = await new Promise<string>((ok, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /on (http:\/\/[^ ]+) /.exec(String(d));
        if (m) ok(m[1]!);
      });
      child.once('exit', (c) => fail(new Error(`the server exited (${c})`)));
    });
    const wsUrl = `${url.replace(/^http/, 'ws')}/ws`;
    const classes = Math.ceil(o.tables / o.tablesPerClass);
    const watchers: WebSocket[] = [];
    const tableOf: Array<{ code: string; table: number }> = [];
    for (let k = 0; k < classes; k++) {
      const n = Math.min(o.tablesPerClass, o.tables - k * o.tablesPerClass);
      const r = await fetch(`${url}/api/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ scenario: 'party-congress', seed: `bench-${k}`, tables: n, humans: ROLES }),
      });
      const made = (await r.json()) as { code: string; token: string };
      const ins = await open(wsUrl);
      ins.send(JSON.stringify({ t: 'watch', code: made.code, token: made.token }));
      const proj = await open(wsUrl);
      proj.send(JSON.stringify({ t: 'projector', code: made.code }));
      watchers.push(ins, proj);
      for (let t = 0; t < n; t++) tableOf.push({ code: made.code, table: t });
    }
    // Per table and turn: when its last submission was sent and when each device had the result.
    const sent = tableOf.map(() => new Map<number, number>());
    const got = tableOf.map(() => new Map<number, number[]>());
    let refusals = 0;
    const random = rng(o.tables);
    const bots = await Promise.all(
      tableOf.flatMap((tb, ti) =>
        ROLES.map(async (role) => {
          const ws = await open(wsUrl);
          return { ws, ti, tb, role };
        }),
      ),
    );
    const stats0 = serverStats(child.pid!);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      bots.map(
        ({ ws, ti, tb, role }) =>
          new Promise<void>((done) => {
            let turn = 0;
            ws.on('message', (d) => {
              const text = String(d);
              const head = text.slice(0, 300);
              if (head.startsWith('{"t":"refused"')) refusals++;
              if (!head.startsWith('{"t":"seat"')) return;
              const at = performance.now();
              const now = Number(/"turn":(\d+)/.exec(head)![1]);
              const over = /"over":true/.test(head);
              if (now > turn) {
                if (turn > 0) {
                  const list = got[ti]!.get(turn) ?? [];
                  list.push(at);
                  got[ti]!.set(turn, list);
                }
                turn = now;
                if (over) {
                  ws.close();
                  return done();
                }
                setTimeout(() => {
                  sent[ti]!.set(now, Math.max(sent[ti]!.get(now) ?? 0, performance.now()));
                  ws.send(JSON.stringify({ t: 'submit', turn: now, choice: 'ai' }));
                }, random() * o.thinkMs);
              }
            });
            ws.send(JSON.stringify({ t: 'join', code: tb.code, table: tb.table, role }));
          }),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;
    const stats1 = serverStats(child.pid!);
    const cpu1 = process.cpuUsage(cpu0);
    for (const w of watchers) w.close();
    const lat: number[] = [];
    sent.forEach((byTurn, ti) => {
      for (const [turn, at] of byTurn) {
        const recv = got[ti]!.get(turn);
        if (recv && recv.length === ROLES.length) lat.push(Math.max(...recv) - at);
      }
    });
    lat.sort((a, b) => a - b);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    return {
      tables: o.tables,
      sync: o.sync,
      clients: bots.length,
      classes,
      turnsMeasured: lat.length,
      p50Ms: r1(percentile(lat, 50)),
      p99Ms: r1(percentile(lat, 99)),
      maxMs: r1(lat.at(-1) ?? 0),
      serverPeakMB: r1(stats1.hwmMB),
      serverCpuCores: Math.round(((stats1.cpuMs - stats0.cpuMs) / 1000 / seconds) * 100) / 100,
      botsCpuCores: Math.round(((cpu1.user + cpu1.system) / 1e6 / seconds) * 100) / 100,
      seconds: r1(seconds),
      refusals,
      loadAverage1m: r1(loadavg()[0]!),
    };
  } finally {
    if (process.env.CLASSROOM_PROF) {
      child.kill('SIGINT');
      await new Promise((ok) => child.once('exit', ok));
    } else child.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  }
}
