// Replay files: the schema a replay read from a file must match, and its parser with a readable reason.
import { z } from 'zod';
import { MAX_REPLAY_INDICATORS, REPLAY_FORMAT, REPLAY_VERSION, type Replay } from './replay.js';
import { MAX_SEED_CHARS } from './seed.js';

const choiceSchema = z.object({ action: z.string().max(64), dilemmas: z.record(z.string().max(64), z.string().max(64)).optional() }).strict();

export const replaySchema = z
  .object({
    format: z.literal(REPLAY_FORMAT),
    formatVersion: z.number().int(),
    engineVersion: z.string().max(40),
    scenario: z.object({ id: z.string().max(64), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    // Seeds are counted in characters (createGame checks them); 200 characters are at most 400 UTF-16 units.
    seed: z
      .string()
      .min(1)
      .max(2 * MAX_SEED_CHARS),
    seats: z.record(z.string().max(64), z.enum(['human', 'ai'])),
    aiFuzz: z.number().min(0).max(1).nullable(),
    initialHash: z.string().regex(/^[0-9a-f]{64}$/),
    turns: z
      .array(
        z
          .object({
            turn: z.number().int().min(1),
            choices: z.record(z.string().max(64), choiceSchema),
            hash: z.string().regex(/^[0-9a-f]{64}$/),
            indicators: z.array(z.number()).max(MAX_REPLAY_INDICATORS),
          })
          .strict(),
      )
      .max(1000),
    ending: z.string().max(64).nullable(),
    finalHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

// The schema and the recorded type must describe the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<z.infer<typeof replaySchema>, Replay> = true;
void _sameShape;

/** pure; checks a parsed JSON value is a replay this engine reads, with a readable reason when not. */
export function parseReplay(value: unknown): { ok: true; replay: Replay } | { ok: false; message: string } {
  if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format === REPLAY_FORMAT) {
    const v = (value as { formatVersion?: unknown }).formatVersion;
    if (typeof v === 'number' && v !== REPLAY_VERSION)
      return { ok: false, message: `this replay uses format version ${v}; this engine reads version ${REPLAY_VERSION}` };
  }
  const r = replaySchema.safeParse(value);
  if (r.success) return { ok: true, replay: r.data };
  const issue = r.error.issues[0]!;
  const where = issue.path.length
    ? issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '')
    : '(root)';
  return { ok: false, message: `not a valid replay: ${where}: ${issue.message}` };
}
