// The autosave: one versioned record in localStorage; anything unreadable is set aside under another key, never deleted.
import { z } from 'zod';
import { MAX_ACTORS } from '../engine/compiler.js';

export const SAVE_KEY = 'statecraft.save';
export const SET_ASIDE_PREFIX = 'statecraft.save.set-aside.';
export const SAVE_FORMAT = 'statecraft-save';
export const SAVE_VERSION = 1;

const choice = z.object({ action: z.string().max(64), dilemmas: z.record(z.string().max(64), z.string().max(64)).optional() }).strict();
const choices = z.record(z.string().max(64), choice);
const seat = z.number().int().min(0).max(MAX_ACTORS - 1);
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
    scenario: z.object({
      id: z.string().max(64),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      bundled: z.string().max(64).nullable(),
      file: z.object({ name: z.string().max(300), text: z.string().max(6_000_000) }).strict().nullable(),
    }).strict(),
    seed: z.string().min(1).max(200),
    seats: z.record(z.string().max(64), z.enum(['human', 'ai'])),
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

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
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
  const parsed = saveSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `the saved game is damaged (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'})` };
  }
  return { save: parsed.data };
}

/** Reads the autosave; never throws. */
export function readSave(): ReadOutcome {
  const s = storage();
  if (!s) return { kind: 'none' };
  let raw: string | null;
  try {
    raw = s.getItem(SAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  const d = diagnoseSave(raw);
  return 'save' in d ? { kind: 'ok', save: d.save } : { kind: 'bad', reason: d.reason };
}

/** Moves the current autosave to a set-aside key and returns that key (null when nothing could be moved). */
export function setAsideSave(): string | null {
  const s = storage();
  if (!s) return null;
  try {
    const raw = s.getItem(SAVE_KEY);
    if (raw === null) return null;
    let key = SET_ASIDE_PREFIX + new Date().toISOString();
    for (let n = 2; s.getItem(key) !== null; n++) key = `${SET_ASIDE_PREFIX}${new Date().toISOString()}-${n}`;
    s.setItem(key, raw);
    s.removeItem(SAVE_KEY);
    return key;
  } catch {
    return null;
  }
}

/** Writes the autosave; returns an error message when the browser refused (storage full or disabled). */
export function writeSave(save: SaveData): string | null {
  const s = storage();
  if (!s) return 'this browser does not allow saving (storage is disabled)';
  try {
    s.setItem(SAVE_KEY, JSON.stringify(save));
    return null;
  } catch (e) {
    return `the game could not be saved: ${(e as Error).message}`;
  }
}

/** Keys of saves set aside earlier, oldest first. */
export function setAsideKeys(): string[] {
  const s = storage();
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
