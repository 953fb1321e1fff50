// Secrets of a classroom: seat and instructor tokens (128 random bits), stored only as hashes, compared in constant time.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * A new token: 128 random bits as 32 hex digits, URL-safe. Not base64url: one token in 64 would start with "-", which
 * a command line reads as an option (`classroom export --token -abc…` was refused as ambiguous).
 */
export function newToken(): string {
  return randomBytes(16).toString('hex');
}

/** The hash a token is stored and looked up by (never the token itself). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` hashes to `hash`, compared in constant time. */
export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Letters and digits nobody misreads on a projector: no 0/O, 1/I/L. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A join code of `length` characters from CODE_ALPHABET. */
export function newJoinCode(length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!;
  return code;
}
