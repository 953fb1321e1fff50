import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, csvText, type CsvValue } from './csv.js';

const FORMULA = /^[=+\-@\t\r]/;
const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ',', "'", ' ', 'a', '1', 'HYPERLINK("http://x")', 'SUM(1)'),
    maxLength: 10,
  }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const cell: fc.Arbitrary<CsvValue> = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** What a spreadsheet reads for a text cell written through csvField: the text, after the apostrophe if one was added. */
const readAs = (v: CsvValue) => (typeof v === 'number' ? (Object.is(v, -0) ? '0' : String(v)) : FORMULA.test(v) ? `'${v}` : v);

describe('csvField', () => {
  it('round-trips any table through a strict RFC 4180 parser to the same cells, no text cell starting with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const back = parse(csvText(rows), { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
        expect(back).toEqual(rows.map((r) => r.map(readAs)));
        rows.forEach((r, i) =>
          r.forEach((v, j) => {
            if (typeof v === 'string') expect(back[i]![j]!).not.toMatch(FORMULA);
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('writes numbers as numbers, unquoted, even negative ones', () => {
    expect(csvRow([-1, 2.5, 0, Number.NaN, Infinity])).toBe('-1,2.5,0,,\r\n');
  });

  it('defuses the seeds of issue 9 and quotes what needs quoting', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('plain')).toBe('plain');
  });
});
