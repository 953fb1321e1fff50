import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, hashToken, newJoinCode, newToken, tokenMatches } from './tokens.js';

describe('tokens', () => {
  it('are 128 random bits, stored as a hash that only the token matches', () => {
    const t = newToken();
    expect(t).toMatch(/^[0-9a-f]{32}$/);
    expect(Buffer.from(t, 'hex')).toHaveLength(16);
    expect(new Set(Array.from({ length: 200 }, newToken)).size).toBe(200);
    const h = hashToken(t);
    expect(h).not.toContain(t);
    expect(tokenMatches(t, h)).toBe(true);
    expect(tokenMatches(newToken(), h)).toBe(false);
    expect(tokenMatches(t, 'not-hex')).toBe(false);
  });

  it('never start with a dash, so a command line takes them as the value of --token', () => {
    for (let i = 0; i < 2000; i++) expect(newToken()).not.toMatch(/^-/);
  });

  it('make join codes from letters nobody misreads', () => {
    for (let i = 0; i < 200; i++) expect(newJoinCode()).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });
});
