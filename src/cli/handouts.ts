// `statecraft handouts`: the scenario's printable handouts (role cards, class sheet, instructor notes, what is invented) as HTML files.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { handoutsOf } from '../analysis/handouts.js';
import { CliError, flag, parseCommand, positionals, stringOpt } from './args.js';
import { err, out } from './terminal.js';
import { loadScenarioFile, writeText } from './io.js';

export const HANDOUTS_HELP = `Usage: statecraft handouts <scenario.json> --out DIR

Writes the scenario's handouts as self-contained HTML pages into DIR (created if missing): index.html,
class-sheet.html (situation, roles, how a turn goes, glossary), role-<actor>.html for each role
(biography, goals, scored objectives, first-turn options), invented.html (every part the authors
invented, with its reason) and instructor.html (learning objectives, class plan, discussion questions,
notes). Open a page in a browser and print it, or save it as PDF; the pages carry print styles.`;

export function runHandouts(argv: string[]): number {
  const p = parseCommand('handouts', argv, { out: { type: 'string' } });
  if (flag(p, 'help')) {
    out(`${HANDOUTS_HELP}\n`);
    return 0;
  }
  const [file] = positionals('handouts', p, ['scenario']) as [string];
  const outFile = stringOpt(p, 'out');
  if (!outFile) throw new CliError('handouts needs --out DIR, the folder to write the pages to', 2);
  const { scenario } = loadScenarioFile(file);
  try {
    mkdirSync(outFile, { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create ${outFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!statSync(outFile).isDirectory()) throw new CliError(`${outFile} is not a folder`);
  const pages = handoutsOf(scenario);
  for (const h of pages) writeText(join(outFile, h.file), h.html);
  err(`${pages.length} handouts written to ${outFile} (open ${join(outFile, 'index.html')})\n`);
  return 0;
}
