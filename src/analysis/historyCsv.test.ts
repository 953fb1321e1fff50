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
    const rows = parse(
      historyCsv(tutorial, s, (t) => `=cmd|' /C calc'!A${t}`),
      { record_delimiter: '\r\n', relax_quotes: false },
    ) as string[][];
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

describe('historyCsv for grading', () => {
  it('rounds numbers to one decimal, writes labels beside ids, dilemma answers, and the ending and scores on the last row', () => {
    const sc = loadScenario('party-congress');
    let s = createGame(sc, { seed: 'grades' });
    while (!s.over) s = step(sc, s, {}).state;
    const [header, ...rows] = parse(
      historyCsv(sc, s, (t) => `T${t}`),
      { record_delimiter: '\r\n' },
    ) as string[][];
    const col = (name: string) => header!.indexOf(name);
    for (const r of rows) for (const ind of sc.def.indicators) expect(r[col(ind.id)]).toMatch(/^-?\d+(\.\d)?$/);
    const first = rows[1]!;
    const action = first[col('action_nk')]!;
    expect(first[col('action_label_nk')]).toBe(sc.def.actions.find((a) => a.id === action)!.label);
    const answered = rows.find((r) => sc.def.actors.some((a) => r[col(`dilemmas_${a.id}`)] !== ''));
    expect(answered).toBeDefined();
    const last = rows.at(-1)!;
    expect(last[col('ending')]).toBe(s.ending);
    expect(last[col('ending_title')]).toBe(sc.def.endings.find((e) => e.id === s.ending)!.title);
    for (const a of sc.def.actors) expect(Number(last[col(`score_${a.id}`)])).toBeLessThanOrEqual(Number(last[col(`max_score_${a.id}`)]));
    expect(rows[0]![col('score_nk')]).toBe('');
  });
});
