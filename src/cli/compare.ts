// `statecraft compare`: several groups' replays of one scenario side by side, as Markdown, JSON or CSV.
import { compareGames, type GroupGame } from '../analysis/compare.js';
import { comparisonCsv, comparisonMarkdown } from '../analysis/compareFormat.js';
import { groupNames } from '../analysis/groupReplays.js';
import { CliError, flag, parseCommand, stringOpt } from './args.js';
import { err, out } from './terminal.js';
import { writeText } from './io.js';
import { verifyReplayFile, type Verified } from './replay.js';

export const COMPARE_HELP = `Usage: statecraft compare <replay.json> <replay.json>... [--scenario FILE] [--json] [--csv FILE] [--out FILE]

Verifies every replay (see "statecraft replay --help" for how the scenario is found; all must be of
the same scenario file), then compares the groups' games: each group's ending and scores, for every
turn and role "k of N groups chose X" (dilemma answers too), the indicators at the end, the turn
whose choices split the groups most and the turn their numbers drew apart most. A group is named
after its file. Prints Markdown; --json prints the comparison as JSON (each group's ending id and
scores, every turn, every indicator's trajectory); --csv FILE writes one row per group and turn;
--out FILE writes the Markdown (or JSON) to FILE instead of stdout.`;

export function runCompare(argv: string[]): number {
  const p = parseCommand('compare', argv, { scenario: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'string' }, out: { type: 'string' } });
  if (flag(p, 'help')) {
    out(`${COMPARE_HELP}\n`);
    return 0;
  }
  const files = p.positionals;
  if (files.length < 2) throw new CliError('compare needs at least two replay files (see: statecraft compare --help)', 2);
  const scenarioOpt = stringOpt(p, 'scenario');
  const verified: Verified[] = files.map((f) => verifyReplayFile(f, scenarioOpt));
  const first = verified[0]!;
  for (const [k, v] of verified.entries()) {
    if (v.scenario.hash !== first.scenario.hash) {
      throw new CliError(
        `${files[k]}: a replay of ${v.scenario.def.id} (${v.scenarioFile}), not of the same scenario as ${files[0]} (${first.scenario.def.id}, ${first.scenarioFile}); compare games of one scenario`,
      );
    }
  }
  const names = groupNames(files);
  const games: GroupGame[] = verified.map((v, k) => ({ name: names[k]!, state: v.state }));
  const c = compareGames(first.scenario, games);
  const csv = stringOpt(p, 'csv');
  if (csv) {
    writeText(csv, comparisonCsv(first.scenario, c));
    err(`csv written to ${csv}\n`);
  }
  const text = flag(p, 'json') ? `${JSON.stringify(c, null, 2)}\n` : comparisonMarkdown(first.scenario, c);
  const outFile = stringOpt(p, 'out');
  if (outFile) {
    writeText(outFile, text);
    err(`comparison written to ${outFile}\n`);
  } else out(text);
  return 0;
}
