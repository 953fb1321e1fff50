import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../tests/unit/fixtures.js';
import { createGame, step } from '../engine/index.js';
import { historyCsv } from './historyCsv.js';

const tutorial = loadScenario('tutorial');

describe('historyCsv (the browser export)', () => {
  it.each(['=HYPERLINK("http://x")', '@SUM(1)', '-1+2', '+1', '\tx', 'a,"b"\nc'])('defuses and quotes the seed %j and keeps numbers as numbers', (seed) => {
    let s = createGame(tutorial, { seed });
    while (!s.over) s = step(tutorial, s, {}).state;
    const rows = parse(historyCsv(tutorial, s, (t) => `=cmd|' /C calc'!A${t}`), { record_delimiter: '\r\n', relax_quotes: false }) as string[][];
    expect(rows).toHaveLength(s.history.length + 1);
    for (const row of rows.slice(1)) {
      const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
      expect(row[0]).toBe(cell(`tutorial:${seed}`));
      expect(row[2]).toBe(cell(seed));
      expect(row[3]).toMatch(/^\d+$/);
      if (row[3] !== '0') expect(row[4]).toBe(`'=cmd|' /C calc'!A${row[3]}`);
      for (const v of row.slice(5, 5 + tutorial.def.indicators.length)) expect(v).toMatch(/^-?\d+(\.\d+)?$/);
    }
  });
});
