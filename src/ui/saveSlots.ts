// The list of saved games: one key per game ("statecraft.slot.g<n>"), newest first, the old single slot migrated in.
import { readSave, SAVE_KEY, saveStore, type ReadOutcome, type SaveData, type SaveStore } from './saves.js';

export const SLOT_PREFIX = 'statecraft.slot.';
/** Which tab holds a slot: the tab's id, written when it opens the game (tabGuard.ts). */
export const OWNER_PREFIX = 'statecraft.owner.';

const SLOT_ID = /^g([1-9][0-9]{0,8})$/;

/** pure; the storage key of slot `id`. */
export function slotKey(id: string): string {
  return SLOT_PREFIX + id;
}

/** pure; the slot id a storage key names, or null when it is no slot's key. */
export function slotIdOf(key: string): string | null {
  if (!key.startsWith(SLOT_PREFIX)) return null;
  const id = key.slice(SLOT_PREFIX.length);
  return SLOT_ID.test(id) ? id : null;
}

/** pure; a slot id none of `existing` uses: one past the highest number taken. */
export function newSlotId(existing: readonly string[]): string {
  let max = 0;
  for (const id of existing) {
    const m = SLOT_ID.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `g${max + 1}`;
}

export interface SlotEntry {
  id: string;
  outcome: ReadOutcome;
}

/** pure; slots newest first (by the time saved, then by slot number); unreadable ones last. */
export function orderSlots<T extends SlotEntry>(entries: readonly T[]): T[] {
  const when = (e: SlotEntry) => (e.outcome.kind === 'ok' ? e.outcome.save.savedAt : '');
  const num = (e: SlotEntry) => Number(SLOT_ID.exec(e.id)?.[1] ?? 0);
  return [...entries].sort((a, b) => (when(a) === when(b) ? num(b) - num(a) : when(a) < when(b) ? 1 : -1));
}

/** Ids of every slot in `store`; never throws. */
export function slotIds(store: SaveStore | null = saveStore()): string[] {
  if (!store) return [];
  const ids: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const id = slotIdOf(store.key(i) ?? '');
      if (id) ids.push(id);
    }
  } catch {
    return [];
  }
  return ids;
}

/** Every slot read, newest first; never throws. */
export function listSlots(store: SaveStore | null = saveStore()): SlotEntry[] {
  return orderSlots(slotIds(store).map((id) => ({ id, outcome: readSave(store, slotKey(id)) })));
}

/** The readable saved games, newest first. */
export function savedGames(store: SaveStore | null = saveStore()): Array<{ id: string; save: SaveData }> {
  const out: Array<{ id: string; save: SaveData }> = [];
  for (const e of listSlots(store)) if (e.outcome.kind === 'ok') out.push({ id: e.id, save: e.outcome.save });
  return out;
}

/**
 * Moves the single autosave of earlier versions into a slot of its own, unread (it is checked like any other slot);
 * the old key is removed once the copy is stored (or first, when there is room for one copy only). Returns the new slot's id, or null when there was nothing to move
 * or no room. Never throws.
 */
export function migrateLegacySave(store: SaveStore | null = saveStore()): string | null {
  if (!store) return null;
  try {
    const raw = store.getItem(SAVE_KEY);
    if (raw === null) return null;
    const id = newSlotId(slotIds(store));
    try {
      store.setItem(slotKey(id), raw);
    } catch {
      // No room for two copies: the old key is freed first, and put back if even one copy does not fit.
      store.removeItem(SAVE_KEY);
      try {
        store.setItem(slotKey(id), raw);
      } catch (e) {
        store.setItem(SAVE_KEY, raw);
        throw e;
      }
    }
    store.removeItem(SAVE_KEY);
    return id;
  } catch {
    return null;
  }
}

/** Removes a saved game and its owner mark; returns an error message when the browser refused. */
export function deleteSlot(id: string, store: SaveStore | null = saveStore()): string | null {
  if (!store) return 'this browser does not allow changing its storage';
  try {
    store.removeItem(slotKey(id));
    store.removeItem(OWNER_PREFIX + id);
    return null;
  } catch (e) {
    return `the saved game could not be deleted: ${(e as Error).message}`;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** pure; when a game was saved, in local time relative to `now`: "today 14:05", "yesterday 09:30", "3 Nov 2026 18:00". */
export function describeWhen(savedAt: string, now: Date): string {
  const t = new Date(savedAt);
  if (Number.isNaN(t.getTime())) return 'at an unknown time';
  const hm = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(t)) / 86_400_000);
  if (days === 0) return `today ${hm}`;
  if (days === 1) return `yesterday ${hm}`;
  return `${t.getDate()} ${MONTHS[t.getMonth()]} ${t.getFullYear()} ${hm}`;
}

export interface SlotSummary {
  title: string;
  roles: string;
  where: string;
  when: string;
}

/** pure; what the title screen says of a saved game: its scenario, who the humans play, its turn, when it was saved. */
export function summariseSave(save: SaveData, title: string, names: ReadonlyMap<string, string>, now: Date): SlotSummary {
  const humans = Object.entries(save.seats)
    .filter(([, s]) => s === 'human')
    .map(([id]) => names.get(id) ?? id);
  const roles = humans.length === 0 ? 'AI only' : humans.join(', ');
  const where = save.phase.name === 'ending' ? 'finished' : `turn ${save.turns.length + 1}`;
  return { title, roles, where, when: describeWhen(save.savedAt, now) };
}
