// The momoa syntax tree as plain data: values built safely, structural problems found, nodes looked up by JSON path.
import type { MemberNode, ObjectNode, StringNode, ValueNode } from '@humanwhocodes/momoa';
import { unreachable, type JsonPath } from '../engine/compiler.js';
import type { LineIndex } from './position.js';

export interface TreeProblem {
  path: JsonPath;
  offset: number;
  message: string;
}

/** Offset of a node's first character (momoa is asked for ranges; loc is the fallback). */
export function startOf(node: { range?: [number, number]; loc: { start: { offset: number } } }): number {
  return node.range ? node.range[0] : node.loc.start.offset;
}

function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * pure; the plain value of `root`. Objects are ordinary objects whose keys are own data properties, so no key
 * reaches a prototype. "__proto__" keys are left out and reported; a repeated key is reported at its second use
 * (the value built is the last one, as in JSON.parse); unpaired surrogates in strings and keys are reported;
 * numbers too large for a double are reported and read as 0.
 * Recursion depth is the nesting depth of the document, which the syntax check has already limited.
 */
export function toValue(root: ValueNode, lines: LineIndex): { value: unknown; problems: TreeProblem[] } {
  const problems: TreeProblem[] = [];
  const wellFormed = (value: string, node: StringNode, path: JsonPath, what: string): void => {
    const at = loneSurrogate(value);
    if (at < 0) return;
    const code = value.charCodeAt(at).toString(16).toUpperCase();
    problems.push({
      path,
      offset: offsetInString(lines.text, node, at),
      message: `${what} holds an unpaired surrogate (\\u${code}), which is not a character; remove it or complete the pair`,
    });
  };
  const build = (node: ValueNode, path: JsonPath): unknown => {
    switch (node.type) {
      case 'Object': {
        const out = {};
        const seen = new Map<string, MemberNode>();
        for (const m of node.members) {
          const key = m.name.type === 'String' ? m.name.value : m.name.name;
          const at: JsonPath = [...path, key];
          if (m.name.type === 'String') wellFormed(key, m.name, at, 'this property name');
          if (key === '__proto__') {
            problems.push({ path: at, offset: startOf(m.name), message: '"__proto__" cannot be used as a property name' });
            continue;
          }
          const first = seen.get(key);
          if (first) {
            problems.push({
              path: at,
              offset: startOf(m.name),
              message: `duplicate property "${key}" (first given at ${lines.describe(startOf(first.name))}); a property may be given only once`,
            });
          }
          seen.set(key, m);
          define(out, key, build(m.value, at));
        }
        return out;
      }
      case 'Array': {
        const out: unknown[] = [];
        node.elements.forEach((el, i) => define(out, i, build(el.value, [...path, i])));
        return out;
      }
      case 'Number':
        if (!Number.isFinite(node.value)) {
          problems.push({ path, offset: startOf(node), message: 'this number is too large to represent (the largest is about 1.8e308)' });
          return 0;
        }
        return node.value;
      case 'String':
        wellFormed(node.value, node, path, 'this string');
        return node.value;
      case 'Boolean':
        return node.value;
      case 'Null':
        return null;
      // JSON5 nodes: the JSON parse never makes them.
      case 'NaN':
      case 'Infinity':
        return null;
      default:
        return unreachable(node, 'JSON node');
    }
  };
  return { value: build(root, []), problems };
}

/** pure; the index of the first unpaired UTF-16 surrogate in `s`, or -1. */
export function loneSurrogate(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const d = s.charCodeAt(i + 1);
    if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) i++;
    else return i;
  }
  return -1;
}

export interface Found {
  node: ValueNode;
  member: MemberNode | null;
  complete: boolean;
}

const MEMBERS = new WeakMap<ObjectNode, Map<string, MemberNode>>();

// The last member with each name, built once per object node.
function membersOf(node: ObjectNode): Map<string, MemberNode> {
  let map = MEMBERS.get(node);
  if (!map) {
    map = new Map();
    for (const m of node.members) map.set(m.name.type === 'String' ? m.name.value : m.name.name, m);
    MEMBERS.set(node, map);
  }
  return map;
}

/** pure; the node at `path` (the last member with a repeated name), or the deepest existing ancestor when it is missing. */
export function findNode(root: ValueNode, path: JsonPath): Found {
  let node = root;
  let member: MemberNode | null = null;
  for (const part of path) {
    let next: ValueNode | undefined;
    let nextMember: MemberNode | null = null;
    if (node.type === 'Object' && typeof part === 'string') {
      nextMember = membersOf(node).get(part) ?? null;
      next = nextMember?.value;
    } else if (node.type === 'Array' && typeof part === 'number') {
      next = node.elements[part]?.value;
    }
    if (!next) return { node, member, complete: false };
    node = next;
    member = nextMember;
  }
  return { node, member, complete: true };
}

/** pure; the offset in the source text of character `index` of a string node's value, following escape sequences. */
export function offsetInString(text: string, node: StringNode, index: number): number {
  let raw = startOf(node) + 1;
  const end = node.range ? node.range[1] - 1 : text.length;
  for (let k = 0; k < index && raw < end; k++) {
    if (text.charCodeAt(raw) !== 92) raw += 1;
    else raw += text.charAt(raw + 1) === 'u' ? 6 : 2;
  }
  return raw > end ? end : raw;
}
