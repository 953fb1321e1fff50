// Turn records packed into bytes: a long game's old records cost a few hundred bytes each instead of a tree of
// objects. The format is internal to one process (nothing stores it): strings and object shapes are numbered in
// tables a game's histories share, so the bytes are read back only with the tables they were written with.
import type { TurnRecord } from './types.js';

/** The numbering of strings and object shapes (key lists) for one game's packed records; grows, never renumbers. */
export class PackTables {
  readonly strings: string[] = [];
  readonly stringIds = new Map<string, number>();
  readonly shapes: string[][] = [];
  /** Shapes as a tree of keys in order: finding an object's shape walks its keys, with no text built. */
  readonly shapeRoot: ShapeNode = { id: -1, next: new Map() };
}

interface ShapeNode {
  /** The shape whose keys end here, or -1 while none does. */
  id: number;
  readonly next: Map<string, ShapeNode>;
}

function shapeOf(t: PackTables, o: Record<string, unknown>): number {
  let node = t.shapeRoot;
  for (const k in o) {
    let child = node.next.get(k);
    if (child === undefined) {
      child = { id: -1, next: new Map() };
      node.next.set(k, child);
    }
    node = child;
  }
  if (node.id < 0) {
    node.id = t.shapes.length;
    t.shapes.push(Object.keys(o));
  }
  return node.id;
}

/** Records packed together: their bytes end to end and where each starts. */
export interface PackedRecords {
  readonly bytes: Uint8Array;
  /** Start of record i in `bytes`; one more entry than there are records (the end). */
  readonly starts: Uint32Array;
}

// A token is one byte: the kind in the low 3 bits, a small number (0..30) above it, or 31 and a varint after it.
const INT = 0;
const NEG = 1;
const FLOAT = 2;
const STR = 3;
const ARR = 4;
const OBJ = 5;
const CONST = 6;
const INLINE_MAX = 30;
const C_NULL = 0;
const C_FALSE = 1;
const C_TRUE = 2;
const C_UNDEFINED = 3;

/** The bytes being written: one buffer reused by every pack, so packing allocates only its result. */
let buf = new Uint8Array(1 << 14);
let view = new DataView(buf.buffer);
let pos = 0;

function room(n: number): void {
  if (pos + n <= buf.length) return;
  const bigger = new Uint8Array(Math.max(buf.length * 2, pos + n));
  bigger.set(buf.subarray(0, pos));
  buf = bigger;
  view = new DataView(buf.buffer);
}

function token(kind: number, n: number): void {
  room(11);
  if (n <= INLINE_MAX) {
    buf[pos++] = kind | (n << 3);
    return;
  }
  buf[pos++] = kind | ((INLINE_MAX + 1) << 3);
  let v = n - INLINE_MAX - 1;
  // Arithmetic, not bit operators: a safe integer can be wider than 32 bits.
  while (v >= 128) {
    buf[pos++] = (v % 128) | 128;
    v = Math.floor(v / 128);
  }
  buf[pos++] = v;
}

function intern(ids: Map<string, number>, list: string[], s: string): number {
  let id = ids.get(s);
  if (id === undefined) {
    id = list.length;
    list.push(s);
    ids.set(s, id);
  }
  return id;
}

function write(t: PackTables, v: unknown): void {
  switch (typeof v) {
    case 'number':
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) token(v < 0 ? NEG : INT, v < 0 ? -v - 1 : v);
      else {
        token(FLOAT, 0);
        view.setFloat64(pos, v);
        pos += 8;
      }
      return;
    case 'string':
      token(STR, intern(t.stringIds, t.strings, v));
      return;
    case 'boolean':
      token(CONST, v ? C_TRUE : C_FALSE);
      return;
    case 'undefined':
      token(CONST, C_UNDEFINED);
      return;
    case 'object':
      if (v === null) token(CONST, C_NULL);
      else if (Array.isArray(v)) {
        const a = v as unknown[];
        token(ARR, a.length);
        for (let i = 0; i < a.length; i++) write(t, a[i]);
      } else {
        // Records are plain data (from the engine or JSON.parse): for…in sees exactly their own keys.
        const o = v as Record<string, unknown>;
        token(OBJ, shapeOf(t, o));
        for (const k in o) write(t, o[k]);
      }
      return;
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new Error(`A turn record holds a ${typeof v}, which a record cannot keep`);
  }
}

/** Packs `records` (plain data: objects, arrays, strings, numbers, booleans, null) with `t`'s numbering. */
export function packRecords(t: PackTables, records: readonly TurnRecord[]): PackedRecords {
  pos = 0;
  const starts = new Uint32Array(records.length + 1);
  for (let i = 0; i < records.length; i++) {
    starts[i] = pos;
    write(t, records[i]);
  }
  starts[records.length] = pos;
  return { bytes: buf.slice(0, pos), starts };
}

/** A reader over one pack's bytes. */
class Reader {
  at = 0;
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly t: PackTables,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  value(): unknown {
    const b = this.bytes[this.at++]!;
    const kind = b & 7;
    let n = b >>> 3;
    if (n > INLINE_MAX) {
      let v = 0;
      let scale = 1;
      for (;;) {
        const x = this.bytes[this.at++]!;
        v += (x & 127) * scale;
        if (x < 128) break;
        scale *= 128;
      }
      n = v + INLINE_MAX + 1;
    }
    switch (kind) {
      case INT:
        return n;
      case NEG:
        return -n - 1;
      case FLOAT: {
        const f = this.view.getFloat64(this.at);
        this.at += 8;
        return f;
      }
      case STR:
        return this.t.strings[n];
      case ARR: {
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) out[i] = this.value();
        return out;
      }
      case OBJ: {
        const o: Record<string, unknown> = {};
        for (const k of this.t.shapes[n]!) {
          // An own "__proto__" key (JSON.parse makes one) must stay a key, not become the prototype.
          if (k === '__proto__') Object.defineProperty(o, k, { value: this.value(), enumerable: true, writable: true, configurable: true });
          else o[k] = this.value();
        }
        return o;
      }
      default:
        return n === C_NULL ? null : n === C_TRUE ? true : n === C_FALSE ? false : undefined;
    }
  }
}

/** pure; record `i` of `p`, as new objects. */
export function unpackRecord(t: PackTables, p: PackedRecords, i: number): TurnRecord {
  const r = new Reader(p.bytes, t);
  r.at = p.starts[i]!;
  return r.value() as TurnRecord;
}
