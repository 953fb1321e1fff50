// Every file in tests/broken/ gives exactly the diagnostics listed for it in tests/broken/expected.json.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../engine/diagnostics.js';
import { formatDiagnostic, loadScenario } from './loadScenario.js';

interface Expectation {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  path: string;
  'message contains': string;
}

const dir = new URL('../../tests/broken/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, Expectation[]>;
const files = readdirSync(dir)
  .filter((f) => /^\d\d-[a-z0-9-]+\.json$/.test(f))
  .sort();

describe('the broken scenario corpus', () => {
  it('has at least 40 files, each with an expectation, and no expectation without a file', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it('is made from a base scenario that loads without any diagnostic', () => {
    const result = loadScenario(readFileSync(new URL('_base.json', dir), 'utf8'), '_base.json');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(files)('reports the expected problems in %s', (file) => {
    const result = loadScenario(readFileSync(new URL(file, dir), 'utf8'), file);
    const want = expected[file] ?? [];
    const got = result.diagnostics.map((d) => ({
      line: d.line,
      column: d.column,
      severity: d.severity,
      path: formatPath(d.path),
      message: d.message,
      text: formatDiagnostic(d),
    }));
    expect(
      got.map((d) => [d.line, d.column, d.severity, d.path]),
      got.map((d) => d.text).join('\n'),
    ).toEqual(want.map((w) => [w.line, w.column, w.severity, w.path]));
    want.forEach((w, i) => expect(got[i]?.message).toContain(w['message contains']));
    expect(result.ok).toBe(!want.some((w) => w.severity === 'error'));
  });
});
