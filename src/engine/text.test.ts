import { describe, expect, it } from 'vitest';
import { closest, showChar } from './text.js';

describe('closest', () => {
  it('prefers a match that differs only in case over a nearer spelling', () => {
    expect(closest('tension', ['tensions', 'Tension'])).toBe('Tension');
  });

  it('breaks ties by the smallest name whatever the order the candidates come in', () => {
    expect(closest('cat', ['cot', 'bat'])).toBe('bat');
    expect(closest('cat', ['bat', 'cot'])).toBe('bat');
  });

  it('gives nothing for a name more than two edits away or as short as the edits', () => {
    expect(closest('economy', ['security'])).toBeNull();
    expect(closest('ab', ['xy'])).toBeNull();
  });
});

describe('showChar', () => {
  it('quotes a visible character and names an invisible one by its code point', () => {
    expect(showChar('x')).toBe("'x'");
    expect(showChar("'")).toBe(`"'"`);
    expect(showChar('\u0007')).toBe('U+0007');
    expect(showChar('\u200b')).toBe('U+200B');
    expect(showChar('\u2028')).toBe('U+2028');
  });
});
