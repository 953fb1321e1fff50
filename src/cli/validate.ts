// `statecraft validate`: checks scenario files and prints every problem as file:line:column.
import { CliError, flag, parseCommand } from './args.js';
import { loadScenarioText, readText } from './io.js';
import { err, out } from './terminal.js';

export const VALIDATE_HELP = `Usage: statecraft validate <scenario.json>...

Checks each scenario file against the format and its meaning (ids, references, expressions).
Prints "<file>: ok" (and any warnings) for a valid file, and every error as
"file:line:column: error: message (at path)" for an invalid one.
A JSON Schema file (such as scenarios/scenario.schema.json) is named and skipped, so
"validate scenarios/*.json" checks every scenario there.
Exit status: 0 when every file is valid, 1 otherwise.`;

export function runValidate(argv: string[]): number {
  const p = parseCommand('validate', argv, {});
  if (flag(p, 'help')) {
    out(`${VALIDATE_HELP}\n`);
    return 0;
  }
  if (!p.positionals.length) throw new CliError('validate: give at least one scenario file (see: statecraft validate --help)', 2);
  let failed = 0;
  for (const file of p.positionals) {
    let text: string;
    try {
      text = readText(file);
    } catch (e) {
      err(`${(e as Error).message}\n`);
      failed++;
      continue;
    }
    if (isJsonSchema(text)) {
      out(`${file}: skipped (the JSON Schema of the scenario format, not a scenario)\n`);
      continue;
    }
    const r = loadScenarioText(text, file);
    if (r.ok) {
      out(`${file}: ok${r.warnings.length ? ` (${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'})` : ''}\n`);
      for (const w of r.warnings) out(`${w}\n`);
    } else {
      for (const line of r.errors) err(`${line}\n`);
      err(`${file}: ${r.errors.length} error${r.errors.length === 1 ? '' : 's'}\n`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

/** Whether `text` is a JSON Schema document (its "$schema" names json-schema.org), rather than a scenario. */
function isJsonSchema(text: string): boolean {
  try {
    const v = JSON.parse(text) as { $schema?: unknown } | null;
    return typeof v === 'object' && v !== null && typeof v.$schema === 'string' && /^https?:\/\/json-schema\.org\//.test(v.$schema);
  } catch {
    return false;
  }
}
