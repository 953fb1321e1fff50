// Loads a scenario file for the bench: through src/format/loadScenario.ts (the full validation path).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/engine/index.js';
import { loadScenario } from '../../src/format/loadScenario.js';

/** Loads and compiles `rel` (relative to the repository root); throws with the diagnostics when it does not load. */
export function loadScenarioFile(root: string, rel: string): Scenario {
  const text = readFileSync(join(root, rel), 'utf8');
  const r = loadScenario(text, rel);
  if (!r.ok) {
    const lines = r.diagnostics.slice(0, 10).map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);
    throw new Error(`${rel} does not load:\n${lines.join('\n')}`);
  }
  return r.scenario;
}
