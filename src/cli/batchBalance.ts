// `statecraft batch --balance`: the balance report (src/analysis/balance.ts), played in this process, printed as a
// table or as one JSON object.
import { runBalance, type BalanceReport } from '../analysis/balance.js';
import { formatBalance } from '../analysis/balanceFormat.js';
import { balanceNoteLines } from '../analysis/balanceNotes.js';
import { CliError, flag, intOpt, listOpt, numberOpt, type Parsed } from './args.js';
import { loadScenarioFile } from './io.js';
import { progress } from './progress.js';
import { out } from './terminal.js';

/** The options only `--balance` reads. */
export const BALANCE_ONLY = ['train', 'holdout', 'sequences', 'leaders', 'major-flows', 'notes'] as const;

/** `batch --balance`: the balance report, played in this process, as a table or as {balance: {...}}. */
export function runBalanceReport(p: Parsed, file: string, runs: number, seed: string): number {
  for (const o of ['csv', 'workers', 'workers-only']) {
    if (p.values[o] !== undefined)
      throw new CliError(`batch: --${o} cannot be combined with --balance, which runs in this process (see: statecraft batch --help)`, 2);
  }
  const fuzz = numberOpt(p, 'fuzz', 0, 1) ?? null;
  const train = intOpt(p, 'train', 1, 1_000_000);
  const holdout = intOpt(p, 'holdout', 1, 1_000_000);
  const sequences = intOpt(p, 'sequences', 1, 1_000_000);
  const leaders = intOpt(p, 'leaders', 1, 1000);
  const major = p.values['major-flows'] === undefined ? undefined : listOpt(p, 'major-flows');
  const { scenario: sc } = loadScenarioFile(file);
  for (const f of major ?? []) {
    if (!sc.flowIndex.has(f))
      throw new CliError(
        `batch: --major-flows: "${f}" is not a flow of ${sc.def.id}; flows: ${sc.flows.map((x) => x.id).join(', ') || 'none'} (see: statecraft batch --help)`,
        2,
      );
  }
  const started = performance.now();
  const bar: { current: ReturnType<typeof progress> | null } = { current: null };
  let report: BalanceReport;
  try {
    report = runBalance(sc, {
      runs,
      seedPrefix: seed,
      aiFuzz: fuzz,
      train,
      holdout,
      sequences,
      leaders,
      majorFlows: major,
      onProgress: (done, total) => (bar.current ??= progress(total, started, 'games')).tick(done, total),
    });
  } finally {
    bar.current?.end();
  }
  const seconds = (performance.now() - started) / 1000;
  if (flag(p, 'json')) out(`${JSON.stringify({ balance: { ...report, seconds } })}\n`);
  else if (flag(p, 'notes')) out(`${balanceNoteLines(report, commandOf(p, file)).join('\n')}\n`);
  else out(`${formatBalance(report)}\n(${seconds.toFixed(1)} s)\n`);
  return 0;
}

/** The command that made a report, for the notes: the scenario file and every option given but the output ones. */
function commandOf(p: Parsed, file: string): string {
  const parts = ['statecraft batch', file, '--balance'];
  for (const [k, v] of Object.entries(p.values)) {
    if (v === undefined || k === 'balance' || k === 'notes' || k === 'json' || k === 'debug') continue;
    parts.push(typeof v === 'boolean' ? `--${k}` : `--${k} ${Array.isArray(v) ? v.join(',') : String(v)}`);
  }
  return parts.join(' ');
}
