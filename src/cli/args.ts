// Argument parsing for the CLI's commands (node:util parseArgs) and the error a user sees as one line.
import { parseArgs } from 'node:util';
import { MAX_SEED_CHARS, seedProblem } from '../engine/index.js';

/** An error meant for the user: printed as one line on stderr, then the process exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
}

export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** Options every command accepts. */
const COMMON: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
};

/** Parses `argv` for `command`; unknown options and missing values become a CliError naming --help. */
export function parseCommand(command: string, argv: string[], options: Record<string, OptionSpec>): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new CliError(`${command}: ${message} (see: statecraft ${command} --help)`, 2);
  }
}

export function stringOpt(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

/** A repeatable option; each value may also hold a comma-separated list ("--role a,b"). */
export function listOpt(p: Parsed, name: string): string[] {
  const v = p.values[name];
  const raw = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
  return raw
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** A whole number option within [min, max]. */
export function intOpt(p: Parsed, name: string, min: number, max: number): number | undefined {
  const v = stringOpt(p, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}, not "${v}"`, 2);
  return Number(v);
}

/** A number option within [min, max], written as a plain decimal ("0.25", "1", ".5"; not "0x1", "1e-1" or "Infinity"). */
export function numberOpt(p: Parsed, name: string, min: number, max: number): number | undefined {
  const v = stringOpt(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(v) || !Number.isFinite(n) || n < min || n > max)
    throw new CliError(`--${name} must be a plain decimal number from ${min} to ${max}, not "${v}"`, 2);
  return n;
}

/** A --seed option: 1 to `max` characters, counted as code points (an emoji is one), with no unpaired surrogate. */
export function seedOpt(p: Parsed, max = MAX_SEED_CHARS): string | undefined {
  const v = stringOpt(p, 'seed');
  if (v === undefined) return undefined;
  const problem = seedProblem(v, max);
  if (problem) throw new CliError(`--seed: ${problem}`, 2);
  return v;
}

/** Exactly `count` positional arguments, named for the error message. */
export function positionals(command: string, p: Parsed, names: string[]): string[] {
  if (p.positionals.length < names.length)
    throw new CliError(
      `${command}: missing ${names
        .slice(p.positionals.length)
        .map((n) => `<${n}>`)
        .join(' ')} (see: statecraft ${command} --help)`,
      2,
    );
  if (p.positionals.length > names.length)
    throw new CliError(`${command}: unexpected argument "${p.positionals[names.length]}" (see: statecraft ${command} --help)`, 2);
  return p.positionals.slice(0, names.length);
}
