// Runs a command as a child process, timing it and following the memory of its whole process tree through /proc.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ProcessMemory {
  pid: number;
  command: string;
  /** Launcher processes (npm exec, sh, the tsx CLI) only start the real program. */
  launcher: boolean;
  /** Peak resident set in MB: the process's own getrusage maxRSS at exit, else its last sampled VmHWM. */
  hwmMB: number;
}

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Null where /proc is not available. */
  memory: null | {
    /** Sum over the non-launcher processes of their peak resident sets. Exact for one process (worker threads included); an upper bound for several. */
    peakMB: number;
    /** The largest sampled sum of the current resident sets of the non-launcher processes. */
    sampledPeakMB: number;
    /** The same peak sum for the launcher processes. */
    launcherMB: number;
    processes: ProcessMemory[];
  };
}

const HAS_PROC = existsSync('/proc/self/status');

function readStatus(pid: number): { ppid: number; rssKB: number; hwmKB: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => {
      const m = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text);
      return m ? Number(m[1]) : 0;
    };
    return { ppid: field('PPid'), rssKB: field('VmRSS'), hwmKB: field('VmHWM') };
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** The wrappers `npx tsx file.ts` puts around the real node process. */
export function isLauncher(command: string): boolean {
  return (
    /^npm exec\b/.test(command) ||
    /np[mx]-cli\.js\b/.test(command) ||
    /(^|[\s/])npx(\s|$)/.test(command) ||
    /^(\/\S+\/)?sh -c\b/.test(command) ||
    /node_modules\/\.bin\/tsx\b/.test(command) ||
    /tsx\/dist\/cli\.m?js\b/.test(command)
  );
}

/** Every live process under `root` (including it), found by scanning /proc for parent ids. */
function tree(root: number): Map<number, { rssKB: number; hwmKB: number }> {
  const info = new Map<number, { ppid: number; rssKB: number; hwmKB: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStatus(Number(name));
    if (st) info.set(Number(name), st);
  }
  const out = new Map<number, { rssKB: number; hwmKB: number }>();
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    const st = info.get(pid);
    if (!st || out.has(pid)) continue;
    out.set(pid, { rssKB: st.rssKB, hwmKB: st.hwmKB });
    for (const [child, c] of info) if (c.ppid === pid) queue.push(child);
  }
  return out;
}

const PROBE = new URL('./rssProbe.mjs', import.meta.url).href;

/** Peak RSS records the probe left behind, by pid. */
function readProbes(dir: string): Map<number, { command: string; maxRssKB: number }> {
  const out = new Map<number, { command: string; maxRssKB: number }>();
  for (const name of readdirSync(dir)) {
    try {
      const r = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { pid: number; argv: string[]; execArgv: string[]; maxRssKB: number };
      out.set(r.pid, { command: [r.argv[0] ?? 'node', ...r.execArgv, ...r.argv.slice(1)].join(' '), maxRssKB: r.maxRssKB });
    } catch {
      // a half-written record: the /proc samples still stand
    }
  }
  return out;
}

/**
 * Runs `command args` in `cwd`, sampling the process tree's memory every `intervalMs` through /proc, and
 * preloading rssProbe.mjs into every node process so each reports its exact peak at exit.
 */
export function runChild(command: string, args: readonly string[], cwd: string, intervalMs = 25): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const probeDir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
    const nodeOptions = [process.env.NODE_OPTIONS ?? '', `--import=${PROBE}`].join(' ').trim();
    const t0 = performance.now();
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: nodeOptions, BENCH_RSS_PROBE_DIR: probeDir },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const seen = new Map<number, ProcessMemory>();
    let sampledPeak = 0;
    let launcherPeak = 0;
    const sample = () => {
      if (!HAS_PROC || child.pid === undefined) return;
      let real = 0;
      let launch = 0;
      for (const [pid, m] of tree(child.pid)) {
        // Read the command line every time: right after fork() a child still shows its parent's until it execs.
        const cmd = commandOf(pid);
        let p = seen.get(pid);
        if (!p) {
          p = { pid, command: '', launcher: false, hwmMB: 0 };
          seen.set(pid, p);
        }
        if (cmd) {
          p.command = cmd.length > 160 ? `${cmd.slice(0, 157)}...` : cmd;
          p.launcher = isLauncher(cmd);
        }
        p.hwmMB = Math.max(p.hwmMB, m.hwmKB / 1024);
        if (p.launcher) launch += m.rssKB;
        else real += m.rssKB;
      }
      sampledPeak = Math.max(sampledPeak, real / 1024);
      launcherPeak = Math.max(launcherPeak, launch / 1024);
    };
    const timer = setInterval(sample, intervalMs);
    child.on('error', (e) => {
      clearInterval(timer);
      rmSync(probeDir, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      // The probe's record comes from inside the process, after exec: it decides the command and the peak.
      for (const [pid, r] of readProbes(probeDir)) {
        const p = seen.get(pid);
        const command = r.command.length > 160 ? `${r.command.slice(0, 157)}...` : r.command;
        if (p) Object.assign(p, { command, launcher: isLauncher(r.command), hwmMB: Math.max(p.hwmMB, r.maxRssKB / 1024) });
        else seen.set(pid, { pid, command, launcher: isLauncher(r.command), hwmMB: r.maxRssKB / 1024 });
      }
      rmSync(probeDir, { recursive: true, force: true });
      const processes = [...seen.values()];
      const memory = HAS_PROC
        ? {
            peakMB: processes.filter((p) => !p.launcher).reduce((t, p) => t + p.hwmMB, 0),
            sampledPeakMB: sampledPeak,
            launcherMB: launcherPeak,
            processes,
          }
        : null;
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), seconds, memory });
    });
  });
}
