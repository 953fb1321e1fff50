// Interleaved sampling: several workloads timed in turn in one process (A B C A B C ...), by this process's CPU time,
// so a swing in the machine's load falls on every side alike and ratios come from samples taken side by side.
import { performance } from 'node:perf_hooks';

export interface InterleaveOptions {
  /** Wall time each side runs untimed first, in turn, so the JIT has settled. */
  warmupMs: number;
  /** Minimum wall time of one sample; a sample runs its side's work repeatedly until it has lasted this long. */
  sampleMs: number;
  /** Rounds of samples: each round takes one sample of every side, in order. */
  rounds: number;
}

/** A workload: `work` does one round of work (a game) and returns how many units (moves) it did. */
export interface Side {
  name: string;
  work: () => number;
}

/** Units per CPU second over a set of samples. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** pure; min, median and max of `xs`. */
export function spreadOf(xs: readonly number[]): Spread {
  return { min: Math.min(...xs), median: median(xs), max: Math.max(...xs) };
}

/** pure; a[i] / b[i] for every round i, summarised: ratios of samples taken side by side, never of two medians. */
export function pairedRatios(a: readonly number[], b: readonly number[]): Spread {
  if (a.length !== b.length || a.length === 0) throw new Error(`paired ratios need as many samples on each side (got ${a.length} and ${b.length})`);
  return spreadOf(a.map((x, i) => x / b[i]!));
}

/** One sample of `side`: its rate in units per second of this process's CPU time (user + system). */
function sample(side: Side, sampleMs: number): number {
  let units = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  do units += side.work();
  while (performance.now() - t0 < sampleMs);
  const cpu = process.cpuUsage(cpu0);
  return units / Math.max(1e-9, (cpu.user + cpu.system) / 1e6);
}

/** Every side's per-round rates (units per CPU second), sampled A B C A B C ... after an alternating warm-up. */
export function interleave(sides: readonly Side[], opts: InterleaveOptions): Record<string, number[]> {
  const slice = Math.max(10, opts.warmupMs / 4);
  for (let k = 0; k < 4; k++) {
    for (const side of sides) {
      const end = performance.now() + slice;
      do side.work();
      while (performance.now() < end);
    }
  }
  const rates: Record<string, number[]> = Object.fromEntries(sides.map((s) => [s.name, []]));
  for (let r = 0; r < opts.rounds; r++) for (const side of sides) rates[side.name]!.push(sample(side, opts.sampleMs));
  return rates;
}
