// A small measurement harness in the spirit of tinybench: warm-up, several timed samples, median and spread.
import { performance } from 'node:perf_hooks';

export interface MeasureOptions {
  /** Time spent running the workload untimed first, so the JIT has settled. */
  warmupMs: number;
  /** Minimum wall time of one sample; a sample runs the workload repeatedly until it has lasted this long. */
  sampleMs: number;
  /** Number of samples; samples × sampleMs is kept at ≥ 1 s outside --quick. */
  samples: number;
}

export const FULL: MeasureOptions = { warmupMs: 500, sampleMs: 200, samples: 11 };
export const QUICK: MeasureOptions = { warmupMs: 150, sampleMs: 100, samples: 3 };

export interface Rate {
  /** Median of the per-sample rates (units per wall-clock second). */
  median: number;
  /** (max - min) / median of the per-sample rates: 0.05 means the samples lie within a 5% band. */
  spread: number;
  min: number;
  max: number;
  /** Median of the per-sample rates per second of this process's CPU time (user + system, all threads). */
  cpuMedian: number;
  samples: number;
  /** Units of work and wall seconds over all samples. */
  units: number;
  seconds: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Measures `work`, which does one round of work and returns how many units (moves, games, ...) it did.
 * Rates are units per second. Nothing here asserts anything about the figures.
 */
export function measure(work: () => number, opts: MeasureOptions): Rate {
  const warmEnd = performance.now() + opts.warmupMs;
  do work();
  while (performance.now() < warmEnd);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let units = 0;
  let seconds = 0;
  for (let i = 0; i < opts.samples; i++) {
    let n = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let t: number;
    do {
      n += work();
      t = performance.now();
    } while (t - t0 < opts.sampleMs);
    const cpu = process.cpuUsage(cpu0);
    const wall = (t - t0) / 1000;
    rates.push(n / wall);
    cpuRates.push(n / Math.max(1e-9, (cpu.user + cpu.system) / 1e6));
    units += n;
    seconds += wall;
  }
  const med = median(rates);
  const min = Math.min(...rates);
  const max = Math.max(...rates);
  return { median: med, spread: med > 0 ? (max - min) / med : 0, min, max, cpuMedian: median(cpuRates), samples: rates.length, units, seconds };
}

/** Times one call of `fn` in milliseconds, many times, for work that takes about a millisecond or more. */
export function measureMs(fn: () => void, opts: MeasureOptions): { medianMs: number; spread: number; calls: number } {
  const r = measure(() => {
    fn();
    return 1;
  }, opts);
  // Rates are calls per second; the inverse of their median is the median time per call.
  return { medianMs: 1000 / r.median, spread: r.spread, calls: r.units };
}

/** "1,234,567" */
export function fmt(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** "spread 6.4%" */
export function pct(spread: number): string {
  return `spread ${(spread * 100).toFixed(1)}%`;
}

/** Rounds for the JSON output: integers for large rates, 3 significant digits for small numbers. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (Math.abs(x) >= 100) return Math.round(x);
  return Number(x.toPrecision(3));
}
