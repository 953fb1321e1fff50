// Summaries of a V8 CPU profile: self and total time per function and self time per source line, with positions
// mapped back to the TypeScript sources through the source maps the loader registered.
import type { Profiler } from 'node:inspector';
import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths are shown relative to the directory the profiler was started from (the repository root). */
export const root = process.cwd();

export interface Row {
  key: string;
  self: number;
  total: number;
}

/** A generated position (0-based) mapped to "file:line" in the sources (1-based), where a source map says. */
function original(url: string, line0: number, column0: number): string {
  let file = url;
  let line = line0 + 1;
  try {
    const entry = findSourceMap(url)?.findEntry(line0, column0);
    if (entry && 'originalSource' in entry) {
      file = entry.originalSource;
      line = entry.originalLine + 1;
    }
  } catch {
    // no source map: keep the generated position
  }
  if (file.startsWith('file://')) file = relative(root, fileURLToPath(file));
  return `${file}:${line}`;
}

function where(cf: Profiler.ProfileNode['callFrame']): string {
  if (!cf.url) return cf.functionName ? `(${cf.functionName})` : '(native)';
  return `${original(cf.url, cf.lineNumber, cf.columnNumber)} ${cf.functionName || '(anonymous)'}`;
}

/** Self share of samples per source line (from the profile's position ticks). */
export function lineTicks(profile: Profiler.Profile): Array<{ key: string; self: number }> {
  const ticks = new Map<string, number>();
  let all = 0;
  for (const n of profile.nodes) {
    for (const t of n.positionTicks ?? []) {
      const key = `${original(n.callFrame.url, t.line - 1, 0)} (${n.callFrame.functionName || 'anonymous'})`;
      ticks.set(key, (ticks.get(key) ?? 0) + t.ticks);
    }
    all += n.hitCount ?? 0;
  }
  return [...ticks.entries()].map(([key, v]) => ({ key, self: v / Math.max(1, all) })).sort((a, b) => b.self - a.self);
}

/** Self and total (inclusive) share of samples per function. */
export function summarise(profile: Profiler.Profile): { rows: Row[]; samples: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map<number, string>();
  for (const n of profile.nodes) keyOf.set(n.id, where(n.callFrame));
  const stackKeys = new Map<number, Set<string>>();
  const keysFor = (id: number): Set<string> => {
    let s = stackKeys.get(id);
    if (s) return s;
    const p = parent.get(id);
    s = new Set(p === undefined ? [] : keysFor(p));
    s.add(keyOf.get(id)!);
    stackKeys.set(id, s);
    return s;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (const id of samples) {
    const key = keyOf.get(id) ?? '?';
    self.set(key, (self.get(key) ?? 0) + 1);
    if (byId.has(id)) for (const k of keysFor(id)) total.set(k, (total.get(k) ?? 0) + 1);
  }
  const rows = [...total.keys()].map((key) => ({ key, self: (self.get(key) ?? 0) / samples.length, total: (total.get(key) ?? 0) / samples.length }));
  rows.sort((a, b) => b.self - a.self);
  return { rows, samples: samples.length };
}
