// `npm run bench [-- --quick] [--json] [--only NAME] [--batch-runs N]`: the project's performance figures.
// Human-readable lines go to stderr; with --json, one JSON object goes to stdout. Nothing here is a test:
// the figures are printed, never asserted.
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FULL, QUICK } from './lib/measure.js';
import type { BenchContext, BenchPart, PartResult } from './lib/types.js';

const PARTS = ['comparison', 'tutorial', 'batch', 'validation', 'flagship', 'scaling', 'browser', 'memory', 'classroom'] as const;
type PartName = (typeof PARTS)[number];

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

async function loadPart(name: PartName): Promise<BenchPart> {
  const modules: Record<PartName, () => Promise<BenchPart>> = {
    comparison: () => import('./comparison.js'),
    tutorial: () => import('./tutorial.js'),
    batch: () => import('./batch.js'),
    validation: () => import('./validation.js'),
    flagship: () => import('./flagship.js'),
    scaling: () => import('./scaling.js'),
    browser: () => import('./browser.js'),
    memory: () => import('./memory.js'),
    classroom: () => import('./classroom.js'),
  };
  return modules[name]();
}

function usage(): string {
  return [
    'usage: npm run bench -- [--quick] [--json] [--only NAME]... [--batch-runs N]',
    `  NAME: ${PARTS.join(', ')}`,
    '  --quick       smoke run: short samples and 500-run batches (figures are rough)',
    '  --json        print one JSON object with every figure on stdout',
    '  --batch-runs  runs per CLI batch (default 10000, --quick 500)',
  ].join('\n');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: process.argv.slice(2),
      options: {
        quick: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        only: { type: 'string', multiple: true },
        'batch-runs': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${usage()}\n`);
    return 2;
  }
  if (args.help) {
    process.stderr.write(`${usage()}\n`);
    return 0;
  }
  const only = (args.only ?? [])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);
  const unknown = only.filter((x) => !(PARTS as readonly string[]).includes(x));
  if (unknown.length) {
    process.stderr.write(`unknown part: ${unknown.join(', ')}\n${usage()}\n`);
    return 2;
  }
  const quick = args.quick === true;
  const batchRuns = args['batch-runs'] === undefined ? (quick ? 500 : 10_000) : Number(args['batch-runs']);
  if (!Number.isInteger(batchRuns) || batchRuns < 1) {
    process.stderr.write(`--batch-runs must be a whole number of at least 1\n`);
    return 2;
  }
  const ctx: BenchContext = {
    quick,
    root,
    batchRuns,
    timing: quick ? QUICK : FULL,
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const selected = only.length ? PARTS.filter((p) => only.includes(p)) : PARTS;
  const cpu = cpus();
  const result: Record<string, unknown> = {
    meta: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
      quick,
      parts: selected,
    },
  };
  ctx.log(
    `bench: node ${process.version}, ${cpu.length} CPUs (${cpu[0]?.model ?? '?'}), load ${loadavg()[0]!.toFixed(2)}${quick ? ', --quick (rough figures)' : ''}`,
  );
  let failed = false;
  for (const name of selected) {
    const t0 = performance.now();
    let out: PartResult;
    try {
      out = await (await loadPart(name)).run(ctx);
    } catch (e) {
      failed = true;
      const message = e instanceof Error ? e.message : String(e);
      ctx.log(`${name.padEnd(11)} FAILED: ${message}`);
      out = { error: message };
    }
    if ('skipped' in out && typeof out.skipped === 'string') ctx.log(`${name.padEnd(11)} skipped: ${out.skipped}`);
    result[name] = { ...out, partSeconds: Number(((performance.now() - t0) / 1000).toFixed(2)) };
  }
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
