// Files and terminals for the CLI: reading with clear errors, loading scenarios, finding a replay's scenario.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine/index.js';
import { formatDiagnostic, loadScenario } from '../format/loadScenario.js';
import { CliError } from './args.js';

/** The repository root (this file is src/cli/io.ts), for its scenarios folder. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code ?? '') {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory, not a file';
    default: return err.message ?? String(e);
  }
}

/** The text of `file`, or a CliError "file: cannot read (no such file)". */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot read (${reason(e)})`);
  }
}

/** The parsed JSON of `file`, or a CliError naming the file and where the JSON broke. */
export function readJson(file: string, what: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError(`${file}: not valid JSON for ${what} (${(e as Error).message})`);
  }
}

export function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CliError(`${file}: cannot write (${reason(e)})`);
  }
}

/** A file written piece by piece with synchronous writes: nothing accumulates in memory. */
export class SyncFile {
  private fd: number;
  constructor(readonly file: string) {
    try {
      this.fd = openSync(file, 'w');
    } catch (e) {
      throw new CliError(`${file}: cannot write (${reason(e)})`);
    }
  }
  write(text: string): void {
    if (text !== '') writeSync(this.fd, text);
  }
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

export type ScenarioLoad = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

/** Loads and compiles scenario text, with every problem formatted as "file:line:column: ...". */
export function loadScenarioText(text: string, file: string): ScenarioLoad {
  const r = loadScenario(text, file);
  if (!r.ok) return { ok: false, errors: r.diagnostics.map((d) => formatDiagnostic(d)) };
  return { ok: true, scenario: r.scenario, warnings: r.diagnostics.map((d) => formatDiagnostic(d)) };
}

/** Loads a scenario file for a command that needs it valid; otherwise prints every error and fails. */
export function loadScenarioFile(file: string): { scenario: Scenario; text: string } {
  const text = readText(file);
  const r = loadScenarioText(text, file);
  if (!r.ok) {
    for (const line of r.errors) process.stderr.write(`${line}\n`);
    throw new CliError(`${file}: not a valid scenario (${r.errors.length} error${r.errors.length === 1 ? '' : 's'}; run "statecraft validate ${file}")`);
  }
  return { scenario: r.scenario, text };
}

/** Where to look for a scenario with id `id`: scenarios/<id with _ as ->.json, then any scenarios/*.json with that id. */
export function findScenarioFile(id: string, near: string): string {
  const dirs = [...new Set([resolve('scenarios'), resolve(dirname(near)), resolve(dirname(near), '..', 'scenarios'), join(PACKAGE_ROOT, 'scenarios')])].filter((d) => existsSync(d));
  const names = [`${id.replace(/_/g, '-')}.json`, `${id}.json`];
  for (const dir of dirs) for (const name of names) {
    const file = join(dir, name);
    if (existsSync(file) && idOf(file) === id) return file;
  }
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
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
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null;
  } catch {
    return null;
  }
}

/** Terminal styling, only when the stream is a terminal and NO_COLOR is unset. */
export function styles(stream: NodeJS.WriteStream) {
  const on = stream.isTTY === true && !process.env.NO_COLOR;
  const wrap = (open: number, close: number) => (s: string) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { dim: wrap(2, 22), bold: wrap(1, 22), red: wrap(31, 39), green: wrap(32, 39), on };
}
