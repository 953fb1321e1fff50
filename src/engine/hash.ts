// Canonical serialization (RFC 8785 JSON canonicalization) and SHA-256 hashes of scenarios and states.
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { GameState } from './types.js';

/** pure; the canonical JSON text of a value (sorted keys, shortest round-trip numbers). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be serialized');
  return text;
}

/** pure; hex SHA-256 of a string. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** pure; the hash of a game state: everything but its history, canonically serialized. */
export function stateHash(state: GameState): string {
  const { history: _history, ...core } = state;
  return sha256Hex(canonicalJson(core));
}

/** pure; the content hash of a scenario file's parsed JSON. */
export function scenarioHash(def: unknown): string {
  return sha256Hex(canonicalJson(def));
}
