// Batch aggregates, built run by run in run order (so the summary is the same whatever the worker count), and CSV rows.
import { csvRow } from '../analysis/csv.js';
import { maxScoreOf } from '../engine/index.js';
import type { Scenario } from '../engine/index.js';
import type { RunResult } from './batchRun.js';
import type { AtomicFile } from './atomicWrite.js';

export interface IndicatorStats {
  mean: number;
  min: number;
  max: number;
  atBoundShare: number;
}

export interface BatchSummary {
  runs: number;
  seed: string;
  workers: number;
  seconds: number;
  /** Which indicator values the statistics cover. */
  sample: string;
  meanTurns: number;
  endings: Record<string, number>;
  indicators: Record<string, IndicatorStats>;
  /** meanScore: mean objective points; max: points available; best: the highest any run scored. */
  objectives: Record<string, { meanScore: number; max: number; best: number }>;
}

export const SAMPLE = 'indicator values after every played turn (turns 1..end) of every run; the opening state (turn 0) is excluded';

export class BatchStats {
  private readonly n: number;
  private readonly sum: number[];
  private readonly min: number[];
  private readonly max: number[];
  private readonly atBound: number[];
  private values = 0;
  private runs = 0;
  private turns = 0;
  private readonly endings = new Map<string, number>();
  private readonly scoreSum: number[];
  private readonly best: number[];

  constructor(
    private readonly sc: Scenario,
    private readonly csv: AtomicFile | null,
  ) {
    this.n = sc.indicators.length;
    this.sum = new Array<number>(this.n).fill(0);
    this.min = new Array<number>(this.n).fill(Infinity);
    this.max = new Array<number>(this.n).fill(-Infinity);
    this.atBound = new Array<number>(this.n).fill(0);
    this.scoreSum = new Array<number>(sc.actors.length).fill(0);
    this.best = new Array<number>(sc.actors.length).fill(-Infinity);
    for (const e of sc.endings) this.endings.set(e.id, 0);
    csv?.write(csvRow(['run', 'seed', 'turn', ...sc.indicators.map((i) => i.id)]));
  }

  /** Adds one run; callers add runs in run order. */
  add(r: RunResult): void {
    this.runs++;
    this.turns += r.turns;
    const key = r.ending ?? 'none';
    this.endings.set(key, (this.endings.get(key) ?? 0) + 1);
    r.scores.forEach((s, a) => {
      this.scoreSum[a]! += s;
      if (s > this.best[a]!) this.best[a] = s;
    });
    let rows = '';
    for (let t = 0; t < r.turns; t++) {
      const row = r.indicators.slice(t * this.n, (t + 1) * this.n);
      for (let i = 0; i < this.n; i++) {
        const v = row[i]!;
        const ind = this.sc.indicators[i]!;
        this.sum[i]! += v;
        if (v < this.min[i]!) this.min[i] = v;
        if (v > this.max[i]!) this.max[i] = v;
        if (v === ind.min || v === ind.max) this.atBound[i]! += 1;
      }
      this.values++;
      if (this.csv) rows += csvRow([r.run, r.seed, t + 1, ...row]);
    }
    this.csv?.write(rows);
  }

  summary(seed: string, workers: number, seconds: number): BatchSummary {
    const indicators: Record<string, IndicatorStats> = {};
    this.sc.indicators.forEach((ind, i) => {
      const k = this.values;
      indicators[ind.id] = k
        ? { mean: this.sum[i]! / k, min: this.min[i]!, max: this.max[i]!, atBoundShare: this.atBound[i]! / k }
        : { mean: 0, min: 0, max: 0, atBoundShare: 0 };
    });
    const objectives: BatchSummary['objectives'] = {};
    this.sc.actors.forEach((a, i) => {
      objectives[a.id] = { meanScore: this.runs ? this.scoreSum[i]! / this.runs : 0, max: maxScoreOf(this.sc, i), best: this.runs ? this.best[i]! : 0 };
    });
    return {
      runs: this.runs,
      seed,
      workers,
      seconds,
      sample: SAMPLE,
      meanTurns: this.runs ? this.turns / this.runs : 0,
      endings: Object.fromEntries(this.endings),
      indicators,
      objectives,
    };
  }
}
