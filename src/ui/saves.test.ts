import { describe, expect, it } from 'vitest';
import { hotSeatSave } from '../../tests/unit/saveFixtures.js';
import { diagnoseSave, readSave, SAVE_KEY, SET_ASIDE_PREFIX, seedProblem, setAsideKeys, setAsideSave, type SaveStore } from './saves.js';

/** An in-memory Web Storage with a quota in UTF-16 code units over keys and values, as browsers count it. */
class QuotaStore implements SaveStore {
  readonly map = new Map<string, string>();
  constructor(
    private readonly quota = 5_000_000,
    private readonly refuse: (key: string) => boolean = () => false,
    private readonly stuck = false,
  ) {}
  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    const used = [...this.map].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
    if (this.refuse(k) || used + k.length + v.length > this.quota) {
      const e = new Error(`Setting the value of '${k}' exceeded the quota.`);
      e.name = 'QuotaExceededError';
      throw e;
    }
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    if (this.stuck) throw new Error('storage is read-only');
    this.map.delete(k);
  }
}

/** A damaged save of about `chars` characters: a real save with its JSON cut off. */
function damaged(chars: number): string {
  const text = JSON.stringify({ ...hotSeatSave(0, 'main'), padding: 'x'.repeat(chars) });
  return text.slice(0, chars);
}

describe('seeds a save may hold', () => {
  it('accepts ordinary text and 200 emoji, counting characters rather than UTF-16 units', () => {
    expect(seedProblem('class-7')).toBeNull();
    expect(seedProblem('🙂'.repeat(200))).toBeNull();
  });

  it('rejects a lone surrogate, an empty seed and 201 characters, each with its reason', () => {
    expect(seedProblem('a\uD800b')).toMatch(/unpaired surrogate \(\\uD800 at position 2\)/);
    expect(seedProblem('\uDC00')).toMatch(/unpaired surrogate \(\\uDC00 at position 1\)/);
    expect(seedProblem('')).toMatch(/1 to 200 characters \(this one has 0\)/);
    expect(seedProblem('x'.repeat(201))).toMatch(/this one has 201/);
  });

  it('makes a stored save with a lone-surrogate seed a damaged one, naming the seed', () => {
    const raw = JSON.stringify({ ...hotSeatSave(0, 'main'), seed: '\uD83D' });
    const d = diagnoseSave(raw);
    expect('reason' in d && d.reason).toMatch(/^the saved game is damaged \(seed: the seed cannot be used: a seed cannot hold an unpaired surrogate/);
  });

  it('refuses "__proto__" among the drafted choices and seats instead of dropping it silently', () => {
    const save = hotSeatSave(0, 'handover');
    const raw = JSON.stringify(save).replace('"draft":{', '"draft":{"__proto__":{"action":"protest"},');
    const d = diagnoseSave(raw);
    expect('reason' in d && d.reason).toMatch(/draft.__proto__/);
    const seats = JSON.stringify(save).replace('"seats":{', '"seats":{"__proto__":"human",');
    expect(diagnoseSave(seats)).toHaveProperty('reason');
  });
});

describe('setting a save aside', () => {
  it('copies it to a set-aside key and frees the main slot', () => {
    const store = new QuotaStore();
    store.setItem(SAVE_KEY, '{"broken":');
    const out = setAsideSave(store);
    expect(out.kind).toBe('kept');
    expect(store.getItem(SAVE_KEY)).toBeNull();
    expect(setAsideKeys(store)).toHaveLength(1);
    expect(store.getItem(setAsideKeys(store)[0]!)).toBe('{"broken":');
  });

  it('keeps a 4.5 MB damaged save that has no room for a second copy by freeing the main slot first', () => {
    const store = new QuotaStore(5_000_000);
    const raw = damaged(4_500_000);
    store.setItem(SAVE_KEY, raw);
    expect(readSave(store).kind).toBe('bad');
    const out = setAsideSave(store);
    expect(out.kind).toBe('kept');
    expect(store.getItem(SAVE_KEY)).toBeNull();
    expect(out.kind === 'kept' && store.getItem(out.key)).toBe(raw);
  });

  it('frees the main slot and hands the text back when even one copy does not fit', () => {
    const store = new QuotaStore(5_000_000, (k) => k.startsWith(SET_ASIDE_PREFIX));
    const raw = damaged(4_500_000);
    store.setItem(SAVE_KEY, raw);
    const out = setAsideSave(store);
    expect(out).toEqual({ kind: 'dropped', raw, why: expect.stringMatching(/^QuotaExceededError: /) });
    expect(store.getItem(SAVE_KEY)).toBeNull();
    expect(readSave(store).kind).toBe('none');
  });

  it('ignores a save that can be neither copied nor removed, so the same failure is not met again this session', () => {
    const store = new QuotaStore(5_000_000, () => true, true);
    store.map.set(SAVE_KEY, '{"broken":');
    expect(setAsideSave(store).kind).toBe('stuck');
    expect(store.getItem(SAVE_KEY)).toBe('{"broken":');
    expect(readSave(store).kind).toBe('none');
  });

  it('reports nothing to do when there is no save or no storage', () => {
    expect(setAsideSave(new QuotaStore()).kind).toBe('none');
    expect(setAsideSave(null).kind).toBe('none');
  });
});
