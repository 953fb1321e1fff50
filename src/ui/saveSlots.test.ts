import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hotSeatSave } from '../../tests/unit/saveFixtures.js';
import { SAVE_KEY, type SaveStore } from './saves.js';
import {
  describeWhen,
  listSlots,
  migrateLegacySave,
  newSlotId,
  orderSlots,
  savedGames,
  slotIdOf,
  slotKey,
  summariseSave,
  type SlotEntry,
} from './saveSlots.js';

/** An in-memory Web Storage; `refuse` makes setItem throw for the keys it names, as a full browser storage does. */
class MapStore implements SaveStore {
  readonly map = new Map<string, string>();
  constructor(private readonly refuse: (key: string) => boolean = () => false) {}
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
    if (this.refuse(k)) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

const slotId = fc.integer({ min: 1, max: 999_999 }).map((n) => `g${n}`);

describe('the saved-game list', () => {
  it('gives a new game a slot id no existing slot uses, whatever else the storage holds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(slotId, fc.string())), (ids) => {
        const id = newSlotId(ids);
        expect(ids).not.toContain(id);
        expect(slotIdOf(slotKey(id))).toBe(id);
      }),
    );
  });

  it('lists slots newest first, keeping every one, with unreadable ones last', () => {
    const entry = fc
      .record({ id: slotId, at: fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }) })
      .map(({ id, at }): SlotEntry =>
        at === undefined
          ? { id, outcome: { kind: 'bad', reason: 'x' } }
          : { id, outcome: { kind: 'ok', save: { ...hotSeatSave(0, 'main'), savedAt: new Date(at).toISOString() } } },
      );
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 12 }), (entries) => {
        const out = orderSlots(entries);
        expect(out.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
        const when = (e: SlotEntry) => (e.outcome.kind === 'ok' ? e.outcome.save.savedAt : '');
        for (let i = 1; i < out.length; i++) expect(when(out[i - 1]!) >= when(out[i]!)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('moves the single save of earlier versions into the list without reading or losing it', () => {
    const store = new MapStore();
    const old = JSON.stringify(hotSeatSave(1, 'handover'));
    store.setItem(SAVE_KEY, old);
    store.setItem(slotKey('g4'), JSON.stringify(hotSeatSave(0, 'main')));
    expect(migrateLegacySave(store)).toBe('g5');
    expect(store.getItem(SAVE_KEY)).toBeNull();
    expect(store.getItem(slotKey('g5'))).toBe(old);
    expect(
      savedGames(store)
        .map((g) => g.id)
        .sort(),
    ).toEqual(['g4', 'g5']);
    expect(migrateLegacySave(store)).toBeNull();
  });

  it('moves a save that leaves room for only one copy by freeing the old key first', () => {
    const store: MapStore = new MapStore((k): boolean => k.startsWith('statecraft.slot.') && store.map.has(SAVE_KEY));
    store.map.set(SAVE_KEY, '{"big":');
    expect(migrateLegacySave(store)).toBe('g1');
    expect([...store.map]).toEqual([[slotKey('g1'), '{"big":']]);
  });

  it('keeps the old save where it was when the browser has no room for the copy', () => {
    const store = new MapStore((k) => k.startsWith('statecraft.slot.'));
    store.map.set(SAVE_KEY, '{"broken":');
    expect(migrateLegacySave(store)).toBeNull();
    expect(store.getItem(SAVE_KEY)).toBe('{"broken":');
  });

  it('reads a damaged slot as bad, next to a good one, so only the damaged one is set aside', () => {
    const store = new MapStore();
    store.setItem(slotKey('g1'), '{"broken":');
    store.setItem(slotKey('g2'), JSON.stringify(hotSeatSave(0, 'main')));
    store.setItem('statecraft.slot.not-a-slot', 'x');
    const kinds = Object.fromEntries(listSlots(store).map((e) => [e.id, e.outcome.kind]));
    expect(kinds).toEqual({ g1: 'bad', g2: 'ok' });
  });

  it('says when a game was saved: today, yesterday, or the date, in local time', () => {
    const now = new Date(2026, 11, 2, 15, 0);
    expect(describeWhen(new Date(2026, 11, 2, 9, 5).toISOString(), now)).toBe('today 09:05');
    expect(describeWhen(new Date(2026, 11, 1, 23, 59).toISOString(), now)).toBe('yesterday 23:59');
    expect(describeWhen(new Date(2026, 10, 3, 18, 0).toISOString(), now)).toBe('3 Nov 2026 18:00');
    expect(describeWhen('not a date', now)).toBe('at an unknown time');
  });

  it('summarises a save by its scenario, the roles humans play by name, and its turn', () => {
    const save = hotSeatSave(2, 'main');
    const s = summariseSave(
      save,
      'Tutorial',
      new Map([
        ['upland', 'Upland'],
        ['lowland', 'Lowland'],
      ]),
      new Date(save.savedAt),
    );
    expect(s).toEqual({ title: 'Tutorial', roles: 'Upland, Lowland', where: 'turn 3', when: expect.stringMatching(/^today \d\d:\d\d$/) });
    expect(summariseSave({ ...save, seats: { upland: 'ai', lowland: 'ai' }, phase: { name: 'ending' } }, 'T', new Map(), new Date()).roles).toBe('AI only');
  });
});
