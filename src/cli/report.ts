// `statecraft report`: a Markdown debrief of a verified replay: timeline, causes of change, ending, objectives.
import { debriefMarkdown } from '../analysis/debrief.js';
import { flag, parseCommand, positionals, stringOpt } from './args.js';
import { writeText } from './io.js';
import { verifyReplayFile } from './replay.js';
import { err, out } from './terminal.js';

export const REPORT_HELP = `Usage: statecraft report <replay.json> [--scenario FILE] [--out FILE]

Verifies the replay (see "statecraft replay --help" for how its scenario is found), then prints a
Markdown debrief: roles, a timeline of every turn (actions, odds rolled, events, dilemma answers),
what changed and why, the ending and its explanation, each role's objectives, and the scenario's
discussion questions. Every figure is the true one; numbers some roles saw only as estimates are
marked, with who saw them so and what each human seat last read. --out FILE writes it to FILE
instead of stdout.`;

export function runReport(argv: string[]): number {
  const p = parseCommand('report', argv, { scenario: { type: 'string' }, out: { type: 'string' } });
  if (flag(p, 'help')) {
    out(`${REPORT_HELP}\n`);
    return 0;
  }
  const [file] = positionals('report', p, ['replay']) as [string];
  const v = verifyReplayFile(file, stringOpt(p, 'scenario'));
  const text = debriefMarkdown(v.scenario, v.state);
  const outFile = stringOpt(p, 'out');
  if (outFile) {
    writeText(outFile, text);
    err(`debrief written to ${outFile}\n`);
  } else out(text);
  return 0;
}
