// A game's turn records as an append-only list: each state sees its own prefix of one shared store, old records packed.
import type { KeptMemo } from './eventMemo.js';
import { packRecords, PackTables, unpackRecord, type PackedRecords } from './recordPack.js';
import type { TurnRecord } from './types.js';

/** How many records a packed block holds; the newest one to two blocks' worth stay as objects. */
export const PACK_BLOCK = 64;

/** The records behind one or more histories: the oldest packed in blocks, the rest as objects. Grows only. */
class Store {
  constructor(
    readonly tables: PackTables,
    readonly blocks: PackedRecords[],
    public recent: TurnRecord[],
  ) {}

  get packed(): number {
    return this.blocks.length * PACK_BLOCK;
  }

  get count(): number {
    return this.packed + this.recent.length;
  }

  at(k: number): TurnRecord {
    const p = this.packed;
    return k >= p ? this.recent[k - p]! : unpackRecord(this.tables, this.blocks[Math.floor(k / PACK_BLOCK)]!, k % PACK_BLOCK);
  }

  push(record: TurnRecord): void {
    this.recent.push(record);
    if (this.recent.length < 2 * PACK_BLOCK) return;
    this.blocks.push(packRecords(this.tables, this.recent.slice(0, PACK_BLOCK)));
    this.recent = this.recent.slice(PACK_BLOCK);
  }

  /** A store of this one's first `length` records, for a history that branches: packed blocks are shared. */
  prefix(length: number): Store {
    const whole = Math.min(this.blocks.length, Math.floor(length / PACK_BLOCK));
    const recent: TurnRecord[] = [];
    for (let k = whole * PACK_BLOCK; k < length; k++) recent.push(this.at(k));
    return new Store(this.tables, this.blocks.slice(0, whole), recent);
  }
}

/**
 * An immutable list of turn records. `append` is O(1) amortised: a new list shares its records with the old one
 * (which keeps its own length, so it never sees the new record); appending to a list that was already appended to
 * takes a copy of its prefix first. Records older than the newest one to two blocks are kept packed
 * (recordPack.ts), so reading one of them builds it afresh. Serializes (JSON.stringify) as a plain array.
 */
export class History implements Iterable<TurnRecord> {
  readonly #store: Store;
  readonly length: number;
  readonly #memo: KeptMemo | null;

  private constructor(store: Store, length: number, memo: KeptMemo | null) {
    this.#store = store;
    this.length = length;
    this.#memo = memo;
  }

  /** The event conditions the state of this history was opened with (eventMemo.ts); private, so never serialized or compared. */
  get memo(): KeptMemo | null {
    return this.#memo;
  }

  /** pure; a history of these records. */
  static of(records: readonly TurnRecord[], memo: KeptMemo | null = null): History {
    const store = new Store(new PackTables(), [], []);
    for (const r of records) store.push(r);
    return new History(store, records.length, memo);
  }

  /** pure; `h` itself, or a history of a plain array's records (a state that went through JSON). */
  static from(h: History | readonly TurnRecord[]): History {
    return h instanceof History ? h : History.of(h);
  }

  /** pure; this history with `record` after its last one (and the event conditions its state was opened with). */
  append(record: TurnRecord, memo: KeptMemo | null = null): History {
    const store = this.#store.count === this.length ? this.#store : this.#store.prefix(this.length);
    store.push(record);
    return new History(store, this.length + 1, memo);
  }

  /** The record at `i` (negative: from the end), as Array.prototype.at. */
  at(i: number): TurnRecord | undefined {
    const k = i < 0 ? this.length + i : i;
    return k >= 0 && k < this.length ? this.#store.at(k) : undefined;
  }

  *[Symbol.iterator](): Iterator<TurnRecord> {
    for (let i = 0; i < this.length; i++) yield this.#store.at(i);
  }

  map<T>(fn: (record: TurnRecord, index: number) => T): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = fn(this.#store.at(i), i);
    return out;
  }

  forEach(fn: (record: TurnRecord, index: number) => void): void {
    for (let i = 0; i < this.length; i++) fn(this.#store.at(i), i);
  }

  flatMap<T>(fn: (record: TurnRecord, index: number) => T | readonly T[]): T[] {
    return this.toArray().flatMap(fn);
  }

  /** pure; records `start` to `end` (exclusive) as a new array, as Array.prototype.slice. */
  slice(start?: number, end?: number): TurnRecord[] {
    return this.toArray().slice(start, end);
  }

  filter(fn: (record: TurnRecord, index: number) => boolean): TurnRecord[] {
    return this.toArray().filter(fn);
  }

  find(fn: (record: TurnRecord, index: number) => boolean): TurnRecord | undefined {
    for (let i = 0; i < this.length; i++) {
      const r = this.#store.at(i);
      if (fn(r, i)) return r;
    }
    return undefined;
  }

  some(fn: (record: TurnRecord, index: number) => boolean): boolean {
    return this.toArray().some(fn);
  }

  /** pure; the records as a new array. */
  toArray(): TurnRecord[] {
    const out = new Array<TurnRecord>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.#store.at(i);
    return out;
  }

  toJSON(): TurnRecord[] {
    return this.toArray();
  }
}
