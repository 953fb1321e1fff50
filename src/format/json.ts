// Strict JSON for every file the program reads: bounded syntax check, syntax tree, and a safe value with its problems.
import { parse, type ValueNode } from '@humanwhocodes/momoa';
import { formatPath, type JsonPath } from '../engine/index.js';
import { LineIndex } from './position.js';
import { checkJsonSyntax } from './syntax.js';
import { toValue, type TreeProblem } from './tree.js';

export type JsonDocument =
  | { ok: true; body: string; lines: LineIndex; root: ValueNode; value: unknown; problems: TreeProblem[] }
  | { ok: false; body: string; lines: LineIndex; offset: number; message: string };

/**
 * pure; never throws. `text` without a leading byte order mark, checked for syntax (depth and value count bounded,
 * so a huge array is refused before it is built), parsed, and turned into a plain value. Duplicate keys,
 * "__proto__" keys, unpaired surrogates and numbers too large for a double are listed as problems.
 */
export function parseJsonDocument(text: string): JsonDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(body);
  const syntax = checkJsonSyntax(body, lines);
  if (syntax) return { ok: false, body, lines, offset: syntax.offset, message: syntax.message };
  let root: ValueNode;
  try {
    root = parse(body, { mode: 'json', ranges: true }).body;
  } catch (e) {
    const offset = typeof (e as { offset?: unknown }).offset === 'number' ? (e as { offset: number }).offset : 0;
    return { ok: false, body, lines, offset, message: `invalid JSON: ${String((e as Error).message ?? e).replace(/ \(\d+:\d+\)$/, '')}` };
  }
  const { value, problems } = toValue(root, lines);
  return { ok: true, body, lines, root, value, problems };
}

export interface JsonProblem {
  line: number;
  column: number;
  path: JsonPath;
  message: string;
}

/** pure; never throws: the value of strict JSON text, or every problem located by line, column and JSON path. */
export function readJsonText(text: string): { ok: true; value: unknown } | { ok: false; problems: JsonProblem[] } {
  const doc = parseJsonDocument(text);
  if (!doc.ok) return { ok: false, problems: [{ ...doc.lines.at(doc.offset), path: [], message: doc.message }] };
  if (doc.problems.length > 0) return { ok: false, problems: doc.problems.map((p) => ({ ...doc.lines.at(p.offset), path: p.path, message: p.message })) };
  return { ok: true, value: doc.value };
}

/** pure; "file:line:column: error: message (at path)", as scenario diagnostics read. */
export function jsonProblemText(file: string, p: JsonProblem): string {
  return `${file}:${p.line}:${p.column}: error: ${p.message}${p.path.length ? ` (at ${formatPath(p.path)})` : ''}`;
}
