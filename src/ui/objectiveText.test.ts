import { describe, expect, it } from 'vitest';
import type { ObjectiveStatus, ObjectiveTerm } from '../engine/index.js';
import { objectiveLines, termText, thresholdText } from './objectiveText.js';

const term = (over: Partial<ObjectiveTerm>): ObjectiveTerm => ({
  kind: 'indicator',
  id: 'sk_security',
  label: 'South Korean public confidence',
  op: '>=',
  threshold: 60,
  value: 48,
  met: false,
  ...over,
});

describe('objectives in words', () => {
  it("says how far a comparison is from its threshold, named by the indicator's label", () => {
    expect(termText(term({}))).toBe('South Korean public confidence: needs 60 or more, now 48 (12 to go)');
    expect(termText(term({ op: '<', threshold: 58, value: 50, met: true }))).toBe('South Korean public confidence: needs below 58, now 50');
    expect(thresholdText('<=', '35')).toBe('35 or less');
    expect(termText(term({ op: '>', threshold: 20, value: 20 }))).toBe(
      'South Korean public confidence: needs more than 20, now 20 (just short: it must pass it)',
    );
  });

  it('never prints the exact value of a number the seat sees only as an estimate', () => {
    const text = termText(term({ value: 48.3 }), { exact: false, value: 46, low: 38, high: 54, error: 8 });
    expect(text).toBe('South Korean public confidence: needs 60 or more, your estimate ≈ 46 (38–54)');
    expect(text).not.toContain('48');
  });

  it('writes a flag comparison as yes or no', () => {
    expect(termText(term({ kind: 'flag', id: 'freeze', label: 'A testing freeze is in force', op: '>=', threshold: 1, value: 0 }))).toBe(
      'A testing freeze is in force: needs yes, now no',
    );
  });

  it('marks each objective met or not with an icon and words, "or" between alternatives, "by your estimate" where one is read', () => {
    const list: ObjectiveStatus[] = [
      {
        id: 'a',
        label: 'Capped',
        points: 3,
        met: false,
        join: 'or',
        terms: [
          term({ kind: 'flag', id: 'f', label: 'Freeze', threshold: 1, value: 0 }),
          term({ id: 'x', label: 'Arsenal', op: '<', threshold: 58, value: 60 }),
        ],
      },
      { id: 'b', label: 'Reassured', points: 2, met: true, join: null, terms: [term({ value: 61, met: true })] },
    ];
    const lines = objectiveLines(list, (id) => (id === 'sk_security' ? { exact: false, value: 61, low: 53, high: 69, error: 8 } : { exact: true, value: 60 }));
    expect(lines.map((l) => [l.icon, l.state])).toEqual([
      ['✗', 'Not met'],
      ['✓', 'Met by your estimate'],
    ]);
    expect(lines[0]!.details).toEqual(['Freeze: needs yes, now no', 'or Arsenal: needs below 58, now 60 (2 to go)']);
  });
});
