import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packRecords, PackTables, unpackRecord } from './recordPack.js';
import type { TurnRecord } from './types.js';

/** Any JSON-like value a record could hold, with the numbers that need care: -0, wide integers, fractions. */
const valueArb = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, 30, 31, 32, 127, 128, 16_383, 16_384, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 60),
    fc.string({ unit: 'binary' }),
    fc.boolean(),
    fc.constant(null),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 40 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), tie('node'), { maxKeys: 8, noNullPrototype: true }),
  ),
})).node;

const asRecord = (v: unknown) => ({ turn: 1, choices: {}, events: [], ledger: [], indicators: [], v }) as unknown as TurnRecord;

describe('packRecords', () => {
  it('reads back every record exactly as it was packed, with the same keys in the same order', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 6 }), (values) => {
        const t = new PackTables();
        const records = values.map(asRecord);
        const p = packRecords(t, records);
        records.forEach((r, i) => {
          const back = unpackRecord(t, p, i);
          expect(back).toStrictEqual(r);
          expect(JSON.stringify(back)).toBe(JSON.stringify(r));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps -0 apart from 0 and an undefined property apart from a missing one', () => {
    const t = new PackTables();
    const r = asRecord({ zero: -0, gone: undefined, n: [1.5, -7, 2 ** 53 - 1] });
    const back = unpackRecord(t, packRecords(t, [r]), 0) as unknown as { v: { zero: number; gone: undefined; n: number[] } };
    expect(Object.is(back.v.zero, -0)).toBe(true);
    expect('gone' in back.v).toBe(true);
    expect(back.v.n).toEqual([1.5, -7, 2 ** 53 - 1]);
  });

  it('tells apart shapes whose keys would join to the same text', () => {
    const t = new PackTables();
    const records = [asRecord({}), asRecord({ '': 0 }), asRecord({ 'a\u0000b': 1, c: 2 }), asRecord({ a: 1, 'b\u0000c': 2 })];
    const p = packRecords(t, records);
    records.forEach((r, i) => expect(unpackRecord(t, p, i)).toStrictEqual(r));
  });

  it('numbers each string and shape once, so a repeated one costs a byte', () => {
    const t = new PackTables();
    const one = packRecords(t, [asRecord({ actor: 'north_korea' })]);
    const two = packRecords(t, [asRecord({ actor: 'north_korea' }), asRecord({ actor: 'north_korea' })]);
    expect(two.bytes.length).toBe(2 * one.bytes.length);
    expect(t.strings.filter((s) => s === 'north_korea')).toHaveLength(1);
  });

  it('refuses a value a record cannot keep rather than dropping it', () => {
    expect(() => packRecords(new PackTables(), [asRecord(() => 1)])).toThrow(/function/);
  });
});
