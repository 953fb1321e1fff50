import { describe, expect, it } from 'vitest';
import { classRoute, instructorLink, normaliseCode } from './route.js';

describe('classRoute', () => {
  it('reads a join code from the query, in upper case', () => {
    expect(classRoute('?join=abcd23', '')).toEqual({ kind: 'join', code: 'ABCD23' });
  });
  it('reads the instructor link back from its fragment', () => {
    const link = new URL(instructorLink('http://host:8080', 'ABCD23', 'x'.repeat(32)));
    expect(classRoute(link.search, link.hash)).toEqual({ kind: 'dashboard', code: 'ABCD23', token: 'x'.repeat(32) });
  });
  it('opens the dashboard by code alone, the token then coming from storage', () => {
    expect(classRoute('?dashboard=ABCD23', '')).toEqual({ kind: 'dashboard', code: 'ABCD23', token: null });
  });
  it('says why a damaged code or instructor link cannot be used', () => {
    expect(classRoute('?project=a!', '')).toMatchObject({ kind: 'error', message: expect.stringContaining('not a class code') });
    expect(classRoute('', '#instructor=ABCD23.short')).toMatchObject({ kind: 'error' });
  });
  it("leaves the game's own addresses alone", () => {
    expect(classRoute('?scenario=tutorial&seed=x', '')).toBeNull();
  });
});

describe('normaliseCode', () => {
  it('drops the spaces and dashes a student types', () => {
    expect(normaliseCode(' abc-d23 ')).toBe('ABCD23');
    expect(normaliseCode('ab')).toBeNull();
  });
});
