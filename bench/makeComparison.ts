// Writes bench/comparison.json: the engine-vs-framework comparison workload, as a scenario in our own format.
// Run: npx tsx bench/makeComparison.ts   (the generated file is committed; re-run after changing bench/lib/comparisonScenario.ts)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileScenario, scenarioSchema } from '../src/engine/compiler.js';
import { build } from './lib/comparisonScenario.js';

const def = build();
const compiled = compileScenario(scenarioSchema.parse(def));
if (!compiled.ok) {
  console.error(compiled.diagnostics);
  process.exit(1);
}
const out = fileURLToPath(new URL('./comparison.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(def, null, 2)}\n`);
console.error(
  `wrote ${out}: ${def.actors.length} actors, ${def.indicators.length} indicators, ${def.stances.relations.length} stances, ${def.actions.length} actions`,
);
