// Files and terminals for the CLI: reading and writing (readFile.ts, atomicWrite.ts), loading scenarios, finding a replay's scenario.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine/index.js';
import { formatDiagnostic, loadScenario } from '../format/loadScenario.js';
import { CliError } from './args.js';
import { readJsonText } from '../format/json.js';
import { readText } from './readFile.js';
import { err } from './terminal.js';

/** The repository root (this file is src/cli/io.ts), for its scenarios folder. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export { readBytes, readJson, readText } from './readFile.js';
export { AtomicFile, writeFileAtomic as writeText } from './atomicWrite.js';

export type ScenarioLoad = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

/** Loads and compiles scenario text, with every problem formatted as "file:line:column: ...". */
export function loadScenarioText(text: string, file: string): ScenarioLoad {
  const r = loadScenario(text, file);
  if (!r.ok) return { ok: false, errors: r.diagnostics.map((d) => formatDiagnostic(d)) };
  return { ok: true, scenario: r.scenario, warnings: r.diagnostics.map((d) => formatDiagnostic(d)) };
}

/**
 * Loads a scenario file for a command that needs it valid; otherwise prints every error and fails. `text` is the
 * decoded text the loader read (byte order mark dropped), which JSON.parse reads to the same value.
 */
export function loadScenarioFile(file: string): { scenario: Scenario; text: string } {
  const text = readText(file);
  const r = loadScenarioText(text, file);
  if (!r.ok) {
    for (const line of r.errors) err(`${line}\n`);
    throw new CliError(`${file}: not a valid scenario (${r.errors.length} error${r.errors.length === 1 ? '' : 's'}; run "statecraft validate ${file}")`);
  }
  return { scenario: r.scenario, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Where to look for a scenario with id `id`: scenarios/<id with _ as ->.json, then any scenarios/*.json with that id. */
export function findScenarioFile(id: string, near: string): string {
  const dirs = [...new Set([resolve('scenarios'), resolve(dirname(near)), resolve(dirname(near), '..', 'scenarios'), join(PACKAGE_ROOT, 'scenarios')])].filter(
    (d) => existsSync(d),
  );
  const names = [`${id.replace(/_/g, '-')}.json`, `${id}.json`];
  for (const dir of dirs)
    for (const name of names) {
      const file = join(dir, name);
      if (existsSync(file) && idOf(file) === id) return file;
    }
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch {
      continue;
    }
    for (const name of entries) {
      const file = join(dir, name);
      if (resolve(file) !== resolve(near) && idOf(file) === id) return file;
    }
  }
  throw new CliError(`no scenario with id "${id}" found in ${dirs.join(', ')}; pass it with --scenario FILE`);
}

function idOf(file: string): string | null {
  try {
    const r = readJsonText(readText(file));
    const v = r.ok ? r.value : null;
    return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null;
  } catch {
    return null;
  }
}
