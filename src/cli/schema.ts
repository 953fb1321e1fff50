// `statecraft schema`: prints the scenario format's JSON Schema (draft-07) for editors.
import { scenarioJsonSchema } from '../engine/compiler.js';
import { flag, parseCommand, positionals } from './args.js';

export const SCHEMA_HELP = `Usage: statecraft schema

Prints the JSON Schema of the scenario format, for editor autocompletion
(save it beside the scenarios and point "$schema" at it).`;

export function runSchema(argv: string[]): number {
  const p = parseCommand('schema', argv, {});
  if (flag(p, 'help')) {
    process.stdout.write(`${SCHEMA_HELP}\n`);
    return 0;
  }
  positionals('schema', p, []);
  process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
