import { describe, expect, it } from 'vitest';
import { classRoute, instructorLink, normaliseCode, seatLink } from './route.js';

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
  it('reads the seat a seat link hands out, its table counted from 0', () => {
    const link = new URL(seatLink('http://host:8080', 'ABCD23', 2, 'sk'));
    expect(link.search).toBe('?join=ABCD23&seat=3-sk');
    expect(classRoute(link.search, link.hash)).toEqual({ kind: 'join', code: 'ABCD23', seat: { table: 2, role: 'sk' } });
  });
  it('says a damaged seat link cannot be used rather than joining some other seat', () => {
    for (const bad of ['0-sk', '3', '3-', 'x-sk', '3-s k', '1000-sk'])
      expect(classRoute(`?join=ABCD23&seat=${encodeURIComponent(bad)}`, '')).toMatchObject({ kind: 'error', message: expect.stringContaining('seat link') });
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
