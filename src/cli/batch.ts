// `statecraft batch`: many AI-only runs over worker threads, summarised in run order (BehaviorSpace-style).
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../engine/index.js';
import { CliError, flag, intOpt, numberOpt, parseCommand, positionals, seedOpt, stringOpt } from './args.js';
import { BALANCE_ONLY, runBalanceReport } from './batchBalance.js';
import { playRuns, type RunResult, type WorkerInput, type WorkerReply, type WorkerTask } from './batchRun.js';
import { BatchStats, SAMPLE, type BatchSummary } from './batchStats.js';
import { onInterrupt } from './interrupt.js';
import { AtomicFile, loadScenarioFile } from './io.js';
import { endingDef, num } from './narrate.js';
import { progress } from './progress.js';
import { err, out } from './terminal.js';

export const BATCH_HELP = `Usage: statecraft batch <scenario.json> --runs N [options]
       statecraft batch <scenario.json> --balance [--runs N] [--train N] [--holdout N] [--sequences N]
                        [--leaders N] [--major-flows a,b] [--seed S] [--fuzz X] [--json]

Plays N games with the AI in every seat. Run i (1..N) uses the seed "<S>-<i>", so the same
--seed gives the same results whatever the number of workers.

Options:
  --runs N        number of runs (required, except with --balance: default 1000)
  --seed S        seed prefix (default "batch")
  --workers W     worker threads (default min(2, CPUs)); 1 runs in this process
  --workers-only  with W > 1, play every run in a worker (by default the main thread plays runs
                  while the workers start up, a few tenths of a second)
  --json          print the summary as one JSON object:
                  {runs, seed, workers, seconds, sample, meanTurns, endings, indicators, objectives}
  --csv FILE      write one row per run and turn: run,seed,turn,<every indicator id> (turn 0 excluded)
  --fuzz X        every AI's fuzz from 0 to 1, instead of each actor's own
  --debug         print stack traces of unexpected errors

Balance report (--balance; src/analysis/balance.ts; in this process, one thread):
  --balance       the measurements and bars of the balance report instead of the summary:
                  N all-AI runs (seeds "<S>-i") per world: as is, with leverage.strength 0, at
                  fuzz 0, and with each flow cut; then per role the adversary: every policy on the
                  role's seat (every other seat the AI; the role's dilemmas answered by the AI) on
                  training seeds "<S>-train-i": always each action, each ordered two-action
                  alternation, greedy one-step look-ahead, random action sequences, the AI itself,
                  and the cooperative and coercive reference policies; the leaders of each class
                  replayed on holdout seeds "<S>-holdout-i", where the figures are reported. Then
                  every check, PASS or FAIL. Exit status 0 even when a check fails.
  --train N       training seeds per role (default 100)
  --holdout N     holdout seeds per role (default 200)
  --sequences N   random action sequences per role (default 300)
  --leaders N     leaders per class replayed on holdout, by top-ending share and by mean score
                  (default 3 each)
  --major-flows L comma-separated flow ids the flow-cut bar applies to (default: the flows the
                  scenario marks "major": true, else every flow not marked false whose initial
                  value is at least 20% of its max)
  --json          with --balance: one object {balance: {scenario, seedPrefix, aiFuzz, thresholds,
                  sizes, allAi, endings, humanOnly, leverage, flows, fuzz, objectives, aiScore,
                  scoresByEnding, events, dilemmas, eventVariety, roles, checks, passed, seconds}}
  --notes         with --balance: the report as the Markdown table kept in a scenario's notes
  --balance is not combined with --csv, --workers or --workers-only; --train, --holdout,
  --sequences, --leaders and --major-flows need --balance.

Indicator statistics (mean, min, max, atBoundShare = share of values exactly at the indicator's
min or max) cover the values after every played turn, 1..end, of every run; turn 0 is excluded.`;

/** Runs per message to a worker: small enough to balance, large enough to keep messages few. */
const MAX_CHUNK = 50;
/** Runs the main thread plays at a time while the workers start, between looks at their messages. */
const WARM_SLICE = 2;

interface Job {
  sc: Scenario;
  text: string;
  file: string;
  seed: string;
  runs: number;
  fuzz: number | null;
  workers: number;
  warmStart: boolean;
  onRun: (r: RunResult) => void;
}

/** Results in run order: chunks may arrive out of order from several workers; only those waiting are held. */
class InOrder {
  private next = 1;
  private readonly waiting = new Map<number, RunResult[]>();
  constructor(private readonly onRun: (r: RunResult) => void) {}
  add(from: number, runs: RunResult[]): void {
    this.waiting.set(from, runs);
    for (let chunk = this.waiting.get(this.next); chunk; chunk = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      for (const r of chunk) this.onRun(r);
      this.next += chunk.length;
    }
  }
}

// Yields to the event loop between chunks, so SIGINT and SIGTERM are handled within a chunk's time.
async function runInProcess(job: Job): Promise<void> {
  for (let from = 1; from <= job.runs; from += MAX_CHUNK) {
    for (const r of playRuns(job.sc, job.seed, from, Math.min(job.runs + 1, from + MAX_CHUNK), job.fuzz)) job.onRun(r);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * The worker's code as one script, bundled by esbuild (about 0.1 s, while the main thread plays runs): a worker then
 * starts in about 0.15 s, where loading the TypeScript modules one by one through tsx takes about a second.
 * null when esbuild cannot bundle it here; workers then start through tsx.
 */
export async function workerScript(): Promise<string | null> {
  try {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [fileURLToPath(new URL('./batchWorker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    return out.outputFiles[0]?.text ?? null;
  } catch {
    return null;
  }
}

/**
 * A worker thread running batchWorker.ts: the bundled script, or else a small bootstrap that registers tsx inside
 * the worker first (Node 20 does not apply `--import tsx` hooks to a worker's entry module), then imports the file.
 * Heap limits keep each worker small (a 10,000-run flagship batch stays near 200 MB in all): V8 collects sooner
 * instead of growing its heap, with no measurable slowdown.
 */
function spawnWorker(script: string | null, workerData: WorkerInput): Worker {
  const options = { eval: true, execArgv: [], workerData, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 96 } };
  if (script !== null) return new Worker(script, options);
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./batchWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, options);
}

/**
 * Spreads the runs over `job.workers` threads in chunks. Starting the workers takes a moment (bundling their
 * script, then compiling the scenario in each), so until every worker is ready the main thread, which has the
 * scenario compiled already, plays chunks itself. Results are summed in run order, so the split never changes the summary.
 */
function runInWorkers(job: Job): Promise<void> {
  const chunk = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(job.runs / (job.workers * 4))));
  const order = new InOrder(job.onRun);
  let nextFrom = 1;
  let done = 0;
  let ready = 0;
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let finished = false;
    const finish = (e: Error | null) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (e) reject(e);
      else resolve();
    };
    const take = (size = chunk): { from: number; to: number } | null => {
      if (nextFrom > job.runs) return null;
      const range = { from: nextFrom, to: Math.min(job.runs + 1, nextFrom + size) };
      nextFrom = range.to;
      return range;
    };
    const complete = (from: number, runs: RunResult[]) => {
      order.add(from, runs);
      done += runs.length;
      if (done === job.runs) finish(null);
    };
    const feed = (w: Worker) => {
      const range = take();
      if (range) w.postMessage({ type: 'runs', ...range } satisfies WorkerTask);
      else w.postMessage({ type: 'stop' } satisfies WorkerTask);
    };
    const warmStart = () => {
      if (finished || ready === job.workers || !job.warmStart) return;
      // Small slices, so the main thread hands over to the workers as soon as they are ready.
      const range = take(WARM_SLICE);
      if (!range) return;
      try {
        complete(range.from, playRuns(job.sc, job.seed, range.from, range.to, job.fuzz));
      } catch (e) {
        finish(e as Error);
        return;
      }
      setImmediate(warmStart);
    };
    const workerData: WorkerInput = { scenarioText: job.text, file: job.file, seed: job.seed, fuzz: job.fuzz };
    const spawnAll = (script: string | null) => {
      if (finished) return;
      for (let i = 0; i < job.workers; i++) spawn(script);
    };
    const spawn = (script: string | null) => {
      const w = spawnWorker(script, workerData);
      workers.push(w);
      w.on('message', (m: WorkerReply) => {
        if (finished) return;
        if (m.type === 'error') {
          const failure = new Error(`batch worker: ${m.message}`);
          if (m.stack) failure.stack = m.stack;
          finish(failure);
          return;
        }
        if (m.type === 'ready') {
          ready++;
          // Two chunks in flight per worker, so it never waits for the main thread between chunks.
          feed(w);
        } else {
          try {
            complete(m.from, m.runs);
          } catch (e) {
            finish(e as Error);
            return;
          }
          if (finished) return;
        }
        feed(w);
      });
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => {
        if (code !== 0 && !finished) finish(new Error(`a batch worker stopped with exit code ${code}`));
      });
    };
    void workerScript().then(spawnAll);
    setImmediate(warmStart);
  });
}

function printSummary(sc: Scenario, s: BatchSummary): void {
  const lines: string[] = [];
  const rate = s.seconds > 0 ? ` (${Math.round(s.runs / s.seconds)} runs/s)` : '';
  lines.push(
    `Batch: ${s.runs} runs of "${sc.def.id}", seeds "${s.seed}-1".."${s.seed}-${s.runs}", ${s.workers} worker${s.workers === 1 ? '' : 's'}, ${s.seconds.toFixed(1)} s${rate}`,
  );
  lines.push(`Mean turns played: ${num(s.meanTurns)}`);
  lines.push('', 'Endings:');
  const ew = Math.max(...Object.keys(s.endings).map((k) => k.length));
  for (const [id, count] of Object.entries(s.endings)) {
    lines.push(
      `  ${id.padEnd(ew)} ${String(count).padStart(7)}  ${(s.runs ? (count / s.runs) * 100 : 0).toFixed(1).padStart(5)}%  ${endingDef(sc, id)?.title ?? ''}`,
    );
  }
  lines.push('', `Indicators (${SAMPLE}):`);
  const w = Math.max(9, ...Object.keys(s.indicators).map((k) => k.length));
  lines.push(`  ${'indicator'.padEnd(w)} ${'mean'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)}  at bound`);
  for (const [id, x] of Object.entries(s.indicators)) {
    lines.push(
      `  ${id.padEnd(w)} ${x.mean.toFixed(2).padStart(9)} ${num(x.min).padStart(9)} ${num(x.max).padStart(9)}  ${(x.atBoundShare * 100).toFixed(1).padStart(6)}%`,
    );
  }
  lines.push('', 'Objectives (points):');
  for (const [id, o] of Object.entries(s.objectives)) lines.push(`  ${id.padEnd(w)} mean ${o.meanScore.toFixed(2)} of ${o.max} (best ${o.best})`);
  out(`${lines.join('\n')}\n`);
}

export async function runBatch(argv: string[]): Promise<number> {
  const p = parseCommand('batch', argv, {
    runs: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    'workers-only': { type: 'boolean' },
    json: { type: 'boolean' },
    csv: { type: 'string' },
    fuzz: { type: 'string' },
    balance: { type: 'boolean' },
    train: { type: 'string' },
    holdout: { type: 'string' },
    sequences: { type: 'string' },
    leaders: { type: 'string' },
    'major-flows': { type: 'string', multiple: true },
    notes: { type: 'boolean' },
  });
  if (flag(p, 'help')) {
    out(`${BATCH_HELP}\n`);
    return 0;
  }
  const [file] = positionals('batch', p, ['scenario']) as [string];
  const balance = flag(p, 'balance');
  const runs = intOpt(p, 'runs', 1, 10_000_000) ?? (balance ? 1000 : undefined);
  if (runs === undefined) throw new CliError('batch: --runs N is required (see: statecraft batch --help)', 2);
  // Run seeds add "-<run>" (up to 9 characters) to the prefix, within a seed's 200.
  const seed = seedOpt(p, 180) ?? 'batch';
  if (balance) return runBalanceReport(p, file, runs, seed);
  for (const o of BALANCE_ONLY) if (p.values[o] !== undefined) throw new CliError(`batch: --${o} needs --balance (see: statecraft batch --help)`, 2);
  const workers = Math.min(intOpt(p, 'workers', 1, 64) ?? Math.min(2, availableParallelism()), runs);
  const fuzz = numberOpt(p, 'fuzz', 0, 1) ?? null;
  const { scenario: sc, text } = loadScenarioFile(file);
  const csvFile = stringOpt(p, 'csv');
  const csv = csvFile ? new AtomicFile(csvFile) : null;
  const started = performance.now();
  const bar = progress(runs, started);
  let done = 0;
  const stats = new BatchStats(sc, csv);
  const stopped = onInterrupt(() => {
    bar.end();
    err(`statecraft: batch stopped after ${done} of ${runs} runs\n`);
  });
  const onRun = (r: RunResult) => {
    stats.add(r);
    bar.tick(++done);
  };
  try {
    const job: Job = { sc, text, file, seed, runs, fuzz, workers, warmStart: !flag(p, 'workers-only'), onRun };
    if (workers === 1) await runInProcess(job);
    else await runInWorkers(job);
    csv?.commit();
  } finally {
    bar.end();
    csv?.abort();
    stopped();
  }
  const summary = stats.summary(seed, workers, (performance.now() - started) / 1000);
  if (flag(p, 'json')) out(`${JSON.stringify(summary)}\n`);
  else printSummary(sc, summary);
  if (csvFile) err(`csv written to ${csvFile}\n`);
  return 0;
}
