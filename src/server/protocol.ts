// The classroom's messages, one zod schema each way: every message a client sends is checked before anything reads it.
import { z } from 'zod';
import type { Dashboard, ProjectorState, SeatState } from './views.js';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/);
const code = z.string().min(4).max(12);
const token = z.string().min(16).max(64);
const table = z.number().int().min(0).max(999);
const choice = z.object({ action: id, dilemmas: z.record(id, id).optional() }).strict();

export const clientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('join'), code, table, role: id }).strict(),
  z.object({ t: z.literal('hello'), code, token }).strict(),
  z.object({ t: z.literal('submit'), turn: z.number().int().min(1).max(100_000), choice: z.union([choice, z.literal('ai')]) }).strict(),
  z.object({ t: z.literal('watch'), code, token }).strict(),
  z.object({ t: z.literal('advance'), table }).strict(),
  z.object({ t: z.literal('reassign'), table, role: id }).strict(),
  z.object({ t: z.literal('pause'), table, paused: z.boolean() }).strict(),
  z.object({ t: z.literal('seatAi'), table, role: id, ai: z.boolean() }).strict(),
  z.object({ t: z.literal('end'), table }).strict(),
  z.object({ t: z.literal('projector'), code }).strict(),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

export const createRequest = z
  .object({
    scenario: z.string().min(1).max(5_000_000),
    seed: z.string().min(1).max(200),
    tables: z.number().int().min(1).max(60),
    humans: z.array(id).max(64),
    /** Seconds per turn; 0 or absent: no timer. */
    timer: z.number().int().min(0).max(3600).optional(),
  })
  .strict();
export type CreateRequest = z.infer<typeof createRequest>;

/** The largest message a client may send, in bytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** pure; a client message parsed and checked, or the reason it was refused. */
export function parseClientMessage(raw: string): { ok: true; message: ClientMessage } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const r = clientMessage.safeParse(value);
  if (r.success) return { ok: true, message: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, reason: `${issue.path.join('.') || 'message'}: ${issue.message}` };
}

/** Every message the server sends. */
export type ServerMessage =
  | { t: 'joined'; code: string; table: number; role: string; token: string }
  | { t: 'seat'; state: SeatState }
  | { t: 'accepted'; turn: number }
  | { t: 'dashboard'; dashboard: Dashboard }
  | { t: 'projector'; projector: ProjectorState }
  | { t: 'refused'; to?: string; reason: string };
