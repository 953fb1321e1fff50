// Part "batch": the CLI's batch command as a child process (`node --import tsx src/cli/main.ts batch ... --json`), timed, with
// the peak memory of its process tree.
import { fmt, round } from './lib/measure.js';
import { runChild } from './lib/proc.js';
import type { BenchContext, PartResult } from './lib/types.js';

export interface BatchRun {
  runs: number;
  workers: number;
  seconds: number;
  runsPerSecond: number;
  /** Peak RSS of the batch's own process(es), launchers excluded, in MB; null without /proc. */
  peakMB: number | null;
  /** Peak RSS of any launcher processes around it (none when node is started directly), in MB. */
  launcherMB: number | null;
  processes: number;
}

/** Runs the CLI's batch on `file` and checks its JSON answer. Throws with the CLI's own message when it fails. */
export async function runBatch(ctx: BenchContext, file: string, runs: number, workers: number): Promise<BatchRun> {
  // As the `statecraft` bin runs it: node with tsx registered, without npx's own launcher processes.
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'batch', file, '--runs', String(runs), '--workers', String(workers), '--json'];
  const r = await runChild(process.execPath, args, ctx.root);
  if (r.code !== 0) {
    const msg = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-3).join(' | ');
    throw new Error(`node ${args.join(' ')} exited with ${r.code}: ${msg.slice(0, 400)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw new Error(`node ${args.join(' ')} did not print one JSON object on stdout (got ${r.stdout.length} characters)`);
  }
  const reported = (parsed as { runs?: unknown }).runs;
  const count = typeof reported === 'number' ? reported : Array.isArray(reported) ? reported.length : null;
  if (count !== null && count !== runs) throw new Error(`the batch reported ${count} runs, not ${runs}`);
  return {
    runs,
    workers,
    seconds: r.seconds,
    runsPerSecond: runs / r.seconds,
    peakMB: r.memory ? r.memory.peakMB : null,
    launcherMB: r.memory ? r.memory.launcherMB : null,
    processes: r.memory ? r.memory.processes.filter((p) => !p.launcher).length : 0,
  };
}

const mb = (x: number | null) => (x === null ? 'n/a' : `${fmt(x)} MB`);

export function describeRun(b: BatchRun): string {
  return `${fmt(b.runs)} runs, ${b.workers} worker${b.workers === 1 ? '' : 's'}: ${b.seconds.toFixed(2)} s, ${fmt(b.runsPerSecond)} runs/s, peak ${mb(b.peakMB)} (${b.processes} process${b.processes === 1 ? '' : 'es'}; launchers ${mb(b.launcherMB)})`;
}

export async function run(ctx: BenchContext): Promise<PartResult> {
  const file = 'scenarios/tutorial.json';
  // The fixed cost of a batch: tsx's transpiling start-up, loading and checking the scenario, starting workers.
  const startup = await runBatch(ctx, file, 1, 1);
  ctx.log(`batch       start-up (1 run): ${startup.seconds.toFixed(2)} s`);
  const one = await runBatch(ctx, file, ctx.batchRuns, 1);
  ctx.log(`batch       ${describeRun(one)}`);
  const two = await runBatch(ctx, file, ctx.batchRuns, 2);
  ctx.log(`batch       ${describeRun(two)}`);
  const net = (b: BatchRun) => (b.seconds > startup.seconds ? b.runs / (b.seconds - startup.seconds) : null);
  const peaks = [one.peakMB, two.peakMB].filter((x): x is number => x !== null);
  return {
    runsPerSecond1Worker: round(one.runsPerSecond),
    runsPerSecond2Workers: round(two.runsPerSecond),
    peakMB: peaks.length ? round(Math.max(...peaks)) : null,
    runs: ctx.batchRuns,
    startupSeconds: round(startup.seconds),
    netRunsPerSecond1Worker: round(net(one) ?? NaN),
    netRunsPerSecond2Workers: round(net(two) ?? NaN),
    peakMB1Worker: one.peakMB === null ? null : round(one.peakMB),
    peakMB2Workers: two.peakMB === null ? null : round(two.peakMB),
    launcherMB: two.launcherMB === null ? null : round(two.launcherMB),
    seconds1Worker: round(one.seconds),
    seconds2Workers: round(two.seconds),
  };
}
