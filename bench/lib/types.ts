// What every bench part receives and returns. bench/browser.ts (owned by a colleague) follows the same contract.
import type { MeasureOptions } from './measure.js';

export interface BenchContext {
  /** Smoke-run settings: short samples, small batches. */
  quick: boolean;
  /** The repository root (absolute). */
  root: string;
  /** Timing settings for in-process measurements. */
  timing: MeasureOptions;
  /** Runs per CLI batch (10,000 outside --quick unless --batch-runs says otherwise). */
  batchRuns: number;
  /** A human-readable line on stderr. */
  log(line: string): void;
}

/** A part's figures: a nested object of numbers and short strings; `skipped` names a missing prerequisite. */
export type PartResult = { skipped: string } | Record<string, unknown>;

export interface BenchPart {
  run(ctx: BenchContext): Promise<PartResult>;
}
