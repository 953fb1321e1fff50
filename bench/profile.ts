// CPU profile of a bench workload, summarised as the top functions by self time with their source lines.
// Run from the repository root: npx tsx bench/profile.ts [--workload comparison|tutorial|flagship] [--seconds 5] [--top 15] [--out FILE] [--lines]
// [--ledger] (comparison only: with the attribution ledger, as interactive play; by default as the headline figure, without)
// The raw profile (.cpuprofile) opens in Chrome DevTools or speedscope; its positions are in the transpiled code,
// the summary maps them back to the TypeScript sources. tsx emits each module on one line, so --lines (self time per
// source line) needs a multi-line bundle instead; see bench/README.md.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BATCH_STEP, comparisonSetup, playGame } from './comparison.js';
import { lineTicks, root, summarise } from './lib/cpuProfile.js';
import { loadScenarioFile } from './lib/scenario.js';
import { playAiGame } from './tutorial.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workload: { type: 'string', default: 'comparison' },
      seconds: { type: 'string', default: '5' },
      top: { type: 'string', default: '15' },
      out: { type: 'string' },
      lines: { type: 'boolean' },
      ledger: { type: 'boolean' },
    },
  });
  const seconds = Number(values.seconds);
  const workload = values.workload!;
  let play: (i: number) => void;
  if (workload === 'comparison') {
    const { sc, seats } = comparisonSetup(root);
    const options = values.ledger ? {} : BATCH_STEP;
    play = (i) => void playGame(sc, i, seats, options);
  } else if (workload === 'tutorial' || workload === 'flagship') {
    const sc = loadScenarioFile(root, workload === 'tutorial' ? 'scenarios/tutorial.json' : 'scenarios/party-congress.json');
    play = (i) => void playAiGame(sc, `bench-${i}`);
  } else throw new Error(`unknown workload "${workload}" (comparison, tutorial, flagship)`);

  // Warm up first so the profile shows optimised code, not the interpreter.
  let i = 0;
  const warm = performance.now() + 1000;
  while (performance.now() < warm) play(i++);

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const end = performance.now() + seconds * 1000;
  let games = 0;
  while (performance.now() < end) {
    play(i++);
    games++;
  }
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();

  const out = values.out ?? join(tmpdir(), `bench-${workload}.cpuprofile`);
  writeFileSync(out, JSON.stringify(profile));
  const { rows, samples } = summarise(profile);
  const top = Number(values.top);
  process.stderr.write(`profile of ${workload}: ${games} games in ${seconds} s, ${samples} samples; raw profile: ${out}\n`);
  process.stderr.write(`${'self'.padStart(6)} ${'total'.padStart(6)}  function\n`);
  for (const r of rows.slice(0, top)) process.stderr.write(`${(r.self * 100).toFixed(1).padStart(5)}% ${(r.total * 100).toFixed(1).padStart(5)}%  ${r.key}\n`);
  if (values.lines) {
    process.stderr.write(`\nself time by source line:\n`);
    for (const r of lineTicks(profile).slice(0, top * 2)) process.stderr.write(`${(r.self * 100).toFixed(1).padStart(5)}%  ${r.key}\n`);
  }
}

await main();
