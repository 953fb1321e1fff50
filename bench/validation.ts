// Part "validation": the time to load and validate the tutorial's text (syntax, schema, compile, analysis).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../src/format/loadScenario.js';
import { fmt, measureMs, pct, round } from './lib/measure.js';
import type { BenchContext, PartResult } from './lib/types.js';

function timeLoad(ctx: BenchContext, rel: string): { ms: number; spread: number; bytes: number } {
  const text = readFileSync(join(ctx.root, rel), 'utf8');
  const first = loadScenario(text, rel);
  if (!first.ok) throw new Error(`${rel} does not load: ${first.diagnostics[0]?.message ?? '?'}`);
  const r = measureMs(() => {
    if (!loadScenario(text, rel).ok) throw new Error(`${rel} stopped loading`);
  }, ctx.timing);
  return { ms: r.medianMs, spread: r.spread, bytes: Buffer.byteLength(text) };
}

export async function run(ctx: BenchContext): Promise<PartResult> {
  const tutorial = timeLoad(ctx, 'scenarios/tutorial.json');
  ctx.log(
    `validation  tutorial.json  ${fmt(tutorial.ms, 3).padStart(11)} ms/load  (${pct(tutorial.spread)}; ${fmt(tutorial.bytes)} bytes: text → checked, compiled scenario)`,
  );
  const out: Record<string, unknown> = { ms: round(tutorial.ms), spread: round(tutorial.spread), bytes: tutorial.bytes };
  try {
    const flagship = timeLoad(ctx, 'scenarios/party-congress.json');
    ctx.log(`validation  party-congress ${fmt(flagship.ms, 3).padStart(11)} ms/load  (${pct(flagship.spread)}; ${fmt(flagship.bytes)} bytes)`);
    out.flagshipMs = round(flagship.ms);
  } catch (e) {
    ctx.log(`validation  party-congress skipped: ${(e as Error).message.split('\n')[0]}`);
  }
  return out;
}
