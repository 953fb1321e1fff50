// Writes scenarios/scenario.schema.json from the zod schema; with --check, exits 1 when the file on disk differs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/cli/atomicWrite.js';
import { scenarioJsonSchema } from '../src/engine/compiler.js';

const target = fileURLToPath(new URL('../scenarios/scenario.schema.json', import.meta.url));
const wanted = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;

function current(): string | null {
  try {
    return readFileSync(target, 'utf8');
  } catch {
    return null;
  }
}

if (process.argv.includes('--check')) {
  const onDisk = current();
  if (onDisk !== wanted) {
    const why = onDisk === null ? 'is missing' : 'is out of date';
    process.stderr.write(`scenarios/scenario.schema.json ${why}; run "npm run schema" to regenerate it from src/engine/schema.ts\n`);
    process.exit(1);
  }
  process.stdout.write('scenarios/scenario.schema.json is up to date\n');
} else {
  try {
    writeFileAtomic(target, wanted);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`wrote scenarios/scenario.schema.json (${wanted.length} bytes)\n`);
}
