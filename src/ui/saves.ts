// Saved games: versioned records in localStorage, one key each; anything that cannot resume is set aside under another key.
import { z } from 'zod';
import { MAX_ACTORS } from '../engine/compiler.js';
import { MAX_SEED_CHARS as SEED_MAX, seedProblem } from '../engine/index.js';

/** The single autosave slot of earlier versions, moved into the list of saved games at start (saveSlots.ts). */
export const SAVE_KEY = 'statecraft.save';
export const SET_ASIDE_PREFIX = 'statecraft.save.set-aside.';
export const SAVE_FORMAT = 'statecraft-save';
export const SAVE_VERSION = 1;

export { seedProblem };

// Keys are scenario ids (never "__proto__" or other text a plain object would treat specially).
const idKey = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'an id: lower-case letters, digits and _, starting with a letter');
const choice = z.object({ action: z.string().max(64), dilemmas: z.record(idKey, z.string().max(64)).optional() }).strict();
const choices = z.record(idKey, choice);
const seat = z
  .number()
  .int()
  .min(0)
  .max(MAX_ACTORS - 1);
const phase = z.union([
  z.object({ name: z.enum(['briefing', 'main']), seat }).strict(),
  z.object({ name: z.literal('handover'), seat, then: z.enum(['briefing', 'main']) }).strict(),
  z.object({ name: z.enum(['resolution', 'ending']) }).strict(),
]);

export const saveSchema = z
  .object({
    format: z.literal(SAVE_FORMAT),
    version: z.literal(SAVE_VERSION),
    savedAt: z.string().max(40),
    scenario: z
      .object({
        id: z.string().max(64),
        hash: z.string().regex(/^[0-9a-f]{64}$/),
        bundled: z.string().max(64).nullable(),
        file: z
          .object({ name: z.string().max(300), text: z.string().max(6_000_000) })
          .strict()
          .nullable(),
      })
      .strict(),
    seed: z
      .string()
      .max(SEED_MAX * 2)
      .superRefine((v, ctx) => {
        const problem = seedProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: `the seed cannot be used: ${problem}` });
      }),
    seats: z.record(idKey, z.enum(['human', 'ai'])),
    aiFuzz: z.number().min(0).max(1).nullable(),
    turns: z.array(choices).max(1000),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    phase,
    draft: choices,
  })
  .strict();

export type SaveData = z.infer<typeof saveSchema>;
export type SavedPhase = z.infer<typeof phase>;

export type ReadOutcome = { kind: 'none' } | { kind: 'ok'; save: SaveData } | { kind: 'bad'; reason: string };

/** The part of Web Storage the autosave uses (tests pass their own). */
export interface SaveStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

function storage(): SaveStore | null {
  try {
    return (globalThis as { localStorage?: SaveStore }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** The path of the first "__proto__" key in parsed JSON (a schema check would drop it without a word), or null. */
function protoKeyPath(value: unknown, path: string[]): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__') return [...path, k].join('.');
    const inner = protoKeyPath(v, [...path, k]);
    if (inner) return inner;
  }
  return null;
}

/** Why a stored value is not a save this version reads, in a sentence; null when it is one. */
export function diagnoseSave(raw: string): { save: SaveData } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { reason: 'the saved game is corrupt (not valid JSON)' };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== SAVE_FORMAT) {
    return { reason: 'the stored data is not a Statecraft save (foreign format)' };
  }
  const version = (value as { version?: unknown }).version;
  if (version !== SAVE_VERSION) {
    return { reason: `the saved game uses save format version ${String(version)}; this version of the game reads version ${SAVE_VERSION}` };
  }
  let proto: string | null;
  try {
    proto = protoKeyPath(value, []);
  } catch {
    return { reason: 'the saved game is damaged (nested too deeply to read)' };
  }
  if (proto) return { reason: `the saved game is damaged (${proto}: a "__proto__" key, which no save has)` };
  const parsed = saveSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `the saved game is damaged (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'})` };
  }
  return { save: parsed.data };
}

/** Raw texts of saves that could be neither moved nor removed: ignored until the page is reloaded. */
const ignored = new Set<string>();

/** This page's Web Storage, or null when the browser refuses it. */
export function saveStore(): SaveStore | null {
  return storage();
}

/** Reads the save under `key`; never throws. */
export function readSave(store: SaveStore | null = storage(), key: string = SAVE_KEY): ReadOutcome {
  if (!store) return { kind: 'none' };
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null || ignored.has(raw)) return { kind: 'none' };
  const d = diagnoseSave(raw);
  return 'save' in d ? { kind: 'ok', save: d.save } : { kind: 'bad', reason: d.reason };
}

/**
 * What became of a save set aside: kept under another key; dropped (there was no room for a copy, so the main slot
 * was freed and the text is handed back to be offered as a download); stuck (the main slot could not even be
 * freed, so it is ignored until a reload); or none (nothing stored).
 */
export type SetAsideOutcome = { kind: 'kept'; key: string } | { kind: 'dropped'; raw: string; why: string } | { kind: 'stuck'; why: string } | { kind: 'none' };

const why = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Moves the save under `slot` to a set-aside key, freeing its slot even when no copy fits; never throws. */
export function setAsideSave(store: SaveStore | null = storage(), slot: string = SAVE_KEY): SetAsideOutcome {
  if (!store) return { kind: 'none' };
  let raw: string | null;
  let key: string;
  try {
    raw = store.getItem(slot);
    if (raw === null) return { kind: 'none' };
    key = SET_ASIDE_PREFIX + new Date().toISOString();
    for (let n = 2; store.getItem(key) !== null; n++) key = `${SET_ASIDE_PREFIX}${new Date().toISOString()}-${n}`;
  } catch (e) {
    return { kind: 'stuck', why: why(e) };
  }
  let full: unknown = null;
  try {
    store.setItem(key, raw);
  } catch (e) {
    full = e;
  }
  try {
    store.removeItem(slot);
  } catch (e) {
    ignored.add(raw);
    return { kind: 'stuck', why: why(e) };
  }
  if (full === null) return { kind: 'kept', key };
  // No room for two copies: with the main slot freed, one may fit.
  try {
    store.setItem(key, raw);
    return { kind: 'kept', key };
  } catch (e) {
    return { kind: 'dropped', raw, why: why(e) };
  }
}

/** Writes `save` under `key`; returns an error message when the browser refused (storage full or disabled). */
export function writeSave(save: SaveData, key: string): string | null {
  const s = storage();
  if (!s) return 'this browser does not allow saving (storage is disabled)';
  try {
    s.setItem(key, JSON.stringify(save));
    return null;
  } catch (e) {
    return `the game could not be saved: ${(e as Error).message}`;
  }
}

/** Keys of saves set aside earlier, oldest first. */
export function setAsideKeys(store: SaveStore | null = storage()): string[] {
  const s = store;
  if (!s) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(SET_ASIDE_PREFIX)) keys.push(k);
    }
  } catch {
    return [];
  }
  return keys.sort();
}
