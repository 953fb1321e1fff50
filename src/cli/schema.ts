// `statecraft schema`: prints the scenario format's JSON Schema (draft-07) for editors.
import { scenarioJsonSchema } from '../engine/compiler.js';
import { flag, parseCommand, positionals, stringOpt } from './args.js';
import { writeFileAtomic } from './atomicWrite.js';
import { err, out } from './terminal.js';

export const SCHEMA_HELP = `Usage: statecraft schema [--out FILE]

Prints the JSON Schema of the scenario format, for editor autocompletion
(save it beside the scenarios and point "$schema" at it). --out FILE writes it to FILE instead.`;

export function runSchema(argv: string[]): number {
  const p = parseCommand('schema', argv, { out: { type: 'string' } });
  if (flag(p, 'help')) {
    out(`${SCHEMA_HELP}\n`);
    return 0;
  }
  positionals('schema', p, []);
  const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  const file = stringOpt(p, 'out');
  if (file) {
    writeFileAtomic(file, text);
    err(`schema written to ${file}\n`);
  } else out(text);
  return 0;
}
