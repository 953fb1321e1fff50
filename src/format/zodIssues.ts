// Schema issues from zod turned into readable messages, each at the node it is about.
import type { ValueNode } from '@humanwhocodes/momoa';
import { z } from 'zod';
import { closest, unreachable, type JsonPath } from '../engine/compiler.js';
import { findNode } from './tree.js';

/** The fields of a zod issue this module reads. */
export interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  keys?: string[];
  values?: readonly unknown[];
  errors?: Issue[][];
  issues?: Issue[];
  format?: string;
  pattern?: string;
  divisor?: number | bigint;
}

export interface Explained {
  path: JsonPath;
  message: string;
  atKey: boolean;
}

function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

function unwrap(s: z.ZodType): z.ZodType {
  let t = s;
  while (t instanceof z.ZodOptional || t instanceof z.ZodNullable || t instanceof z.ZodDefault) t = t.unwrap() as z.ZodType;
  return t;
}

/** pure; the schema that describes the value at `path`, when the path leads through objects, lists and records. */
export function schemaAt(root: z.ZodType, path: JsonPath): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(root);
  for (const part of path) {
    if (s instanceof z.ZodObject && typeof part === 'string') {
      const shape = s.shape as Record<string, z.ZodType>;
      s = Object.hasOwn(shape, part) ? shape[part] : undefined;
    } else if (s instanceof z.ZodArray && typeof part === 'number') s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord && typeof part === 'string') s = s.valueType as z.ZodType;
    else return undefined;
    if (!s) return undefined;
    s = unwrap(s);
  }
  return s;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  null: 'null',
};

function expectedOf(s: z.ZodType | undefined): string | null {
  if (!s) return null;
  if (s instanceof z.ZodString) return 'a string';
  if (s instanceof z.ZodNumber) return s.isInt ? 'a whole number' : 'a number';
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodArray) return 'a list';
  if (s instanceof z.ZodObject || s instanceof z.ZodRecord) return 'an object';
  if (s instanceof z.ZodEnum) return `one of: ${(s.options as string[]).join(', ')}`;
  if (s instanceof z.ZodLiteral) return [...s.values].map((v) => (typeof v === 'number' ? `the number ${v}` : JSON.stringify(v))).join(' or ');
  if (s instanceof z.ZodUnion) {
    const parts = (s.options as z.ZodType[]).map((o) => expectedOf(unwrap(o)));
    return parts.every((p) => p !== null) ? parts.join(' or ') : null;
  }
  return null;
}

/** pure; what a node holds, for "got ..." */
export function describeNode(node: ValueNode): string {
  switch (node.type) {
    case 'String':
      return `a string (${clip(JSON.stringify(node.value))})`;
    case 'Number':
      return `the number ${node.value}`;
    case 'Boolean':
      return `the value ${node.value}`;
    case 'Null':
      return 'null';
    case 'Object':
      return 'an object';
    case 'Array':
      return `a list`;
    // JSON5 nodes: the JSON parse never makes them.
    case 'NaN':
    case 'Infinity':
      return 'a number JSON does not allow';
    default:
      return unreachable(node, 'JSON node');
  }
}

function sizeOf(node: ValueNode): number | null {
  if (node.type === 'String') return node.value.length;
  if (node.type === 'Array') return node.elements.length;
  if (node.type === 'Number') return node.value;
  return null;
}

function bound(issue: Issue, node: ValueNode, small: boolean): string {
  const limit = Number(small ? issue.minimum : issue.maximum);
  const size = sizeOf(node);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (issue.origin === 'string') {
    if (small && limit === 1) return 'must not be empty';
    return small
      ? `too short: ${plural(size ?? 0, 'character')}; at least ${limit} needed`
      : `too long: ${plural(size ?? 0, 'character')}; the limit is ${limit}`;
  }
  if (issue.origin === 'array') {
    return small ? `needs at least ${plural(limit, 'item')}, got ${size ?? 0}` : `too many items: ${size ?? 0}; the limit is ${limit}`;
  }
  const strict = issue.inclusive === false;
  const word = small ? (strict ? 'greater than' : 'at least') : strict ? 'less than' : 'at most';
  return `expected a number ${word} ${limit}, got ${size ?? describeNode(node)}`;
}

function asPath(path: readonly PropertyKey[]): JsonPath {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/**
 * pure; readable explanations of zod issues against the document tree; one per issue (one per key for unknown keys),
 * stopping once there are more than `limit`.
 */
export function explainIssues(issues: readonly Issue[], root: ValueNode, schema: z.ZodType, limit = Infinity, prefix: JsonPath = []): Explained[] {
  const out: Explained[] = [];
  // A value of the wrong type also fails its size checks; only the type is worth reporting.
  const wrongType = new Set(issues.filter((x) => x.code === 'invalid_type').map((x) => JSON.stringify(asPath(x.path))));
  for (const issue of issues) {
    if (out.length > limit) break;
    const path = [...prefix, ...asPath(issue.path)];
    if (issue.code !== 'invalid_type' && wrongType.has(JSON.stringify(asPath(issue.path)))) continue;
    const at = findNode(root, path);
    const got = describeNode(at.node);
    const say = (message: string, atKey = false) => out.push({ path, message, atKey });
    if (!at.complete && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
      const expected = expectedOf(schemaAt(schema, path)) ?? TYPE_WORDS[issue.expected ?? ''] ?? 'a value';
      say(`missing required property "${String(path[path.length - 1])}" (${expected})`);
      continue;
    }
    switch (issue.code) {
      case 'invalid_type': {
        const expected = TYPE_WORDS[issue.expected ?? ''] ?? expectedOf(schemaAt(schema, path)) ?? issue.expected ?? 'another type';
        const quoted = at.node.type === 'String' && expected.includes('number') && at.node.value.trim() !== '' && Number.isFinite(Number(at.node.value));
        say(`expected ${expected}, got ${got}${quoted ? '; remove the quotes' : ''}`);
        break;
      }
      case 'invalid_union': {
        const branches = issue.errors ?? [];
        const typeOnly = branches.every((b) => b.length > 0 && b.every((x) => x.code === 'invalid_type' && x.path.length === 0));
        if (typeOnly) {
          const words = [...new Set(branches.flat().map((x) => TYPE_WORDS[x.expected ?? ''] ?? String(x.expected)))];
          const text = words.join(' or ').replace('a number or a string', 'a number or an expression (a string)');
          say(`expected ${text}, got ${got}`);
          break;
        }
        const fitting = branches.find((b) => !b.some((x) => x.code === 'invalid_type' && x.path.length === 0));
        if (fitting) out.push(...explainIssues(fitting, root, schema, limit, path));
        else say(`expected ${expectedOf(schemaAt(schema, path)) ?? 'another value'}, got ${got}`);
        break;
      }
      case 'too_small':
      case 'too_big':
        say(bound(issue, at.node, issue.code === 'too_small'));
        break;
      case 'invalid_format': {
        const custom = issue.format === 'regex' && !issue.message.startsWith('Invalid');
        const what = custom ? issue.message.replace(/^([^:]+): (.*)$/, '$1 ($2)') : `text matching ${issue.pattern ?? issue.format ?? 'the expected format'}`;
        let hint = '';
        if (at.node.type === 'String' && issue.message.startsWith('an id')) {
          const fixed = at.node.value
            .toLowerCase()
            .replace(/[^a-z0-9_]+/g, '_')
            .replace(/^[^a-z]+/, '')
            .slice(0, 64);
          if (fixed !== '' && fixed !== at.node.value) hint = `; try "${fixed}"`;
        }
        say(`expected ${what}, got ${got}${hint}`);
        break;
      }
      case 'invalid_value': {
        const values = issue.values ?? [];
        const shown = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
        const near =
          at.node.type === 'String'
            ? closest(
                at.node.value,
                values.filter((v): v is string => typeof v === 'string'),
              )
            : null;
        const head = values.length === 1 ? `expected ${JSON.stringify(values[0])}` : `expected one of: ${shown.join(', ')}`;
        say(`${head}; got ${got}${near ? ` (did you mean "${near}"?)` : ''}`);
        break;
      }
      case 'unrecognized_keys': {
        const target = schemaAt(schema, path);
        const known = target instanceof z.ZodObject ? Object.keys(target.shape as object) : [];
        for (const key of issue.keys ?? []) {
          if (out.length > limit) break;
          const near = closest(key, known);
          const tail = near ? ` (did you mean "${near}"?)` : known.length ? `; allowed here: ${known.join(', ')}` : '';
          out.push({ path: [...path, key], message: `unknown property "${clip(key)}"${tail}`, atKey: true });
        }
        break;
      }
      case 'invalid_key': {
        const key = String(path[path.length - 1]);
        const inner = explainIssues(issue.issues ?? [], root, schema, 1, path).map((x) => x.message.replace(/, got .*$/, ''));
        say(`invalid key "${clip(key)}": ${inner[0] ?? issue.message}`, true);
        break;
      }
      case 'not_multiple_of':
        say(`expected a multiple of ${String(issue.divisor)}, got ${got}`);
        break;
      default:
        say(issue.message);
    }
  }
  return out;
}
