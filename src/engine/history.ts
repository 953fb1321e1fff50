// A game's turn records as an append-only list: each state sees its own prefix of one shared backing array.
import type { KeptMemo } from './eventMemo.js';
import type { TurnRecord } from './types.js';

/**
 * An immutable list of turn records. `append` is O(1) amortised: a new list shares its records with the old one
 * (which keeps its own length, so it never sees the new record); appending to a list that was already appended to
 * copies its prefix first. Serializes (JSON.stringify) as a plain array.
 */
export class History implements Iterable<TurnRecord> {
  readonly #items: TurnRecord[];
  readonly length: number;
  readonly #memo: KeptMemo | null;

  private constructor(items: TurnRecord[], length: number, memo: KeptMemo | null) {
    this.#items = items;
    this.length = length;
    this.#memo = memo;
  }

  /** The event conditions the state of this history was opened with (eventMemo.ts); private, so never serialized or compared. */
  get memo(): KeptMemo | null {
    return this.#memo;
  }

  /** pure; a history of these records (copied). */
  static of(records: readonly TurnRecord[], memo: KeptMemo | null = null): History {
    return new History(records.slice(), records.length, memo);
  }

  /** pure; `h` itself, or a history of a plain array's records (a state that went through JSON). */
  static from(h: History | readonly TurnRecord[]): History {
    return h instanceof History ? h : History.of(h);
  }

  /** pure; this history with `record` after its last one (and the event conditions its state was opened with). */
  append(record: TurnRecord, memo: KeptMemo | null = null): History {
    const items = this.#items.length === this.length ? this.#items : this.#items.slice(0, this.length);
    items.push(record);
    return new History(items, this.length + 1, memo);
  }

  /** The record at `i` (negative: from the end), as Array.prototype.at. */
  at(i: number): TurnRecord | undefined {
    const k = i < 0 ? this.length + i : i;
    return k >= 0 && k < this.length ? this.#items[k] : undefined;
  }

  *[Symbol.iterator](): Iterator<TurnRecord> {
    for (let i = 0; i < this.length; i++) yield this.#items[i]!;
  }

  map<T>(fn: (record: TurnRecord, index: number) => T): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = fn(this.#items[i]!, i);
    return out;
  }

  forEach(fn: (record: TurnRecord, index: number) => void): void {
    for (let i = 0; i < this.length; i++) fn(this.#items[i]!, i);
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
    for (let i = 0; i < this.length; i++) if (fn(this.#items[i]!, i)) return this.#items[i];
    return undefined;
  }

  some(fn: (record: TurnRecord, index: number) => boolean): boolean {
    return this.toArray().some(fn);
  }

  /** pure; the records as a new array. */
  toArray(): TurnRecord[] {
    return this.#items.slice(0, this.length);
  }

  toJSON(): TurnRecord[] {
    return this.toArray();
  }
}
