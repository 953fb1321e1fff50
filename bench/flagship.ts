// Part "flagship": scenarios/party-congress.json: all-AI games in process, and a 10,000-run CLI batch.
import { describeRun, runBatch } from './batch.js';
import { round } from './lib/measure.js';
import type { BenchContext, PartResult } from './lib/types.js';
import { measureAiGames } from './tutorial.js';

const FILE = 'scenarios/party-congress.json';

export async function run(ctx: BenchContext): Promise<PartResult> {
  const out: Record<string, unknown> = measureAiGames(ctx, FILE, 'flagship');
  const b = await runBatch(ctx, FILE, ctx.batchRuns, 2);
  ctx.log(`flagship    ${describeRun(b)}${b.runs === 10_000 ? '' : ' (not 10,000 runs: batch10kSeconds left null)'}`);
  out.batch10kSeconds = b.runs === 10_000 ? round(b.seconds) : null;
  out.batchSeconds = round(b.seconds);
  out.batchPeakMB = b.peakMB === null ? null : round(b.peakMB);
  out.batchRuns = b.runs;
  out.batchWorkers = b.workers;
  return out;
}
